"""The main window: search bar, lists and filters, results table and details on one screen."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from ..domain import phrases
from ..domain.facets import FACET_BY_ID
from ..domain.lists import ListInfo
from ..domain.model import Facets, Hit, SearchQuery
from ..service import Directory
from . import accessibility, colours, msgbox, style
from .about import AboutDialog
from .accessibility import announce
from .actions import make_action
from .checkup_actions import CheckupActions
from .data_actions import DataActions
from .details_pane import DetailsPane, ListContext
from .export_actions import ExportActions
from .facet_model import FacetModel
from .filter_panel import FilterPanel
from .help_dialogs import HelpActions
from .i18n import QT_TRANSLATE_NOOP, number
from .language_menu import add_language_menu
from .list_actions import ListActions
from .list_header import ListHeader
from .results_model import SORT_BY_COLUMN, HitRole, ResultsModel
from .results_table import ResultsTable
from .search_bar import SearchBar
from .search_feedback import SearchFeedback
from .session import SearchSession
from .settings import WindowSettings, app_settings
from .shortcuts import WindowShortcutsFirst
from .sidebar import REVIEW, Sidebar, SidebarModel
from .sync_actions import SyncActions
from .work_area import WorkArea
from .worker import SearchOutcome

DETAILS_DELAY_MS = 80  # new results paint first; the details of the first row follow
# The count is said once typing pauses: not "289 of 311" after each letter.
COUNT_SAID_AFTER_MS = 600

SORT_LABELS = {
    "relevance": QT_TRANSLATE_NOOP("main_window", "&Relevance"),
    "list": QT_TRANSLATE_NOOP("main_window", "&List order"),
    "name": QT_TRANSLATE_NOOP("main_window", "&Name"),
    "kind": QT_TRANSLATE_NOOP("main_window", "&Kind"),
    "focus": QT_TRANSLATE_NOOP("main_window", "&Focus"),
    "distance": QT_TRANSLATE_NOOP("main_window", "&Distance"),
    "verified": QT_TRANSLATE_NOOP("main_window", "Last &verified"),
}


class MainWindow(QMainWindow):
    """One screen: search and place on top; lists and filters left; results; details."""

    results_shown = Signal()
    counts_shown = Signal()  # the filter counts of the results shown (they follow the results)

    def __init__(self, directory: Directory, settings: WindowSettings | None = None) -> None:
        accessibility.install()  # before the first widget is made
        super().__init__()
        if directory.path is None:
            raise ValueError("the window needs a database file, not an in-memory database")
        # On read-only media the title says so before any change is tried.
        read_only = self.tr(" (read-only)") if directory.read_only else ""
        self.setWindowTitle("CBH Directory" + read_only)
        self.directory = directory
        self.settings = settings or WindowSettings(app_settings())
        style.install()  # (again, for windows made without ui/app.py: tests, scripts)
        # readable placeholders, links and selections in whatever theme the system has
        QApplication.setPalette(colours.apply(QApplication.palette()))
        self._total = directory.total()
        self._country_names: dict[str, str] = {}
        self._ready = False
        self._current_list: ListInfo | None = None

        self.session = SearchSession(directory.path, self)
        self.search_bar = SearchBar(directory.places, directory.complete_place)
        self.sidebar_model = SidebarModel(self)
        self.sidebar = Sidebar(self.sidebar_model)
        self.facet_model = FacetModel(self)
        self.filter_panel = FilterPanel(self.facet_model)
        self.model = ResultsModel(self)
        self.table = ResultsTable(self.model)
        self.list_header = ListHeader()
        self.feedback = SearchFeedback()
        self._deferring = False
        self._closed = False  # after closeEvent: late signals must not read the database
        self._keep_details = False  # a re-search that must not move the details elsewhere
        self._typing = False  # the search box changed since the last results
        self._details_timer = QTimer(self, singleShot=True, interval=DETAILS_DELAY_MS)
        self._details_timer.timeout.connect(
            lambda: self._current_changed(self.table.currentIndex(), QModelIndex())
        )
        self._partial = False
        self._filter_said = ""  # "Support group checked": said with the count it leads to
        self._count_words = ""
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_SAID_AFTER_MS)
        self._count_timer.timeout.connect(self._say_count)
        self._searched: SearchQuery | None = None
        self.details = DetailsPane(self.country_name, successor_name=self._resource_name)
        self.count_label = QLabel()
        self.count_label.setAccessibleDescription(self.tr("Result count"))
        self.statusBar().addPermanentWidget(self.count_label)
        self.lists = ListActions(
            directory, self, self.table.selected_ids, lambda: self._current_list
        )
        self.exports = ExportActions(
            directory,
            self,
            query=lambda: self._searched or self.model.query,  # as run: words read
            result_count=lambda: self.model.total,
            selected_ids=self.table.selected_ids,
            current_list=lambda: self._current_list,
            units=lambda: self.settings.units,
            settings=self.settings,
        )
        self.data = DataActions(directory, self, self.table.selected_ids, self.settings)
        self.checkups = CheckupActions(
            directory, self, lambda: self.details.hit, self.settings, self.show_resource
        )
        self.details.community_lines = self.checkups.community_lines
        self.details.extra_sections.append(self.checkups.section)
        self.agency_sync = SyncActions(directory, self, self.table.selected_ids, self.settings)

        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.setSpacing(0)
        results_layout.addWidget(self.list_header)
        results_layout.addWidget(self.feedback)
        results_layout.addWidget(self.table, 1)
        self.work_area = WorkArea(self.sidebar, self.filter_panel, results, self.details)
        self._layout_restored = False
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.work_area, 1)
        self.setCentralWidget(central)

        self._make_menus()
        WindowShortcutsFirst(self).watch(self.search_bar.search_box, self.search_bar.place_box)
        self._connect()
        self.refresh_lists()
        self._restore_settings()
        self.session.search_now()

    # -- building

    def _make_menus(self) -> None:
        bar = self.menuBar()
        lists = self.lists
        data = self.data
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(data.import_action)
        file_menu.addAction(data.import_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.exports.export_action)
        file_menu.addAction(data.export_hsds_action)
        file_menu.addAction(self.exports.print_action)
        file_menu.addSeparator()
        file_menu.addAction(lists.import_list_action)
        file_menu.addAction(lists.export_list_action)
        file_menu.addAction(self.checkups.import_action)
        file_menu.addAction(self.checkups.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.agency_sync.sync_action)
        file_menu.addSeparator()
        file_menu.addAction(data.backup_action)
        file_menu.addAction(data.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(
            make_action(self, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(lists.undo_action)
        edit.addAction(lists.redo_action)
        edit.addSeparator()
        self.find_action = make_action(
            self, self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.clear_search_action = make_action(
            self, self.tr("Clear &Search"), self.clear_search, QKeySequence(Qt.Key.Key_Escape)
        )
        self.clear_filters_action = make_action(
            self, self.tr("Clear F&ilters"), self.session.clear_filters, "Ctrl+Shift+Backspace"
        )
        self.copy_contact_action = make_action(
            self, self.tr("&Copy Contact"), self.details.copy_contact, "Ctrl+Shift+C"
        )
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

        resource_menu = bar.addMenu(self.tr("&Resource"))
        for action in (data.new_action, data.edit_action, data.verify_action, data.archive_action):
            resource_menu.addAction(action)
        resource_menu.addAction(data.initials_action)
        resource_menu.addSeparator()
        for action in (self.checkups.check_action, self.checkups.needs_action):
            resource_menu.addAction(action)
        resource_menu.addAction(self.checkups.max_age_action)
        resource_menu.aboutToShow.connect(self.checkups.update_actions)
        resource_menu.addAction(self.agency_sync.propose_action)

        list_menu = bar.addMenu(self.tr("&Lists"))
        list_menu.addAction(lists.bookmark_action)
        add_menu = list_menu.addMenu(self.tr("Add to List"))
        add_menu.aboutToShow.connect(lambda: self.lists.fill_add_menu(add_menu))
        list_menu.addAction(lists.remove_action)
        list_menu.addAction(lists.move_up_action)
        list_menu.addAction(lists.move_down_action)
        list_menu.addSeparator()
        for action in lists.sidebar_actions():
            list_menu.addAction(action)
        list_menu.aboutToShow.connect(self._update_list_actions)
        self.sidebar.view.addActions(lists.sidebar_actions())

        view = bar.addMenu(self.tr("&View"))
        units = view.addMenu(self.tr("Distance &Units"))
        group = QActionGroup(self)
        self.units_actions: dict[str, QAction] = {}
        for key, label in (("mi", self.tr("&Miles")), ("km", self.tr("&Kilometres"))):
            action = make_action(self, label, partial(self.set_units, key), checkable=True)
            group.addAction(action)
            units.addAction(action)
            self.units_actions[key] = action
        sort_menu = view.addMenu(self.tr("&Sort By"))
        sort_group = QActionGroup(self)
        self.sort_actions: dict[str, QAction] = {}
        for key, source in SORT_LABELS.items():
            label = QCoreApplication.translate("main_window", source)
            action = make_action(self, label, partial(self.sort_by, key), checkable=True)
            sort_group.addAction(action)
            sort_menu.addAction(action)
            self.sort_actions[key] = action
        self.sort_actions["relevance"].setChecked(True)
        sort_menu.addSeparator()
        self.reverse_action = make_action(self, self.tr("Reverse &Order"), checkable=True)
        self.reverse_action.triggered.connect(lambda checked: self.sort_by(None, checked))
        sort_menu.addAction(self.reverse_action)
        view.addSeparator()
        self.show_filters_action = make_action(
            self, self.tr("Show &Lists and Filters"), checkable=True, checked=True
        )
        self.show_filters_action.toggled.connect(self.work_area.left.setVisible)
        self.show_details_action = make_action(
            self, self.tr("Show &Details"), checkable=True, checked=True
        )
        self.show_details_action.toggled.connect(self.details.setVisible)
        view.addAction(self.show_filters_action)
        view.addAction(self.show_details_action)
        view.addSeparator()
        view.addAction(data.review_age_action)
        view.addSeparator()
        add_language_menu(self, view, self.settings.qt)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help = HelpActions(self, bar, self.settings)
        help_menu.addActions(self.help.actions)
        help_menu.addSeparator()
        help_menu.addAction(make_action(self, self.tr("&About CBH Directory"), self.show_about))

    def _connect(self) -> None:
        self.search_bar.text_changed.connect(self._typed)
        self.search_bar.text_changed.connect(self.session.set_text)
        self.search_bar.location_changed.connect(self._location_changed)
        self.feedback.chip_removed.connect(self._remove_chip)
        self.facet_model.toggled.connect(self.session.set_filter)
        self.facet_model.toggled.connect(self._filter_toggled)
        self.filter_panel.clear_requested.connect(self.session.clear_filters)
        self.session.results_ready.connect(self._show_outcome)
        self.session.counts_ready.connect(self._show_counts)
        self.session.page_ready.connect(self.model.append_page)
        self.session.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.model.page_wanted.connect(self.session.fetch_page)
        self.model.sort_wanted.connect(self.session.set_sort)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_list_actions())
        self.table.details_requested.connect(self.focus_details)
        self.table.doubleClicked.connect(lambda _index: self.focus_details())
        self.table.star_clicked.connect(lambda rid: self.lists.toggle_bookmarks([rid]))
        self.table.remove_requested.connect(self.lists.remove_selected)
        self.table.menu_requested.connect(self._results_menu)
        self.sidebar.chosen.connect(self._list_chosen)
        self.sidebar.new_requested.connect(lambda: self.lists.new_list())
        self.sidebar_model.dropped.connect(lambda list_id, ids: self.lists.add_to(list_id, ids))
        self.list_header.note_edited.connect(self.lists.set_list_note)
        self.details.contact_copied.connect(
            lambda _text: self.statusBar().showMessage(
                self.tr("Contact copied to the clipboard"), 4000
            )
        )
        self.details.bookmark_toggled.connect(lambda rid: self.lists.toggle_bookmarks([rid]))
        self.details.item_note_edited.connect(self.lists.set_item_note)
        self.lists.changed.connect(self._lists_changed)
        self.data.changed.connect(self._data_changed)
        self.checkups.changed.connect(self._checkups_changed)
        self.checkups.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.agency_sync.changed.connect(self._data_changed)
        self.agency_sync.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.data.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # every status message (saved, copied, exported, an error) is said, not only shown
        self.statusBar().messageChanged.connect(lambda text: announce(self.statusBar(), text))
        self.details.edit_requested.connect(lambda rid: self.data.edit_resource(rid))
        self.details.resource_requested.connect(self.show_resource)
        self.lists.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.exports.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # -- lists

    def refresh_lists(self) -> None:
        """Reload list names, counts and stars after any list change."""
        all_lists = self.directory.lists()
        review = self.directory.needs_review_count()
        self.sidebar_model.set_lists(all_lists, self._total, review)
        chosen = self.sidebar.current_list_id
        self._current_list = next((x for x in all_lists if x.id == chosen), None)
        self.model.stale_after_days = self.directory.stale_after_days()
        self.list_header.show_list(self._current_list)
        self.model.set_bookmarked(self.directory.bookmarked_ids())
        self._update_list_actions()

    def _data_changed(self) -> None:
        """Resources were edited, imported or restored: recount and search again."""
        self._total = self.directory.total()
        self.model.stale_after_days = self.directory.stale_after_days()
        self.refresh_lists()
        if self.session.query.verified_before is not None:
            self.session.query.verified_before = self.directory.stale_cutoff()
        self.session.search_now()

    def _checkups_changed(self) -> None:
        """A check-up changed what moderation and activity show: count again, and redraw the
        details (the resource itself did not change)."""
        self._keep_details = True
        self.session.search_now()
        hit = self.details.hit
        if hit is not None:
            self.details.show_hit(None)
            self.details.show_hit(hit, self._list_context(hit))

    def _lists_changed(self) -> None:
        self.refresh_lists()
        if self.session.query.list_id is not None:
            self.session.search_now()  # the chosen list's items changed
        else:
            self._current_changed(self.table.currentIndex(), QModelIndex())

    def _list_chosen(self, list_id: int | None) -> None:
        self.refresh_lists()
        query = self.session.query
        reviewing = list_id == REVIEW
        query.verified_before = self.directory.stale_cutoff() if reviewing else None
        if reviewing:
            query.sort, query.reverse = "verified", True  # oldest first
            list_id = None
        elif list_id is not None and query.sort in ("relevance", "verified"):
            query.sort, query.reverse = "list", False
        elif list_id is None and query.sort == "list":
            query.sort, query.reverse = "relevance", False
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.session.set_list(list_id)

    def _update_list_actions(self) -> None:
        self.lists.update_enabled(list_order=self.session.query.sort == "list")

    def _results_menu(self, position: QPoint) -> None:
        self._update_list_actions()
        self.lists.results_menu(self, position, self.copy_contact_action).exec(position)

    def _list_context(self, hit: Hit) -> ListContext:
        holding = self.directory.lists_holding(hit.resource.id)
        current = self._current_list
        return ListContext(
            bookmarked=any(x.is_bookmarks for x in holding),
            lists=tuple(x.name for x in holding if not x.is_bookmarks),
            list_id=current.id if current else None,
            list_name=current.name if current else "",
        )

    # -- reacting

    def _location_changed(self) -> None:
        bar = self.search_bar
        self.session.set_location(bar.place, bar.radius_km, bar.include_online)

    def _typed(self, _text: str) -> None:
        self._typing = True

    def _remove_chip(self, words: str) -> None:
        """A chip's words leave the search box; the search runs again without them."""
        box = self.search_bar.search_box
        box.setText(phrases.without_words(box.text(), words))

    def _filter_toggled(self, group: str, value: str, checked: bool) -> None:
        # Orca before 45 says nothing when a checkbox in a tree changes, so the count says it.
        label = self.facet_model.index_of(group, value).data() or value
        state = self.tr("checked") if checked else self.tr("not checked")
        self._filter_said = f"{label} {state}"

    def _show_outcome(self, outcome: SearchOutcome) -> None:
        current = self.details.hit.resource.id if self.details.hit else None
        self._partial = outcome.partial
        self._searched = outcome.searched
        self.table.show_distance(outcome.searched.near is not None)
        self.model.show_results(
            outcome.query,
            outcome.hits,
            outcome.total,
            placed=outcome.searched.near is not None,
        )
        self.feedback.show_outcome(outcome)
        # The counts follow in a moment (_show_counts): until then the panel shows none,
        # never the previous search's.
        self.facet_model.set_counting()
        active = sum(len(v) for v in outcome.query.filter_values().values())
        self.filter_panel.set_active_count(active)
        self._update_counts()
        self._sync_sort_actions()
        row = self.model.row_of(current) if current else -1
        keep, self._keep_details = self._keep_details, False
        if row < 0 and keep and current is not None:
            self._update_list_actions()  # the shown entry is past the first page: keep it
            self.results_shown.emit()
            return
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            before = self.table.currentIndex().row()
            # While typing, the details follow the painted results a moment later: rebuilding
            # them was the largest part of the GUI thread's work for a keystroke.
            self._deferring = self._ready and self._typing
            self._typing = False
            try:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 1),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                if before == row:  # no currentRowChanged: the hit may still be new
                    self._current_changed(self.table.currentIndex(), QModelIndex())
            finally:
                self._deferring = False
        else:
            self._details_timer.stop()
            self.details.show_hit(None)
        self._update_list_actions()
        self._ready = True
        self.results_shown.emit()

    def _show_counts(self, facets: Facets, query: SearchQuery) -> None:
        # The panel shows the filters chosen in it; words read as filters are chips instead.
        self.facet_model.set_facets(facets, query)
        self.counts_shown.emit()

    def _update_counts(self) -> None:
        current = self._current_list
        if current is not None:
            text = self.tr("%s of %s items in %s") % (
                number(self.model.total),
                number(current.count),
                current.name,
            )
        elif self.session.query.verified_before is not None:
            since = self.session.query.verified_before
            text = self.tr("%s need review (not verified since %s)") % (
                number(self.model.total),
                since,
            )
        else:
            text = self.tr("%s of %s resources") % (number(self.model.total), number(self._total))
        if self._partial:
            text = self.tr("No exact matches; %1 partial matches").replace(
                "%1", number(self.model.total)
            )
        place = (self._searched or self.session.query).near
        if place is not None:
            text += self.tr(" near %s") % place.label.removesuffix(", United States")
        said, self._filter_said = self._filter_said, ""
        if text != self.count_label.text() or said:
            self.count_label.setText(text)
            self._count_words = f"{said}, {text}" if said else text
            self._count_timer.start()

    def _say_count(self) -> None:
        announce(self.count_label, self._count_words)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._closed:
            return
        if self._deferring:
            self._details_timer.start()
            return
        self._details_timer.stop()
        hit: Hit | None = self.model.data(current, HitRole) if current.isValid() else None
        self.details.show_hit(hit, self._list_context(hit) if hit else None)

    def show_resource(self, resource_id: str) -> None:
        """Show one entry (a merged entry's successor): its row when the results hold it,
        else in the details alone."""
        row = self.model.row_of(resource_id)
        if row >= 0:
            self.table.selectRow(row)
            return
        found = self.directory.find(resource_id)
        if found is not None:
            hit = Hit(found)
            self.details.show_hit(hit, self._list_context(hit))

    def _resource_name(self, resource_id: str) -> str:
        found = self.directory.find(resource_id)
        return found.name if found else resource_id

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
        self.sort_actions["list"].setEnabled(query.list_id is not None)

    def set_units(self, units: str) -> None:
        self.settings.units = units
        self.units_actions[units].setChecked(True)
        self.model.set_units(units)
        self.details.units = units
        self._current_changed(self.table.currentIndex(), QModelIndex())
        self.search_bar.set_units(units)

    def show_about(self) -> None:
        msgbox.run(AboutDialog(self.directory.stats(), self))

    def country_name(self, code: str) -> str:
        if not code:
            return ""
        if code not in self._country_names:
            self._country_names[code] = self.directory.country_name(code)
        return self._country_names[code]

    # -- settings and layout

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
        keys = ("window/splitter", "window/left_splitter", "window/results_splitter")
        self._layout_restored = self.work_area.restore({k: s.bytes(k) for k in keys})
        self.search_bar.set_radius(s.radius)
        self.search_bar.online.setChecked(s.include_online)
        self.search_bar.set_place_text(s.place)
        query = self.session.query
        bar = self.search_bar
        query.near = bar.place
        query.radius_km = bar.radius_km if bar.place else None
        query.include_online = bar.include_online
        for group, values in s.filters.items():
            if group in FACET_BY_ID:
                query.set_values(group, list(values))
        if s.list_id is not None and self.sidebar_model.row_of(s.list_id) > 0:
            self.sidebar.choose(s.list_id, notify=False)
            query.list_id = s.list_id
            query.sort = "list"
            self.refresh_lists()

    def save_settings(self) -> None:
        s = self.settings
        s.set_bytes("window/geometry", self.saveGeometry())
        for key, value in self.work_area.save().items():
            s.set_bytes(key, value)
        s.filters = self.session.query.filter_values()
        s.place = self.search_bar.place_box.text() if self.search_bar.place else ""
        s.radius = int(self.search_bar.radius.currentData())
        s.include_online = self.search_bar.include_online
        s.list_id = self.session.query.list_id
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            self.work_area.fit(self.width(), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.work_area.arrange(self.width())

    def closeEvent(self, event: QCloseEvent) -> None:
        for note in (self.details.note_editor, self.list_header.note):
            if note is not None:
                note.flush()
        self.save_settings()
        self._closed = True
        self._details_timer.stop()
        self.search_bar.stop()
        self.session.stop()
        if self.data.task is not None and self.data.task.running:
            self.data.task.wait()
        if self.exports.job is not None and self.exports.job.running:
            self.exports.job.cancel()
            self.exports.job.wait()
        super().closeEvent(event)
