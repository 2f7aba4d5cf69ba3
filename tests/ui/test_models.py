"""Every Qt model passes QAbstractItemModelTester, and shows what a user should see."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui import colours
from cbh_directory.ui.facet_model import FacetModel, KeyRole
from cbh_directory.ui.results_model import DISTANCE, VERIFIED, ResultsModel


def test_results_model_passes_the_model_tester(qtmodeltester, synthetic: Directory) -> None:
    model = ResultsModel()
    page = synthetic.search(SearchQuery(limit=3))
    model.show_results(SearchQuery(limit=3), page.hits, page.total)
    assert model.canFetchMore()
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.total == 7


def test_results_model_pages_on_demand(qtbot, synthetic: Directory) -> None:
    model = ResultsModel()
    query = SearchQuery(limit=3, sort="name")
    page = synthetic.search(query)
    model.show_results(query, page.hits, page.total)
    with qtbot.waitSignal(model.page_wanted) as asked:
        model.fetchMore()
    assert asked.args == [3]
    assert not model.canFetchMore(), "one request at a time"
    more = synthetic.search(SearchQuery(limit=3, offset=3, sort="name")).hits
    model.append_page(3, more)
    assert model.rowCount() == 6 and model.canFetchMore()
    model.append_page(3, more)  # a late duplicate is ignored
    assert model.rowCount() == 6


def test_stale_rows_are_marked(synthetic: Directory) -> None:
    model = ResultsModel()
    page = synthetic.search(SearchQuery(limit=None, sort="name"))
    model.show_results(SearchQuery(), page.hits, page.total)
    row = model.row_of("test-chicago-hybrid")  # verified 2024-01-01
    index = model.index(row, VERIFIED)
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert "needs review" in model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    fresh = model.index(model.row_of("test-uk-aid"), VERIFIED)
    model.today = __import__("datetime").date(2026, 6, 1)
    assert model.data(fresh, Qt.ItemDataRole.DecorationRole) is None


def test_distance_column_uses_the_units(synthetic: Directory) -> None:
    columbus = synthetic.resolve_place("Columbus, OH")
    query = SearchQuery(near=columbus, sort="distance", limit=None)
    page = synthetic.search(query)
    model = ResultsModel()
    model.show_results(query, page.hits, page.total)
    chicago = model.index(model.row_of("test-chicago-hybrid"), DISTANCE)
    miles = model.data(chicago)
    assert miles.endswith(" mi") and 270 <= int(miles.split()[0]) <= 280
    model.set_units("km")
    km = model.data(chicago)
    assert km.endswith(" km") and 440 <= int(km.split()[0]) <= 450


def test_facet_model_passes_the_model_tester(qtmodeltester, synthetic: Directory) -> None:
    model = FacetModel()
    query = SearchQuery(kinds=["support_group"])
    model.set_facets(synthetic.facets(query), query)
    qtmodeltester.check(model)
    # and again after counts change without a reset
    query = SearchQuery(kinds=["support_group"], text="synthetic")
    model.set_facets(synthetic.facets(query), query)
    qtmodeltester.check(model)


def test_facet_model_checks_dims_and_emits(qtbot, synthetic: Directory) -> None:
    model = FacetModel()
    query = SearchQuery(kinds=["support_group"])
    model.set_facets(synthetic.facets(query), query)
    support = model.index_of("kind", "support_group")
    assert model.data(support, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(support, KeyRole) == ("kind", "support_group")
    zero = model.index_of("focus", "ITPR1")
    assert zero.isValid(), "zero-count values stay listed"
    dimmed = model.data(zero, Qt.ItemDataRole.ForegroundRole)
    assert dimmed == colours.dimmed(QApplication.palette())  # quieter, still 4.5:1
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert colours.contrast(dimmed, base) >= 4.5
    with qtbot.waitSignal(model.toggled) as toggled:
        model.setData(zero, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert toggled.args == ["focus", "ITPR1", True]
    # The heading shows how many of its values are chosen.
    kind_heading = model.group_index("kind")
    assert model.data(kind_heading.siblingAtColumn(1)) == "1 on"


def test_regions_sit_under_their_country(synthetic: Directory) -> None:
    model = FacetModel()
    model.set_facets(synthetic.facets(SearchQuery()), SearchQuery())
    ohio = model.index_of("region", "US/Ohio")
    assert ohio.isValid()
    assert model.data(ohio.parent(), KeyRole) == ("country", "US")
