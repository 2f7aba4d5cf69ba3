"""The results table view: columns that share the width, stars, drag, keys and menus."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView

from .focus import FocusDelegate
from .results_model import DISTANCE, FOCUS, KIND, NAME, STAR, VERIFIED, ResultsModel


class ResultsTable(QTableView):
    """Enter asks for details, Delete asks to remove from the list, a star click toggles it."""

    details_requested = Signal()
    remove_requested = Signal()
    star_clicked = Signal(str)  # resource id
    menu_requested = Signal(QPoint)  # global position

    def __init__(self, model: ResultsModel) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Results"))
        self.setModel(model)
        # The focus outline is a Python delegate, called for every cell painted: it is used
        # only while the table has the focus (the results repaint on every keystroke typed in
        # the search box, and then Qt's own delegate paints them the same).
        self._outlined = FocusDelegate(self)
        self._plain = QStyledItemDelegate(self)
        self.setItemDelegate(self._plain)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        header = self.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # relevance until a click
        self.setSortingEnabled(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setColumnHidden(DISTANCE, True)  # shown when a place is chosen
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.menu_requested.emit(self.viewport().mapToGlobal(pos))
        )
        self.clicked.connect(self._clicked)

    def results(self) -> ResultsModel:
        model = self.model()
        assert isinstance(model, ResultsModel)
        return model

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        hits = [self.results().hit(row) for row in rows]
        return [hit.resource.id for hit in hits if hit is not None]

    def _clicked(self, index: QModelIndex) -> None:
        hit = self.results().hit(index.row())
        if index.column() == STAR and hit is not None and hit.in_directory:
            self.star_clicked.emit(hit.resource.id)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setItemDelegate(self._outlined)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setItemDelegate(self._plain)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.details_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)

    # -- columns

    def preferred_widths(self) -> dict[int, int]:
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth() * 2
        return {
            STAR: metrics.horizontalAdvance("★") + pad + 4,
            KIND: metrics.horizontalAdvance("Clinicians & studies") + pad,
            FOCUS: metrics.horizontalAdvance("Congenital CMV") + pad,
            DISTANCE: metrics.horizontalAdvance("1,000 mi") + pad,
            VERIFIED: metrics.horizontalAdvance("2026-11-24") + pad + metrics.height() + 8,
        }

    def fit_columns(self) -> None:
        """Name gets at least 35% of the width; Kind and Focus shrink first to make room,
        the short star, Distance and Verified columns keep their size."""
        available = self.viewport().width()
        wanted = {c: w for c, w in self.preferred_widths().items() if not self.isColumnHidden(c)}
        fixed = sum(w for c, w in wanted.items() if c not in (KIND, FOCUS))
        flexible = sum(w for c, w in wanted.items() if c in (KIND, FOCUS))
        room = available - int(available * 0.35) - fixed
        scale = max(0.0, min(1.0, room / flexible)) if flexible else 1.0
        used = 0
        for column, width in wanted.items():
            if column in (KIND, FOCUS):
                width = max(50, int(width * scale))
            self.setColumnWidth(column, width)
            used += width
        self.setColumnWidth(NAME, max(80, available - used))

    def show_distance(self, shown: bool) -> None:
        if self.isColumnHidden(DISTANCE) == shown:
            self.setColumnHidden(DISTANCE, not shown)
            self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
