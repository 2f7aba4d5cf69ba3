"""Evidence in plain words: source dates, people's checks, contacts and their age, moderation
and activity with their source year, closed and merged entries, and review on partial dates."""

from __future__ import annotations

import datetime as dt

import pytest

from cbh_directory.domain import describe
from cbh_directory.domain.community_evidence import curated_reading, reading_text
from cbh_directory.domain.contact_dates import contact_lines, contact_text, is_old
from cbh_directory.domain.date_words import date_words, month_words
from cbh_directory.domain.evidence import person_check
from cbh_directory.domain.model import Resource, SearchQuery
from cbh_directory.domain.status_words import status_line
from cbh_directory.domain.validation import normalise_resource
from cbh_directory.domain.verification import verification
from cbh_directory.service import Directory
from cbh_directory.store.database import write_transaction
from cbh_directory.store.resources import upsert_resource

TODAY = dt.date(2026, 12, 1)


def _source(date: str = "", note: str = "", checked: str = "2026-12-01") -> dict[str, str]:
    item = {"url": "https://example.org/page", "checked_on": checked, "note": note}
    if date:
        item["date"] = date
    return item


def _resource(**values: object) -> Resource:
    data: dict[str, object] = {"id": "r", "name": "R", "kind": "support_group", "country": "US"}
    data.update(values)
    return normalise_resource(data)


# -- dates in words


@pytest.mark.parametrize(
    ("text", "words"),
    [("2025", "2025"), ("2025-04", "April 2025"), ("2025-04-03", "3 April 2025"), ("", "")],
)
def test_dates_read_as_precisely_as_the_source_shows_them(text: str, words: str) -> None:
    assert date_words(text) == words


def test_the_day_something_was_read_is_given_as_a_month() -> None:
    assert month_words("2026-12-01") == "December 2026"


# -- the entry's verification


def test_sources_dated_and_checked_are_said_plainly() -> None:
    r = _resource(evidence={"entry": [_source("2025-04"), _source("2019-02-03")]})
    found = verification(r, TODAY)
    assert found.sentence == "Information from sources dated April 2025, checked December 2026."
    assert found.needs_review and "April 2025" in found.review


def test_undated_sources_mean_date_unknown_and_review() -> None:
    r = _resource(evidence={"entry": [_source()], "contacts": [_source()]})
    found = verification(r, TODAY)
    assert found.sentence.startswith(
        "Date unknown — the sources show no date; check before relying on it."
    )
    assert found.date == "" and found.needs_review
    assert found.review == "Needs review: the date of this information is unknown."


def test_a_persons_check_is_signed_and_counts_as_verified() -> None:
    r = _resource(
        evidence={"entry": [_source("2024-05"), person_check("JD", "2026-11-30")]},
    )
    found = verification(r, TODAY)
    assert r.last_verified == "2026-11-30"
    assert found.sentence == "Information from sources dated May 2024, checked December 2026."
    assert found.checks == ("Checked by JD on 30 November 2026",)
    assert not found.needs_review


def test_a_date_set_by_hand_is_not_passed_off_as_a_sources_date() -> None:
    r = _resource(evidence={"entry": [_source("2024-05")]}, last_verified="2026-10-02")
    found = verification(r, TODAY)
    assert found.checks == ("Marked verified in this copy on 2 October 2026",)


def test_an_entry_without_evidence_keeps_its_imported_date() -> None:
    assert verification(_resource(last_verified="2026-06-01"), TODAY).sentence == (
        "Last verified 1 June 2026."
    )
    assert verification(_resource(), TODAY).sentence.startswith("Date unknown — no sources")


@pytest.mark.parametrize(
    ("last_verified", "stale"),
    [
        ("2025-12-01", False),  # 365 days before
        ("2025-11-30", True),
        ("2025-12", False),  # counts from 1 December 2025
        ("2025-11", True),
        ("2026", False),
        ("2025", True),  # counts from 1 January 2025
        ("", True),  # date unknown
    ],
)
def test_review_on_partial_dates_matches_the_review_list(
    synthetic: Directory, last_verified: str, stale: bool
) -> None:
    """The details pane (verification) and the review list (the search engine) agree on
    partial and missing dates."""
    r = _resource(id="partial-date", last_verified=last_verified)
    assert verification(r, TODAY).needs_review is stale
    with write_transaction(synthetic.db):
        upsert_resource(synthetic.db, r, origin="local")
    cutoff = (TODAY - dt.timedelta(days=365)).isoformat()
    review = synthetic.search(SearchQuery(verified_before=cutoff, limit=None)).hits
    assert ("partial-date" in {h.resource.id for h in review}) is stale


# -- contacts and the age rule


def test_every_contact_is_shown_with_what_it_is_for_and_its_source_date() -> None:
    r = _resource(
        phone="+18885983789",
        phone_note="Helpline",
        other_phones=[{"number": "+18663768446", "type": "textphone", "label": ""}],
        email="help@example.org",
        address="1 Main St",
        postal_code="43215",
        evidence={"entry": [_source("2025")], "contacts": [_source("2025-03-13")]},
    )
    lines = contact_lines(r, TODAY)
    assert [(x.channel, x.state) for x in lines] == [
        ("phone", "current"),
        ("phone", "current"),
        ("email", "current"),
        ("address", "current"),
    ]
    assert contact_text(lines[0], "US") == "(888) 598-3789 — Helpline (source dated 13 March 2025)"
    assert contact_text(lines[1], "US").startswith("(866) 376-8446 — Textphone (TTY)")
    assert lines[3].value == "1 Main St 43215"


