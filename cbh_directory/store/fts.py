"""Turning whatever a user types into a safe FTS5 query: quoted terms, never raw syntax."""

from __future__ import annotations

import re

MAX_TERMS = 16
MAX_QUERY_LENGTH = 500
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_LAST_RUN = re.compile(r"([^\W_]*)[\W_]*$")


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(text: str, *, prefix_last: bool = True) -> str | None:
    """Build an FTS5 MATCH expression from free text, or None when there is nothing to search.

    Every word is quoted, so FTS operators (AND, OR, NOT, NEAR, *, -, ^, :, parentheses)
    typed by the user are searched for as text and never parsed. "Quoted words" stay a phrase.
    The last bare word also matches as a prefix, for search-as-you-type.
    """
    cleaned = "".join(ch if ch.isprintable() else " " for ch in (text or "")[:MAX_QUERY_LENGTH])
    terms: list[tuple[str, bool]] = []  # (text, is_phrase)
    for match in _TOKEN.finditer(cleaned):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if _has_word(phrase):
                terms.append((" ".join(phrase.split()), True))
        elif word and _has_word(word):
            terms.append((word, False))
    if not terms:
        return None
    terms = terms[:MAX_TERMS]
    parts = [_quote(t) for t, _ in terms]
    last_text, last_is_phrase = terms[-1]
    # A single letter as a prefix would match nearly everything: it is searched as a word.
    # The index splits words at punctuation, so in "Friedreich's" the prefix would be "s".
    last_run = _LAST_RUN.search(last_text + " ")
    long_enough = last_run is not None and len(last_run.group(1)) >= 2
    if prefix_last and long_enough and not last_is_phrase and not cleaned.rstrip().endswith('"'):
        parts[-1] = _quote(last_text) + "*"
    return " ".join(parts)
