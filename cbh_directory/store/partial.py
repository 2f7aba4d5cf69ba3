"""Partial matches: entries meeting some of what a search asks, those meeting most first."""

from __future__ import annotations

import numpy as np

from ..domain.model import SearchPage, SearchQuery
from .search import SearchEngine


def partial_page(
    engine: SearchEngine, query: SearchQuery, bare: SearchQuery, parts: list[SearchQuery]
) -> SearchPage:
    """Entries of `bare` (the search without its words, filters and place) meeting at least
    one of `parts` (each narrowed by one of them), ranked by how many they meet, then by
    distance (with a place) or name. `query` is the whole search: its distances are shown."""
    scope = engine.evaluate(bare).selected()
    score = np.zeros(scope.size, dtype=np.int16)
    for part in parts:
        score += engine.evaluate(part).selected()
    evaluation = engine.evaluate(query)
    ix = evaluation.index
    chosen = np.flatnonzero(scope & (score > 0))
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
