"""PDF handouts, rendered by Qt's rich text engine: the PdfRenderer the service is handed.

It needs only QtGui (no widgets), and creates an offscreen QGuiApplication when none is
running, so the command line makes PDFs without a display.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.exports import ExportError
from ..domain.handout import Handout
from ..domain.language import using, words

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
        raise ExportError("unknown paper size {paper!r}; choose letter or a4", paper=paper)
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
    a gigabyte for a county's 10,000 services. Here each chunk is laid out as one long
    column, painted a page's worth at a time, and let go; the next chunk starts just below it
    on the same page. Pages break only between entries, so a heading is never left alone at
    the foot of a page and an entry is split only when it is taller than a whole page.
    `progress` gets the share done (0 to 1) after each chunk and may raise to stop.
    """
    from PySide6.QtGui import QPainter

    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("cannot start drawing the PDF")
    pages = _Pages(device, painter, handout.language)
    try:
        chunks = _chunks(handout)
        for number, blocks in enumerate(chunks, start=1):
            pages.place(_chunk_document(device, handout, blocks, pages))
            if progress is not None:
                progress(number / len(chunks))
        pages.finish()
    finally:
        painter.end()
    return pages.number


ENTRIES_PER_CHUNK = 40
MARGIN_MM = (15.0, 18.0)  # left and right, top and bottom
FOOTER_MM = 9.0  # the page number sits this far above the bottom edge
ENTRY_GAP_PX = 26  # space above an entry that starts a chunk (as h3's margin in the style)


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
    """The chunk laid out as one column as wide as the page's text (no page breaks of its
    own; the painter adds the left margin). Margin and width are set before the HTML, so the
    text is laid out once, not again for each change."""
    from PySide6.QtGui import QFont, QTextDocument

    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # measure text at the device's resolution
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setDocumentMargin(0)
    document.setTextWidth(pages.size.width() - 2 * pages.margin_x)
    document.setHtml(handout.page_html(blocks))
    return document


def break_points(document: Any) -> tuple[list[float], list[float], list[tuple[float, str]]]:
    """Where a page may break, in the document's coordinates: before each entry (the top of
    its name's first line), and inside an entry between paragraphs once its name and first
    two lines are on the page and before its last paragraph. A section heading, and the
    title block, belong to the entry after them: a page never breaks just after a heading.
    Also each entry's name with where it is, to say whose entry a page continues."""
    layout = document.documentLayout()
    blocks = [(b.blockFormat().headingLevel(), b) for b in _top_blocks(document)]
    # Entry names are h3 under section headings (h2), else h2.
    entry_level = 3 if any(level == 3 for level, _ in blocks) else 2
    starts: list[float] = []
    inside: list[float] = []
    names: list[tuple[float, str]] = []
    tops: list[float] = []  # the paragraphs of the entry being gathered, from its name
    for level, block in blocks:
        top = _line_top(layout, block)
        if level and tops:  # a heading after an entry: the next entry starts here
            starts.append(top)
            inside.extend(tops[3:-1])
            tops = []
        if level == entry_level:
            names.append((top, block.text()))
        if level == entry_level or tops:
            tops.append(top)
    inside.extend(tops[3:-1])
    return starts, inside, names


def _top_blocks(document: Any) -> Iterator[Any]:
    """The paragraphs of the document outside tables (a QR code's table is one piece)."""
    it = document.rootFrame().begin()
    while not it.atEnd():
        block = it.currentBlock()
        if block.isValid():
            yield block
        it += 1


def line_bottoms(document: Any) -> list[float]:
    """The foot of every line outside tables: where a page may break inside a paragraph that
    is taller than a page."""
    layout = document.documentLayout()
    bottoms: list[float] = []
    for block in _top_blocks(document):
        top = layout.blockBoundingRect(block).top()
        text = block.layout()
        bottoms.extend(top + text.lineAt(i).rect().bottom() for i in range(text.lineCount()))
    return sorted(bottoms)


def _line_top(layout: Any, block: Any) -> float:
    text = block.layout()
    first = text.lineAt(0).rect().top() if text.lineCount() else 0.0
    return float(layout.blockBoundingRect(block).top() + first)


class _Pages:
    """The physical pages: which one is being drawn, and how far down it is filled."""

    def __init__(self, device: Any, painter: Any, language: str = "en") -> None:
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
        self.filled = self.margin_y  # how far down the current page is used
        self.bottom = self.size.height() - self.margin_y
        with using(language):  # the handout's language, whatever the window's
            self.continued = " " + words("(continued)")

    @property
    def empty(self) -> bool:
        return self.filled <= self.margin_y

    def place(self, document: Any) -> None:
        """Paint the document from where the last one ended, a page's worth at a time,
        breaking pages only where break_points allows: between entries when that leaves at
        most an eighth of the page empty, else between an entry's paragraphs."""
        end = float(document.size().height())
        starts, inside, names = break_points(document)
        lines: list[float] | None = None  # found only for a paragraph taller than a page
        if not self.empty:
            self.filled += ENTRY_GAP_PX * self.format_scale
        at = 0.0
        while end - at > 0.5:
            room = self.bottom - self.filled
            if end - at <= room:
                self._paint(document, at, end)
                return
            limit = at + room
            entry = max((y for y in starts if at < y <= limit), default=0.0)
            within = max((y for y in inside if at < y <= limit), default=0.0)
            if entry and limit - entry <= self.size.height() / 8:
                cut = entry  # whole entries, at little cost in paper
            elif entry or within:
                cut = max(entry, within)
            elif not self.empty:
                self.turn()  # not even an entry's start fits here: begin a new page
                continue
            else:  # one paragraph taller than the page: break it between lines
                lines = line_bottoms(document) if lines is None else lines
                cut = max((y for y in lines if at < y <= limit), default=limit)
            self._paint(document, at, cut)
            self.turn()
            at = cut
            if cut not in starts:  # the entry goes on: say whose it is
                self._continued(max((n for n in names if n[0] < cut), default=(0.0, ""))[1])

    def _paint(self, document: Any, top: float, bottom: float) -> None:
        from PySide6.QtCore import QRectF

        self.painter.save()
        self.painter.translate(self.margin_x, self.filled - top)
        # Qt paints (and writes to the PDF's text, even when clipped) every line that touches
        # the rectangle: half a dot in from each cut keeps a line on one page only.
        # The whole width of the page: a word too long for the column may run into the margin.
        box = QRectF(-self.margin_x, top + 0.5, self.size.width(), max(bottom - top - 1.0, 0.0))
        document.drawContents(self.painter, box)
        self.painter.restore()
        self.filled += bottom - top

    def _continued(self, name: str) -> None:
        """'Cure CASK (continued)' at the top of a page that carries an entry on."""
        if not name:
            return
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor, QFont, QFontMetricsF

        font = QFont("DejaVu Sans", 8)
        font.setItalic(True)
        self.painter.save()
        self.painter.setFont(font)
        self.painter.setPen(QColor("#555555"))
        metrics = QFontMetricsF(font, self.device)
        height = metrics.height()
        box = QRectF(self.margin_x, self.filled, self.size.width() - 2 * self.margin_x, height)
        suffix = self.continued
        room = box.width() - metrics.horizontalAdvance(suffix)
        label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) + suffix
        self.painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft), label)
        self.painter.restore()
        self.filled += height * 1.5

    def turn(self) -> None:
        self._number_page()
        self.device.newPage()
        self.number += 1
        self.filled = self.margin_y

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
