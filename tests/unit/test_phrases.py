"""Phrase search: words read as filters, removable chips, partial matches, and what an empty
result would give without each word or filter."""

from __future__ import annotations

from cbh_directory.domain import phrases
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory


def test_words_naming_a_kind_language_or_format_become_filters() -> None:
    reading = phrases.read("CASK support groups en español online")
    assert reading.text == "CASK"
    assert [(p.facet, p.values) for p in reading.phrases] == [
        ("kind", ("support_group",)),
        ("language", ("es",)),
        ("format", ("online", "hybrid")),
    ]
    assert reading.phrases[0].label == "Kind: Support group"


def test_quoted_words_and_plain_names_stay_text() -> None:
    assert phrases.read('"support group"') == phrases.Reading('"support group"')
    assert phrases.read("Friedreich's ataxia") == phrases.Reading("Friedreich's ataxia")


def test_removing_a_chip_takes_its_words_out_of_the_search() -> None:
    assert phrases.without_words("CASK support group near Columbus, OH", "support group") == (
        "CASK near Columbus, OH"
    )
    assert phrases.without_words("CASK", "online") == "CASK"


def test_the_interpretation_names_each_chip(curated: Directory) -> None:
    found = curated.interpret(SearchQuery(text="CASK support group in the UK"))
    assert found.describe() == 'text "CASK" + Kind: Support group + Country: United Kingdom'
    assert [c.words for c in found.chips] == ["support group", "in the UK"]
    assert found.query.kinds == ["support_group"] and found.query.countries == ["GB"]


def test_an_unknown_place_after_in_stays_text(curated: Directory) -> None:
    found = curated.interpret(SearchQuery(text="Parents in Xqzzyville"))
    assert found.query.text == "Parents in Xqzzyville" and not found.chips


def test_an_empty_result_says_what_each_word_and_filter_excluded(curated: Directory) -> None:
    query = curated.interpret(SearchQuery(text="CASK peer moderated")).query
    assert curated.count(query) == 0
    counts = {r.constraint.label: r.count for r in curated.relaxations(query)}
    assert counts == {
        "CASK": curated.count(SearchQuery(moderation=["peer"])),
        "Peer moderated": curated.count(SearchQuery(text="CASK")),
    }
    assert counts["Peer moderated"] > 0


def test_partial_matches_rank_those_meeting_more_first(curated: Directory) -> None:
    text = "Joubert syndrome foundation peer moderated"
    query = curated.interpret(SearchQuery(text=text, limit=None)).query
    assert curated.count(query) == 0
    hits = curated.partial_matches(query).hits
    assert hits[0].resource.id == "jsrdf"  # three of the four: all but peer moderated
    met = {
        h.resource.id: sum(
            h.resource.id in {x.resource.id for x in curated.search(q).hits}
            for q in (
                SearchQuery(text="Joubert", limit=None),
                SearchQuery(text="syndrome", limit=None),
                SearchQuery(text="foundation", limit=None),
                SearchQuery(moderation=["peer"], limit=None),
            )
        )
        for h in hits
    }
    scores = [met[h.resource.id] for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[-1] >= 1


def test_a_half_typed_place_is_not_a_country_code(curated: Directory) -> None:
    typed = curated.interpret(SearchQuery(text="support group in Pa"))
    assert typed.query.countries == [] and typed.text == "in Pa"
    state = curated.interpret(SearchQuery(text="support group in KY"))
    assert state.query.regions == ["US/Kentucky"] and state.query.countries == []
    country = curated.interpret(SearchQuery(text="support group in UK"))
    assert country.query.countries == ["GB"]


def test_a_spanish_search_reads_cerca_de_and_labels_its_chips_in_spanish(
    curated: Directory,
) -> None:
    from cbh_directory.domain.language import using

    with using("es"):
        found = curated.interpret(SearchQuery(text="grupo de apoyo CASK cerca de Columbus, OH"))
        labels = [c.label for c in found.chips]
    assert found.query.text == "CASK" and found.query.kinds == ["support_group"]
    assert found.query.near is not None and found.query.near.label.startswith("Columbus, OH")
    assert labels == ["Tipo: Grupo de apoyo", "Cerca de: Columbus, OH, Estados Unidos"]
