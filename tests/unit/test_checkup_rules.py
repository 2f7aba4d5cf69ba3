"""Check-ups (issue 15): which reading of moderation and activity stands, and bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from cbh_directory.domain import checkups as rules
from cbh_directory.domain.checkups import Checkup, make_checkup
from cbh_directory.domain.errors import ValidationError
from cbh_directory.domain.model import Resource

TODAY = dt.date(2026, 12, 2)


def group(**fields: object) -> Resource:
    return Resource(id="g", name="A group", kind="support_group", **fields)  # type: ignore[arg-type]


def checkup(on: str, moderation: str = "peer", activity: str = "high", by: str = "JS") -> Checkup:
    return make_checkup(
        "g", {"on": on, "by": by, "moderation": moderation, "activity": activity}, TODAY
    )


SOURCED = {
    "moderation": [{"url": "https://example.org/rules", "date": "2025-06", "note": "Rules page"}]
}


def test_a_check_up_newer_than_the_source_wins_and_says_who_and_when() -> None:
    resource = group(moderation="professional", evidence=SOURCED)
    found = rules.current(resource, "moderation", [checkup("2026-11-10")], TODAY)
    assert (found.value, found.origin, found.date) == ("peer", "check-up", "2026-11-10")
    assert rules.shown_text(found, me="js", today=TODAY) == (
        "Peer moderated — checked by you 3 weeks ago"
    )
    assert rules.shown_text(found, me="AB", today=TODAY) == (
        "Peer moderated — checked by JS 3 weeks ago"
    )
    assert rules.shown_text(found, today=TODAY, dated=True) == (
        "Peer moderated — checked by JS on 10 November 2026"
    )


def test_a_source_newer_than_the_check_up_wins() -> None:
    resource = group(moderation="professional", evidence=SOURCED)
    found = rules.current(resource, "moderation", [checkup("2025-05-01")], TODAY, 700)
    assert (found.value, found.origin, found.date) == ("professional", "source", "2025-06")


def test_the_newest_check_up_wins_over_older_ones() -> None:
    older, newer = checkup("2026-01-05", "unmoderated"), checkup("2026-10-01", "professional")
    found = rules.current(group(), "moderation", [older, newer], TODAY)
    assert found.value == "professional" and found.checkup == newer


def test_an_old_check_up_stops_counting_and_the_entry_asks_for_a_new_one() -> None:
    old = checkup("2025-10-01", activity="high")
    found = rules.current(group(), "activity", [old], TODAY, 365)
    assert (found.value, found.origin, found.needs_checkup) == ("unknown", "none", True)
    assert rules.shown_text(found, today=TODAY) == "Activity unknown — last check-up 14 months ago"
    # a longer setting keeps it counting
    assert rules.current(group(), "activity", [old], TODAY, 500).value == "high"


def test_an_expired_check_up_falls_back_to_the_curated_evidence() -> None:
    resource = group(moderation="professional", evidence=SOURCED)
    found = rules.current(resource, "moderation", [checkup("2025-10-01")], TODAY, 365)
    assert (found.value, found.origin) == ("professional", "source")
    assert rules.shown_text(found, today=TODAY).endswith("Last check-up 14 months ago.")


def test_cant_tell_does_not_overrule_what_is_known() -> None:
    resource = group(moderation="professional", evidence=SOURCED)
    unsure = checkup("2026-11-30", moderation="unknown")
    assert rules.current(resource, "moderation", [unsure], TODAY).value == "professional"
    found = rules.current(group(), "moderation", [unsure], TODAY)
    assert found.value == "unknown" and not found.needs_checkup
    assert rules.shown_text(found, today=TODAY) == (
        "Moderation unknown — JS could not tell 2 days ago"
    )


def test_only_communities_say_anything_about_moderation() -> None:
    grant = Resource(id="fund", name="A fund", kind="financial_aid")
    assert rules.for_display(grant, "moderation", [], today=TODAY) == ""
    assert "moderated" in rules.for_display(group(), "moderation", [], today=TODAY)
    assert not rules.applies_to(grant) and rules.applies_to(group())


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"moderation": "strict"}, "moderation"),
        ({"activity": "weekly"}, "activity"),
        ({"on": "2027-03-01"}, "on"),
        ({"on": "yesterday"}, "on"),
        ({"evidence": "ftp://example.org/x"}, "evidence"),
        ({"evidence": "javascript:alert(1)"}, "evidence"),
        ({"by": ""}, "by"),
        ({"last_activity": "2027-01-01"}, "last_activity"),
    ],
)
def test_bad_answers_are_refused_by_field(data: dict[str, str], field: str) -> None:
    base = {"by": "JS", "moderation": "peer", "activity": "high", "on": "2026-12-01"}
    with pytest.raises(ValidationError) as caught:
        make_checkup("g", {**base, **data}, TODAY)
    assert field in [f for f, _ in caught.value.problems]


def test_age_words() -> None:
    assert rules.age_words("2026-12-02", TODAY) == "today"
    assert rules.age_words("2026-12-01", TODAY) == "yesterday"
    assert rules.age_words("2026-11-25", TODAY) == "7 days ago"
    assert rules.age_words("2025-10-01", TODAY) == "14 months ago"
    assert rules.age_words("2023-11-01", TODAY) == "3 years ago"


def test_the_index_value_is_the_shown_value() -> None:
    """current_value (the filters) never disagrees with current (the words)."""
    import itertools

    days = ["2024-01-01", "2025-06-01", "2025-06-15", "2026-11-30"]
    answers = ["peer", "professional", "unknown"]
    sources = [{}, SOURCED, {"moderation": [{"url": "https://example.org", "note": "undated"}]}]
    for curated, evidence, age in itertools.product(answers, sources, (30, 365, 2000)):
        resource = group(moderation=curated, evidence=evidence)
        for picked in itertools.combinations(itertools.product(days, answers), 2):
            found = [checkup(day, moderation=answer) for day, answer in picked]
            expected = rules.current(resource, "moderation", found, TODAY, age).value
            assert rules.current_value(resource, "moderation", found, TODAY, age) == expected
