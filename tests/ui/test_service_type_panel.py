"""The filter panel's Service type opens below the taxonomy's top level: Basic Needs ›
Emergency Food › Food Pantries, each with its count, checkable, said with its place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from cbh_directory.service import Directory
from cbh_directory.ui.facet_model import COUNT, FacetModel

from ..airs import add_services
from .conftest import names

# Test services filed under real 211/AIRS codes and names.
SERVICES = {
    "Our Pantry": [("BD-1800.2000", "Food Pantries")],
    "Hot Meals Here": [("BD-5000.8300", "Soup Kitchens")],
    "Food Help Line": [("BD-1800", "Emergency Food")],
    "Shelter And Food": [("BH-1800.8500", "Homeless Shelter"), ("BD-1800.2000", "Food Pantries")],
}


@pytest.fixture
def directory(curated: Directory) -> Directory:
    return add_services(curated, SERVICES)


def _label_and_count(model: FacetModel, index: QModelIndex) -> tuple[str, str]:
    return model.data(index), model.data(index.siblingAtColumn(COUNT))


def test_the_tree_nests_codes_under_their_parents(make_window, directory: Directory) -> None:
    window = make_window(directory)
    model = window.facet_model
    pantries = model.index_of("service_type", "BD-1800.2000")
    emergency = model.parent(pantries)
    basic = model.parent(emergency)
    assert _label_and_count(model, pantries) == ("Food Pantries", "2")
    assert _label_and_count(model, emergency) == ("Emergency Food", "3")
    assert _label_and_count(model, basic) == ("Basic Needs", "4")
    assert model.parent(basic) == model.group_index("service_type")
    assert model.data(pantries, Qt.ItemDataRole.ToolTipRole) == "Food Pantries (BD-1800.2000)"
    # Said with its place in the tree and its state, like Focus › Genes › CACNA1A.
    said = model.data(pantries, Qt.ItemDataRole.AccessibleTextRole)
    place = model.data(pantries, Qt.ItemDataRole.AccessibleDescriptionRole)
    assert said == "Food Pantries, 2 results, not checked"
    assert place.startswith("Service type › Basic Needs › Emergency Food")
    assert model.flags(pantries) & Qt.ItemFlag.ItemIsUserCheckable


def test_checking_a_code_shows_the_services_under_it(
    qtbot, make_window, directory: Directory
) -> None:
    window = make_window(directory)
    model = window.facet_model
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        model.setData(
            model.index_of("service_type", "BD-1800"), True, Qt.ItemDataRole.CheckStateRole
        )
    qtbot.waitUntil(lambda: not (window.session.busy or window.session.counting), timeout=10_000)
    assert set(names(window)) == {"Our Pantry", "Food Help Line", "Shelter And Food"}
    checked = model.index_of("service_type", "BD-1800")
    assert model.data(checked, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # Its siblings keep their counts, so another can be added.
    soup = model.index_of("service_type", "BD-5000.8300")
    assert _label_and_count(model, soup) == ("Soup Kitchens", "1")


def test_opening_a_top_level_value_shows_its_codes(make_window, directory: Directory) -> None:
    window = make_window(directory)
    tree = window.filter_panel.tree
    model = window.facet_model
    basic = model.parent(model.parent(model.index_of("service_type", "BD-1800.2000")))
    tree.expand(model.group_index("service_type"))
    assert model.hasChildren(basic) and not tree.isExpanded(basic)  # closed until opened
    tree.expand(basic)
    emergency = model.index_of("service_type", "BD-1800")
    assert tree.isExpanded(basic) and not tree.isRowHidden(emergency.row(), basic)
