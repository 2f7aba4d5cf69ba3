"""Check-ups of groups (issue 15): the questions in plain words, their validation, and which
reading of moderation and member activity stands — the newest of the user's check-ups and the
curated evidence, with check-ups older than the set age no longer counting.

A check-up travels as the hub profile's `field:checkup` JSON (docs/HUB.md): `KEYS` below.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from . import vocabulary as vocab
from .community_evidence import FACTS, Reading, curated_reading, reading_text
from .date_words import date_words
from .dates import period_start
from .errors import ValidationError
from .evidence import newest_date
from .language import words
from .model import Resource
from .validation import MAX_SHORT, MAX_TEXT, is_web_url

DEFAULT_MAX_AGE_DAYS = 365  # check-ups older than this stop counting (a setting)
MAX_BY = 100  # the hub profile's limit; made here they are signed checks (at most 60)
KEYS = (
    "id",
    "on",
    "by",
    "moderation",
    "activity",
    "last_activity",
    "focus_ok",
    "focus_note",
    "note",
    "evidence",
)
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")  # the hub profile's ids


@dataclass(frozen=True, slots=True)
class Checkup:
    """One user's check-up of one group on one day."""

    id: str
    resource_id: str
    on: str  # YYYY-MM-DD, the day it was made
    by: str  # initials or a name
    moderation: str = "unknown"
    activity: str = "unknown"
    last_activity: str = ""  # YYYY-MM-DD or ""
    focus_ok: bool | None = None
    focus_note: str = ""
    note: str = ""
    evidence: str = ""  # an http(s) address or ""

    def profile(self) -> dict[str, Any]:
        """The hub profile's JSON object (docs/HUB.md), keys in their documented order."""
        return {key: getattr(self, key) for key in KEYS}

    def answer(self, fact: str) -> str:
        return str(getattr(self, fact))


def new_id() -> str:
    """An id for a check-up made here: unique, so sharing it twice is harmless."""
    return f"c-{uuid.uuid4().hex}"


def _day(value: Any, key: str, problems: list[tuple[str, str]], today: dt.date) -> str:
    if value in (None, ""):
        return ""
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None or len(value) != 10:
        problems.append((key, "must be a date like 2026-01-31"))
        return ""
    if day > today + dt.timedelta(days=1):  # a day's grace for time zones
        problems.append((key, "is in the future"))
    return day.isoformat()


def _text(value: Any, key: str, limit: int, problems: list[tuple[str, str]]) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append((key, "must be text"))
        return ""
    text = value.replace("\x00", "").strip()
    if len(text) > limit:
        problems.append((key, f"is longer than {limit:,} characters"))
    elif key != "note" and any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in text):
        problems.append((key, "has control characters"))
    return text[:limit]


def make_checkup(
    resource_id: str, data: Mapping[str, Any], today: dt.date | None = None
) -> Checkup:
    """A validated check-up from a mapping of the profile's keys (the id is made when missing),
    or ValidationError naming every problem: an answer outside the choices, a date in the
    future, an evidence link that is not http(s), no author."""
    today = today or dt.date.today()
    problems: list[tuple[str, str]] = []
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        problems.append(("check-up", "unknown field(s): " + ", ".join(unknown)))
    checkup_id = data.get("id") or new_id()
    if not isinstance(checkup_id, str) or not ID_PATTERN.match(checkup_id):
        problems.append(("id", "must be 1-100 letters, digits, '.', '_', ':' or '-'"))
        checkup_id = ""
    on = _day(data.get("on") or today.isoformat(), "on", problems, today)
    by = " ".join(_text(data.get("by"), "by", MAX_BY, problems).split())
    if not by:
        problems.append(("by", "is required (initials or a name)"))
    answers = {}
    for fact, choices in (
        ("moderation", vocab.MODERATION_BY_ID),
        ("activity", vocab.ACTIVITY_BY_ID),
    ):
        value = data.get(fact) or "unknown"
        if not isinstance(value, str) or value not in choices:
            problems.append((fact, f"{value!r} is not one of: " + ", ".join(choices)))
            value = "unknown"
        answers[fact] = value
    last = _day(data.get("last_activity"), "last_activity", problems, today)
    focus_ok = data.get("focus_ok")
    if focus_ok is not None and not isinstance(focus_ok, bool):
        problems.append(("focus_ok", "must be true, false or empty"))
        focus_ok = None
    focus_note = _text(data.get("focus_note"), "focus_note", MAX_SHORT, problems)
    note = _text(data.get("note"), "note", MAX_TEXT, problems)
    evidence = _text(data.get("evidence"), "evidence", MAX_SHORT, problems)
    if evidence and not is_web_url(evidence):
        problems.append(("evidence", "must be an http:// or https:// address"))
    if on and last and last > on and all(key != "last_activity" for key, _ in problems):
        problems.append(("last_activity", "is after the day of the check-up"))
    if problems:
        raise ValidationError(problems, what="check-up")
    return Checkup(
        id=checkup_id,
        resource_id=resource_id,
        on=on,
        by=by,
        moderation=answers["moderation"],
        activity=answers["activity"],
        last_activity=last,
        focus_ok=focus_ok,
        focus_note=focus_note,
        note=note,
        evidence=evidence,
    )


