"""Shared pieces of the side panels: a bold title row, and a two-column tree with counts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLayout, QTreeView, QWidget

from .focus import FocusDelegate


def bold_font(base: QFont | None = None) -> QFont:
    font = QFont(base) if base is not None else QFont()
    font.setBold(True)
    return font


def title_row(title: str, button: QWidget) -> QLayout:
    """'Title ........ [button]' above a panel."""
    label = QLabel(title)
    label.setFont(bold_font(label.font()))
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label)
    row.addStretch(1)
    row.addWidget(button)
    return row


def counted_tree(model: QAbstractItemModel, accessible_name: str) -> QTreeView:
    """A tree of (label, count) rows: the label stretches, the count fits its numbers."""
    tree = QTreeView()
    tree.setAccessibleName(accessible_name)
    tree.setModel(model)
    tree.setItemDelegate(FocusDelegate(tree))
    tree.setUniformRowHeights(True)
    tree.setHeaderHidden(True)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # Wide enough for "100,000"; sizing to contents would ask every row on every update.
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(1, tree.fontMetrics().horizontalAdvance("100,000") + 12)
    return tree