def test_a_contact_older_than_five_years_is_shown_as_old_when_nothing_newer_exists() -> None:
    r = _resource(
        phone="+441733555988",
        country="GB",
        evidence={"entry": [_source("2019")], "contacts": [_source("2017-03-09")]},
    )
    (line,) = contact_lines(r, TODAY)
    assert line.old and line.dating == "from a 2017 source — may have changed"


def test_an_old_number_is_left_out_when_a_newer_one_of_its_type_exists() -> None:
    r = _resource(
        phone="+16145550100",
        other_phones=[
            {"number": "+16145550199", "type": "voice", "label": "New line"},
            {"number": "+16145550111", "type": "fax", "label": "Fax"},
        ],
        evidence={
            "entry": [_source("2025")],
            "contacts": [
                _source("2015-01", "old page: 614-555-0100, fax 614 555 0111"),
                _source("2025-02", "new page: (614) 555-0199"),
            ],
        },
    )
    lines = contact_lines(r, TODAY)
    assert [(x.value, x.state) for x in lines] == [
        ("+16145550199", "current"),
        ("+16145550111", "old"),  # the only fax: kept, marked old
    ]


def test_contacts_without_dates_or_sources_say_so() -> None:
    undated = _resource(phone="+16145550100", evidence={"contacts": [_source()]})
    assert contact_lines(undated, TODAY)[0].dating == "the source shows no date"
    imported = _resource(phone="+16145550100")
    assert contact_lines(imported, TODAY)[0].state == "unsourced"
    assert contact_text(contact_lines(imported, TODAY)[0], "US") == "(614) 555-0100"


@pytest.mark.parametrize(
    ("date", "old"),
    [("2021-12-01", False), ("2021-11-30", True), ("2021-12", False), ("2021", True), ("", False)],
)
def test_the_five_year_threshold(date: str, old: bool) -> None:
    assert is_old(date, TODAY) is old
    assert is_old("2020-02-28", dt.date(2024, 2, 29)) is False  # a leap day has a limit


# -- moderation and activity


def test_moderation_is_the_value_plus_the_evidence_with_its_year() -> None:
    r = _resource(
        moderation="peer",
        moderation_note="Closed groups run by trained parent volunteers under written rules.",
        evidence={"entry": [_source("2025")], "moderation": [_source("2024-05")]},
    )
    reading = curated_reading(r, "moderation")
    assert (reading.value, reading.date, reading.sourced) == ("peer", "2024-05", True)
    assert reading.sentence == (
        "Closed groups run by trained parent volunteers under written rules — source 2024."
    )
    assert describe.moderation_text(r) == "Peer moderated. " + reading.sentence


def test_without_evidence_moderation_and_activity_stay_unknown() -> None:
    r = _resource()
    for fact in ("moderation", "activity"):
        reading = curated_reading(r, fact)
        assert reading.value == "unknown" and not reading.sourced and reading.date == ""
        assert reading.sentence.startswith("Unknown — no source we found says")
    organisation = _resource(kind="financial_aid")
    assert reading_text(curated_reading(organisation, "activity"), community=False) == ""
    assert describe.activity_label(organisation) == "Recent activity"


def test_an_undated_source_is_said_to_show_no_date() -> None:
    r = _resource(
        activity="moderate",
        activity_note="Replies within a week",
        evidence={"entry": [_source()], "activity": [_source()]},
    )
    assert curated_reading(r, "activity").sentence == (
        "Replies within a week — the source shows no date."
    )


# -- closed and merged


def test_closed_and_merged_entries_say_what_became_of_them() -> None:
    closed = _resource(
        status="inactive",
        status_note="Closed by its founder in 2016.",
        evidence={"entry": [_source("2015")], "activity": [_source("2016-11-07")]},
    )
    line = status_line(closed)
    assert line is not None
    assert line.heading == "Closed — reported by a source dated 7 November 2016."
    merged = _resource(
        status="inactive",
        status_note="Merged into B in March 2026.",
        successor="b",
        evidence={"entry": [_source("2026-03")]},
    )
    assert describe.status_text(merged, "B Foundation").splitlines() == [
        "Merged — reported by a source dated March 2026.",
        "Merged into B in March 2026.",
        "Its work continues at: B Foundation",
    ]
    archived = _resource(status="inactive")
    assert describe.status_text(archived).startswith("Inactive")
    assert status_line(_resource()) is None


def test_a_contact_takes_the_date_of_the_source_that_names_it() -> None:
    """Vermont Family Network: its June 2020 newsletter shows the main phone; the toll-free
    line and the address come only from an undated directory (as its caveat says)."""
    from cbh_directory.exchange.appjson import read_app_json
    from cbh_directory.paths import dataset_file

    vfn = next(
        r for r in read_app_json(dataset_file()).resources if r.id == "vermont-family-network"
    )
    lines = {x.value: x for x in contact_lines(vfn, TODAY)}
    assert (lines["+18028765315"].state, lines["+18028765315"].date) == ("old", "2020-06")
    assert lines["+18008004005"].state == "undated"
    assert lines["600 Blair Park Road, Suite 240, Williston, Vermont"].state == "undated"
