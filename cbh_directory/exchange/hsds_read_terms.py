"""What taxonomy terms mean to the directory: a kind, focus terms, a tag, or the app's own codes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..domain import vocabulary as vocab
from .hsds_common import FIELD_PREFIX, TAXONOMY_NAME, TEXT_FIELDS, VOCAB_PREFIXES
from .hsds_kinds import airs_kind, is_airs_code, name_kind

# Checked in this order, so that "Educational Assistance" is a school guide and not financial aid.
KIND_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "support_group",
        (
            "support group",
            "peer support",
            "self-help",
            "self help",
            "mutual support",
            "parent to parent",
            "parent-to-parent",
        ),
    ),
    ("school_guide", ("iep", "special education", "504", "school accommodation")),
    (
        "clinical_finder",
        (
            "health care",
            "healthcare",
            "clinic",
            "medical",
            "therapy",
            "therapies",
            "physician",
            "genetic",
            "genetics",
            "specialist",
            "hospital",
        ),
    ),
    (
        "financial_aid",
        (
            "financial",
            "insurance",
            "benefit",
            "medicaid",
            "medicare",
            "grant",
            "financial aid",
        ),
    ),
    ("national_org", ("advocacy", "national organization", "national organisation")),
)


def _words(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})(?:s|es)?\b", re.IGNORECASE)


_KIND_PATTERNS = tuple((kind, _words(words)) for kind, words in KIND_KEYWORDS)


def _is_abbreviation(text: str) -> bool:
    # "FA", "PCH", "A-T": matched with their case, or they would match ordinary words.
    return len(text) <= 5 and text == text.upper()


def _focus_pattern(term: vocab.FocusTerm) -> re.Pattern[str]:
    names = {term.id, term.id.replace("-", " "), term.label, *term.synonyms}
    exact = [re.escape(n) for n in names if _is_abbreviation(n)]
    loose = [re.escape(n) for n in names if not _is_abbreviation(n)]
    parts = [f"(?-i:{'|'.join(exact)})"] if exact else []
    if loose:
        parts.append("|".join(loose))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)


_FOCUS_PATTERNS = tuple((term.id, _focus_pattern(term)) for term in vocab.FOCUS_TERMS)


@dataclass(frozen=True, slots=True)
class TermMeaning:
    """What one taxonomy term says about a service."""

    kind: str | None
    focus: tuple[str, ...]
    tag: str | None
    by_code: bool = False  # the kind comes from a 211/AIRS code (hsds_kinds.KIND_TABLE)


def term_text(term: dict[str, str]) -> str:
    """The words of a term: its name (1.x/2.x call it `term`) and its code."""
    name = term.get("name") or term.get("term") or ""
    code = term.get("code", "")
    return f"{name} {code}".strip() if code and code.casefold() != name.casefold() else name


def code_from_name(term: dict[str, str]) -> dict[str, str] | None:
    """A term with no code whose name is a 211/AIRS code ("BD-1800.2000", as 1.x/2.x exports
    write it in `term`), with that code moved to `code`; None for any other term."""
    name = (term.get("name") or term.get("term") or "").strip()
    if term.get("code", "").strip() or not is_airs_code(name):
        return None
    return {**term, "code": name, "name": "", "term": ""}


def make_tag(text: str) -> str | None:
    """'Respite Care' -> 'respite-care'; None when nothing readable is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    tag = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].rstrip("-")
    return tag or None


def classify(term: dict[str, str]) -> TermMeaning:
    """Match a term against the kind keywords and the focus vocabulary; otherwise it is a tag."""
    text = term_text(term)
    name = term.get("name") or term.get("term") or ""
    code = term.get("code", "")
    by_code = is_airs_code(code)
    if by_code:
        kind: str | None = airs_kind(code, name)
    else:
        kind = name_kind(name) or next(
            (k for k, pattern in _KIND_PATTERNS if pattern.search(text)), None
        )
    focus = tuple(f for f, pattern in _FOCUS_PATTERNS if pattern.search(text))
    specific = kind and kind != "local_service"
    tag = None if specific or focus else make_tag(name or text)
    return TermMeaning(kind=kind, focus=focus, tag=tag, by_code=by_code)


def own_taxonomy_ids(taxonomies: list[dict[str, str]]) -> set[str]:
    """The ids of taxonomy rows naming the app's own taxonomy."""
    return {
        row.get("id", "")
        for row in taxonomies
        if row.get("name", "").casefold() == TAXONOMY_NAME and row.get("id")
    }


def own_code(term: dict[str, str], taxonomy_ids: set[str]) -> tuple[str, str] | None:
    """(prefix, value) of a term from the app's own taxonomy, such as ('kind', 'support_group')."""
    ours = term.get("taxonomy_id", "") in taxonomy_ids or (
        term.get("taxonomy", "").casefold() == TAXONOMY_NAME
    )
    prefix, colon, value = term.get("code", "").partition(":")
    if not ours or not colon or not value:
        return None
    if prefix in VOCAB_PREFIXES or (prefix == FIELD_PREFIX and value in TEXT_FIELDS):
        return prefix, value
    return None


def is_checkup_term(term: dict[str, str], taxonomy_ids: set[str]) -> bool:
    """The app's `field:checkup` term: an attribute holding one check-up (docs/HUB.md)."""
    ours = term.get("taxonomy_id", "") in taxonomy_ids or (
        term.get("taxonomy", "").casefold() == TAXONOMY_NAME
    )
    return ours and term.get("code", "") == f"{FIELD_PREFIX}:checkup"
