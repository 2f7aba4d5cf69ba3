"""The strip above the results when a list is chosen: its name, size and note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..domain.lists import ListInfo
from .details_pane import NoteEdit, plain_label
from .i18n import list_name


class ListHeader(QWidget):
    note_edited = Signal(int, str)  # list id, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Chosen list"))
        self.title = plain_label("", wrap=False)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setAccessibleDescription(self.tr("List name"))
        self.info = QLabel()
        self.info.setAccessibleDescription(self.tr("List size"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.info)
        self._layout.addLayout(top)
        self.note: NoteEdit | None = None
        self._list_id: int | None = None
        self.hide()

    def show_list(self, info: ListInfo | None) -> None:
        if self.note is not None:
            self.note.flush()
        if info is None:
            self._list_id = None
            self.hide()
            return
        self.title.setText(list_name(info))
        added = info.created_at[:10]
        self.info.setText(
            self.tr("%s items · made %s") % (info.count, added)
            if added
            else self.tr("%s items") % info.count
        )
        if self._list_id != info.id:
            if self.note is not None:
                self._layout.removeWidget(self.note)
                self.note.deleteLater()
            self.note = NoteEdit(
                info.note,
                self.tr(
                    "A note about this list: who it is for, what was agreed, when to follow up…"
                ),
                self.tr("Note on this list"),
            )
            self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 2 + 12)
            list_id = info.id
            self.note.edited.connect(lambda text: self.note_edited.emit(list_id, text))
            self._layout.addWidget(self.note)
            self._list_id = info.id
        self.show()
