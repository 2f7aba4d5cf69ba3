"""Facet counts: for every filter group, how many results each value would give.

Each group is counted under the text, the place and the *other* groups' filters, so choosing
a value never hides its siblings. Every vocabulary value is listed, zero or not.
"""

from __future__ import annotations

import numpy as np

from ..domain.facets import FACETS, INTERNATIONAL, Facet
from ..domain.model import Facets, FacetValue, SearchQuery
from .search import Evaluation, SearchEngine


def count_facets(
    engine: SearchEngine, q: SearchQuery, country_names: dict[str, str] | None = None
) -> Facets:
    """The counts of every facet in domain/facets.py, in its order."""
    evaluation = engine.evaluate(q)
    # Facets without a chosen value all count the same selection: find its rows once.
    shared = np.flatnonzero(evaluation.selected())
    return {
        facet.id: _count(
            facet,
            evaluation,
            q,
            country_names or {},
            None if facet.id in evaluation.filters else shared,
        )
        for facet in FACETS
    }


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
    facet: Facet,
    evaluation: Evaluation,
    q: SearchQuery,
    names: dict[str, str],
    rows: np.ndarray | None = None,
) -> list[FacetValue]:
    """One facet's counts over `rows` (positions), or over the selection without its own
    filter."""
    ix = evaluation.index
    mask = np.flatnonzero(evaluation.selected(skip=facet.id)) if rows is None else rows
    values = ix.values[facet.id]
    if facet.multi:
        counted = _bits(ix.bits[facet.id][mask], len(values))
    else:
        codes = ix.codes[facet.id][mask]
        counted = np.bincount(codes[codes >= 0], minlength=len(values))
    if facet.terms:  # every term of the vocabulary, in its order, zero or not
        return [
            FacetValue(t.id, t.label, int(counted[n]), getattr(t, "group", ""))
            for n, t in enumerate(facet.terms)
        ]
    chosen = q.filter_values()[facet.id]
    if facet.qualified_by:
        # The index keeps them sorted by qualifier, then name; chosen ones not in the data last.
        found = [
            FacetValue(value, name, int(count), qualifier)
            for (value, name, qualifier), count in zip(
                ix.parts(facet.id), counted.tolist(), strict=True
            )
        ]
        for extra in sorted(set(chosen) - set(values)):
            qualifier, _, name = extra.partition("/")
            found.append(FacetValue(extra, name, 0, qualifier))
        return found
    by_value = {value: int(counted[n]) for n, value in enumerate(values)}
    known = set(values) | set(chosen)
    if facet.place_names:
        label = {code: names.get(code) or code or INTERNATIONAL for code in known}
    else:
        label = {value: facet.value_label(value) for value in known}
    tree = ix.trees.get(facet.id)
    if tree is not None:  # a chosen value below the top level is listed under its parent
        known -= set(tree.values)
    ordered = sorted(known, key=lambda value: (value == "", label[value]))
    found = [FacetValue(value, label[value], by_value.get(value, 0)) for value in ordered]
    if tree is None:
        return found
    selected = np.zeros(len(ix), dtype=bool)
    selected[mask] = True
    return found + tree.counts(selected, known)
