"""Reading and writing resources: row conversion, the focus and language indexes, snapshots."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils

from ..domain import vocabulary as vocab
from ..domain.errors import NotFoundError
from ..domain.model import JSON_FIELDS, LIST_FIELDS, Resource
from .database import now_iso

RESOURCE_COLUMNS: tuple[str, ...] = tuple(Resource.field_names())
_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps makes one per call
_SNAPSHOT_FIELDS = ("name", "kind", "website", "email", "phone", "city", "region", "country")


def row_to_resource(row: dict[str, Any]) -> Resource:
    data = {k: row[k] for k in RESOURCE_COLUMNS if k in row}
    for key in LIST_FIELDS:
        if key in data:
            text = data[key]
            data[key] = [] if not text or text == "[]" else _decode(text)
    for key in JSON_FIELDS:
        if key in data:
            text = data[key]
            data[key] = _EMPTY_JSON[key]() if text in ("", "[]", "{}", None) else _decode(text)
    return Resource(**data)


_decode = json.JSONDecoder().decode  # a page of results decodes hundreds of these


_EMPTY_JSON: dict[str, type] = {"other_phones": list, "evidence": dict, "taxonomy": list}


def resource_to_row(resource: Resource, country_names: dict[str, str]) -> dict[str, Any]:
    row = resource.to_dict()
    for key in (*LIST_FIELDS, *JSON_FIELDS):
        row[key] = _JSON.encode(row[key])
    row["search_focus"] = focus_search_text(resource.focus)
    if resource.taxonomy:  # an imported service's 211/AIRS terms: searchable by code and name
        terms = (f"{t.get('code', '')} {t.get('name', '')}" for t in resource.taxonomy)
        row["search_focus"] = " ".join([row["search_focus"], *terms]).strip()
    row["search_place"] = " ".join(
        p
        for p in (
            resource.city,
            resource.region,
            country_names.get(resource.country, resource.country),
            resource.service_area,
        )
        if p
    )
    return row


def focus_search_text(term_ids: Iterable[str]) -> str:
    """Labels and synonyms of the terms, and labels of their ancestors, for full-text search."""
    words: list[str] = []
    for term_id in term_ids:
        term = vocab.FOCUS_BY_ID.get(term_id)
        if term is None:
            continue
        words.extend([term.id, term.label, *term.synonyms])
        words.extend(vocab.FOCUS_BY_ID[a].label for a in vocab.focus_ancestors(term_id))
    return " ".join(dict.fromkeys(words))


def country_names(db: sqlite_utils.Database) -> dict[str, str]:
    return {row["code"]: row["name"] for row in db.query("SELECT code, name FROM countries")}


def get_resource(db: sqlite_utils.Database, resource_id: str) -> Resource:
    rows = list(db.query("SELECT * FROM resources WHERE id = ?", [resource_id]))
    if not rows:
        raise NotFoundError("no resource with id {resource_id!r}", resource_id=resource_id)
    return row_to_resource(rows[0])


def similar_resources(db: sqlite_utils.Database, text: str, limit: int = 5) -> list[str]:
    """'id (Name)' of entries whose id or name is close to the text (for an unknown id)."""
    rows = db.execute("SELECT id, name FROM resources").fetchall()
    name_of = dict(rows)
    wanted = text.strip().casefold()
    close = difflib.get_close_matches(wanted, [str(r[0]).casefold() for r in rows], limit, 0.6)
    by_folded = {str(rid).casefold(): rid for rid in name_of}
    found = [by_folded[c] for c in close]
    words = [w for w in re.split(r"[\W_]+", wanted) if len(w) >= 3]
    for rid, name in rows:
        if len(found) >= limit or not words:
            break
        if rid not in found and all(w in str(name).casefold() for w in words):
            found.append(rid)
    return [f"{rid} ({name_of[rid]})" for rid in found[:limit]]


def find_resource(db: sqlite_utils.Database, resource_id: str) -> Resource | None:
    try:
        return get_resource(db, resource_id)
    except NotFoundError:
        return None


def get_origin(db: sqlite_utils.Database, resource_id: str) -> str | None:
    row = db.execute("SELECT origin FROM resources WHERE id = ?", [resource_id]).fetchone()
    return row[0] if row else None


def upsert_resource(
    db: sqlite_utils.Database,
    resource: Resource,
    *,
    origin: str,
    names: dict[str, str] | None = None,
) -> int:
    """Insert or update one resource in place (its pk stays), and refresh its indexes.

    Call inside a write transaction. Returns the resource's integer pk.
    """
    row = resource_to_row(resource, names if names is not None else country_names(db))
    row["origin"] = origin
    row["updated_at"] = now_iso()
    columns = list(row)
    assignments = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    placeholders = ", ".join("?" for _ in columns)
    db.conn.execute(
        f"INSERT INTO resources ({', '.join(columns)}) VALUES ({placeholders}) "
        f"ON CONFLICT (id) DO UPDATE SET {assignments}",
        [row[c] for c in columns],
    )
    pk = db.conn.execute("SELECT pk FROM resources WHERE id = ?", [resource.id]).fetchone()[0]
    _reindex(db, pk, resource)
    return int(pk)


def insert_new(
    db: sqlite_utils.Database,
    resources: list[Resource],
    *,
    origin: str,
    names: dict[str, str] | None = None,
) -> None:
    """Insert resources that are not in the database yet, in bulk (imports of thousands).

    Their integer keys are given here, so the focus and language rows can be written in
    bulk too. Call inside a write transaction.
    """
    if not resources:
        return
    names = names if names is not None else country_names(db)
    start = int(db.conn.execute("SELECT coalesce(max(pk), 0) + 1 FROM resources").fetchone()[0])
    stamp = now_iso()
    extra = {"pk": start, "origin": origin, "updated_at": stamp}
    columns = list({**resource_to_row(resources[0], names), **extra})

    # Rows are made as SQLite asks for them, never all at once: an import of 200 MB would
    # otherwise hold every row twice over (as dicts and as value lists) on top of the
    # resources themselves.
    def values() -> Iterator[list[Any]]:
        for pk, resource in enumerate(resources, start):
            row = resource_to_row(resource, names)
            row.update(pk=pk, origin=origin, updated_at=stamp)
            yield [row[c] for c in columns]

    def focus_rows() -> Iterator[tuple[str, int, int]]:
        for pk, resource in enumerate(resources, start):
            direct = [f for f in resource.focus if f in vocab.FOCUS_BY_ID]
            yield from ((f, pk, 1) for f in direct)
            implied = sorted(vocab.focus_with_ancestors(direct) - set(direct))
            yield from ((f, pk, 0) for f in implied)

    def language_rows() -> Iterator[tuple[str, int]]:
        for pk, resource in enumerate(resources, start):
            yield from ((lang, pk) for lang in dict.fromkeys(resource.languages))

    insert = (
        f"INSERT INTO resources ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    )
    if len(resources) >= BULK_FTS_THRESHOLD:
        _insert_then_index(db, insert, values(), start)
    else:
        db.conn.executemany(insert, values())
    db.conn.executemany(
        "INSERT OR IGNORE INTO resource_focus (focus_id, resource_pk, direct) VALUES (?, ?, ?)",
        focus_rows(),
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO resource_languages (language, resource_pk) VALUES (?, ?)",
        language_rows(),
    )


BULK_FTS_THRESHOLD = 2000
_FTS_COLUMNS = (
    "name, alternate_names, description, search_focus, search_place, tags, description_es"
)


_SET_ASIDE = ("resources_fts_insert", "resources_version_insert")
FTS_HASH_BYTES = 1 << 20  # SQLite's default: how much new text FTS5 holds before writing it
FTS_BULK_HASH_BYTES = 64 << 20


def _insert_then_index(
    db: sqlite_utils.Database, insert: str, values: Iterable[Any], start: int
) -> None:
    """Insert many rows with the per-row triggers set aside, then index them in one statement
    (about twice as fast), letting FTS5 gather more text before it writes a segment, and
    renew the change tag once. All inside the caller's transaction, triggers included."""
    triggers = [
        db.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
        ).fetchone()
        for name in _SET_ASIDE
    ]
    for name, found in zip(_SET_ASIDE, triggers, strict=True):
        if found:
            db.conn.execute(f"DROP TRIGGER {name}")
    db.conn.executemany(insert, values)
    _fts_hash_size(db, FTS_BULK_HASH_BYTES)
    db.conn.execute(
        f"INSERT INTO resources_fts (rowid, {_FTS_COLUMNS}) "
        f"SELECT pk, {_FTS_COLUMNS} FROM resources WHERE pk >= ?",
        [start],
    )
    _fts_hash_size(db, FTS_HASH_BYTES)
    db.conn.execute(
        "UPDATE metadata SET value = lower(hex(randomblob(8))) WHERE key = 'resources_version'"
    )
    for found in triggers:
        if found:
            db.conn.execute(found[0])


