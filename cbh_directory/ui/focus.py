"""A visible keyboard focus in item views: a 2 px outline (3:1 or more) around the current row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from . import colours

WIDTH = 2


class FocusDelegate(QStyledItemDelegate):
    """Paints items as usual, without Qt's faint dotted focus rectangle, and outlines the
    current row while the view has the keyboard focus."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, plain, index)
        view = self.parent()
        if not isinstance(view, QAbstractItemView) or not view.hasFocus():
            return
        current = view.currentIndex()
        if (
            not current.isValid()
            or current.row() != index.row()
            or current.parent() != index.parent()
        ):
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pen = QPen(colours.focus(option.palette, selected=selected), WIDTH)
        painter.save()
        painter.setPen(pen)
        rect = QRect(option.rect).adjusted(1, 1, -1, -1)
        columns = [c for c in range(index.model().columnCount(index.parent()))]
        shown = [c for c in columns if not _hidden(view, c)]
        painter.drawLine(rect.topLeft(), rect.topRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if shown and index.column() == shown[0]:
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
        if shown and index.column() == shown[-1]:
            painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.restore()


def _hidden(view: QAbstractItemView, column: int) -> bool:
    is_hidden = getattr(view, "isColumnHidden", None)
    return bool(is_hidden(column)) if is_hidden is not None else False
