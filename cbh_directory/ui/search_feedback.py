"""Above the results: how the search words were read (removable chips), and, when nothing
matches, what excluded everything and what removing each word or filter would give."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from .flow_layout import FlowLayout
from .worker import SearchOutcome


class SearchFeedback(QWidget):
    """Chips for the phrases read as filters; guidance when a search finds nothing."""

    chip_removed = Signal(str)  # the words to take out of the search

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips = QWidget()
        self.chips.setAccessibleName(self.tr("Search read as"))
        self._flow = FlowLayout(self.chips)
        self.guidance = QLabel()
        self.guidance.setObjectName("emptyGuidance")
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance.setWordWrap(True)
        self.guidance.setAccessibleName(self.tr("Why nothing matches"))
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setFrameShape(QFrame.Shape.StyledPanel)
        self.guidance.setStyleSheet(
            "#emptyGuidance { background: #fff8e1; color: #3e2f00; padding: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.chips)
        # Scrolls past a few lines, so that the results keep the room on small screens.
        self.guidance_area = QScrollArea()
        self.guidance_area.setWidget(self.guidance)
        self.guidance_area.setWidgetResizable(True)
        self.guidance_area.setFrameShape(QFrame.Shape.NoFrame)
        self.guidance_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.guidance_area)
        self.chips.hide()
        self.guidance_area.hide()
        self.hide()

    def _fit_guidance(self) -> None:
        lines = self.guidance.fontMetrics().lineSpacing()
        wanted = self.guidance.heightForWidth(self.guidance_area.viewport().width())
        shown = 3 if self.window().height() >= 40 * lines else 2  # large text: fewer lines
        self.guidance_area.setFixedHeight(min(wanted + 4, shown * lines + 20))  # padding, frame

    def show_outcome(self, outcome: SearchOutcome) -> None:
        self._show_chips(outcome)
        text = self.guidance_text(outcome)
        self.guidance.setText(text)
        self.guidance_area.setVisible(bool(text))
        self.setVisible(bool(text) or bool(outcome.chips))
        if text:
            self._fit_guidance()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.guidance_area.isVisible():
            self._fit_guidance()

    def _show_chips(self, outcome: SearchOutcome) -> None:
        while self._flow.count():
            item = self._flow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not outcome.chips:
            self.chips.hide()
            return
        title = QLabel(self.tr("Searching for:"))
        self._flow.addWidget(title)
        for chip in outcome.chips:
            button = QToolButton()
            button.setText(chip.label + "  ✕")
            button.setAutoRaise(False)
            button.setToolTip(
                self.tr("Remove: search again without the words “%1”").replace("%1", chip.words)
            )
            button.setAccessibleName(self.tr("Remove %1").replace("%1", chip.label))
            button.clicked.connect(lambda _checked=False, words=chip.words: self._remove(words))
            self._flow.addWidget(button)
        self.chips.show()

    def _remove(self, words: str) -> None:
        self.chip_removed.emit(words)

    def guidance_text(self, outcome: SearchOutcome) -> str:
        """What excluded everything, and what each word or filter taken away would give."""
        query = outcome.searched
        lines: list[str] = []
        if outcome.relaxed:
            asked = "; ".join(r.constraint.label for r in outcome.relaxed)
            lines.append(self.tr("No resources match all of: %1.").replace("%1", asked))
            helpful = sorted((r for r in outcome.relaxed if r.count), key=lambda r: -r.count)
            useless = [r.constraint.label for r in outcome.relaxed if not r.count]
            parts = [
                self.tr("without “%1”: %2")
                .replace("%1", r.constraint.label)
                .replace("%2", f"{r.count:,}")
                for r in helpful
            ]
            if useless:
                names = self.tr("” or “").join(useless)
                parts.append(self.tr("without “%1” alone: still none").replace("%1", names))
            lines.append(self.tr("Found %1.").replace("%1", " · ".join(parts)))
            if outcome.partial:
                lines.append(
                    self.tr("Below: the closest partial matches, those meeting most first.")
                )
        elif outcome.total == 0:
            lines.append(self.tr("No resources match."))
        if lines and query.near is not None and not query.include_online:
            lines.append(
                self.tr(
                    "Online groups are left out: tick “Include online groups” to add those "
                    "serving this place."
                )
            )
        return "\n".join(lines)
