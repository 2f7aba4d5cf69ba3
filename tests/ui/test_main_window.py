"""The main window, used as a person would: by keyboard and mouse."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cbh_directory.domain.dates import period_start
from cbh_directory.domain.model import Resource, SearchQuery
from cbh_directory.service import Directory
from cbh_directory.store.database import write_transaction
from cbh_directory.store.resources import upsert_resource
from cbh_directory.ui import links
from cbh_directory.ui.about import AboutDialog
from cbh_directory.ui.details_pane import LinkButton
from cbh_directory.ui.main_window import MainWindow
from cbh_directory.ui.results_model import DISTANCE, NAME, VERIFIED
from cbh_directory.ui.session import PAGE_SIZE
from cbh_directory.ui.settings import WindowSettings

from ..conftest import CURATED_ACTIVE
from .conftest import names, type_and_wait


def test_first_screen_shows_everything_by_name(make_window, curated: Directory) -> None:
    window = make_window(curated)
    assert window.model.total == CURATED_ACTIVE
    shown = names(window)
    assert shown == sorted(shown, key=str.casefold)
    assert window.count_label.text() == f"{CURATED_ACTIVE} of {CURATED_ACTIVE} resources"
    assert window.details.hit is not None  # the first row is shown in the details pane


def test_typing_narrows_results_with_few_searches(qtbot, make_window, curated, monkeypatch) -> None:
    window = make_window(curated)
    thread = window.session._thread
    started: list[object] = []
    request = thread.request_search
    monkeypatch.setattr(thread, "request_search", lambda q: started.append(q) or request(q))
    qtbot.keyClicks(window.search_bar.search_box, "CASK")
    with qtbot.waitSignal(window.session.results_ready, timeout=5000) as outcome:
        pass
    qtbot.waitUntil(lambda: not window.session.busy and window.model.query.text == "CASK")
    # Four quick keystrokes: one search at once, one when the typing stops.
    assert len(started) == 2
    assert outcome.args[0].thread_name == "search-worker"  # never on the GUI thread
    assert "Cure CASK" in names(window)
    assert window.model.total < CURATED_ACTIVE
    assert window.count_label.text().endswith(f"of {CURATED_ACTIVE} resources")


def _click_value(qtbot, window: MainWindow, group: str, value: str) -> None:
    tree = window.filter_panel.tree
    index = window.facet_model.index_of(group, value)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    with qtbot.waitSignals([window.results_shown, window.counts_shown], timeout=5000):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_facet_click_narrows_results_and_updates_other_counts(
    qtbot, make_window, curated
) -> None:
    window = make_window(curated)
    facets = window.facet_model
    groups = curated.count(SearchQuery(kinds=["support_group"]))
    aid = curated.count(SearchQuery(kinds=["financial_aid"]))
    assert facets.count_of("format", "online") > groups
    _click_value(qtbot, window, "kind", "support_group")
    assert window.model.total == groups
    assert window.session.query.kinds == ["support_group"]
    # Other groups now count only support groups; the kind group still shows its siblings.
    formats = sum(facets.count_of("format", f) for f in ("online", "in_person", "hybrid"))
    assert formats == groups
    assert facets.count_of("kind", "financial_aid") == aid
    assert window.filter_panel.clear_button.isEnabled()
    assert window.filter_panel.clear_button.text() == "Clear filters (1)"

    _click_value(qtbot, window, "focus", "CASK")
    assert {"Cure CASK", "CASK Research UK"} <= set(names(window))
    assert window.model.total == curated.count(SearchQuery(kinds=["support_group"], focus=["CASK"]))

    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.mouseClick(window.filter_panel.clear_button, Qt.MouseButton.LeftButton)
    assert window.model.total == CURATED_ACTIVE
    assert not window.filter_panel.clear_button.isEnabled()


def test_zero_count_values_are_dimmed_not_hidden(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    _click_value(qtbot, window, "kind", "support_group")
    index = window.facet_model.index_of("focus", "ITPR1")  # no ITPR1 group exists (yet)
    assert index.isValid()
    assert window.facet_model.count_of("focus", "ITPR1") == 0
    assert window.facet_model.data(index, Qt.ItemDataRole.ForegroundRole) is not None


def test_location_filter_with_distance_and_online_toggle(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    assert window.table.isColumnHidden(DISTANCE)
    bar = window.search_bar
    bar.online.setChecked(False)
    bar.set_radius(250)  # Lexington, KY and Pittsburgh, PA are within 250 miles
    qtbot.keyClicks(bar.place_box, "Columbus, OH")
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(bar.place_box, Qt.Key.Key_Return)
    assert bar.place is not None and bar.place.region_code == "OH"
    assert bar.place_box.text() == "Columbus, OH, United States"
    assert not window.table.isColumnHidden(DISTANCE)
    nearby = window.model.total
    assert 0 < nearby < CURATED_ACTIVE
    # Sorting by the distance column gives the nearest first.
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.table.sortByColumn(DISTANCE, Qt.SortOrder.AscendingOrder)
    distances = [window.model.hit(r).distance_km for r in range(window.model.rowCount())]
    assert distances == sorted(distances)
    assert "near Columbus, OH" in window.count_label.text()
    # A wider radius finds more; online groups join when the box is ticked.
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        bar.radius.setCurrentIndex(bar.radius.findData(500))
    wider = window.model.total
    assert wider > nearby
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        bar.online.setChecked(True)
    assert window.model.total > wider
    # Clearing the place shows everything again.
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        bar.place_box.clear()
    assert window.model.total == CURATED_ACTIVE
    assert window.table.isColumnHidden(DISTANCE)


def test_an_unknown_place_says_so_with_suggestions(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    bar = window.search_bar
    qtbot.keyClicks(bar.place_box, "Columbs, OH")
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(bar.place_box, Qt.Key.Key_Return)
    assert bar.place_status.text().startswith("Unknown place: Columbs, OH. Did you mean: ")
    assert "Columbus, OH" in bar.place_status.text()
    assert window.model.total == CURATED_ACTIVE  # no location filter applied


def test_an_ambiguous_place_names_the_alternatives(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    bar = window.search_bar
    qtbot.keyClicks(bar.place_box, "Springfield")
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(bar.place_box, Qt.Key.Key_Return)
    assert bar.place.region_code == "MO"  # the largest Springfield
    assert bar.place_status.text().startswith("Also: Springfield, MA; Springfield, IL")


def test_place_completion_offers_the_largest_places(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    bar = window.search_bar
    bar.place_box.setFocus()
    qtbot.keyClicks(bar.place_box, "Columbu")
    model = bar.place_box.completer().model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=3000)
    assert model.index(0, 0).data().startswith("Columbus, OH")


@pytest.fixture
def hostile(synthetic: Directory) -> Directory:
    nasty = Resource(
        id="hostile",
        name="<b>Bold</b> & <i>Co</i>",
        kind="support_group",
        description='<b>x</b><img src="file:///etc/passwd"><a href="javascript:alert(1)">click</a>',
        website="https://example.org/?a=<b>&b=1",
        email="x@example.org",
        phone="+1 614 555 0100",
        caveat="<script>alert('hi')</script>",
        last_verified="2026-01-01",
    )
    with write_transaction(synthetic.db):
        upsert_resource(synthetic.db, nasty, origin="local")
    return synthetic


def test_hostile_data_is_shown_as_plain_text(qtbot, make_window, hostile) -> None:
    window = make_window(hostile)
    row = window.model.row_of("hostile")
    window.table.selectRow(row)
    labels = window.details.findChildren(QLabel)
    texts = [label.text() for label in labels]
    assert '<b>x</b><img src="file:///etc/passwd"><a href="javascript:alert(1)">click</a>' in texts
    assert "<b>Bold</b> & <i>Co</i>" in texts
    assert "<script>alert('hi')</script>" in texts
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    assert window.model.data(window.model.index(row, NAME)) == "<b>Bold</b> & <i>Co</i>"


def test_only_safe_links_open(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        links.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    for url in (
        "https://example.org/",
        "http://example.org",
        "mailto:a@example.org",
        "tel:+16145550100",
    ):
        assert links.open_link(url), url
    for url in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "ftp://example.org",
        "smb://server/share",
        "https://",
        "vbscript:msgbox",
        "  JAVASCRIPT:alert(1)",
        "https://exa mple.org",
    ):
        assert not links.open_link(url), url
    assert len(opened) == 4


def test_details_links_and_copy_contact(qtbot, make_window, hostile, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        links.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    window = make_window(hostile)
    window.table.selectRow(window.model.row_of("hostile"))
    buttons = {b.accessibleName(): b for b in window.details.findChildren(LinkButton)}
    assert {"Website", "Email", "Phone"} <= set(buttons)
    assert buttons["Website"].full_text == "https://example.org/?a=<b>&b=1"
    qtbot.mouseClick(buttons["Phone"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["Email"], Qt.MouseButton.LeftButton)
    assert opened == ["tel:+16145550100", "mailto:x@example.org"]
    copy = next(
        b for b in window.details.findChildren(QWidget) if b.accessibleName() == "Copy contact"
    )
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == "<b>Bold</b> & <i>Co</i>"
    assert "Phone: (614) 555-0100" in text and "Email: x@example.org" in text


def test_keyboard_flow(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    window.activateWindow()
    qtbot.waitExposed(window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_bar.search_box.hasFocus()
    type_and_wait(qtbot, window, "ataxia")
    # Down arrow moves through the results; the details follow.
    window.table.setFocus()
    first = window.details.hit.resource.id
    row = window.table.currentIndex().row()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == row + 1
    assert window.details.hit.resource.id != first
    # Enter shows (focuses) the details.
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.details.hasFocus()
    # Esc clears the search and returns to the search box.
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(window.details, Qt.Key.Key_Escape)
    assert window.search_bar.search_box.text() == ""
    assert window.search_bar.search_box.hasFocus()
    assert window.model.total == CURATED_ACTIVE


def test_keyboard_can_toggle_a_filter(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    tree = window.filter_panel.tree
    tree.setFocus()
    tree.setCurrentIndex(window.facet_model.index_of("kind", "financial_aid"))
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert window.model.total == curated.count(SearchQuery(kinds=["financial_aid"]))


def test_every_control_has_an_accessible_name(make_window, curated) -> None:
    window = make_window(curated)
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.accessibleName() or type(widget).__name__ in ("QScrollBar", "QSplitterHandle"):
            continue
        parent = widget.parentWidget()
        if (
            parent is not None
            and parent.accessibleName()
            and type(parent).__name__ in ("QComboBox",)
        ):
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert missing == []


def test_window_is_usable_at_1024x640(make_window, curated, tmp_path: Path) -> None:
    window = make_window(curated, size=(1024, 640))
    _assert_usable(window)


def test_window_is_usable_at_double_font_size(qtbot, make_window, curated) -> None:
    app = QApplication.instance()
    font = app.font()
    original = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(font)
    try:
        window = make_window(curated, size=(1280, 800))
        _assert_usable(window)
        assert window.search_bar.search_box.height() >= 2 * window.fontMetrics().height() // 2
    finally:
        app.setFont(original)


def _assert_usable(window: MainWindow) -> None:
    width, height = window.width(), window.height()
    assert window.minimumSizeHint().width() <= width
    assert window.minimumSizeHint().height() <= height
    for widget in (
        window.search_bar.search_box,
        window.search_bar.place_box,
        window.table,
        window.filter_panel.tree,
        window.details,
    ):
        assert widget.isVisible()
        top_left = widget.mapTo(window, QPoint(0, 0))
        assert top_left.x() >= 0 and top_left.y() >= 0
        assert top_left.x() + min(widget.width(), 60) <= width, type(widget).__name__
    assert (
        window.table.viewport().height() >= 4 * window.table.verticalHeader().defaultSectionSize()
    )
    assert window.table.columnWidth(NAME) >= 100  # names stay readable
    assert window.details.width() >= 240


def test_settings_are_restored_after_a_restart(qtbot, make_window, curated, settings_file) -> None:
    window = make_window(curated)
    _click_value(qtbot, window, "kind", "support_group")
    window.set_units("km")
    bar = window.search_bar
    bar.online.setChecked(False)
    bar.set_radius(250)
    qtbot.keyClicks(bar.place_box, "43215")
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(bar.place_box, Qt.Key.Key_Return)
    window.resize(760, 560)  # within the offscreen screen, which restoreGeometry respects
    window.work_area.setSizes([250, 500])
    sizes = window.work_area.sizes()
    window.close()

    saved = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert json.loads(saved.value("search/filters")) == {"kind": ["support_group"]}

    again = make_window(curated, size=None)
    assert again.session.query.kinds == ["support_group"]
    assert again.model.total < 22  # support groups within 250 km of 43215
    assert again.search_bar.place is not None and again.search_bar.place.postal_code == "43215"
    assert again.search_bar.radius.currentData() == 250
    assert not again.search_bar.online.isChecked()
    assert again.search_bar.units == "km" and again.model.units == "km"
    assert (again.width(), again.height()) == (760, 560)
    assert again.work_area.sizes() == sizes
    assert (
        again.facet_model.data(
            again.facet_model.index_of("kind", "support_group"), Qt.ItemDataRole.CheckStateRole
        )
        == Qt.CheckState.Checked
    )


def test_about_names_version_dataset_and_licences(qtbot, curated: Directory) -> None:
    dialog = AboutDialog(curated.stats())
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "CBH Directory 0." in text
    assert "Dataset 2026." in text and f"{CURATED_ACTIVE} resources" in text
    assert "GeoNames" in text and "CC BY 4.0" in text


def test_gui_screenshot_command_writes_a_png(curated_db: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    target = tmp_path / "window.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cbh_directory",
            "--db",
            str(curated_db),
            "gui",
            "--screenshot",
            str(target),
            "--size",
            "1024x640",
            "--query",
            "CASK",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 640)


def test_no_display_gives_advice_not_a_crash(curated_db: Path) -> None:
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "cbh_directory", "--db", str(curated_db), "gui"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    assert "No display found" in result.stderr
    assert "cbh-directory search" in result.stderr


def test_window_settings_ignore_garbage(settings_file: Path) -> None:
    raw = QSettings(str(settings_file), QSettings.Format.IniFormat)
    raw.setValue("search/filters", "{not json")
    raw.setValue("display/units", "furlongs")
    raw.setValue("search/radius", "far")
    raw.sync()
    settings = WindowSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    assert settings.filters == {} and settings.units == "mi" and settings.radius == 100


def test_sorting_from_the_menu_matches_the_header(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.sort_actions["verified"].trigger()
    header = window.table.horizontalHeader()
    assert header.sortIndicatorSection() == VERIFIED
    dates = [window.model.hit(r).resource.last_verified for r in range(window.model.rowCount())]
    assert by_day(dates) == sorted(by_day(dates), reverse=True)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.reverse_action.trigger()
    dates = [window.model.hit(r).resource.last_verified for r in range(window.model.rowCount())]
    assert by_day(dates) == sorted(by_day(dates))
    assert not window.sort_actions["distance"].isEnabled()  # needs a place


def by_day(dates: list[str]) -> list[dt.date]:
    """The days dated entries count from, in their order; entries with no date come last."""
    days = [period_start(d) for d in dates if d]
    assert dates[: len(days)] == [d for d in dates if d], "entries with no date come last"
    return [d for d in days if d is not None]


def test_the_gui_keeps_responding_while_a_search_is_slow(qtbot, make_window, curated, monkeypatch):
    import time

    from cbh_directory.ui import worker

    window = make_window(curated)
    real_search = worker.Directory.search

    def slow_search(self, query):
        time.sleep(0.4)
        return real_search(self, query)

    monkeypatch.setattr(worker.Directory, "search", slow_search)
    started = time.monotonic()
    qtbot.keyClicks(window.search_bar.search_box, "joubert")
    qtbot.wait(200)  # the debounced search is now running in the worker
    qtbot.keyClicks(window.search_bar.search_box, " syndrome")
    typing = time.monotonic() - started
    assert typing < 0.4 + 0.3, "typing was not held up by the slow search"
    assert window.search_bar.search_box.text() == "joubert syndrome"
    qtbot.waitUntil(
        lambda: not window.session.busy and window.model.query.text == "joubert syndrome",
        timeout=5000,
    )
    assert names(window) == ["Joubert Syndrome & Related Disorders Foundation"]


@pytest.fixture
def large(synthetic: Directory) -> Directory:
    """SYNTHETIC: 250 extra generated resources, to page through."""
    with write_transaction(synthetic.db):
        for n in range(250):
            upsert_resource(
                synthetic.db,
                Resource(id=f"gen-{n:03d}", name=f"Generated group {n:03d}", kind="support_group"),
                origin="local",
            )
    return synthetic


def test_scrolling_to_the_end_fetches_the_next_page(qtbot, make_window, large) -> None:
    window = make_window(large)
    model = window.model
    assert model.total == 257 and model.rowCount() == PAGE_SIZE
    for pages in range(2, 257 // PAGE_SIZE + 2):
        window.table.scrollToBottom()
        wanted = min(257, pages * PAGE_SIZE)
        qtbot.waitUntil(lambda wanted=wanted: model.rowCount() == wanted, timeout=5000)
    assert model.rowCount() == 257
    shown = names(window)
    assert shown == sorted(shown, key=str.casefold)
    assert len(set(shown)) == 257


def test_a_closed_window_leaves_the_closed_database_alone(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    window.close()
    curated.close()
    # A selection change that arrives late (a queued signal, a timer) must not read it.
    window.table.setCurrentIndex(window.model.index(1, 1))
    window._details_timer.start()
    qtbot.wait(400)
