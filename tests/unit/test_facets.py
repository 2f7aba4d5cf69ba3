"""Facet counts follow the query and the other filters, and match what a click would give."""

from __future__ import annotations

import dataclasses

import pytest

from cbh_directory.domain import vocabulary as vocab
from cbh_directory.domain.facets import FACETS
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

FACET_GROUPS = [facet.id for facet in FACETS]


def counts(directory: Directory, group: str, **kwargs: object) -> dict[str, int]:
    facets = directory.facets(SearchQuery(**kwargs))  # type: ignore[arg-type]
    return {v.value: v.count for v in facets[group]}


def test_every_group_is_present_with_all_vocabulary_values(synthetic: Directory) -> None:
    facets = synthetic.facets(SearchQuery())
    assert set(facets) == set(FACET_GROUPS)
    assert [v.value for v in facets["kind"]] == [t.id for t in vocab.KINDS]
    assert [v.value for v in facets["focus"]] == [t.id for t in vocab.FOCUS_TERMS]
    assert counts(synthetic, "focus")["ITPR1"] == 0  # zero-count values are listed


def test_counts_without_filters(synthetic: Directory) -> None:
    assert counts(synthetic, "kind") == {
        "national_org": 1,
        "support_group": 3,
        "financial_aid": 1,
        "school_guide": 1,
        "clinical_finder": 1,
        "condition_info": 0,
        "local_service": 0,
    }
    assert counts(synthetic, "focus")["cerebellar-hypoplasia"] == 2  # CASK + Joubert
    assert counts(synthetic, "language")["es"] == 1
    assert counts(synthetic, "country")["GB"] == 1
    assert counts(synthetic, "region")["US/Ohio"] == 1


def test_counts_follow_the_text(synthetic: Directory) -> None:
    assert counts(synthetic, "kind", text="synthetic")["support_group"] == 3
    assert counts(synthetic, "kind", text="synthetic group")["support_group"] == 2
    assert counts(synthetic, "kind", text="CASK") == {
        "national_org": 0,
        "support_group": 1,
        "financial_aid": 0,
        "school_guide": 0,
        "clinical_finder": 0,
        "condition_info": 0,
        "local_service": 0,
    }


def test_a_groups_own_filter_does_not_hide_its_siblings(synthetic: Directory) -> None:
    kinds = counts(synthetic, "kind", kinds=["support_group"])
    assert kinds["financial_aid"] == 1  # still shows what choosing it would add
    formats = counts(synthetic, "format", kinds=["support_group"])
    assert formats == {"online": 1, "in_person": 1, "hybrid": 1, "unknown": 0}  # others narrow


def test_counts_follow_the_location(synthetic: Directory) -> None:
    columbus = synthetic.resolve_place("Columbus, OH")
    near = counts(synthetic, "kind", near=columbus, radius_km=80, include_online=False)
    assert near["support_group"] == 1
    assert sum(near.values()) == 1


@pytest.mark.parametrize("group", FACET_GROUPS)
def test_each_count_equals_the_results_of_choosing_it(synthetic: Directory, group: str) -> None:
    base = SearchQuery(text="synthetic", formats=["online"] if group != "format" else [])
    for value in synthetic.facets(base)[group]:
        chosen = dataclasses.replace(base, limit=None)
        chosen.set_values(group, [value.value])
        assert synthetic.count(chosen) == value.count, (group, value.value)
