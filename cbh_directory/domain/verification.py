"""How current an entry's information is, in plain words: the dates its sources show, when
they were read, who checked it in the app, and whether it needs review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .date_words import date_words, month_words
from .errors import InputError
from .evidence import items, newest_of
from .language import words
from .model import Resource

UNDATED = "Date unknown — the sources show no date; check before relying on it."
NO_SOURCES = "Date unknown — no sources are recorded; check before relying on it."


MAX_SIGNATURE = 60


def signature(text: str) -> str:
    """A person's name or initials for their checks: one line of at most 60 characters."""
    cleaned = " ".join((text or "").split())
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in cleaned):
        raise InputError("a name or initials cannot hold control characters")
    if len(cleaned) > MAX_SIGNATURE:
        raise InputError(
            "a name or initials must be at most {max_signature} characters",
            max_signature=MAX_SIGNATURE,
        )
    return cleaned


@dataclass(frozen=True, slots=True)
class Verification:
    """What the details pane, the handout and `show` say about how current an entry is."""

    date: str  # the entry's last verified date as stored ("" = date unknown)
    sentence: str  # "Information from sources dated April 2025, checked December 2026."
    checks: tuple[str, ...]  # people's own checks, newest first: "Checked by JD on 3 May 2026"
    needs_review: bool  # date unknown, or older than the review age
    review: str  # why it needs review, in words ("" when it does not)


def verification(
    resource: Resource, today: dt.date | None = None, max_age_days: int = 365
) -> Verification:
    """The verification of one entry, judged on `today` with the review age in days."""
    sources = [i for i in items(resource.evidence) if i.get("url")]
    source_date = newest_of(*(i.get("date", "") for i in sources))
    read_on = newest_of(*(i.get("checked_on", "") for i in sources))
    if source_date:
        sentence = words("Information from sources dated {date}").format(
            date=date_words(source_date)
        )
        sentence += (
            words(", checked {month}.").format(month=month_words(read_on)) if read_on else "."
        )
    elif sources:
        sentence = words(UNDATED) + (
            words(" Sources read {month}.").format(month=month_words(read_on)) if read_on else ""
        )
    elif resource.last_verified:
        sentence = words("Last verified {date}.").format(date=date_words(resource.last_verified))
    else:
        sentence = words(NO_SOURCES)
    checks = _person_checks(resource, source_date)
    needs_review = resource.is_stale(today, max_age_days)
    return Verification(
        date=resource.last_verified,
        sentence=sentence,
        checks=checks,
        needs_review=needs_review,
        review=_review_words(resource.last_verified, max_age_days) if needs_review else "",
    )


def _person_checks(resource: Resource, source_date: str) -> tuple[str, ...]:
    found = [i for i in items(resource.evidence) if i.get("by") and i.get("date")]
    found.sort(key=lambda i: i["date"], reverse=True)
    lines = [
        words("Checked by {by} on {date}").format(by=i["by"], date=date_words(i["date"]))
        for i in found
    ]
    newest_check = newest_of(*(i["date"] for i in found))
    if (
        resource.evidence
        and resource.last_verified
        and resource.last_verified not in (source_date, newest_check)
        and newest_of(resource.last_verified, source_date, newest_check) == resource.last_verified
    ):
        # A date set by hand (or by "Mark verified" before checks were signed) with no item
        # behind it: say what it is rather than pass it off as a source's date.
        lines.insert(
            0,
            words("Marked verified in this copy on {date}").format(
                date=date_words(resource.last_verified)
            ),
        )
    return tuple(lines)


def _review_words(last_verified: str, max_age_days: int) -> str:
    months = max(1, round(max_age_days / 30.44))
    if not last_verified:
        return words("Needs review: the date of this information is unknown.")
    return words(
        "Needs review: the newest information ({date}) is more than {months} months old — check "
        "it is still current."
    ).format(date=date_words(last_verified), months=months)
