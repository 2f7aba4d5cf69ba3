"""PDF handouts, rendered by Qt's rich text engine; the one module outside ui/ that uses Qt.

It needs only QtGui (no widgets), and creates an offscreen QGuiApplication when none is
running, so the command line makes PDFs without a display.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from .atomic import ExportError

PAPER_SIZES = ("letter", "a4")
_app: Any = None  # the QGuiApplication this module made, kept alive


def ensure_gui_application() -> None:
    """QTextDocument needs a QGuiApplication (for fonts); make an offscreen one if needed."""
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["cbh-directory"])


def layout_document(html_text: str, title: str = "") -> Any:
    """A QTextDocument holding the handout (also used by the print preview)."""
    ensure_gui_application()
    from PySide6.QtGui import QFont, QTextDocument

    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    document.setHtml(html_text)
    return document


def page_size(paper: str) -> Any:
    from PySide6.QtGui import QPageSize

    if paper not in PAPER_SIZES:
        raise ExportError(f"unknown paper size {paper!r}; choose letter or a4")
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def count_pages(path: Path) -> int:
    """The number of pages in a PDF that Qt wrote (its page objects are not compressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def write_pdf(path: Path, html_text: str, *, paper: str = "letter", title: str = "") -> int:
    """Render the HTML to a PDF file atomically; returns the number of pages."""
    document = layout_document(html_text, title)
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPdfWriter

    size = page_size(paper)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise ExportError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    temp = Path(temp_name)
    try:
        writer = QPdfWriter(str(temp))
        writer.setPageSize(size)
        # print_() adds its own 2 cm margin around the text, and the page number under it.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        writer.setTitle(title)
        writer.setCreator("CBH Directory")
        writer.setResolution(300)
        document.print_(writer)  # paginates a copy and numbers the pages
        del writer  # closes the file
        pages = count_pages(temp)
        if pages == 0:
            raise ExportError(f"cannot write {path}: the PDF came out empty (is the disk full?)")
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return int(pages)
