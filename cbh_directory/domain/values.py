"""Filter values as people type them: an id, a label, a short label, a synonym or a code, in any
case; an unknown value is an error that names the closest ones."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import InputError, Phrase
from .facets import FACET_BY_ID
from .languages import LANGUAGE_BY_NAME, fold, language_code, language_name
from .phrases import TABLE, key
from .taxonomy import top_level_value


def squash(text: str) -> str:
    """Folded, letters and digits only: 'Dandy Walker', 'dandy-walker' and 'DANDY_WALKER'
    compare equal."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def unknown(what: str, text: str, choices: Iterable[str]) -> InputError:
    """An error naming up to five close choices, or all of them when they are few."""
    names = list(dict.fromkeys(choices))
    by_key = {squash(name): name for name in names}
    close = difflib.get_close_matches(squash(text), list(by_key), n=5, cutoff=0.6)
    hint = [by_key[k] for k in close]
    if hint:
        return InputError(
            "unknown {what} {text!r}; did you mean: {hint}?",
            what=Phrase(what),
            text=text,
            hint=", ".join(hint),
        )
    listed = names if len(names) <= 12 else [*names[:12], "…"]
    return InputError(
        "unknown {what} {text!r}; choose from: {listed}",
        what=Phrase(what),
        text=text,
        listed=", ".join(listed),
    )


def term_value(facet_id: str, text: str) -> str:
    """A value of a facet with a fixed vocabulary (kind, moderation, activity, format, cost,
    focus) from its id, label, short label or a synonym, in any case."""
    facet = FACET_BY_ID[facet_id]
    wanted = squash(text)
    names: dict[str, str] = {}
    for term in facet.terms:
        names.setdefault(squash(term.id), term.id)
        names.setdefault(squash(term.label), term.id)
        short = facet.short_labels.get(term.id)
        if short:
            names.setdefault(squash(short), term.id)
        for synonym in getattr(term, "synonyms", ()):
            names.setdefault(squash(synonym), term.id)
    # A label's first word alone ('Peer' for 'Peer moderated'), when only one term has it.
    firsts: dict[str, list[str]] = {}
    for term in facet.terms:
        firsts.setdefault(squash(term.label.split()[0]), []).append(term.id)
    found = names.get(wanted)
    if found is None and len(firsts.get(wanted, [])) == 1:
        found = firsts[wanted][0]
    if found is None:
        phrase = TABLE.get(tuple(key(w) for w in text.split()))
        if phrase is not None and phrase[0] == facet_id and len(phrase[1]) == 1:
            found = phrase[1][0]
    if found is None:
        choices = [t.id for t in facet.terms] + [t.label for t in facet.terms]
        raise unknown(facet.label.lower(), text, choices)
    return found


def language_value(text: str) -> str:
    """'Spanish', 'español', 'ES' -> 'es'; any other two-letter code is taken as it is."""
    code = language_code(text)
    if code is not None:
        return code
    folded = fold(text)
    if len(folded) == 2 and folded.isalpha() and folded.isascii():
        return folded
    choices = sorted({language_name(c) for c in LANGUAGE_BY_NAME.values()})
    raise unknown("language", text, choices + sorted(set(LANGUAGE_BY_NAME.values())))


def typed_value(facet_id: str, text: str) -> str:
    """A facet value typed on the command line, for facets that need no gazetteer."""
    if facet_id == "language":
        return language_value(text)
    if facet_id == "service_type":
        return top_level_value(text)
    if FACET_BY_ID[facet_id].terms:
        return term_value(facet_id, text)
    return text
