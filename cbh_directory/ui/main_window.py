"""The main window: search bar, filter panel, results table and details pane on one screen."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import FILTER_FIELDS, Hit
from ..service import Directory
from .about import AboutDialog
from .details_pane import DetailsPane
from .facet_model import FacetModel
from .filter_panel import FilterPanel
from .results_model import (
    COLUMNS,
    DISTANCE,
    FOCUS,
    KIND,
    NAME,
    SORT_BY_COLUMN,
    VERIFIED,
    HitRole,
    ResultsModel,
)
from .search_bar import SearchBar
from .session import SearchSession
from .settings import WindowSettings, app_settings
from .worker import SearchOutcome

SORT_LABELS = {
    "relevance": "&Relevance",
    "name": "&Name",
    "kind": "&Kind",
    "focus": "&Focus",
    "distance": "&Distance",
    "verified": "Last &verified",
}


class ResultsTable(QTableView):
    """The results view. Enter asks for details; columns share the width as it changes."""

    details_requested = Signal()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.details_requested.emit()
            return
        super().keyPressEvent(event)

    def preferred_widths(self) -> dict[int, int]:
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth() * 2
        return {
            KIND: metrics.horizontalAdvance("Clinicians & studies") + pad,
            FOCUS: metrics.horizontalAdvance("Congenital CMV") + pad,
            DISTANCE: metrics.horizontalAdvance("1,000 mi") + pad,
            VERIFIED: metrics.horizontalAdvance("2026-11-24") + pad + metrics.height() + 8,
        }

    def fit_columns(self) -> None:
        """Name gets at least 35% of the width; Kind and Focus shrink first to make room,
        the short Distance and Verified columns keep their size."""
        available = self.viewport().width()
        wanted = {c: w for c, w in self.preferred_widths().items() if not self.isColumnHidden(c)}
        fixed = sum(w for c, w in wanted.items() if c in (DISTANCE, VERIFIED))
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

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.fit_columns()


class MainWindow(QMainWindow):
    """One screen: search and place at the top, filters left, results centre, details right."""

    results_shown = Signal()

    def __init__(self, directory: Directory, settings: WindowSettings | None = None) -> None:
        super().__init__()
        if directory.path is None:
            raise ValueError("the window needs a database file, not an in-memory database")
        self.setWindowTitle("CBH Directory")
        self.directory = directory
        self.settings = settings or WindowSettings(app_settings())
        self._total = directory.total()
        self._country_names: dict[str, str] = {}
        self._ready = False

        self.session = SearchSession(directory.path, self)
        self.search_bar = SearchBar(directory.places, directory.complete_place)
        self.facet_model = FacetModel(self)
        self.filter_panel = FilterPanel(self.facet_model)
        self.model = ResultsModel(self)
        self.table = self._make_table()
        self.details = DetailsPane(self.country_name)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Result count")
        self.statusBar().addPermanentWidget(self.count_label)

        # Filters | (results | details). When the window is narrow for its font (small screen
        # or large text), the details move below the results instead of beside them.
        self.results_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.results_splitter.setChildrenCollapsible(False)
        self.results_splitter.addWidget(self.table)
        self.results_splitter.addWidget(self.details)
        self.results_splitter.setStretchFactor(0, 1)
        self.results_splitter.setStretchFactor(1, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.filter_panel)
        self.splitter.addWidget(self.results_splitter)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self._splitter_restored = False
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self._connect()
        self._restore_settings()
        self.session.search_now()

    # -- building

    def _make_table(self) -> ResultsTable:
        table = ResultsTable()
        table.setAccessibleName("Results")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # relevance until a click
        table.setSortingEnabled(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setColumnHidden(DISTANCE, True)  # shown when a place is chosen
        return table

    def _make_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit = self.menuBar().addMenu("&Edit")
        self.find_action = QAction("&Find", self, shortcut=QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.clear_search_action = QAction("Clear &search", self)
        self.clear_search_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.clear_search_action.triggered.connect(self.clear_search)
        self.clear_filters_action = QAction("Clear &filters", self)
        self.clear_filters_action.setShortcut(QKeySequence("Ctrl+Shift+Backspace"))
        self.clear_filters_action.triggered.connect(self.session.clear_filters)
        self.copy_contact_action = QAction("&Copy contact", self)
        self.copy_contact_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_contact_action.triggered.connect(self.details.copy_contact)
        for action in (
            self.find_action,
            self.clear_search_action,
            self.clear_filters_action,
            self.copy_contact_action,
        ):
            edit.addAction(action)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.details.copy_contact)

        view = self.menuBar().addMenu("&View")
        units = view.addMenu("Distance &units")
        group = QActionGroup(self)
        self.units_actions: dict[str, QAction] = {}
        for key, label in (("mi", "&Miles"), ("km", "&Kilometres")):
            action = QAction(label, self, checkable=True)
            action.triggered.connect(lambda _checked=False, k=key: self.set_units(k))
            group.addAction(action)
            units.addAction(action)
            self.units_actions[key] = action
        self.show_filters_action = QAction("Show &filters", self, checkable=True, checked=True)
        self.show_filters_action.toggled.connect(self.filter_panel.setVisible)
        self.show_details_action = QAction("Show &details", self, checkable=True, checked=True)
        self.show_details_action.toggled.connect(self.details.setVisible)
        sort_menu = view.addMenu("&Sort by")
        sort_group = QActionGroup(self)
        self.sort_actions: dict[str, QAction] = {}
        for key, label in SORT_LABELS.items():
            action = QAction(label, self, checkable=True)
            action.triggered.connect(lambda _checked=False, k=key: self.sort_by(k))
            sort_group.addAction(action)
            sort_menu.addAction(action)
            self.sort_actions[key] = action
        self.sort_actions["relevance"].setChecked(True)
        sort_menu.addSeparator()
        self.reverse_action = QAction("&Reverse order", self, checkable=True)
        self.reverse_action.triggered.connect(lambda checked: self.sort_by(None, checked))
        sort_menu.addAction(self.reverse_action)
        view.addSeparator()
        view.addAction(self.show_filters_action)
        view.addAction(self.show_details_action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About CBH Directory", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _connect(self) -> None:
        self.search_bar.text_changed.connect(self.session.set_text)
        self.search_bar.location_changed.connect(self._location_changed)
        self.facet_model.toggled.connect(self.session.set_filter)
        self.filter_panel.clear_requested.connect(self.session.clear_filters)
        self.session.results_ready.connect(self._show_outcome)
        self.session.page_ready.connect(self.model.append_page)
        self.session.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.model.page_wanted.connect(self.session.fetch_page)
        self.model.sort_wanted.connect(self.session.set_sort)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.details_requested.connect(self.focus_details)
        self.table.doubleClicked.connect(lambda _index: self.focus_details())
        self.details.contact_copied.connect(
            lambda _text: self.statusBar().showMessage("Contact copied to the clipboard", 4000)
        )

    # -- reacting

    def _location_changed(self) -> None:
        bar = self.search_bar
        self.session.set_location(bar.place, bar.radius_km, bar.include_online)

    def _show_outcome(self, outcome: SearchOutcome) -> None:
        current = self.details.hit.resource.id if self.details.hit else None
        if self.table.isColumnHidden(DISTANCE) != (outcome.query.near is None):
            self.table.setColumnHidden(DISTANCE, outcome.query.near is None)
            self.table.fit_columns()
        self.model.show_results(outcome.query, outcome.hits, outcome.total)
        self.facet_model.set_facets(outcome.facets, outcome.query)
        active = sum(len(v) for v in outcome.query.filter_values().values())
        self.filter_panel.set_active_count(active)
        self._update_counts()
        self._sync_sort_actions()
        row = self.model.row_of(current) if current else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.details.show_hit(None)
        self._ready = True
        self.results_shown.emit()

    def _update_counts(self) -> None:
        text = f"{self.model.total:,} of {self._total:,} resources"
        place = self.session.query.near
        if place is not None:
            text += f" near {place.label.removesuffix(', United States')}"
        self.count_label.setText(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit: Hit | None = self.model.data(current, HitRole) if current.isValid() else None
        self.details.show_hit(hit)

    # -- commands

    @property
    def ready(self) -> bool:
        """True once the first results are on screen."""
        return self._ready

    def focus_search(self) -> None:
        self.search_bar.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_bar.search_box.selectAll()

    def clear_search(self) -> None:
        self.search_bar.search_box.clear()
        self.focus_search()

    def focus_details(self) -> None:
        if not self.show_details_action.isChecked():
            self.show_details_action.setChecked(True)
        self.details.setFocus(Qt.FocusReason.OtherFocusReason)

    def sort_by(self, key: str | None, reverse: bool | None = None) -> None:
        """Sort from the menu (the keyboard way to do what a header click does)."""
        query = self.session.query
        key = key or query.sort
        reverse = query.reverse if reverse is None else reverse
        column = next((c for c, k in SORT_BY_COLUMN.items() if k == key), -1)
        order = Qt.SortOrder.DescendingOrder if reverse else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()
        self.session.set_sort(key, reverse)

    def _sync_sort_actions(self) -> None:
        query = self.session.query
        if query.sort in self.sort_actions:
            self.sort_actions[query.sort].setChecked(True)
        self.reverse_action.setChecked(query.reverse)
        self.sort_actions["distance"].setEnabled(query.near is not None)

    def set_units(self, units: str) -> None:
        self.settings.units = units
        self.units_actions[units].setChecked(True)
        self.model.set_units(units)
        self.details.units = units
        self.details.show_hit(self.details.hit)
        self.search_bar.set_units(units)

    def show_about(self) -> None:
        AboutDialog(self.directory.stats(), self).exec()

    def country_name(self, code: str) -> str:
        if not code:
            return ""
        if code not in self._country_names:
            self._country_names[code] = self.directory.gazetteer.country_name(code)
        return self._country_names[code]

    # -- settings

    def _restore_settings(self) -> None:
        s = self.settings
        units = s.units
        self.units_actions[units].setChecked(True)
        self.model.units = units
        self.details.units = units
        self.search_bar.units = units
        self.search_bar.units_label.setText(units)
        geometry = s.bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = s.bytes("window/splitter")
        results_splitter = s.bytes("window/results_splitter")
        if splitter is not None and results_splitter is not None:
            self._splitter_restored = self.splitter.restoreState(
                splitter
            ) and self.results_splitter.restoreState(results_splitter)
        self.search_bar.set_radius(s.radius)
        self.search_bar.online.setChecked(s.include_online)
        self.search_bar.set_place_text(s.place)
        query = self.session.query
        bar = self.search_bar
        query.near = bar.place
        query.radius_km = bar.radius_km if bar.place else None
        query.include_online = bar.include_online
        for group, values in s.filters.items():
            if group in FILTER_FIELDS:
                setattr(query, FILTER_FIELDS[group], list(values))

    def save_settings(self) -> None:
        s = self.settings
        s.set_bytes("window/geometry", self.saveGeometry())
        s.set_bytes("window/splitter", self.splitter.saveState())
        s.set_bytes("window/results_splitter", self.results_splitter.saveState())
        s.filters = self.session.query.filter_values()
        s.place = self.search_bar.place_box.text() if self.search_bar.place else ""
        s.radius = int(self.search_bar.radius.currentData())
        s.include_online = self.search_bar.include_online
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitter_restored:
            self._splitter_restored = True
            self.fit_splitter()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._arrange_details()

    def _arrange_details(self) -> None:
        """Details beside the results when there is room for both, else below them."""
        narrow = self.width() < 110 * self.fontMetrics().averageCharWidth()
        wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.results_splitter.orientation() != wanted:
            self.results_splitter.setOrientation(wanted)
            self._fit_results_splitter()

    def _fit_results_splitter(self) -> None:
        if self.results_splitter.orientation() == Qt.Orientation.Vertical:
            height = self.results_splitter.height() or self.height()
            self.results_splitter.setSizes([height // 2, height - height // 2])
        else:
            width = self.results_splitter.width() or self.width()
            em = self.fontMetrics().averageCharWidth()
            details = min(max(26 * em, int(self.width() * 0.26)), int(width * 0.45))
            self.results_splitter.setSizes([width - details, details])

    def fit_splitter(self) -> None:
        """Share the width out: filters and details get a fair slice, results the rest."""
        width = max(self.splitter.width(), self.width())
        em = self.fontMetrics().averageCharWidth()
        filters = min(max(30 * em, int(width * 0.22)), int(width * 0.3))
        self.splitter.setSizes([filters, width - filters])
        self._arrange_details()
        self._fit_results_splitter()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.search_bar.stop()
        self.session.stop()
        super().closeEvent(event)


__all__ = ["COLUMNS", "MainWindow"]
