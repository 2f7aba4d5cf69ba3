"""A table model over search results that fetches rows from SQL a page at a time."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain import describe
from ..domain.model import Hit, SearchQuery
from ..service import Directory

PAGE_SIZE = 100
COLUMNS = ("Name", "Kind", "Focus", "Distance", "Verified")
Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractTableModel):
    """Rows come from `Directory.search` in pages, as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, directory: Directory, parent: Any = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._query = SearchQuery(limit=PAGE_SIZE)
        self._hits: list[Hit] = []
        self._total = 0

    @property
    def total(self) -> int:
        return self._total

    @property
    def query(self) -> SearchQuery:
        return self._query

    def set_query(self, query: SearchQuery) -> None:
        """Show the first page of a new search."""
        self.beginResetModel()
        self._query = dataclasses.replace(query, offset=0, limit=PAGE_SIZE)
        page = self._directory.search(self._query)
        self._hits = page.hits
        self._total = page.total
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    # -- Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._hits) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore():
            return
        query = dataclasses.replace(self._query, offset=len(self._hits), limit=PAGE_SIZE)
        hits = self._directory.search(query).hits
        if not hits:
            self._total = len(self._hits)
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self._hits.extend(hits)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        hit = self.hit(index.row())
        if hit is None:
            return None
        r = hit.resource
        column = index.column()
        if column == 0:
            return r.name
        if column == 1:
            return describe.kind_label(r.kind)
        if column == 2:
            return ", ".join(describe.focus_labels(r.focus))
        if column == 3:
            return describe.distance_text(hit.distance_km)
        if column == 4:
            return r.last_verified
        return None
