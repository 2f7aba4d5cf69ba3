"""The query corpus (tests/data/queries.json): phrases a social worker types, run against the
bundled dataset, each with the search it must mean or the entries it must find."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

CORPUS = json.loads((Path(__file__).parents[1] / "data" / "queries.json").read_text("utf-8"))
QUERIES: list[dict[str, Any]] = CORPUS["queries"]


def test_the_corpus_is_large_enough() -> None:
    assert len(QUERIES) >= 40
    assert len({q["query"] for q in QUERIES}) == len(QUERIES)


def _oracle(directory: Directory, same_as: dict[str, Any]) -> set[str]:
    """The ids the plain, structured search finds: what the phrase must mean."""
    fields = dict(same_as)
    near = fields.pop("near", None)
    query = SearchQuery(limit=None, **fields)
    if near:
        query.near = directory.resolve_place(near)
    return {h.resource.id for h in directory.search(query).hits}


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query(curated: Directory, case: dict[str, Any]) -> None:
    interpreted = curated.interpret(SearchQuery(text=case["query"], limit=None))
    found = [h.resource.id for h in curated.search(interpreted.query).hits]
    if case.get("partial"):
        assert found == [], "nothing matches every word"
        partial = curated.partial_matches(interpreted.query)
        found = [h.resource.id for h in partial.hits]
        assert found, "the closest partial matches are offered"
    else:
        expected = _oracle(curated, case["same_as"])
        assert expected, "the corpus names a search that finds something"
        assert set(found) == expected
    assert set(case.get("includes", [])) <= set(found)
    assert not set(case.get("excludes", [])) & set(found)
