"""PDF handouts, rendered by Qt's rich text engine: the PdfRenderer the service is handed.

It needs only QtGui (no widgets), and creates an offscreen QGuiApplication when none is
running, so the command line makes PDFs without a display.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.exports import ExportError
from ..domain.handout import Handout

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray

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


def page_size(paper: str) -> Any:
    from PySide6.QtGui import QPageSize

    if paper not in PAPER_SIZES:
        raise ExportError(f"unknown paper size {paper!r}; choose letter or a4")
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def write_pdf(
    path: Path,
    handout: Handout,
    *,
    paper: str = "letter",
    progress: Callable[[float], None] | None = None,
) -> int:
    """Render the handout into the PDF file at `path` (the exporter passes a temporary file
    and renames it when done); returns the number of pages."""
    ensure_gui_application()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPdfWriter

    size = page_size(paper)
    writer = QPdfWriter(str(path))
    writer.setPageSize(size)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(handout.title)
    writer.setAuthor("CBH Directory")
    writer.setCreator("CBH Directory")
    writer.setDocumentXmpMetadata(xmp_metadata(handout.title, handout.language))
    writer.setResolution(300)
    painted = paint_handout(writer, handout, progress=progress)
    del writer  # closes the file
    return painted


def paint_handout(
    device: Any, handout: Handout, *, progress: Callable[[float], None] | None = None
) -> int:
    """Paint the handout on a paged device (a QPdfWriter, or a QPrinter for the print
    preview), a few dozen entries at a time; returns the number of pages.

    Qt's QTextDocument.print_() lays out the whole document at once, about 100 KB per entry:
    a gigabyte for a county's 10,000 services. Here each chunk is laid out with the device's
    page size, painted, and let go; the next chunk starts just below it on the same page.
    `progress` gets the share done (0 to 1) after each chunk and may raise to stop.
    """
    from PySide6.QtGui import QPainter

    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("cannot start drawing the PDF")
    pages = _Pages(device, painter)
    try:
        chunks = _chunks(handout)
        for number, blocks in enumerate(chunks, start=1):
            if pages.filled >= pages.size.height() - pages.margin_y - 1:
                pages.turn()  # the page is full: no spacer that could not fit
            pages.flow(_chunk_document(device, handout, blocks, pages))
            if progress is not None:
                progress(number / len(chunks))
        pages.finish()
    finally:
        painter.end()
    return pages.number


ENTRIES_PER_CHUNK = 40
MARGIN_MM = (15.0, 18.0)  # left and right, top and bottom
FOOTER_MM = 9.0  # the page number sits this far above the bottom edge


def _chunks(handout: Handout) -> list[list[str]]:
    body = handout.blocks
    chunks = [handout.head + body[:ENTRIES_PER_CHUNK]]
    chunks += [
        body[i : i + ENTRIES_PER_CHUNK]
        for i in range(ENTRIES_PER_CHUNK, len(body), ENTRIES_PER_CHUNK)
    ]
    chunks[-1] = chunks[-1] + handout.tail
    return chunks


def _chunk_document(device: Any, handout: Handout, blocks: list[str], pages: _Pages) -> Any:
    from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor, QTextDocument

    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # measure text at the device's resolution
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setHtml(handout.page_html(blocks))
    if pages.filled:
        # Start below what is already on the page: an empty line as tall as that, put in
        # before the first layout (a first block's top margin would be ignored, and editing
        # after layout leaves it unfinished). What does not fit moves to the next page.
        cursor = QTextCursor(document.begin())
        cursor.insertBlock(cursor.blockFormat(), cursor.charFormat())
        spacer = QTextBlockFormat()
        spacer.setLineHeight(
            (pages.filled - pages.margin_y) / pages.format_scale,
            QTextBlockFormat.LineHeightTypes.FixedHeight.value,
        )
        QTextCursor(document.begin()).setBlockFormat(spacer)
    document.setPageSize(pages.size)
    document.setDocumentMargin(0)  # first: it would reset the margins set below
    frame = document.rootFrame().frameFormat()
    frame.setLeftMargin(pages.margin_x / pages.format_scale)
    frame.setRightMargin(pages.margin_x / pages.format_scale)
    frame.setTopMargin(pages.margin_y / pages.format_scale)
    frame.setBottomMargin(pages.margin_y / pages.format_scale)
    frame.setPadding(0)
    document.rootFrame().setFrameFormat(frame)
    return document


class _Pages:
    """The physical pages: which one is being drawn, and how far down it is filled."""

    def __init__(self, device: Any, painter: Any) -> None:
        from PySide6.QtCore import QSizeF

        self.device = device
        self.painter = painter
        dots_per_mm = device.logicalDpiY() / 25.4
        self.size = QSizeF(device.width(), device.height())
        self.margin_x = MARGIN_MM[0] * dots_per_mm
        self.margin_y = MARGIN_MM[1] * dots_per_mm
        self.footer_y = device.height() - FOOTER_MM * dots_per_mm
        # Margins in text formats are in 96-dpi pixels; the layout scales them to the device.
        self.format_scale = device.logicalDpiY() / 96
        self.number = 1
        self.filled = 0.0  # how far down the current page is used (0: nothing on it yet)

    def flow(self, document: Any) -> None:
        """Paint the document from where the last one ended, turning pages as it goes."""
        from PySide6.QtCore import QRectF

        layout = document.documentLayout()
        height = self.size.height()
        count = document.pageCount()
        for index in range(count):
            if index:
                self.turn()
            self.painter.save()
            self.painter.translate(0, -index * height)
            document.drawContents(
                self.painter, QRectF(0, index * height, self.size.width(), height)
            )
            self.painter.restore()
        block = document.lastBlock()
        last = layout.blockBoundingRect(block)
        # A last block that crossed a page break has its lines moved down, below the rect
        # the layout gives for it: its lines say where it really ends.
        bottom = max(last.bottom(), last.top() + block.layout().boundingRect().bottom())
        self.filled = max(bottom - (count - 1) * height, self.margin_y)

    def turn(self) -> None:
        self._number_page()
        self.device.newPage()
        self.number += 1
        self.filled = 0.0

    def finish(self) -> None:
        self._number_page()

    def _number_page(self) -> None:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QFont

        self.painter.save()
        self.painter.setFont(QFont("DejaVu Sans", 8))
        box = QRectF(0, self.footer_y - self.margin_y, self.size.width(), self.margin_y)
        self.painter.drawText(
            box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), str(self.number)
        )
        self.painter.restore()


def xmp_metadata(title: str, language: str) -> QByteArray:
    """The PDF's XMP: its title, author and language (dc:language), for screen readers and
    catalogues."""
    from PySide6.QtCore import QByteArray

    def e(text: str) -> str:
        return html.escape(text, quote=True)

    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>CBH Directory</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>{e(language)}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>CBH Directory</pdf:Producer>
<xmp:CreatorTool>CBH Directory</xmp:CreatorTool>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return QByteArray(packet.encode("utf-8"))
