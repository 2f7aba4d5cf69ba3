"""Facet counts: for every filter group, how many results each value would give.

Each group is counted under the text, the location and the *other* groups' filters, so
choosing a value never hides its siblings. Every vocabulary value is listed, zero or not.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain import vocabulary as vocab
from ..domain.model import FACET_GROUPS, Facets, FacetValue, SearchQuery
from .search import SIMPLE_COLUMNS, SearchEngine, region_value, split_region, validate_query

_TERMS_BY_GROUP: dict[str, tuple[vocab.Term, ...]] = {
    "kind": vocab.KINDS,
    "moderation": vocab.MODERATION,
    "activity": vocab.ACTIVITY,
    "format": vocab.FORMATS,
    "cost": vocab.COSTS,
}
INTERNATIONAL = "International / not stated"


def count_facets(
    engine: SearchEngine, q: SearchQuery, groups: Iterable[str] = FACET_GROUPS
) -> Facets:
    validate_query(q)
    engine.prepare(q)
    conn = engine.db.conn
    facets: Facets = {}
    for group in groups:
        c = engine.compile(q, skip=group)
        if group in SIMPLE_COLUMNS:
            column = SIMPLE_COLUMNS[group]
            sql = f"SELECT r.{column}, count(*) {c.sql} GROUP BY r.{column}"
        elif group == "focus":
            sql = (
                "SELECT focus_id, count(*) FROM resource_focus "
                f"WHERE resource_pk IN (SELECT r.pk {c.sql}) GROUP BY focus_id"
            )
        elif group == "language":
            sql = (
                "SELECT language, count(*) FROM resource_languages "
                f"WHERE resource_pk IN (SELECT r.pk {c.sql}) GROUP BY language"
            )
        elif group == "region":
            sql = (
                "SELECT r.country || '/' || r.region, count(*) "
                f"{c.sql} AND r.region <> '' GROUP BY r.country, r.region"
            )
        else:
            raise ValueError(f"unknown facet group {group!r}")
        counts = {value: n for value, n in conn.execute(sql, c.params)}
        facets[group] = _values(engine, group, counts, q)
    return facets


def _values(
    engine: SearchEngine, group: str, counts: dict[str, int], q: SearchQuery
) -> list[FacetValue]:
    if group in _TERMS_BY_GROUP:
        return [FacetValue(t.id, t.label, counts.get(t.id, 0)) for t in _TERMS_BY_GROUP[group]]
    if group == "focus":
        return [FacetValue(t.id, t.label, counts.get(t.id, 0), t.group) for t in vocab.FOCUS_TERMS]
    conn = engine.db.conn
    if group == "language":
        known = [row[0] for row in conn.execute("SELECT DISTINCT language FROM resource_languages")]
        values = sorted(set(known) | set(q.languages), key=vocab.language_label)
        return [FacetValue(v, vocab.language_label(v), counts.get(v, 0)) for v in values]
    if group == "country":
        rows = conn.execute(
            "SELECT DISTINCT r.country, coalesce(c.name, r.country) FROM resources r "
            "LEFT JOIN countries c ON c.code = r.country"
        ).fetchall()
        names = {code: (name or INTERNATIONAL) for code, name in rows}
        for code in q.countries:
            names.setdefault(code, code)
        ordered = sorted(names, key=lambda code: (code == "", names[code]))
        return [FacetValue(code, names[code], counts.get(code, 0)) for code in ordered]
    # region
    pairs = conn.execute(
        "SELECT DISTINCT country, region FROM resources WHERE region <> ''"
    ).fetchall()
    regions = {region_value(country, region): (country, region) for country, region in pairs}
    for value in q.regions:
        regions.setdefault(value, split_region(value))
    ordered = sorted(regions, key=lambda v: (regions[v][0], regions[v][1].casefold()))
    return [FacetValue(v, regions[v][1], counts.get(v, 0), regions[v][0]) for v in ordered]
