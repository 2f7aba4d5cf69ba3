"""The filter panel: the facet tree with live counts and a button that clears every filter."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.facets import FACETS, heading_of
from . import accessibility
from .facet_model import LABEL, FacetModel
from .focus import FocusDelegate
from .panel import counted_tree, title_row


class FilterPanel(QWidget):
    clear_requested = Signal()

    def __init__(self, model: FacetModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # Headings open at first (and their subgroups), by the registry (domain/facets.py).
        self._expanded: set[str] = {heading_of(f) for f in FACETS if f.expanded} | {
            group.label for f in FACETS if f.expanded for group in f.subgroups
        }

        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear all filters"))
        self.clear_button.setToolTip(
            self.tr("Remove every filter (the search words and place stay)")
        )
        self.clear_button.clicked.connect(self.clear_requested)

        self.tree = counted_tree(model, self.tr("Filters"))
        self.tree.setIndentation(10)
        self.tree.expanded.connect(lambda index: self._remember(index, True))
        self.tree.collapsed.connect(lambda index: self._remember(index, False))
        model.modelReset.connect(self._restore_expansion)
        self.tree.setItemDelegate(CheckOnClickDelegate(self.tree))
        self.tree.activated.connect(self._toggle_key)
        self.tree.installEventFilter(self)
        # No selection, only a current row (outlined by the focus delegate) and checkboxes: Qt
        # reports a selected row under a heading as the row above it, which Orca then reads.
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 0, 8)
        layout.addLayout(title_row(self.tr("Filters"), self.clear_button))
        layout.addWidget(self.tree)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.FocusIn:
            if not self.tree.currentIndex().isValid():
                first = self.model.index(0, LABEL)
                keep = QItemSelectionModel.SelectionFlag.NoUpdate
                self.tree.selectionModel().setCurrentIndex(first, keep)
            # after the tree's own focus, which Orca says as "Filters tree" alone
            QTimer.singleShot(0, lambda: accessibility.say_current(self.tree))
        return False

    def set_active_count(self, count: int) -> None:
        self.clear_button.setEnabled(count > 0)
        self.clear_button.setText(
            self.tr("Clear filters (%s)") % count if count else self.tr("Clear filters")
        )

    def _key(self, index: QModelIndex) -> str:
        node = index.internalPointer()
        return node.group if node.parent is not None and node.parent.parent is None else node.label

    def _remember(self, index: QModelIndex, expanded: bool) -> None:
        key = self._key(index)
        (self._expanded.add if expanded else self._expanded.discard)(key)

    def _restore_expansion(self) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self._expand(index)

    def _expand(self, index: QModelIndex) -> None:
        if self._key(index) in self._expanded:
            self.tree.setExpanded(index, True)
        for row in range(self.model.rowCount(index)):
            child = self.model.index(row, 0, index)
            if self.model.rowCount(child):
                self._expand(child)

    def _toggle_key(self, index: QModelIndex) -> None:
        """Enter on a value toggles it (Space works through the delegate already)."""
        if self.tree.hasFocus():
            toggle(self.model, index)


def toggle(model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex) -> bool:
    """Flip a checkable value; returns whether the index was one."""
    index = index.sibling(index.row(), LABEL)
    if not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
        return False
    current = model.data(index, Qt.ItemDataRole.CheckStateRole)
    checked = Qt.CheckState.Unchecked if current == Qt.CheckState.Checked else Qt.CheckState.Checked
    return bool(model.setData(index, checked, Qt.ItemDataRole.CheckStateRole))


class CheckOnClickDelegate(FocusDelegate):
    """A click anywhere on a value's row toggles it, not only a click on the small box."""

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        mouse = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
        checkable = bool(
            model.flags(index.sibling(index.row(), LABEL)) & Qt.ItemFlag.ItemIsUserCheckable
        )
        if not checkable:
            return super().editorEvent(event, model, option, index)
        if event.type() in mouse:
            return True  # act on release only, and never twice
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton and option.rect.contains(
                event.position().toPoint()
            ):
                return toggle(model, index)
            return True
        return super().editorEvent(event, model, option, index)
