"""Writing an export set to a file, in the format its name asks for."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from ..domain import language
from ..domain.errors import InputError
from ..domain.exports import ExportCancelled, ExportError, ExportOptions, PdfRenderer, format_for
from ..domain.language import words
from .appjson import FORMAT_NAME, FORMAT_VERSION
from .atomic import atomic_path, write_text_atomic
from .csv_export import write_csv
from .export_set import ExportSet
from .handout import handout, write_html
from .pdf_check import check_pdf
from .vcard import write_vcards

Progress = Callable[[int, int], None]  # done, total
Cancelled = Callable[[], bool]


def export(
    path: Path,
    export_set: ExportSet,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pdf_renderer: PdfRenderer | None = None,
) -> str:
    """Write the file atomically; returns a one-line summary. Cancelling writes nothing.

    A PDF needs `pdf_renderer` (the Qt one in ui/handout_pdf.py, handed in by the caller).
    """
    options = options or ExportOptions()
    fmt = format_for(path)
    total = len(export_set.entries)

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled("export cancelled; no file was written")
        if progress is not None:
            progress(done, total)

    step(0)
    if fmt == "csv":
        write_csv(path, export_set, options.columns, excel=options.excel, progress=step)
    elif fmt == "vcard":
        write_vcards(path, export_set, progress=step)
    elif fmt == "html":
        write_html(path, export_set, progress=step)
    elif fmt == "json":
        text = app_json(export_set)
        step(total)
        write_text_atomic(path, text)
    else:
        if pdf_renderer is None:
            raise InputError("PDF handouts need the Qt renderer; none was given")
        painted: list[int] = []
        with atomic_path(path, verify=lambda temp: check_pdf(temp, painted[0], path)) as temp:
            pages = pdf_renderer(
                temp,
                handout(export_set),
                paper=options.paper,
                progress=lambda share: step(round(share * total)),
            )
            if pages == 0:
                raise ExportError(
                    "cannot write {path}: the PDF came out empty (is the disk full?)", path=path
                )
            painted.append(pages)
        # The file is in place: from here on it is done, whatever Cancel says.
        return _summary(total, path, pages)
    return _summary(total, path)


def _summary(total: int, path: Path, pages: int | None = None) -> str:
    """What was written, for the person exporting: in the app's language, not the handout's."""
    with language.using(language.process_language()):
        count = (
            words("1 resource") if total == 1 else words("{total:,} resources").format(total=total)
        )
        if pages is None:
            return words("Wrote {count} to {path}").format(count=count, path=path)
        said = (
            words("Wrote {count} on 1 page to {path}")
            if pages == 1
            else words("Wrote {count} on {pages} pages to {path}")
        )
        return said.format(count=count, pages=pages, path=path)


def app_json(export_set: ExportSet) -> str:
    payload = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "dataset_version": "0",
        "exported_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": f"CBH Directory {__version__}",
        "title": export_set.title,
        "resources": [e.resource.to_dict() for e in export_set.entries if e.in_directory],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
