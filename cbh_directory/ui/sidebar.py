"""The lists sidebar: All resources, Bookmarks and the named lists, with counts and drops."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.lists import ListInfo
from .accessibility import SAID_IN_ROW
from .i18n import list_name, number
from .panel import bold_font, counted_tree, title_row

Index = QModelIndex | QPersistentModelIndex
RESOURCE_IDS_MIME = "application/x-cbh-resource-ids"
ListIdRole = Qt.ItemDataRole.UserRole + 1
NAME, COUNT = 0, 1
REVIEW = -1  # the "Needs review" row: entries not verified within the review age
FIXED_ROWS = 2  # All resources, Needs review


def ids_to_mime(resource_ids: list[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(RESOURCE_IDS_MIME, QByteArray(json.dumps(resource_ids).encode()))
    mime.setText("\n".join(resource_ids))
    return mime


def ids_from_mime(mime: QMimeData) -> list[str]:
    if not mime.hasFormat(RESOURCE_IDS_MIME):
        return []
    try:
        data = json.loads(bytes(mime.data(RESOURCE_IDS_MIME).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    return [str(x) for x in data if isinstance(x, str)] if isinstance(data, list) else []


class SidebarModel(QAbstractTableModel):
    """Row 0 is the whole directory; then Bookmarks and the lists. Drops add resources."""

    dropped = Signal(int, list)  # list id, resource ids

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lists: list[ListInfo] = []
        self._total = 0
        self._review = 0

    def set_lists(self, lists: list[ListInfo], total: int, review: int = 0) -> None:
        if [x.id for x in lists] == [x.id for x in self._lists]:
            self._lists, self._total, self._review = lists, total, review
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, COUNT))
            return
        self.beginResetModel()
        self._lists, self._total, self._review = lists, total, review
        self.endResetModel()

    def list_at(self, row: int) -> ListInfo | None:
        index = row - FIXED_ROWS
        return self._lists[index] if 0 <= index < len(self._lists) else None

    def row_of(self, list_id: int | None) -> int:
        if list_id is None:
            return 0
        if list_id == REVIEW:
            return 1
        for row, info in enumerate(self._lists, FIXED_ROWS):
            if info.id == list_id:
                return row
        return -1

    # -- Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lists) + FIXED_ROWS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Hidden on screen; a screen reader names the columns by them."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("List"), self.tr("Items"))[section] if 0 <= section < 2 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if row == 1:
            return self._review_data(index.column(), role)
        info = self.list_at(row)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                if info is None:
                    return self.tr("All resources")
                return ("★ " if info.is_bookmarks else "") + list_name(info)
            return number(self._total if info is None else info.count)
        if role == ListIdRole:
            return None if info is None else info.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if info is None:
                return self.tr("Search the whole directory")
            return info.note or info.name
        if role == Qt.ItemDataRole.AccessibleTextRole:  # said once a row, from its name
            if column == COUNT:
                return SAID_IN_ROW
            if info is None:
                return self.tr("All resources, %s") % number(self._total)
            return self.tr("%s, %s items") % (list_name(info), number(info.count))
        if role == Qt.ItemDataRole.FontRole and info is None:
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _review_data(self, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Needs review") if column == NAME else number(self._review)
        if role == ListIdRole:
            return REVIEW
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Entries not verified within the review age, oldest first")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                self.tr("Needs review, %s") % number(self._review)
                if column == NAME
                else SAID_IN_ROW
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.list_at(index.row()) is not None:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [RESOURCE_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self.list_at(parent.row()) if parent.isValid() else None
        return target is not None and bool(ids_from_mime(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.list_at(parent.row())
        assert target is not None
        self.dropped.emit(target.id, ids_from_mime(data))
        return True


class Sidebar(QWidget):
    """The lists panel; `chosen` fires with a list id, or None for the whole directory."""

    chosen = Signal(object)
    new_requested = Signal()

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.new_button = QToolButton()
        self.new_button.setText(self.tr("New list…"))
        self.new_button.setAccessibleName(self.tr("New list"))
        self.new_button.setToolTip(self.tr("Make a new list (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_requested)

        self.view = counted_tree(model, self.tr("Lists"))
        self.view.setRootIsDecorated(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        model.modelReset.connect(self._reselect)
        self._current: int | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 0, 4)
        layout.addLayout(title_row(self.tr("Lists"), self.new_button))
        layout.addWidget(self.view)

    @property
    def current_list_id(self) -> int | None:
        return self._current

    def choose(self, list_id: int | None, *, notify: bool = True) -> None:
        """Select a list (None: the whole directory); without notify, `chosen` stays quiet."""
        row = max(self.model.row_of(list_id), 0)
        selection = self.view.selectionModel()
        selection.blockSignals(not notify)
        self.view.setCurrentIndex(self.model.index(row, 0))
        selection.blockSignals(False)
        if not notify:
            self._current = self.model.data(self.model.index(row, 0), ListIdRole)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        list_id = self.model.data(current, ListIdRole) if current.isValid() else None
        if list_id != self._current:
            self._current = list_id
            self.chosen.emit(list_id)

    def _reselect(self) -> None:
        """After the lists change, keep the same list chosen (or fall back to the directory)."""
        wanted = self._current
        row = self.model.row_of(wanted)
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        self.view.setCurrentIndex(self.model.index(max(row, 0), 0))
        selection.blockSignals(False)
        if row < 0:
            self._current = None
            self.chosen.emit(None)
