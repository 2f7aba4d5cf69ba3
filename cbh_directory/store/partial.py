"""Partial matches: entries meeting some of what a search asks, those meeting most first."""

from __future__ import annotations

import numpy as np

from ..domain.model import SearchPage, SearchQuery
from .search import SearchEngine


def partial_page(
    engine: SearchEngine,
    query: SearchQuery,
    bare: SearchQuery,
    parts: list[tuple[SearchQuery, bool]],
) -> SearchPage:
    """Entries of `bare` (the search without its words, filters and place) meeting some of
    `parts` (each narrowed by one of them), ranked by how many they meet, then by distance
    (with a place) or name. A part marked False (the place) ranks but does not make a match
    on its own: nearly everything is near. `query` is the whole search: its distances show."""
    scope = engine.evaluate(bare).selected()
    score = np.zeros(scope.size, dtype=np.int16)
    matched = np.zeros(scope.size, dtype=bool)
    alone = any(counts for _, counts in parts)
    for part, counts in parts:
        meets = engine.evaluate(part).selected()
        score += meets
        if counts or not alone:
            matched |= meets
    evaluation = engine.evaluate(query)
    ix = evaluation.index
    chosen = np.flatnonzero(scope & matched)
    keys: list[np.ndarray] = [ix.name_rank[chosen]]
    if evaluation.distance is not None:
        distance = evaluation.distance[chosen]
        keys.append(np.where(np.isnan(distance), np.inf, distance))
    keys.append(-score[chosen])
    ordered = chosen[np.lexsort(keys)]
    limit = ordered.size if query.limit is None else query.limit
    window = ordered[query.offset : query.offset + limit]
    found = engine.hits_at(evaluation, window)
    return SearchPage([found[p] for p in window.tolist() if p in found], ordered.size, query.offset)
