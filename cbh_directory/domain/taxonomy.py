"""A service's taxonomy terms as an import keeps them: code, name and taxonomy, checked."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .text_safety import single_line

# A 211/AIRS (211 HSIS) code: one of its eleven top-level letters, perhaps a second letter,
# then dashed and dotted number groups ("BD-1800.2000", "PN-8100.0200-180").
AIRS_CODE = re.compile(r"^[BDFHJLNPRTY][A-Z]?(?:-\d{4}(?:\.\d{4})?(?:-\d{3})?(?:\.\d{2})?)?$")
# The 211/AIRS taxonomy's top level: the "Service type" filter groups terms under these.
AIRS_TOP_LEVEL = {
    "B": "Basic Needs",
    "D": "Consumer Services",
    "F": "Criminal Justice and Legal Services",
    "H": "Education",
    "J": "Environment and Public Health/Safety",
    "L": "Health Care",
    "N": "Income Support and Employment",
    "P": "Individual and Family Life",
    "R": "Mental Health and Substance Use Disorder Services",
    "T": "Organizational/Community/International Services",
    "Y": "Target Populations",
}

TERM_KEYS = ("code", "name", "taxonomy")
MAX_TERMS = 100
MAX_TERM_TEXT = 300


def normalise_taxonomy(value: object) -> tuple[list[dict[str, str]], list[str]]:
    """Clean a list of `{"code", "name", "taxonomy"}`; returns it and its problems. A term
    needs a code or a name; repeats (same code and name) are kept once."""
    if value in (None, "", []):
        return [], []
    if not isinstance(value, list) or len(value) > MAX_TERMS:
        return [], [f"must be a list of at most {MAX_TERMS} terms"]
    terms: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    problems: list[str] = []
    for item in value:
        if not isinstance(item, Mapping) or any(
            not isinstance(item.get(k, ""), str) for k in TERM_KEYS
        ):
            problems.append("each term must be an object of text: code, name, taxonomy")
            continue
        term = {k: single_line(item.get(k, ""))[:MAX_TERM_TEXT].strip() for k in TERM_KEYS}
        key = (term["code"], term["name"])
        if (term["code"] or term["name"]) and key not in seen:
            seen.add(key)
            terms.append(term)
    return terms, problems


def term_label(term: Mapping[str, str]) -> str:
    """'Food Pantries (BD-1800.2000)', or whichever of the two it has."""
    code, name = term.get("code", ""), term.get("name", "")
    return f"{name} ({code})" if code and name else name or code


def top_level(term: Mapping[str, str]) -> str:
    """The term's place at the top of its taxonomy: an AIRS code's letter ("B"), else its name
    (other taxonomies say nothing of their hierarchy here)."""
    code = (term.get("code") or "").strip()
    if AIRS_CODE.match(code):
        return code[0]
    return (term.get("name") or "").strip() or code


_AIRS_STEP = re.compile(r"[-.]")


def code_path(term: Mapping[str, str]) -> tuple[str, ...]:
    """An AIRS code and the codes above it, below its top-level letter, outermost first:
    BD-1800.2000 -> (BD, BD-1800, BD-1800.2000). () for a bare letter or another taxonomy."""
    code = (term.get("code") or "").strip()
    if not AIRS_CODE.match(code) or len(code) == 1:
        return ()
    cuts = [m.start() for m in _AIRS_STEP.finditer(code)] + [len(code)]
    return tuple(code[:cut] for cut in cuts if cut > 1)


def top_level_label(value: str) -> str:
    """'Basic Needs' for "B"; any other value as it is."""
    return AIRS_TOP_LEVEL.get(value, value)


def top_level_value(text: str) -> str:
    """What a person types for a service type: 'b' or 'Basic Needs' -> 'B', 'bd-1800' ->
    'BD-1800'; a term name as it is."""
    wanted = text.strip()
    if wanted.upper() in AIRS_TOP_LEVEL or AIRS_CODE.match(wanted.upper()):
        return wanted.upper()  # a letter, or a code below one ("bd-1800" -> "BD-1800")
    by_label = {label.casefold(): letter for letter, label in AIRS_TOP_LEVEL.items()}
    return by_label.get(wanted.casefold(), wanted)
