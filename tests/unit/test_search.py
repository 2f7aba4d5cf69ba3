"""Search: full text, every filter, location, sorting, paging and hostile input."""

from __future__ import annotations

import pytest

from cbh_directory.domain.errors import CBHError, InputError
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.store.fts import fts_query

ALL_SYNTHETIC = {
    "test-cask-peers",
    "test-columbus-ataxia",
    "test-chicago-hybrid",
    "test-uk-aid",
    "test-iep-guide",
    "test-cmv-national",
    "test-to-remove",
}


def ids(directory: Directory, **kwargs: object) -> list[str]:
    query = SearchQuery(limit=None, **kwargs)  # type: ignore[arg-type]
    return [hit.resource.id for hit in directory.search(query).hits]


def test_empty_query_lists_everything_by_name(synthetic: Directory) -> None:
    found = ids(synthetic)
    assert set(found) == ALL_SYNTHETIC
    names = [synthetic.resource(i).name.casefold() for i in found]
    assert names == sorted(names)


def test_text_matches_names_descriptions_and_focus_synonyms(synthetic: Directory) -> None:
    assert ids(synthetic, text="CASK") == ["test-cask-peers"]
    assert ids(synthetic, text="cytomegalovirus") == ["test-cmv-national"]  # description
    assert ids(synthetic, text="MICPCH") == ["test-cask-peers"]  # a synonym of the focus term
    assert ids(synthetic, text="Manchester") == ["test-uk-aid"]  # the place
    assert ids(synthetic, text="famil") == ["test-cask-peers"]  # prefix while typing


@pytest.mark.parametrize(
    ("field", "values", "expected"),
    [
        (
            "kinds",
            ["support_group"],
            {"test-cask-peers", "test-columbus-ataxia", "test-chicago-hybrid"},
        ),
        ("kinds", ["financial_aid", "school_guide"], {"test-uk-aid", "test-iep-guide"}),
        ("moderation", ["peer"], {"test-cask-peers"}),
        ("activity", ["low"], {"test-chicago-hybrid"}),
        ("formats", ["in_person"], {"test-columbus-ataxia"}),
        ("costs", ["low"], {"test-chicago-hybrid"}),
        ("languages", ["es"], {"test-chicago-hybrid"}),
        ("countries", ["GB"], {"test-uk-aid"}),
        ("regions", ["US/Ohio"], {"test-columbus-ataxia"}),
        ("focus", ["CASK"], {"test-cask-peers"}),
    ],
)
def test_each_filter(
    synthetic: Directory, field: str, values: list[str], expected: set[str]
) -> None:
    assert set(ids(synthetic, **{field: values})) == expected


def test_a_broad_focus_term_includes_its_children(synthetic: Directory) -> None:
    assert set(ids(synthetic, focus=["ataxia"])) == {"test-columbus-ataxia"}  # friedreich-ataxia
    assert set(ids(synthetic, focus=["torch"])) == {"test-cmv-national"}  # congenital-cmv
    assert set(ids(synthetic, focus=["cerebellar-hypoplasia"])) == {
        "test-cask-peers",  # CASK gene
        "test-chicago-hybrid",  # Joubert syndrome
    }


def test_filters_combine_with_and_between_groups(synthetic: Directory) -> None:
    assert ids(synthetic, kinds=["support_group"], formats=["online"]) == ["test-cask-peers"]
    assert ids(synthetic, kinds=["support_group"], countries=["GB"]) == []


def test_location_keeps_nearby_and_online_groups(synthetic: Directory) -> None:
    columbus = synthetic.resolve_place("Columbus, OH")
    near = ids(synthetic, near=columbus, radius_km=50, include_online=False)
    assert near == ["test-columbus-ataxia"]
    with_online = set(ids(synthetic, near=columbus, radius_km=50, include_online=True))
    # Online and hybrid resources stay when they serve the place: the US-wide online group
    # does; the hybrid group based in Illinois (400 km) and the UK grants do not.
    assert "test-columbus-ataxia" in with_online
    assert "test-cask-peers" in with_online
    assert "test-chicago-hybrid" not in with_online
    assert "test-uk-aid" not in with_online


def test_radius_cuts_by_real_distance(synthetic: Directory) -> None:
    columbus = synthetic.resolve_place("Columbus, OH")
    # Chicago is about 443 km from Columbus.
    assert "test-chicago-hybrid" not in ids(
        synthetic, near=columbus, radius_km=400, include_online=False
    )
    assert "test-chicago-hybrid" in ids(
        synthetic, near=columbus, radius_km=480, include_online=False
    )