def applies_to(resource: Resource) -> bool:
    """Check-ups (moderation, member activity) mean something only for communities."""
    return resource.kind in vocab.COMMUNITY_KINDS


def newest_first(checkups: Iterable[Checkup]) -> list[Checkup]:
    return sorted(checkups, key=lambda c: (c.on, c.id), reverse=True)


def counts(checkup: Checkup, today: dt.date, max_age_days: int) -> bool:
    """True while a check-up is recent enough to count."""
    return (today - dt.date.fromisoformat(checkup.on)).days <= max_age_days


@dataclass(frozen=True, slots=True)
class Current:
    """What the directory shows for one fact of a community: the value, where it comes from,
    and its date."""

    fact: str
    value: str
    label: str
    origin: str  # "check-up", "source" (the curated evidence) or "none"
    date: str  # the check-up's day or the source's (partial) date; "" when none
    checkup: Checkup | None  # the check-up it rests on
    latest: Checkup | None  # the newest check-up of the group, counting or not
    needs_checkup: bool  # no check-up that still counts
    curated: Reading


def current(
    resource: Resource,
    fact: str,
    checkups: Iterable[Checkup],
    today: dt.date | None = None,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
) -> Current:
    """The newest of the counting check-ups that tell (not "can't tell") and the curated
    evidence. A check-up made on or after the day the newest source dates from wins; check-ups
    older than `max_age_days` no longer count."""
    if fact not in FACTS:
        raise ValueError(f"unknown fact {fact!r}; use one of {FACTS}")
    today = today or dt.date.today()
    terms = vocab.MODERATION_BY_ID if fact == "moderation" else vocab.ACTIVITY_BY_ID
    curated = curated_reading(resource, fact)
    ordered = newest_first(checkups)
    counting = [c for c in ordered if counts(c, today, max_age_days)]
    telling = [c for c in counting if c.answer(fact) != "unknown"]
    latest = ordered[0] if ordered else None
    needs = not counting
    source_day = period_start(curated.date) if curated.date else None
    if telling and (
        curated.value == "unknown"
        or source_day is None
        or dt.date.fromisoformat(telling[0].on) >= source_day
    ):
        chosen = telling[0]
        value = chosen.answer(fact)
        return Current(
            fact, value, terms[value].label, "check-up", chosen.on, chosen, latest, needs, curated
        )
    if curated.value != "unknown":
        return Current(
            fact, curated.value, curated.label, "source", curated.date, None, latest, needs, curated
        )
    return Current(
        fact, "unknown", terms["unknown"].label, "none", "", None, latest, needs, curated
    )


