"""A written PDF read back with a real parser (pypdf) before it may replace a file."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from ..domain.exports import ExportError


def count_pages(path: Path) -> int:
    """The number of pages in a PDF, read back strictly: a file cut short (a full disk) or
    otherwise damaged raises ExportError."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, DictionaryObject, NumberObject

    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - 1024))
            if b"%%EOF" not in handle.read():
                raise ExportError("the PDF has no end (its trailer is missing)")
        reader = PdfReader(path, strict=True)
        if "/Root" not in reader.trailer:
            raise ExportError("the PDF's trailer names no document")
        # The page tree's own count, and its last page read back: reading every page object
        # (len(reader.pages)) took most of a second for a handout of 4,000 pages.
        tree = cast(DictionaryObject, reader.root_object["/Pages"].get_object())
        kids = cast(ArrayObject, tree["/Kids"].get_object())
        if kids:
            cast(DictionaryObject, kids[-1].get_object())["/Type"]
        return int(cast(NumberObject, tree["/Count"]))
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ExportError("the PDF cannot be read back ({reason})", reason=exc) from exc


def check_pdf(temp: Path, painted: int, target: Path) -> None:
    """Qt's writer does not report a failed write, so a full disk would otherwise leave a
    truncated PDF in place: the new file must parse and hold every page painted."""
    try:
        pages = count_pages(temp)
    except ExportError as exc:
        raise ExportError(
            "cannot write {target}: {reason}; is the disk full? Any earlier file there was left "
            "as it was",
            target=target,
            reason=exc,
        ) from exc
    if pages != painted:
        raise ExportError(
            "cannot write {target}: the PDF has {pages} of its {painted} pages (is the disk "
            "full?); any earlier file there was left as it was",
            target=target,
            pages=pages,
            painted=painted,
        )
