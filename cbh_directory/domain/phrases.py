"""Reading a typed search: words naming a kind, format, language, cost or moderation become
filters, "near X" / "in X" names a place, and the rest is searched as text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import language
from .facets import FACET_BY_ID
from .languages import EXTRA_LABELS, OTHER_NAMES, fold
from .model import SearchQuery
from .vocabulary import LANGUAGE_NAMES

# Phrases (any case, singular or plural, hyphens optional) -> (facet id, values). Written for
# how families and caseworkers put it; "online" also means groups that meet both ways.
_PHRASES: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {
    ("kind", ("support_group",)): (
        "support group",
        "parent support group",
        "family support group",
        "peer support group",
        "parent group",
        "grupo de apoyo",
    ),
    ("kind", ("financial_aid",)): (
        "financial aid",
        "financial help",
        "financial assistance",
        "financial support",
        "financial",
        "help paying",
        "help paying for",
        "help with money",
        "money",
        "grants",
        "insurance",
        "insurance help",
        "health insurance",
        "ayuda financiera",
    ),
    ("kind", ("school_guide",)): (
        "IEP",
        "504",
        "504 plan",
        "section 504",
        "school",
        "school accommodations",
        "accommodations",
        "special education",
        "school and work",
        "work accommodations",
    ),
    ("kind", ("clinical_finder",)): (
        "clinical trials",
        "research studies",
        "specialist",
        "clinician",
        "doctor",
        "therapist",
    ),
    ("kind", ("condition_info",)): (
        "condition information",
        "condition info",
        "learn about",
    ),
    ("kind", ("national_org",)): (
        "national organization",
        "national organisation",
        "national org",
    ),
    ("kind", ("local_service",)): ("local services", "211"),
    ("format", ("online", "hybrid")): ("online", "virtual", "en línea"),
    ("format", ("in_person", "hybrid")): ("in person", "face to face", "en persona"),
    ("format", ("hybrid",)): ("hybrid",),
    ("format", ("unknown",)): ("format not stated", "formato no indicado"),
    ("cost", ("free",)): ("free", "no cost", "free of charge", "gratis", "gratuito"),
    ("cost", ("low",)): ("low cost", "cheap"),
    ("moderation", ("peer",)): ("peer moderated",),
    ("moderation", ("professional",)): ("professionally moderated", "moderated by professionals"),
    ("moderation", ("unmoderated",)): ("unmoderated",),
}
# Left out once something else was understood ("find a specialist", "help in Spanish").
FILLERS = frozenset(
    {
        *("a", "an", "the", "for", "with", "of", "and", "or", "to", "in", "on", "at", "my"),
        *("our", "me", "find", "finding", "looking", "need", "needs", "help", "about", "some"),
        *("any", "de", "para", "con", "en", "y"),
    }
)
PLACE_WORDS = ("near", "in", "around", "cerca")  # "cerca de Columbus, OH"
LONGEST = 4  # words in the longest phrase
TOKEN = re.compile(r'"[^"]*"?|\S+')


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words of the search read as a filter: "support group" -> kind support_group."""

    words: str  # as typed
    facet: str  # a facet id (domain/facets.py)
    values: tuple[str, ...]

    @property
    def label(self) -> str:
        """'Kind: Support group', 'Format: Online or Online and in person'."""
        facet = FACET_BY_ID[self.facet]
        names = f" {language.words('or')} ".join(value_label(self.facet, v) for v in self.values)
        return f"{language.words(facet.label)}: {names}"


@dataclass(frozen=True, slots=True)
class Reading:
    """What a typed search says: text to search, phrases read as filters, and a place."""

    text: str  # the words left for the full-text search
    phrases: tuple[Phrase, ...] = ()
    place: str = ""  # the words after "near" / "in", for the service to resolve
    place_words: str = ""  # as typed, with "near"
    dropped: tuple[str, ...] = ()  # filler words left out ("find", "a")

    @property
    def understood(self) -> bool:
        return bool(self.phrases or self.place)


