"""What the GUI thread does for a keystroke: the results paint first; the details follow."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui.main_window import DETAILS_DELAY_MS

from .conftest import type_and_wait


def test_typing_paints_results_before_rebuilding_the_details(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    shown_then: list[str | None] = []
    window.results_shown.connect(
        lambda: shown_then.append(window.details.hit.resource.id if window.details.hit else None)
    )
    before = window.details.hit.resource.id
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.search_box.setText("Joubert")  # one change, one search
    first = window.model.hit(0).resource.id
    assert first == "jsrdf" != before
    assert shown_then[-1] == before  # not rebuilt while the results were being shown
    qtbot.waitUntil(
        lambda: window.details.hit is not None and window.details.hit.resource.id == first,
        timeout=DETAILS_DELAY_MS + 2000,
    )


def test_choosing_a_row_shows_its_details_at_once(qtbot, make_window, curated: Directory) -> None:
    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK")
    window.table.selectRow(1)
    assert window.details.hit is not None
    assert window.details.hit.resource.id == window.model.hit(1).resource.id


def _shown_counts(window) -> dict[tuple[str, str], int]:
    model = window.facet_model
    return {key: node.count for key, node in model._by_key.items()}


def _expected_counts(directory: Directory, query) -> dict[tuple[str, str], int]:
    return {
        (group, value.value): value.count
        for group, values in directory.facets(query).items()
        for value in values
    }


def test_results_paint_before_their_counts_and_no_old_count_is_shown(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    model = window.facet_model
    index = model.index_of("kind", "support_group").siblingAtColumn(1)
    assert model.data(index) == str(curated.count(SearchQuery(kinds=["support_group"])))
    at_paint: list[tuple[bool, object]] = []
    window.results_shown.connect(lambda: at_paint.append((model.counting, model.data(index))))
    with qtbot.waitSignals([window.results_shown, window.counts_shown], timeout=10_000):
        window.search_bar.search_box.setText("CASK")
    # When the results were shown the counts were still to come: no number, not the old one.
    assert at_paint == [(True, "")]
    assert not model.counting
    run = window.session.query
    assert _shown_counts(window) == _expected_counts(curated, curated.interpret(run).query)
    assert model.data(index) == str(model.count_of("kind", "support_group"))


def test_counts_are_those_of_the_newest_results_after_fast_typing(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    checked: list[bool] = []
    window.counts_shown.connect(
        lambda: checked.append(
            _shown_counts(window)
            == _expected_counts(curated, curated.interpret(window.model.query).query)
        )
    )
    for text in ("fin", "financial", "s", "support group", "Joubert"):
        window.search_bar.search_box.setText(text)  # faster than any search
    qtbot.waitUntil(
        lambda: (
            not window.session.busy
            and not window.session.counting
            and window.model.query.text == "Joubert"
        ),
        timeout=10_000,
    )
    assert checked and all(checked)  # every count shown matched the results beside it
    assert window.facet_model.count_of("focus", "joubert") > 0


def test_counts_for_a_search_no_longer_shown_are_dropped(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    session = window.session
    old = session._request
    type_and_wait(qtbot, window, "CASK")
    counted: list[object] = []
    session.counts_ready.connect(lambda facets, query: counted.append(facets))
    # Counts of the first search arriving late (a slow worker) change nothing.
    session._on_counted(old, {"kind": []})
    assert counted == []
    assert not window.facet_model.counting


def test_the_focus_outline_is_painted_only_while_the_table_has_the_focus(
    qtbot, make_window, curated: Directory
) -> None:
    from PySide6.QtWidgets import QApplication

    from cbh_directory.ui import colours
    from cbh_directory.ui.focus import FocusDelegate

    window = make_window(curated)
    table = window.table
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    assert isinstance(table.itemDelegate(), FocusDelegate)
    rect = table.visualRect(table.currentIndex())
    pixel = table.viewport().grab().toImage().pixelColor(rect.center().x(), rect.top() + 1)
    wanted = colours.focus(QApplication.palette(), selected=True)
    assert pixel.rgb() == wanted.rgb()
    window.search_bar.search_box.setFocus()
    qtbot.waitUntil(lambda: not table.hasFocus(), timeout=2000)
    assert not isinstance(table.itemDelegate(), FocusDelegate)  # Qt's own, for the typing
    pixel = table.viewport().grab().toImage().pixelColor(rect.center().x(), rect.top() + 1)
    assert pixel.rgb() != wanted.rgb()


def test_stale_dates_colour_and_icon_are_worked_out_once_not_per_cell(
    qtbot, make_window, curated: Directory, monkeypatch
) -> None:
    from cbh_directory.ui import colours, results_model

    window = make_window(curated)
    model = window.model
    stale = [
        row
        for row in range(model.rowCount())
        if model.data(model.index(row, results_model.VERIFIED), Qt.ItemDataRole.DecorationRole)
    ]
    assert stale, "the curated data has entries not verified in the last 12 months"
    worked_out: list[bool] = []
    warning = colours.warning
    monkeypatch.setattr(colours, "warning", lambda p: worked_out.append(True) or warning(p))
    model._looks = ()  # start afresh
    for _ in range(3):
        window.table.viewport().repaint()
    assert len(worked_out) == 1


def test_a_cell_is_painted_from_one_call_with_every_role_as_data_gives_it(
    qtbot, make_window, curated: Directory, monkeypatch
) -> None:
    import sys

    from PySide6.QtCore import QAbstractTableModel

    from cbh_directory.ui.results_model import ResultsModel

    callers: list[str] = []
    data = ResultsModel.data

    def recorded(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        callers.append(sys._getframe(1).f_code.co_name)
        return data(self, index, role)

    monkeypatch.setattr(ResultsModel, "data", recorded)
    window = make_window(curated)
    table, model = window.table, window.model
    callers.clear()
    one_call = table.viewport().grab().toImage()
    # Qt asked for each cell's roles in one call into Python (multiData), not one per role.
    assert len(callers) > 100 and set(callers) == {"multiData"}

    class PerRole(ResultsModel):
        multiData = QAbstractTableModel.multiData  # Qt's own: data() for each role

    per_role = PerRole()
    per_role.show_results(model.query, [model.hit(r) for r in range(model.rowCount())], 1000)
    table.setModel(per_role)
    table.setCurrentIndex(per_role.index(0, 1))
    assert table.viewport().grab().toImage() == one_call  # painted the same


def test_the_filters_dimmed_colour_is_worked_out_once_per_palette(
    qtbot, make_window, curated: Directory, monkeypatch
) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from cbh_directory.ui import colours

    window = make_window(curated)
    model = window.facet_model
    type_and_wait(qtbot, window, "CASK")
    index = model.index_of("kind", "financial_aid")
    assert model.count_of("kind", "financial_aid") == 0  # no CASK financial aid: dimmed
    worked_out: list[bool] = []
    dimmed = colours.dimmed
    monkeypatch.setattr(colours, "dimmed", lambda p: worked_out.append(True) or dimmed(p))
    model._dim = None
    for _ in range(3):
        window.filter_panel.tree.viewport().repaint()
    assert len(worked_out) == 1
    light = model.data(index, Qt.ItemDataRole.ForegroundRole)
    assert light == dimmed(QApplication.palette())
    original = QApplication.palette()
    dark = QPalette(original)
    for role, colour in (
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#eeeeee"),
    ):
        dark.setColor(role, QColor(colour))
    QApplication.setPalette(dark)
    try:
        assert model.data(index, Qt.ItemDataRole.ForegroundRole) == dimmed(dark) != light
    finally:
        QApplication.setPalette(original)