def test_sort_by_distance_is_ascending_with_distances(synthetic: Directory) -> None:
    columbus = synthetic.resolve_place("43215")
    page = synthetic.search(SearchQuery(near=columbus, sort="distance", limit=None))
    distances = [h.distance_km for h in page.hits if h.distance_km is not None]
    assert len(distances) >= 3
    assert distances == sorted(distances)
    assert page.hits[0].resource.id == "test-columbus-ataxia"
    assert page.hits[0].distance_km is not None and page.hits[0].distance_km < 20
    # Resources without a location come last.
    assert page.hits[-1].distance_km is None


def test_sort_by_verified_newest_first_and_reversed(synthetic: Directory) -> None:
    newest_first = ids(synthetic, sort="verified")
    dates = [synthetic.resource(i).last_verified for i in newest_first]
    assert dates == sorted(dates, reverse=True)
    oldest_first = ids(synthetic, sort="verified", reverse=True)
    assert oldest_first[0] == "test-chicago-hybrid"


def test_sort_by_name_reversed(synthetic: Directory) -> None:
    assert ids(synthetic, sort="name", reverse=True) == list(reversed(ids(synthetic, sort="name")))


def test_paging_returns_consecutive_slices_and_the_total(synthetic: Directory) -> None:
    everything = ids(synthetic, sort="name")
    first = synthetic.search(SearchQuery(sort="name", limit=3))
    second = synthetic.search(SearchQuery(sort="name", limit=3, offset=3))
    third = synthetic.search(SearchQuery(sort="name", limit=3, offset=6))
    assert first.total == second.total == third.total == len(everything) == 7
    assert [h.resource.id for h in first.hits + second.hits + third.hits] == everything


def test_inactive_resources_are_hidden_unless_asked(synthetic: Directory) -> None:
    synthetic.db.execute("UPDATE resources SET status = 'inactive' WHERE id = 'test-iep-guide'")
    assert "test-iep-guide" not in ids(synthetic)
    assert "test-iep-guide" in ids(synthetic, include_inactive=True)


def test_unknown_filter_values_are_named_in_the_error(synthetic: Directory) -> None:
    with pytest.raises(InputError, match="unknown kind 'charity'"):
        synthetic.search(SearchQuery(kinds=["charity"]))
    with pytest.raises(InputError, match="unknown focus 'GENE-X'"):
        synthetic.search(SearchQuery(focus=["GENE-X"]))
    with pytest.raises(InputError, match="unknown sort"):
        synthetic.search(SearchQuery(sort="popularity"))