def _fts_hash_size(db: sqlite_utils.Database, size: int) -> None:
    """FTS5's 'hashsize' setting (stored with the index, so it is put back after a bulk load)."""
    db.conn.execute(
        "INSERT INTO resources_fts (resources_fts, rank) VALUES ('hashsize', ?)", [size]
    )


def _reindex(db: sqlite_utils.Database, pk: int, resource: Resource) -> None:
    db.conn.execute("DELETE FROM resource_focus WHERE resource_pk = ?", [pk])
    db.conn.execute("DELETE FROM resource_languages WHERE resource_pk = ?", [pk])
    direct = [f for f in resource.focus if f in vocab.FOCUS_BY_ID]
    implied = vocab.focus_with_ancestors(direct) - set(direct)
    db.conn.executemany(
        "INSERT OR IGNORE INTO resource_focus (focus_id, resource_pk, direct) VALUES (?, ?, ?)",
        [(f, pk, 1) for f in direct] + [(f, pk, 0) for f in sorted(implied)],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO resource_languages (language, resource_pk) VALUES (?, ?)",
        [(lang, pk) for lang in resource.languages],
    )


def delete_resource(db: sqlite_utils.Database, resource_id: str) -> bool:
    """Remove a resource from the directory; list items keep its last known details."""
    resource = find_resource(db, resource_id)
    if resource is None:
        return False
    refresh_snapshots(db, [resource])
    db.conn.execute("DELETE FROM resources WHERE id = ?", [resource_id])
    return True


def snapshot_of(resource: Resource) -> str:
    return json.dumps({k: getattr(resource, k) for k in _SNAPSHOT_FIELDS}, ensure_ascii=False)


def refresh_snapshots(db: sqlite_utils.Database, resources: Iterable[Resource]) -> None:
    """Store each resource's current name and contact details on the list items that hold it."""
    db.conn.executemany(
        "UPDATE list_items SET snapshot = ? WHERE resource_id = ?",
        [(snapshot_of(r), r.id) for r in resources],
    )


def iter_resources(
    db: sqlite_utils.Database, where: str = "", params: Iterable[Any] = ()
) -> Iterator[Resource]:
    sql = "SELECT * FROM resources" + (f" WHERE {where}" if where else "") + " ORDER BY pk"
    for row in db.query(sql, list(params)):
        yield row_to_resource(row)


def ids_by_origin(db: sqlite_utils.Database, origin: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT id FROM resources WHERE origin = ?", [origin])}


def count_resources(db: sqlite_utils.Database, *, include_inactive: bool = False) -> int:
    sql = "SELECT count(*) FROM resources" + (
        "" if include_inactive else " WHERE status = 'active'"
    )
    return int(db.execute(sql).fetchone()[0])