def current_value(
    resource: Resource,
    fact: str,
    checkups: Iterable[Checkup],
    today: dt.date,
    max_age_days: int,
) -> str:
    """The value the filters and counts use: `current(...).value`, computed without putting
    anything into words (the search index calls it for every checked group)."""
    terms = vocab.MODERATION_BY_ID if fact == "moderation" else vocab.ACTIVITY_BY_ID
    curated = getattr(resource, fact)
    curated = curated if curated in terms else "unknown"
    telling = [
        c for c in checkups if c.answer(fact) != "unknown" and counts(c, today, max_age_days)
    ]
    if not telling:
        return curated
    chosen = max(telling, key=lambda c: (c.on, c.id))
    if curated == "unknown":
        return chosen.answer(fact)
    source_day = period_start(newest_date(resource.evidence, fact))
    if source_day is None or dt.date.fromisoformat(chosen.on) >= source_day:
        return chosen.answer(fact)
    return curated


def age_words(day: str, today: dt.date) -> str:
    """'today', 'yesterday', '5 days ago', '3 weeks ago', '14 months ago', '2 years ago'."""
    days = (today - dt.date.fromisoformat(day)).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    months = round(days / 30.44)
    if months < 24:
        return f"{months} months ago"
    return f"{days // 365} years ago"


def who(by: str, me: str) -> str:
    """'you' for the user's own check-ups, else their initials or name."""
    return "you" if me and by.casefold() == me.casefold() else by


def shown_text(
    found: Current, *, me: str = "", today: dt.date | None = None, dated: bool = False
) -> str:
    """The line a reader sees: "Peer moderated — checked by you 3 weeks ago";
    "Activity unknown — last check-up 14 months ago"; the curated evidence in words otherwise.
    `dated` gives the check-up's day instead of its age (the handout, which is printed)."""
    today = today or dt.date.today()

    def when(day: str) -> str:
        return f"on {date_words(day)}" if dated else age_words(day, today)

    if found.checkup is not None:
        return f"{found.label} — checked by {who(found.checkup.by, me)} {when(found.checkup.on)}"
    base = reading_text(found.curated, community=True)
    latest = found.latest
    if latest is None:
        return base
    if found.origin == "none":
        if found.needs_checkup:
            return f"{found.label} — last check-up {when(latest.on)}"
        return f"{found.label} — {who(latest.by, me)} could not tell {when(latest.on)}"
    if found.needs_checkup:
        return f"{base} Last check-up {when(latest.on)}."
    return base


def for_display(
    resource: Resource,
    fact: str,
    checkups: Iterable[Checkup],
    *,
    me: str = "",
    today: dt.date | None = None,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    dated: bool = False,
) -> str:
    """The moderation or activity line of a resource, check-ups included: for a community the
    newest reading; for other kinds only what the sources say (never "unknown")."""
    if not applies_to(resource):
        return reading_text(curated_reading(resource, fact), community=False)
    found = current(resource, fact, checkups, today, max_age_days)
    return shown_text(found, me=me, today=today, dated=dated)


def edited(checkup: Checkup, changes: Mapping[str, Any], today: dt.date | None = None) -> Checkup:
    """The check-up with some answers changed, validated again (its id and author stay)."""
    data = {**checkup.profile(), **changes, "id": checkup.id, "by": checkup.by}
    return replace(make_checkup(checkup.resource_id, data, today), id=checkup.id)


def summary(checkup: Checkup) -> str:
    """One check-up in a line for the history: the day, who, what they saw."""
    parts = [
        words(vocab.MODERATION_BY_ID[checkup.moderation].label),
        words(vocab.ACTIVITY_BY_ID[checkup.activity].label),
    ]
    if checkup.last_activity:
        last = date_words(checkup.last_activity)
        parts.append(words("last post or meeting {date}").format(date=last))
    if checkup.focus_ok is False:
        differs = words("focus differs")
        parts.append(differs + (f": {checkup.focus_note}" if checkup.focus_note else ""))
    elif checkup.focus_ok:
        parts.append(words("focus as listed"))
    return f"{date_words(checkup.on)}, {checkup.by}: " + "; ".join(parts) + "."