HOSTILE = [
    '"',
    '""',
    '"unbalanced',
    "AND(",
    "OR",
    "NOT cask",
    "cask*",
    "*",
    "-",
    "-cask",
    "NEAR(cask group, 2)",
    "name:cask",
    "^cask",
    "cask +",
    "(((",
    ")",
    "😀",
    "😀 cask 🎉",
    "caf\u00e9",
    "\x00",
    "cask\x00group",
    "'; DROP TABLE resources; --",
    "1' OR '1'='1",
    "\\",
    "%_%",
    "a" * 5000,
    " ".join(["word"] * 200),
    "\u202e\u200b",
    "{}[]",
    "cask OR 1=1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_typed_text_is_searched_safely(synthetic: Directory, text: str) -> None:
    page = synthetic.search(SearchQuery(text=text))
    assert page.total >= 0
    synthetic.facets(SearchQuery(text=text))
    assert synthetic.total() == 7  # nothing was dropped


def test_operators_are_searched_as_words_not_parsed(synthetic: Directory) -> None:
    assert ids(synthetic, text="NOT cask") == []  # 'not' is a word nobody wrote, AND cask
    assert ids(synthetic, text="cask*") == ["test-cask-peers"]
    assert ids(synthetic, text="-cask") == ["test-cask-peers"]
    assert ids(synthetic, text='"family circle"') == ["test-cask-peers"]
    assert ids(synthetic, text='"circle family"') == []


def test_fts_query_quotes_every_term() -> None:
    assert fts_query("") is None
    assert fts_query("   -  * ") is None
    assert fts_query("cask group") == '"cask" "group"*'
    assert fts_query('say "hi there"') == '"say" "hi there"'
    assert fts_query('ab"cd') == '"ab""cd"*'  # the quote is doubled inside the term
    # A one-letter prefix would match almost everything, also after punctuation inside a word.
    assert fts_query("c") == '"c"'
    assert fts_query("Friedreich's") == '"Friedreich\'s"'
    assert fts_query("x-ray") == '"x-ray"*'


def test_sql_injection_through_filters_changes_nothing(synthetic: Directory) -> None:
    payload = "x' OR '1'='1"
    assert ids(synthetic, countries=[payload]) == []
    assert ids(synthetic, languages=[payload]) == []
    assert ids(synthetic, regions=[payload]) == []
    assert synthetic.total() == 7


def test_errors_are_the_apps_own(synthetic: Directory) -> None:
    with pytest.raises(CBHError):
        synthetic.search(SearchQuery(offset=-1))


def test_sort_by_kind_follows_the_vocabulary_order(synthetic: Directory) -> None:
    kinds = [synthetic.resource(i).kind for i in ids(synthetic, sort="kind")]
    order = ["national_org", "support_group", "financial_aid", "school_guide", "clinical_finder"]
    assert kinds == sorted(kinds, key=order.index)
    reverse = [synthetic.resource(i).kind for i in ids(synthetic, sort="kind", reverse=True)]
    assert reverse == sorted(reverse, key=order.index, reverse=True)


def test_sort_by_focus_follows_the_vocabulary_and_puts_none_last(synthetic: Directory) -> None:
    from cbh_directory.domain import vocabulary as vocab

    order = [t.id for t in vocab.FOCUS_TERMS]  # genes, syndromes, causes, broad: as in filters
    found = ids(synthetic, sort="focus")
    firsts = [(synthetic.resource(i).focus or [None])[0] for i in found]
    assert firsts[-1] is None
    named = [order.index(f) for f in firsts if f is not None]
    assert named == sorted(named)


def test_needs_review_lists_entries_not_verified_since_a_date(synthetic: Directory) -> None:
    old = ids(synthetic, verified_before="2025-12-31", sort="verified", reverse=True)
    assert old == ["test-chicago-hybrid", "test-columbus-ataxia"]  # oldest first


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("ca", []),
        ("ch", []),
        ("su", []),
        ("fam", []),
        ("cask", []),
        ("ataxia su", []),
        ("ata", []),  # 13 matches, 7 in names: sorted whole at once
        ("ch", ["clinical_finder"]),
        ("net", ["school_guide"]),
    ],
)
def test_pages_by_relevance_follow_the_whole_order(
    curated: Directory, text: str, kinds: list[str]
) -> None:
    """A first page filled by matches in names is ordered before the focus-and-place rank
    is known; every later page, fetched as scrolling does, continues the whole order."""
    pages: list[str] = []
    total = curated.count(SearchQuery(text=text, kinds=kinds))
    for offset in range(0, min(total, 40), 4):  # first: the search keeps its evaluation
        page = curated.search(SearchQuery(text=text, kinds=kinds, limit=4, offset=offset))
        pages += [h.resource.id for h in page.hits]
        assert page.total == total
    curated.engine._last = None  # the whole order worked out afresh
    query = SearchQuery(text=text, kinds=kinds, limit=None)
    whole = [h.resource.id for h in curated.search(query).hits]
    assert pages == whole[: len(pages)] and len(pages) == min(total, 40)
    reverse = curated.search(SearchQuery(text=text, kinds=kinds, limit=4, reverse=True)).hits
    assert [h.resource.id for h in reverse] == whole[::-1][:4]


def test_a_first_page_of_names_does_not_wait_for_the_focus_and_place_rank(
    curated: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = curated.engine
    ranked: list[bool] = []
    rank_middle = engine._rank_middle
    monkeypatch.setattr(engine, "_rank_middle", lambda e: ranked.append(True) or rank_middle(e))
    named = [h.resource.id for h in curated.search(SearchQuery(text="ca", limit=2)).hits]
    assert len(named) == 2 and ranked == []  # names filled the page
    assert curated.count(SearchQuery(text="ca")) > 2
    everything = curated.search(SearchQuery(text="ca", limit=None)).hits
    assert ranked == [True]  # the whole order needs it
    assert [h.resource.id for h in everything][:2] == named


def test_many_matches_in_names_are_listed_by_name_without_ranking_them(
    curated: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cbh_directory.store import search

    in_names = curated.db.conn.execute(
        "SELECT count(*) FROM resources_fts WHERE resources_fts MATCH ?",
        ['{name alternate_names} : ("ca"*)'],
    ).fetchone()[0]
    assert in_names > 3
    orders = {}
    for limit in (in_names, in_names - 1):  # ranked by bm25, then too many to rank
        monkeypatch.setattr(search, "BM25_LIMIT", limit)
        curated.engine._last = None
        said: list[str] = []
        curated.db.conn.set_trace_callback(said.append)
        try:
            hits = curated.search(SearchQuery(text="ca", limit=None)).hits
        finally:
            curated.db.conn.set_trace_callback(None)
        assert any("bm25" in s for s in said) == (limit == in_names)
        orders[limit] = [h.resource.name for h in hits[:in_names]]
    by_name = orders[in_names - 1]
    assert by_name == sorted(by_name, key=str.casefold)  # listed by name
    assert sorted(orders[in_names]) == sorted(by_name)  # the same entries come first
