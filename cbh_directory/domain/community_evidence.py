"""Moderation and member activity from the curated evidence: the value, the evidence in words
with its source year, and that date — "unknown" when no source speaks to it.

This is the one place that words curated evidence for these two facts; check-ups by users
(issue 15) combine `curated_reading` with their own readings and take the newest.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import vocabulary as vocab
from .date_words import year_of
from .evidence import newest_date
from .language import in_english, words
from .model import Resource

FACTS: tuple[str, ...] = ("moderation", "activity")

_UNKNOWN = {
    "moderation": "Unknown — no source we found says how it is moderated.",
    "activity": "Unknown — no source we found says how quickly members reply.",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """One fact about a community (its moderation or its member activity) as the evidence
    shows it."""

    fact: str  # "moderation" or "activity"
    value: str  # a term of vocab.MODERATION / vocab.ACTIVITY; "unknown" without evidence
    label: str  # the value's label ("Peer moderated")
    sentence: str  # the evidence in words with its source year
    date: str  # the newest date the evidence shows ("" when undated or none)
    sourced: bool  # True when items of evidence back the value


def curated_reading(resource: Resource, fact: str) -> Reading:
    """What the curated entry says about `fact` ("moderation" or "activity").

    The value stands only with evidence behind it (the dataset's rule); the sentence is the
    entry's note with the year of the newest source, or says that it is unknown."""
    if fact not in FACTS:
        raise ValueError(f"unknown fact {fact!r}; use one of {FACTS}")
    terms = vocab.MODERATION_BY_ID if fact == "moderation" else vocab.ACTIVITY_BY_ID
    value = getattr(resource, fact)
    note = getattr(resource, f"{fact}_note").strip()
    sources = resource.evidence.get(fact, [])
    date = newest_date(resource.evidence, fact)
    if value not in terms:
        value = "unknown"
    sentence = (
        in_english(note.rstrip(".")) + source_words(date, bool(sources)) if note else _UNKNOWN[fact]
    )
    if not note and value != "unknown":
        sentence = words(terms[value].explanation).rstrip(".") + source_words(date, bool(sources))
    return Reading(
        fact=fact,
        value=value,
        label=terms[value].label,
        sentence=sentence,
        date=date,
        sourced=value != "unknown" and bool(sources),
    )


def source_words(date: str, has_sources: bool) -> str:
    """' — source 2024.' after a piece of evidence; '.' when there is no source item to date."""
    if date:
        return words(" — source {year}.").format(year=year_of(date))
    return words(" — the source shows no date.") if has_sources else "."


def reading_text(reading: Reading, *, community: bool) -> str:
    """One line for a reader: the value's label and the evidence ("Peer moderated. Closed
    groups… — source 2024."). For a kind that is not a community the value is left out
    while unknown: only what the sources say about it is shown."""
    if reading.sentence == _UNKNOWN[reading.fact]:
        return words(reading.sentence) if community else ""
    if reading.value == "unknown" and not community:
        return reading.sentence
    return f"{words(reading.label)}. {reading.sentence}"
