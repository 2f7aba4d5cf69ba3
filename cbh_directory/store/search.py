"""Search over resources: full-text, filters and distance, compiled to parameterised SQL.

Full-text hits and distances are computed once per query into temporary tables; the page,
the total and every facet count then join on them. Querying FTS through a plain JOIN with
other filters can make SQLite re-run the MATCH per row, so the FTS table only ever appears
as `temp.hit_text`, filled by one MATCH.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from ..domain import vocabulary as vocab
from ..domain.errors import InputError
from ..domain.model import SORT_KEYS, Hit, ListEntry, Resource, SearchPage, SearchQuery
from ..geo.distance import bounding_box, within
from .fts import fts_query
from .resources import row_to_resource

# bm25 weights per FTS column: name, alternate_names, description, search_focus, search_place, tags
BM25 = "bm25(resources_fts, 10.0, 8.0, 1.0, 5.0, 2.0, 2.0)"
ONLINE_FORMATS = ("online", "hybrid")
MAX_PAGE = 10_000

_TEMP_TABLES = """
CREATE TEMP TABLE IF NOT EXISTS hit_text (pk INTEGER PRIMARY KEY, rank REAL NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS hit_near (pk INTEGER PRIMARY KEY, distance_km REAL NOT NULL);
"""

# Columns whose filter is a plain IN on the resources table, by facet group.
SIMPLE_COLUMNS: dict[str, str] = {
    "kind": "kind",
    "moderation": "moderation",
    "activity": "activity",
    "format": "format",
    "cost": "cost",
    "country": "country",
}


@dataclass(slots=True)
class Compiled:
    """The FROM and WHERE of a search, with their parameters (FROM's first)."""

    source: str
    where: list[str] = field(default_factory=list)
    source_params: list[Any] = field(default_factory=list)
    where_params: list[Any] = field(default_factory=list)

    @property
    def sql(self) -> str:
        clause = " AND ".join(self.where) if self.where else "1"
        return f"FROM {self.source} WHERE {clause}"

    @property
    def params(self) -> list[Any]:
        return [*self.source_params, *self.where_params]


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def validate_query(q: SearchQuery) -> None:
    """Reject filter values that are not in the vocabularies, naming the problem."""
    checks = (
        ("kind", q.kinds, vocab.KIND_BY_ID),
        ("focus", q.focus, vocab.FOCUS_BY_ID),
        ("moderation", q.moderation, vocab.MODERATION_BY_ID),
        ("activity", q.activity, vocab.ACTIVITY_BY_ID),
        ("format", q.formats, vocab.FORMAT_BY_ID),
        ("cost", q.costs, vocab.COST_BY_ID),
    )
    for name, values, allowed in checks:
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise InputError(f"unknown {name} {unknown[0]!r}; choose from: {', '.join(allowed)}")
    if q.sort not in SORT_KEYS:
        raise InputError(f"unknown sort {q.sort!r}; choose from: {', '.join(SORT_KEYS)}")
    if q.radius_km is not None and q.radius_km <= 0:
        raise InputError("the radius must be more than 0")
    if q.offset < 0 or (q.limit is not None and q.limit < 0):
        raise InputError("offset and limit must not be negative")


class SearchEngine:
    """Runs searches on one connection (one per thread)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._state: tuple[Any, ...] | None = None
        self._has_text = False
        for statement in _TEMP_TABLES.strip().split(";"):
            if statement.strip():
                db.conn.execute(statement)

    # -- preparation: the FTS hits and the distances, once per distinct query

    def prepare(self, q: SearchQuery) -> None:
        match = fts_query(q.text)
        near = (q.near.latitude, q.near.longitude) if q.near else None
        radius = q.radius_km if near else None
        data_version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        key = (match, near, radius, data_version, self.db.conn.total_changes)
        if key == self._state:
            return
        conn = self.db.conn
        conn.execute("DELETE FROM temp.hit_text")
        conn.execute("DELETE FROM temp.hit_near")
        if match is not None:
            conn.execute(
                f"INSERT INTO temp.hit_text (pk, rank) SELECT rowid, {BM25} "
                "FROM resources_fts WHERE resources_fts MATCH ?",
                [match],
            )
        if near is not None:
            conn.executemany(
                "INSERT INTO temp.hit_near (pk, distance_km) VALUES (?, ?)",
                within(near[0], near[1], radius, self._coordinates(near, radius)),
            )
        self._has_text = match is not None
        self._state = (match, near, radius, data_version, conn.total_changes)

    def _coordinates(self, near: tuple[float, float], radius: float | None) -> list[Any]:
        """Resources that can be within the radius: an SQL bounding box, before geopy."""
        sql = "SELECT pk, latitude, longitude FROM resources WHERE latitude IS NOT NULL"
        params: list[Any] = []
        if radius is not None:
            box = bounding_box(near[0], near[1], radius)
            lon = " OR ".join("longitude BETWEEN ? AND ?" for _ in box.lon_ranges)
            sql += f" AND latitude BETWEEN ? AND ? AND ({lon})"
            params = [box.min_lat, box.max_lat]
            for west, east in box.lon_ranges:
                params += [west, east]
        return self.db.conn.execute(sql, params).fetchall()

    # -- compiling

    def compile(self, q: SearchQuery, skip: str | None = None) -> Compiled:
        """FROM/WHERE for the query; `skip` leaves out one facet group's own filter.

        With a list chosen, the list's items drive the query; items whose resource left the
        directory come through the LEFT JOIN with an empty `r`, and only when no text,
        filter or place could exclude them.
        """
        c = Compiled("")
        if q.list_id is not None and self._has_text:
            c.source = (
                "temp.hit_text t CROSS JOIN resources r ON r.pk = t.pk "
                "JOIN list_items li ON li.resource_id = r.id AND li.list_id = ?"
            )
            c.source_params.append(q.list_id)
        elif q.list_id is not None:
            c.source = "list_items li LEFT JOIN resources r ON r.id = li.resource_id"
            c.where.append("li.list_id = ?")
            c.where_params.append(q.list_id)
        elif self._has_text:
            c.source = "temp.hit_text t CROSS JOIN resources r ON r.pk = t.pk"
        elif q.near is not None and not q.include_online:
            c.source = "temp.hit_near n0 CROSS JOIN resources r ON r.pk = n0.pk"
        else:
            c.source = "resources r"
        if q.near is not None:
            c.source += " LEFT JOIN temp.hit_near n ON n.pk = r.pk"
        if not q.include_inactive and q.list_id is None:
            c.where.append("r.status = 'active'")
        if q.verified_before is not None:
            c.where.append("(r.last_verified = '' OR r.last_verified < ?)")
            c.where_params.append(q.verified_before)
        filters = q.filter_values()
        for group, column in SIMPLE_COLUMNS.items():
            values = filters[group]
            if values and skip != group:
                c.where.append(f"r.{column} IN ({_marks(values)})")
                c.where_params += values
        if q.focus and skip != "focus":
            c.where.append(
                "r.pk IN (SELECT resource_pk FROM resource_focus "
                f"WHERE focus_id IN ({_marks(q.focus)}))"
            )
            c.where_params += q.focus
        if q.languages and skip != "language":
            c.where.append(
                "r.pk IN (SELECT resource_pk FROM resource_languages "
                f"WHERE language IN ({_marks(q.languages)}))"
            )
            c.where_params += q.languages
        if q.regions and skip != "region":
            pairs = [split_region(v) for v in q.regions]
            c.where.append(
                "(r.country, r.region) IN (VALUES " + ", ".join("(?, ?)" for _ in pairs) + ")"
            )
            for country, region in pairs:
                c.where_params += [country, region]
        if q.near is not None:
            # Near a place means: has a known distance (within the radius, if one is set),
            # or, when asked, can be joined online whatever the distance.
            if q.include_online:
                c.where.append(
                    f"(n.pk IS NOT NULL OR r.format IN ({_marks(list(ONLINE_FORMATS))}))"
                )
                c.where_params += list(ONLINE_FORMATS)
            else:
                c.where.append("n.pk IS NOT NULL")
        return c

    def order_by(self, q: SearchQuery) -> str:
        name = "r.name COLLATE NOCASE, r.id"
        direction = "DESC" if q.reverse else "ASC"
        sort = q.sort
        if sort == "list" and q.list_id is None:
            sort = "relevance"
        if sort == "relevance":
            sort = "text" if self._has_text else ("distance" if q.near is not None else "name")
        if sort == "list":
            return f"li.position {direction}, li.added_at {direction}, li.resource_id"
        if sort == "distance" and q.near is None:
            sort = "name"
        if sort == "text":
            return f"t.rank {direction}, {name}"
        if sort == "distance":
            return f"n.distance_km IS NULL, n.distance_km {direction}, {name}"
        if sort == "verified":
            flipped = "ASC" if q.reverse else "DESC"
            return f"r.last_verified = '', r.last_verified {flipped}, {name}"
        if sort == "kind":
            order = " ".join(f"WHEN '{t.id}' THEN {i}" for i, t in enumerate(vocab.KINDS))
            return f"CASE r.kind {order} ELSE 99 END {direction}, {name}"
        if sort == "focus":
            # By the first focus term; resources without one come last.
            first = "json_extract(r.focus, '$[0]')"
            return f"{first} IS NULL, {first} COLLATE NOCASE {direction}, {name}"
        return f"r.name COLLATE NOCASE {direction}, r.id {direction}"

    # -- running

    def count(self, q: SearchQuery) -> int:
        validate_query(q)
        self.prepare(q)
        c = self.compile(q)
        return int(self.db.conn.execute(f"SELECT count(*) {c.sql}", c.params).fetchone()[0])

    def page(self, q: SearchQuery) -> SearchPage:
        """The hits from q.offset, at most q.limit of them, and the total number of matches."""
        validate_query(q)
        self.prepare(q)
        c = self.compile(q)
        columns = "r.*"
        columns += ", t.rank AS _rank" if self._has_text else ", NULL AS _rank"
        columns += ", n.distance_km AS _distance" if q.near is not None else ", NULL AS _distance"
        if q.list_id is not None:
            columns += (
                ", li.resource_id AS _item_id, li.note AS _note, li.added_at AS _added,"
                " li.position AS _position, li.snapshot AS _snapshot"
            )
        limit = MAX_PAGE if q.limit is None else min(q.limit, MAX_PAGE)
        sql = f"SELECT {columns} {c.sql} ORDER BY {self.order_by(q)} LIMIT ? OFFSET ?"
        hits = [_hit(row) for row in self.db.query(sql, [*c.params, limit, q.offset])]
        complete = 0 < len(hits) < limit or (not hits and q.offset == 0)
        total = q.offset + len(hits) if complete else self.count(q)
        return SearchPage(hits=hits, total=total, offset=q.offset)

    def ids(self, q: SearchQuery) -> list[str]:
        """Every matching id in sort order (for exports and selections), no paging."""
        validate_query(q)
        self.prepare(q)
        c = self.compile(q)
        column = "li.resource_id" if q.list_id is not None else "r.id"
        sql = f"SELECT {column} {c.sql} ORDER BY {self.order_by(q)}"
        return [row[0] for row in self.db.conn.execute(sql, c.params)]


def _hit(row: dict[str, Any]) -> Hit:
    """A result row; a list item whose resource left the directory is rebuilt from its snapshot."""
    entry = None
    if "_item_id" in row:
        present = row["pk"] is not None
        entry = ListEntry(row["_note"], row["_added"], row["_position"], present)
        if not present:
            return Hit(gone_resource(row["_item_id"], row["_snapshot"]), None, None, entry)
    return Hit(row_to_resource(row), row["_distance"], row["_rank"], entry)


def gone_resource(resource_id: str, snapshot_json: str) -> Resource:
    """What is remembered of a resource that is no longer in the directory."""
    snap = json.loads(snapshot_json or "{}")
    text = {k: v for k, v in snap.items() if k in _SNAPSHOT_TEXT and isinstance(v, str)}
    return Resource(
        id=resource_id,
        name=text.get("name") or resource_id,
        kind=text.get("kind") or "unknown",
        website=text.get("website", ""),
        email=text.get("email", ""),
        phone=text.get("phone", ""),
        city=text.get("city", ""),
        region=text.get("region", ""),
        country=text.get("country", ""),
        status="gone",
    )


_SNAPSHOT_TEXT = ("name", "kind", "website", "email", "phone", "city", "region", "country")


def split_region(value: str) -> tuple[str, str]:
    """'US/Ohio' -> ('US', 'Ohio'); a value without a country matches resources with none."""
    country, sep, region = value.partition("/")
    return (country, region) if sep else ("", value)


def region_value(country: str, region: str) -> str:
    return f"{country}/{region}"
