"""Property tests: whatever is typed into search or a place box, the answer is results or one of
the app's own errors with a message, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cbh_directory.domain.errors import CBHError
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

from .conftest import Ledger, examples

pytestmark = pytest.mark.stress

# Pieces that have broken search engines before: FTS5 syntax, SQL, quotes, control characters.
TRICKY = [
    '"',
    "'",
    "*",
    "-",
    "^",
    ":",
    "(",
    ")",
    "{",
    "}",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    "\x00",
    "\\",
    "%",
    "_",
    ";",
    "--",
    "/*",
    "'; DROP TABLE resources; --",
    "\u202e",
    "\ufeff",
    "🧠",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "\t",
    "\n",
    "\r",
    " ",
    "cask",
    "ataxia",
    "Columbus, OH",
    "43215",
    "a" * 300,
    "0",
    "-1",
    "1e309",
    "NaN",
]
typed = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(TRICKY) | st.text(max_size=8), max_size=12).map("".join),
)


def test_any_search_text_gives_results_or_a_clear_error(
    fuzz_directory: Directory, ledger: Ledger
) -> None:
    seen = {"inputs": 0, "errors": 0}

    @given(text=typed, sort=st.sampled_from(["relevance", "name", "kind", "verified"]))
    def search(text: str, sort: str) -> None:
        seen["inputs"] += 1
        query = SearchQuery(text=text, sort=sort, limit=20)
        try:
            page = fuzz_directory.search(query)
            facets = fuzz_directory.facets(query)
        except CBHError as exc:
            seen["errors"] += 1
            assert exc.message
            return
        assert page.total == fuzz_directory.count(query)
        assert len(page.hits) <= 20
        assert set(facets) >= {"kind", "focus", "country"}

    search()
    ledger.record(
        "test_fuzz_search.py::test_any_search_text_gives_results_or_a_clear_error",
        "random Unicode, FTS5 operators, quotes, NUL, SQL fragments as search text, "
        "with every sort; the total must match the count",
        seen["inputs"],
        f"no crash; {seen['errors']} clear errors",
    )
    assert seen["inputs"] >= min(examples(), 10)


def test_any_place_text_resolves_or_says_why(fuzz_directory: Directory, ledger: Ledger) -> None:
    seen = {"inputs": 0, "found": 0, "errors": 0}

    @given(text=typed)
    def lookup(text: str) -> None:
        seen["inputs"] += 1
        try:
            place = fuzz_directory.resolve_place(text)
        except CBHError as exc:
            seen["errors"] += 1
            assert exc.message
        else:
            seen["found"] += 1
            assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
        for suggestion in fuzz_directory.complete_place(text[:40]):
            assert suggestion.label

    lookup()
    ledger.record(
        "test_fuzz_search.py::test_any_place_text_resolves_or_says_why",
        "random text as a place (ZIP, city, country), and as a completion prefix",
        seen["inputs"],
        f"no crash; {seen['found']} resolved, {seen['errors']} clear errors",
    )


def test_any_filter_value_is_refused_by_name(fuzz_directory: Directory, ledger: Ledger) -> None:
    seen = {"inputs": 0}

    @given(value=typed, group=st.sampled_from(["kinds", "focus", "moderation", "formats"]))
    def filtered(value: str, group: str) -> None:
        seen["inputs"] += 1
        query = SearchQuery(**{group: [value]})
        try:
            fuzz_directory.search(query)
        except CBHError as exc:
            assert exc.message
            return

    filtered()
    ledger.record(
        "test_fuzz_search.py::test_any_filter_value_is_refused_by_name",
        "random values for the kind, focus, moderation and format filters",
        seen["inputs"],
        "no crash; unknown values named in the error",
    )