def value_label(facet_id: str, value: str, data_names: Mapping[str, str] | None = None) -> str:
    """A chosen value's label; `data_names`: names the data gives (see Facet.label_of)."""
    facet = FACET_BY_ID[facet_id]
    if facet_id == "language":
        return LANGUAGE_NAMES.get(value) or EXTRA_LABELS.get(value, value)
    return facet.label_of(value, data_names=data_names)


def key(word: str) -> str:
    """A word as the phrase table knows it: folded, letters and digits only, no plural s."""
    folded = "".join(ch for ch in fold(word) if ch.isalnum())
    if len(folded) > 3 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]
    return folded


def _keys(phrase: str) -> list[tuple[str, ...]]:
    """A phrase's word keys, and the same written as one word ('in-person', 'lowcost')."""
    words = tuple(key(w) for w in phrase.split())
    joined = ("".join(words),)
    return [words, joined] if len(words) > 1 else [words]


def _table() -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    table: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
    for meaning, phrases in _PHRASES.items():
        for phrase in phrases:
            for words in _keys(phrase):
                table[words] = meaning
    names = {**EXTRA_LABELS, **LANGUAGE_NAMES}
    for code, label in names.items():
        for name in (label, *OTHER_NAMES.get(code, ())):
            for prefix in ("", "in ", "en "):
                table[tuple(key(w) for w in (prefix + name).split())] = ("language", (code,))
    return table


TABLE = _table()


def read(text: str) -> Reading:
    """Read a typed search. Quoted words are never read as filters."""
    tokens = TOKEN.findall(text or "")
    keys = [None if t.startswith('"') else key(t) for t in tokens]
    phrases: list[Phrase] = []
    rest: list[int] = []  # positions of the tokens left as text
    i = 0
    while i < len(tokens):
        for length in range(min(LONGEST, len(tokens) - i), 0, -1):
            words = keys[i : i + length]
            if all(words) and tuple(w for w in words if w) in TABLE:
                facet, values = TABLE[tuple(w for w in words if w)]
                phrases.append(Phrase(" ".join(tokens[i : i + length]), facet, values))
                i += length
                break
        else:
            rest.append(i)
            i += 1
    place, place_words = "", ""
    for n in range(len(rest) - 2, -1, -1):
        after = rest[n + 1 :]
        if keys[rest[n]] in PLACE_WORDS and after == list(range(rest[n] + 1, len(tokens))):
            named = [tokens[p] for p in after]
            if fold(named[0]) in ("the", "de", "del") and len(named) > 1:
                named = named[1:]
            place = " ".join(named)
            place_words = " ".join(tokens[p] for p in rest[n:])
            rest = rest[:n]
            break
    dropped: list[str] = []
    if phrases or place:
        kept = [p for p in rest if keys[p] not in FILLERS]
        dropped = [tokens[p] for p in rest if p not in kept]
        rest = kept
    return Reading(
        " ".join(tokens[p] for p in rest),
        tuple(phrases),
        place,
        place_words,
        tuple(dropped),
    )


@dataclass(frozen=True, slots=True)
class Chip:
    """One thing the search was read as, shown removable: its words and what they meant."""

    words: str  # the words of the search it came from ("support group", "near Columbus, OH")
    label: str  # "Kind: Support group", "Near: Columbus, OH, United States"


@dataclass(slots=True)
class Interpretation:
    """A search as read: the query that is run, and the chips that say how it was read."""

    query: SearchQuery
    chips: tuple[Chip, ...] = ()
    text: str = ""  # the words searched as text

    def describe(self) -> str:
        """'text "CASK" + Kind: Support group' for the command line."""
        parts = [language.words('text "{text}"').format(text=self.text)] if self.text else []
        return " + ".join(parts + [chip.label for chip in self.chips])


def without_words(text: str, words: str) -> str:
    """The search text with one chip's words taken out (removing a chip)."""
    tokens = TOKEN.findall(text or "")
    remove = TOKEN.findall(words)
    for start in range(len(tokens) - len(remove) + 1):
        if tokens[start : start + len(remove)] == remove:
            return " ".join(tokens[:start] + tokens[start + len(remove) :])
    return " ".join(tokens)
