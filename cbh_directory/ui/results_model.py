"""The results table model: holds the pages fetched so far and asks for the next on scrolling.

Rows are never loaded all at once. The first page arrives with each search; when the view
scrolls to the end, `fetchMore` asks the search worker for the next page, and the rows are
appended when it arrives. Sorting a column asks for a new search in that order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from ..domain import describe
from ..domain.model import Hit, SearchQuery
from . import colours
from .accessibility import SAID_IN_ROW
from .i18n import QT_TRANSLATE_NOOP
from .sidebar import RESOURCE_IDS_MIME, ids_to_mime

Index = QModelIndex | QPersistentModelIndex

STAR, NAME, KIND, FOCUS, DISTANCE, VERIFIED = range(6)
COLUMNS = (
    "★",
    QT_TRANSLATE_NOOP("results_model", "Name"),
    QT_TRANSLATE_NOOP("results_model", "Kind"),
    QT_TRANSLATE_NOOP("results_model", "Focus"),
    QT_TRANSLATE_NOOP("results_model", "Distance"),
    QT_TRANSLATE_NOOP("results_model", "Verified"),
)
GONE_TEXT = QT_TRANSLATE_NOOP("results_model", "No longer listed")
SORT_BY_COLUMN = {
    NAME: "name",
    KIND: "kind",
    FOCUS: "focus",
    DISTANCE: "distance",
    VERIFIED: "verified",
}
HitRole = Qt.ItemDataRole.UserRole + 1
# A table model's own flags for a cell, and rows may be dragged onto a list.
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)
# The roles data() answers; a view asks every cell for more (background, check state…).
ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        HitRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


class ResultsModel(QAbstractTableModel):
    """Search results, one page at a time (canFetchMore/fetchMore), from the search worker."""

    page_wanted = Signal(int)  # offset of the next page to fetch
    sort_wanted = Signal(str, bool)  # sort key, reverse

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._total = 0
        self._waiting = False
        self._query = SearchQuery()
        self._placed = False  # the search has a place (the distance column says "online")
        self.units = "mi"
        self._stale_after_days = 365
        self.today = dt.date.today()
        self.bookmarked: set[str] = set()
        # Worked out once, not for every cell of every paint: which rows are stale, and the
        # palette's colours and the style's icon for them (keyed by what they depend on).
        self._stale: dict[int, bool] = {}
        self._looks: tuple[Any, ...] = ()

    @property
    def stale_after_days(self) -> int:
        return self._stale_after_days

    @stale_after_days.setter
    def stale_after_days(self, days: int) -> None:
        if days != self._stale_after_days:
            self._stale_after_days = days
            self._stale.clear()

    # -- fed by the window

    @property
    def total(self) -> int:
        return self._total

    @property
    def query(self) -> SearchQuery:
        return self._query

    def show_results(
        self, query: SearchQuery, hits: list[Hit], total: int, *, placed: bool | None = None
    ) -> None:
        """Replace everything with the first page of a new search. `placed`: the search has a
        place, also when its words named one ("near Columbus, OH"); by default query.near."""
        self.beginResetModel()
        self._query = query
        self._placed = query.near is not None if placed is None else placed
        self._hits = list(hits)
        self._stale.clear()
        self._total = total
        self._waiting = False
        self.endResetModel()

    def append_page(self, offset: int, hits: list[Hit]) -> None:
        """Add a fetched page; pages for an older search or offset are ignored."""
        self._waiting = False
        if offset != len(self._hits):
            return
        if not hits:
            self._total = len(self._hits)
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(hits) - 1)
        self._hits.extend(hits)
        self.endInsertRows()

    def set_bookmarked(self, ids: set[str]) -> None:
        """Which resources carry a star; repaints the star column."""
        if ids != self.bookmarked:
            self.bookmarked = set(ids)
            if self._hits:
                self.dataChanged.emit(self.index(0, STAR), self.index(len(self._hits) - 1, STAR))

    def set_units(self, units: str) -> None:
        self.units = units
        if self._hits:
            self.dataChanged.emit(
                self.index(0, DISTANCE), self.index(len(self._hits) - 1, DISTANCE)
            )

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def row_of(self, resource_id: str) -> int:
        for row, hit in enumerate(self._hits):
            if hit.resource.id == resource_id:
                return row
        return -1

    # -- Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._waiting and len(self._hits) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._waiting = True
            self.page_wanted.emit(len(self._hits))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_BY_COLUMN.get(column)
        if key is None:
            return
        reverse = order == Qt.SortOrder.DescendingOrder
        self.sort_wanted.emit(key, reverse)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("results_model", COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == VERIFIED:
            return self.tr("When someone last checked this entry is current")
        if role == Qt.ItemDataRole.ToolTipRole and section == STAR:
            return self.tr("Bookmarked (Ctrl+D to add or remove)")
        if role == Qt.ItemDataRole.AccessibleTextRole and section == STAR:
            return self.tr("Bookmarked")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every cell painted: one constant, not a call to the base class.
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mimeTypes(self) -> list[str]:
        return [RESOURCE_IDS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return ids_to_mime([self._hits[row].resource.id for row in rows if row < len(self._hits)])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def _is_stale(self, row: int, hit: Hit) -> bool:
        stale = self._stale.get(row)
        if stale is None:
            stale = self._stale[row] = hit.resource.is_stale(self.today, self.stale_after_days)
        return stale

    def _colours_and_icon(self) -> tuple[Any, ...]:
        """A date that needs a check (its colour, icon and font) and a star's colour, for the
        current palette and style."""
        palette, style = QApplication.palette(), QApplication.style()
        key = (palette.cacheKey(), style.name())  # not id(): each call gives a new wrapper
        if not self._looks or self._looks[0] != key:
            font = QFont()
            font.setItalic(True)
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._looks = (key, colours.warning(palette), icon, font, colours.star(palette))
        return self._looks

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role a view asks of a cell, in one call from Qt (a delegate asks for seven
        roles of each cell it paints: by default one call into Python each)."""
        for i in range(len(roleDataSpan)):
            item = roleDataSpan[i]
            item.setData(self.data(index, item.role()))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED:
            return None
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(hit, index.column())
        if role == HitRole:
            return hit
        column = index.column()
        if not hit.in_directory:
            return self._gone_data(hit, column, role)
        stale = column == VERIFIED and self._is_stale(index.row(), hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == VERIFIED and stale:
                return self.tr("Not verified in the last 12 months: check it is still current")
            if column == NAME:
                return hit.resource.name
            if column == FOCUS:
                return self._text(hit, FOCUS)
            if column == KIND:
                return describe.kind_label(hit.resource.kind)
            if column == STAR:
                return (
                    self.tr("Bookmarked: click to remove")
                    if self._starred(hit)
                    else self.tr("Click to bookmark")
                )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == STAR:
                # said only when bookmarked: every row began "Not bookmarked" under Orca
                return self.tr("Bookmarked") if self._starred(hit) else SAID_IN_ROW
            text = (
                describe.kind_label(hit.resource.kind)
                if column == KIND
                else self._text(hit, column)
            )
            if column == VERIFIED and stale:
                text = self.tr("%s, needs review") % (text or self.tr("never"))
            return text
        if stale and column == VERIFIED:
            _key, colour, icon, font, _star = self._colours_and_icon()
            if role == Qt.ItemDataRole.ForegroundRole:
                return colour
            if role == Qt.ItemDataRole.DecorationRole:
                return icon
            if role == Qt.ItemDataRole.FontRole:
                return font
        if role == Qt.ItemDataRole.ForegroundRole and column == STAR and self._starred(hit):
            return self._colours_and_icon()[4]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DISTANCE, STAR):
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column == DISTANCE else Qt.AlignmentFlag.AlignHCenter
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _gone_data(self, hit: Hit, column: int, role: int) -> Any:
        """A list item whose resource left the directory: greyed, with what is remembered."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return colours.dimmed(QApplication.palette())
        if role == Qt.ItemDataRole.FontRole and column == KIND:
            font = QFont()
            font.setItalic(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == KIND:
                return self.tr(
                    "No longer in the directory: its last known details are kept in your list"
                )
            return self._text(hit, column)
        return None

    def _starred(self, hit: Hit) -> bool:
        return hit.resource.id in self.bookmarked

    def _text(self, hit: Hit, column: int) -> str:
        r = hit.resource
        if column == STAR:
            return "★" if self._starred(hit) else "☆"
        if not hit.in_directory:
            return (
                r.name
                if column == NAME
                else (
                    QCoreApplication.translate("results_model", GONE_TEXT) if column == KIND else ""
                )
            )
        if column == NAME:
            return r.name
        if column == KIND:
            return describe.kind_short(r.kind)
        if column == FOCUS:
            return ", ".join(describe.focus_labels(r.focus))
        if column == DISTANCE:
            if hit.distance_km is None:
                online = self._placed and r.format in ("online", "hybrid")
                return self.tr("online") if online else ""  # not stated: not "online"
            return describe.distance_text(hit.distance_km, self.units)
        if column == VERIFIED:
            return r.last_verified or self.tr("never")
        return ""
