"""What narrows a search, one piece at a time: each word, each filter group and the place, so
that an empty result can say what removing each would give."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from .facets import FACET_BY_ID
from .language import words
from .model import SearchQuery
from .phrases import TOKEN, value_label
from .validation import KM_PER_MILE


@dataclass(frozen=True, slots=True)
class Constraint:
    """One thing that narrows a search: a word, a filter group, the place or the radius."""

    kind: str  # "word", "filter", "near", "radius"
    label: str  # 'CASK', 'Peer moderated', 'near Columbus, OH, United States', 'within 100 mi'
    key: str = ""  # the word, or the facet id


@dataclass(frozen=True, slots=True)
class Relaxed:
    """What a search would find without one constraint."""

    constraint: Constraint
    count: int


def constraints(
    query: SearchQuery, data_names: Mapping[str, Mapping[str, str]] | None = None
) -> list[Constraint]:
    """Everything that narrows this search, in the order the user sees it. `data_names`: per
    facet, the names the data gives its values (a service type's code -> its name)."""
    found = [Constraint("word", word, word) for word in TOKEN.findall(query.text or "")]
    for facet_id, values in query.filter_values().items():
        if values:
            given = (data_names or {}).get(facet_id)
            names = f" {words('or')} ".join(value_label(facet_id, v, given) for v in values)
            found.append(Constraint("filter", names, facet_id))
    if query.near is not None:
        near = words("near {place}").format(place=query.near.shown_label)
        found.append(Constraint("near", near))
        if query.radius_km is not None:
            miles = query.radius_km / KM_PER_MILE
            within = words("within {miles} mi").format(miles=f"{miles:.0f}")
            found.append(Constraint("radius", within))
    return found


def without(query: SearchQuery, constraint: Constraint) -> SearchQuery:
    """The search with one constraint taken away."""
    if constraint.kind == "word":
        words = TOKEN.findall(query.text or "")
        words.remove(constraint.key)
        return dataclasses.replace(query, text=" ".join(words))
    if constraint.kind == "filter":
        relaxed = dataclasses.replace(query)
        relaxed.set_values(constraint.key, [])  # a new list: the copy shares the old ones
        return relaxed
    if constraint.kind == "near":
        sort = "relevance" if query.sort == "distance" else query.sort
        return dataclasses.replace(query, near=None, radius_km=None, sort=sort)
    return dataclasses.replace(query, radius_km=None)


def only(query: SearchQuery, constraint: Constraint) -> SearchQuery:
    """The search narrowed by this one constraint alone (for ranking partial matches)."""
    bare = dataclasses.replace(query, text="", near=None, radius_km=None, filters={})
    for facet_id in FACET_BY_ID:
        bare.set_values(facet_id, [])
    if constraint.kind == "word":
        return dataclasses.replace(bare, text=constraint.key)
    if constraint.kind == "filter":
        bare.set_values(constraint.key, query.filter_values()[constraint.key])
        return bare
    if constraint.kind in ("near", "radius"):
        return dataclasses.replace(bare, near=query.near, radius_km=query.radius_km)
    return bare  # nothing: the scope every partial match stays within


def explain(relaxed: list[Relaxed]) -> list[str]:
    """'Without "Peer moderated": 4' lines, the most helpful first."""
    ordered = sorted(relaxed, key=lambda r: -r.count)
    line = words('Without "{label}": {count}')
    return [line.format(label=r.constraint.label, count=r.count) for r in ordered]
