"""Every facet declared in domain/facets.py reaches everything that reads the registry."""

from __future__ import annotations

import dataclasses

import click
import pytest

from cbh_directory.cli.main import cli
from cbh_directory.domain.describe import query_summary
from cbh_directory.domain.facets import FACETS, Facet, heading_of
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui.facet_model import FacetModel

IDS = [facet.id for facet in FACETS]


def test_facet_ids_options_and_query_fields_are_unique() -> None:
    for attribute in ("id", "option", "query_field"):
        values = [getattr(facet, attribute) for facet in FACETS]
        assert len(values) == len(set(values)), attribute


@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_query_holds_the_facet(facet: Facet) -> None:
    names = {f.name for f in dataclasses.fields(SearchQuery)}
    assert facet.query_field in names
    assert SearchQuery(**{facet.query_field: ["x"]}).filter_values()[facet.id] == ["x"]


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
    option = params.get(facet.query_field)
    assert option is not None, f"no --{facet.option} on `{command}`"
    assert f"--{facet.option}" in option.opts and option.multiple


@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_search_index_has_a_column_for_the_facet(synthetic: Directory, facet: Facet) -> None:
    index = synthetic.engine.index()
    column = index.bits if facet.multi else index.codes
    assert facet.id in column and column[facet.id].shape == index.pk.shape
    assert facet.id in index.values
    if facet.terms:
        assert index.values[facet.id] == [t.id for t in facet.terms]
    counts = synthetic.facets(SearchQuery())[facet.id]
    assert counts, f"no facet counts for {facet.id}"
    chosen = next(v for v in counts if v.count)
    narrowed = SearchQuery(**{facet.query_field: [chosen.value]}, limit=None)
    assert synthetic.count(narrowed) == chosen.count


@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_filter_panel_shows_the_facet(synthetic: Directory, facet: Facet) -> None:
    model = FacetModel()
    query = SearchQuery()
    facets = synthetic.facets(query)
    model.set_facets(facets, query)
    heading = model.group_index(heading_of(facet))
    assert heading.isValid(), f"no filter panel heading for {facet.id}"
    assert model.data(heading) == facet.heading_label
    for value in facets[facet.id]:
        assert model.index_of(facet.id, value.value).isValid(), (facet.id, value.value)


@pytest.mark.parametrize("facet", FACETS, ids=IDS)
def test_the_handout_names_the_chosen_values(synthetic: Directory, facet: Facet) -> None:
    value = next(v for v in synthetic.facets(SearchQuery())[facet.id] if v.count)
    text = query_summary(SearchQuery(**{facet.query_field: [value.value]}))
    assert text.startswith(f"{facet.label}: ")
