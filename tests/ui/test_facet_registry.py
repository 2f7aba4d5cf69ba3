"""Every facet declared in domain/facets.py reaches everything that reads the registry."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
import pytest

from cbh_directory.cli.main import cli
from cbh_directory.domain.describe import query_summary
from cbh_directory.domain.facets import FACETS, Facet, heading_of
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui.facet_model import FacetModel

IDS = [facet.id for facet in FACETS]
HSDS_PAGE = Path(__file__).resolve().parents[1] / "data" / "hsds" / "json" / "hsds3-page.json"


@pytest.fixture
def directory(curated: Directory) -> Directory:
    """The curated dataset plus an imported 211 page, whose services carry taxonomy terms:
    every facet (Service type too) then has values."""
    curated.apply_import(curated.preview_import(HSDS_PAGE))
    return curated


def chosen(facet: Facet, values: list[str], **kwargs: object) -> SearchQuery:
    query = SearchQuery(**kwargs)  # type: ignore[arg-type]
    query.set_values(facet.id, values)
    return query


def test_facet_ids_options_and_query_fields_are_unique() -> None:
    for attribute in ("id", "option", "option_dest"):
        values = [getattr(facet, attribute) for facet in FACETS]
        assert len(values) == len(set(values)), attribute


@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_query_holds_the_facet(facet: Facet) -> None:
    if facet.query_field:  # else its values live in SearchQuery.filters
        assert facet.query_field in {f.name for f in dataclasses.fields(SearchQuery)}
    query = chosen(facet, ["x"])
    assert query.filter_values()[facet.id] == ["x"] and query.values_of(facet.id) == ["x"]
    assert dataclasses.replace(query).filter_values()[facet.id] == ["x"]


@pytest.mark.parametrize("command", ["search", "export"])
@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_cli_has_an_option_for_the_facet(facet: Facet, command: str) -> None:
    group = cli
    assert isinstance(group, click.Group)
    params = {
        param.name: param
        for param in group.commands[command].params
        if isinstance(param, click.Option)
    }
    option = params.get(facet.option_dest)
    assert option is not None, f"no --{facet.option} on `{command}`"
    assert f"--{facet.option}" in option.opts and option.multiple


@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_search_index_has_a_column_for_the_facet(directory: Directory, facet: Facet) -> None:
    index = directory.engine.index()
    column = index.bits if facet.multi else index.codes
    assert facet.id in column and column[facet.id].shape == index.pk.shape
    assert facet.id in index.values
    if facet.terms:
        assert index.values[facet.id] == [t.id for t in facet.terms]
    counts = directory.facets(SearchQuery())[facet.id]
    assert counts, f"no facet counts for {facet.id}"
    value = next(v for v in counts if v.count)
    assert directory.count(chosen(facet, [value.value], limit=None)) == value.count


@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_filter_panel_shows_the_facet(directory: Directory, facet: Facet) -> None:
    model = FacetModel()
    query = SearchQuery()
    facets = directory.facets(query)
    model.set_facets(facets, query)
    heading = model.group_index(heading_of(facet))
    assert heading.isValid(), f"no filter panel heading for {facet.id}"
    assert model.data(heading) == facet.heading_label
    for value in facets[facet.id]:
        assert model.index_of(facet.id, value.value).isValid(), (facet.id, value.value)


@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_handout_names_the_chosen_values(directory: Directory, facet: Facet) -> None:
    value = next(v for v in directory.facets(SearchQuery())[facet.id] if v.count)
    text = query_summary(chosen(facet, [value.value]))
    assert text.startswith(f"{facet.label}: ")
