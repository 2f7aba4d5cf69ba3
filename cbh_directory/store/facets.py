"""Facet counts: for every filter group, how many results each value would give.

Each group is counted under the text, the place and the *other* groups' filters, so choosing
a value never hides its siblings. Every vocabulary value is listed, zero or not.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ..domain import vocabulary as vocab
from ..domain.model import FACET_GROUPS, Facets, FacetValue, SearchQuery
from .search import CODED_GROUPS, Evaluation, SearchEngine

INTERNATIONAL = "International / not stated"
_TERMS: dict[str, tuple[vocab.Term, ...]] = {
    "kind": vocab.KINDS,
    "moderation": vocab.MODERATION,
    "activity": vocab.ACTIVITY,
    "format": vocab.FORMATS,
    "cost": vocab.COSTS,
}


def count_facets(
    engine: SearchEngine,
    q: SearchQuery,
    groups: Iterable[str] = FACET_GROUPS,
    country_names: dict[str, str] | None = None,
) -> Facets:
    evaluation = engine.evaluate(q)
    facets: Facets = {}
    for group in groups:
        facets[group] = _count(group, evaluation, q, country_names or {})
    return facets


_BYTE_BITS = ((np.arange(256)[:, None] >> np.arange(8)) & 1).astype(np.int64)  # [byte, bit]


def _bits(values: np.ndarray, size: int) -> np.ndarray:
    """How many of the values have each of the first `size` bits set.

    One histogram per byte of the bit sets, turned into per-bit counts: a pass per 8 bits
    instead of one per bit.
    """
    counts = np.zeros(64, dtype=np.int64)
    if values.size:
        octets = np.ascontiguousarray(values, dtype="<i8").view(np.uint8).reshape(-1, 8)
        for byte in range((size + 7) // 8):
            counts[byte * 8 : byte * 8 + 8] = (
                np.bincount(octets[:, byte], minlength=256) @ _BYTE_BITS
            )
    return counts[:size]


def _count(
    group: str, evaluation: Evaluation, q: SearchQuery, names: dict[str, str]
) -> list[FacetValue]:
    ix = evaluation.index
    mask = evaluation.selected(skip=group)
    if group in CODED_GROUPS:
        column, ids = CODED_GROUPS[group]
        codes = getattr(ix, column)[mask]
        counts = np.bincount(codes[codes >= 0], minlength=len(ids))
        return [FacetValue(t.id, t.label, int(counts[n])) for n, t in enumerate(_TERMS[group])]
    if group == "focus":
        counts = _bits(ix.focus[mask], len(vocab.FOCUS_TERMS))
        return [
            FacetValue(t.id, t.label, int(counts[n]), t.group)
            for n, t in enumerate(vocab.FOCUS_TERMS)
        ]
    if group == "language":
        counts = _bits(ix.languages[mask], len(ix.language_codes))
        by_code = {code: int(counts[n]) for n, code in enumerate(ix.language_codes)}
        values = sorted(set(ix.language_codes) | set(q.languages), key=vocab.language_label)
        return [FacetValue(v, vocab.language_label(v), by_code.get(v, 0)) for v in values]
    if group == "country":
        codes = ix.country[mask]
        counts = np.bincount(codes[codes >= 0], minlength=len(ix.countries))
        by_code = {code: int(counts[n]) for n, code in enumerate(ix.countries)}
        known = set(ix.countries) | set(q.countries)
        label = {code: (names.get(code) or code or INTERNATIONAL) for code in known}
        ordered = sorted(known, key=lambda code: (code == "", label[code]))
        return [FacetValue(code, label[code], by_code.get(code, 0)) for code in ordered]
    if group == "region":
        codes = ix.region[mask]
        counts = np.bincount(codes[codes >= 0], minlength=len(ix.regions))
        values = [
            FacetValue(value, name, int(count), country)
            for (value, name, country), count in zip(
                ix.region_parts(), counts.tolist(), strict=True
            )
        ]  # the index keeps them sorted by country, then name
        for extra in sorted(set(q.regions) - set(ix.regions)):
            values.append(FacetValue(extra, extra.partition("/")[2], 0, extra.partition("/")[0]))
        return values
    raise ValueError(f"unknown facet group {group!r}")
