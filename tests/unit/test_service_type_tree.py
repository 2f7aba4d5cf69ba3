"""The Service type filter below the taxonomy's top level: a tree of the codes the data holds,
with counts, where choosing a code chooses the services under it too."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from cbh_directory.domain.facets import FACET_BY_ID
from cbh_directory.domain.model import SearchQuery
from cbh_directory.domain.taxonomy import code_path
from cbh_directory.domain.values import typed_value
from cbh_directory.service import Directory
from cbh_directory.store.facet_tree import build_tree
from cbh_directory.store.index import load_index, read_saved_index, save_index

from ..airs import add_services

# Test services filed under real 211/AIRS codes and names.
SERVICES = {
    "Our Pantry": [("BD-1800.2000", "Food Pantries")],
    "Hot Meals Here": [("BD-5000.8300", "Soup Kitchens")],
    "Food Help Line": [("BD-1800", "Emergency Food")],
    "Parents Together": [("PN-8100.0200-600", "Disability Support Groups")],
    "Shelter And Food": [("BH-1800.8500", "Homeless Shelter"), ("BD-1800.2000", "Food Pantries")],
}


@pytest.fixture
def directory(curated: Directory) -> Directory:
    return add_services(curated, SERVICES)


def chosen(*values: str, **kwargs: object) -> SearchQuery:
    query = SearchQuery(**kwargs)  # type: ignore[arg-type]
    query.set_values("service_type", list(values))
    return query


def tree_of(directory: Directory, query: SearchQuery) -> dict[str, tuple[str, str, int]]:
    """value -> (label, parent, count) of the Service type values."""
    return {v.value: (v.label, v.group, v.count) for v in directory.facets(query)["service_type"]}


def names(directory: Directory, query: SearchQuery) -> set[str]:
    return {directory.resource(rid).name for rid in directory.engine.ids(query)}


def test_an_airs_code_knows_the_codes_above_it() -> None:
    assert code_path({"code": "BD-1800.2000"}) == ("BD", "BD-1800", "BD-1800.2000")
    assert code_path({"code": "PN-8100.0200-600"}) == (
        "PN",
        "PN-8100",
        "PN-8100.0200",
        "PN-8100.0200-600",
    )
    assert code_path({"code": "B"}) == ()  # the top level itself
    assert code_path({"code": "x1", "name": "Food"}) == ()  # another taxonomy: flat


def test_codes_sit_under_the_nearest_code_the_data_names(directory: Directory) -> None:
    tree = tree_of(directory, SearchQuery())
    assert tree["B"] == ("Basic Needs", "", 4)
    # BD-1800 is a term of its own, so Food Pantries sits under it; Soup Kitchens has no
    # named code above it but the letter.
    assert tree["BD-1800"] == ("Emergency Food", "B", 3)  # itself and the two pantries
    assert tree["BD-1800.2000"] == ("Food Pantries", "BD-1800", 2)
    assert tree["BD-5000.8300"] == ("Soup Kitchens", "B", 1)
    assert tree["BH-1800.8500"] == ("Homeless Shelter", "B", 1)
    assert tree["PN-8100.0200-600"] == ("Disability Support Groups", "P", 1)
    values = [v.value for v in directory.facets(SearchQuery())["service_type"]]
    for value, (_, parent, _) in tree.items():  # parents come first: the panel nests them
        assert not parent or values.index(parent) < values.index(value)


def test_choosing_a_code_chooses_the_services_under_it(directory: Directory) -> None:
    assert names(directory, chosen("BD-1800")) == {
        "Our Pantry",
        "Food Help Line",
        "Shelter And Food",
    }
    assert names(directory, chosen("BD-1800.2000")) == {"Our Pantry", "Shelter And Food"}
    assert names(directory, chosen("BD-5000.8300", "BH-1800.8500")) == {
        "Hot Meals Here",
        "Shelter And Food",
    }
    # A code no service is filed under exactly ("BD", typed) chooses the codes below it.
    assert names(directory, chosen(typed_value("service_type", "bd"))) == {
        "Our Pantry",
        "Hot Meals Here",
        "Food Help Line",
        "Shelter And Food",
    }
    for value, (_, _, count) in tree_of(directory, SearchQuery()).items():
        assert directory.count(chosen(value, limit=None)) == count, value


def test_counts_below_the_top_level_follow_the_other_filters(directory: Directory) -> None:
    tree = tree_of(directory, SearchQuery(text="shelter"))
    assert tree["BD-1800.2000"][2] == 1 and tree["BD-5000.8300"][2] == 0
    # Choosing a code does not hide its siblings: the group counts without its own filter.
    tree = tree_of(directory, chosen("BD-1800.2000"))
    assert tree["BD-5000.8300"][2] == 1 and tree["BD-1800.2000"][2] == 2
    assert list(tree).count("BD-1800.2000") == 1  # listed once, under its parent


def test_a_typed_code_is_read_in_any_case() -> None:
    assert typed_value("service_type", "bd-1800.2000") == "BD-1800.2000"
    assert typed_value("service_type", "basic needs") == "B"
    assert typed_value("service_type", "Food Pantries") == "Food Pantries"


def test_the_saved_index_keeps_the_tree(directory: Directory, tmp_path: Path) -> None:
    index = load_index(directory.db)
    path = tmp_path / "index.npz"
    save_index(index, path, "v1")
    saved = read_saved_index(path, "v1")
    assert saved is not None
    tree, again = index.trees["service_type"], saved.trees["service_type"]
    assert (again.values, again.labels, again.parents) == (tree.values, tree.labels, tree.parents)
    assert np.array_equal(again.rows, tree.rows) and np.array_equal(again.nodes, tree.nodes)


def test_counting_the_tree_at_100000_services_is_one_cheap_pass() -> None:
    """100,000 services, 3 terms each among 2,000 codes: counts for every code in one pass."""
    rng = np.random.default_rng(7)
    codes = [f"{'BDFHLNPR'[n % 8]}{'DHMT'[n % 4]}-{1000 + n:04d}.{n % 97:04d}" for n in range(2000)]
    pk = np.arange(1, 100_001, dtype=np.int64)
    terms = [
        (int(key), codes[c], f"Term {c}") for key in pk for c in rng.integers(0, len(codes), 3)
    ]
    tree = build_tree(FACET_BY_ID["service_type"], pk, terms)
    selected = rng.random(pk.size) < 0.5
    started = time.perf_counter()
    for _ in range(10):
        found = tree.counts(selected, {"B", "D", "F", "H", "L", "N", "P", "R"})
    each = (time.perf_counter() - started) / 10
    assert len(found) == len(tree.values) >= 2000
    assert sum(v.count for v in found) == int(selected[tree.rows].sum())
    assert each < 0.25, f"{each * 1000:.0f} ms per count"  # measured: about 5 ms here


def test_the_handout_names_a_chosen_code_by_its_name(directory: Directory) -> None:
    handout = directory.export_set(chosen("BD-1800.2000", "B"))
    assert handout.criteria == (
        "Found by searching for: service type Food Pantries or Basic Needs."
    ), handout.criteria


def test_an_empty_result_names_the_chosen_code_by_its_name(directory: Directory) -> None:
    query = chosen("BD-5000.8300", text="shelter")
    assert directory.count(query) == 0
    said = {r.constraint.label: r.count for r in directory.relaxations(query)}
    assert said == {"shelter": 1, "Soup Kitchens": 1}
