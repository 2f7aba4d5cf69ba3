"""Comparing an import with the database (the preview), then applying it in one transaction."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import fields
from typing import Any

import sqlite_utils

from ..domain.imports import FieldChange, ImportPreview, ParsedImport
from ..domain.model import Resource
from .checkups import all_checkups, has_table, merge_checkups
from .database import now_iso, write_transaction
from .resources import (
    country_names,
    insert_new,
    iter_resources,
    refresh_snapshots,
    row_to_resource,
    upsert_resource,
)

# Fields compared for "changed"; coordinates are compared rounded (imports round-trip text).
COMPARED = tuple(f.name for f in fields(Resource) if f.name != "id")


def _same(field_name: str, old: Any, new: Any) -> bool:
    if field_name in ("latitude", "longitude"):
        if old is None or new is None:
            return old is new
        return abs(float(old) - float(new)) < 1e-6
    return bool(old == new)


def diff(old: Resource, new: Resource) -> list[FieldChange]:
    return [
        FieldChange(name, getattr(old, name), getattr(new, name))
        for name in COMPARED
        if not _same(name, getattr(old, name), getattr(new, name))
    ]


def _local_edits(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    edits: dict[str, dict[str, Any]] = {}
    for rid, name, value in db.execute("SELECT resource_id, field, value FROM local_edits"):
        edits.setdefault(rid, {})[name] = json.loads(value)
    return edits


def _with_local_values(resource: Resource, edited: dict[str, Any]) -> Resource:
    if not edited:
        return resource
    values = resource.to_dict()
    values.update({k: v for k, v in edited.items() if k in values and k != "id"})
    return Resource.from_dict(values)


def _existing(db: sqlite_utils.Database, ids: list[str]) -> dict[str, Resource]:
    found: dict[str, Resource] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for resource in iter_resources(db, f"id IN ({marks})", chunk):
            found[resource.id] = resource
    return found


def plan_import(db: sqlite_utils.Database, parsed: ParsedImport) -> ImportPreview:
    """Compare every incoming resource with the database; writes nothing."""
    preview = ImportPreview(
        source=parsed.source,
        kind=parsed.kind,
        rejected=list(parsed.rejected),
        notes=list(parsed.notes),
        origin=parsed.origin,
    )
    existing = _existing(db, [r.id for r in parsed.resources])
    edits = _local_edits(db)
    for incoming in parsed.resources:
        local = edits.get(incoming.id, {})
        for name in local:
            if getattr(incoming, name, None) != local[name]:
                preview.kept_local.append((incoming.id, name, getattr(incoming, name, None)))
        target = _with_local_values(incoming, local)
        old = existing.get(incoming.id)
        if old is None:
            preview.new.append(target)
            continue
        changes = diff(old, target)
        if changes:
            preview.changed.append((target, changes))
        else:
            preview.unchanged += 1
    here = {c.id for c in all_checkups(db)} if parsed.checkups and has_table(db) else set()
    preview.checkups = [c for c in parsed.checkups if c.id not in here]
    if parsed.source_prefix:
        _plan_gone(db, parsed, preview)
    return preview


def _plan_gone(db: sqlite_utils.Database, parsed: ParsedImport, preview: ImportPreview) -> None:
    """An earlier import's active resources from this source that the new export lacks become
    inactive, with a status note: they stay in the directory (and in lists), never deleted."""
    incoming = {r.id for r in parsed.resources}
    pattern = parsed.source_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = db.query(
        "SELECT * FROM resources WHERE id LIKE ? ESCAPE '\\' AND origin = 'imported' "
        "AND status = 'active' ORDER BY id",
        [pattern + "%"],
    )
    day = now_iso()[:10]
    for row in rows:
        old = row_to_resource(row)
        if old.id in incoming:
            continue
        note = f"No longer in the export {parsed.source} (imported {day})"
        gone = dataclasses.replace(old, status="inactive", status_note=note)
        preview.changed.append((gone, diff(old, gone)))
        preview.gone.append(old.id)


def apply_import(db: sqlite_utils.Database, preview: ImportPreview) -> int:
    """Write the new and changed resources, all or nothing. Returns how many were written."""
    names = country_names(db)
    written = 0
    with write_transaction(db):
        insert_new(db, preview.new, origin=preview.origin, names=names)
        written += len(preview.new)
        for resource, changes in preview.changed:
            origin_row = db.execute(
                "SELECT origin FROM resources WHERE id = ?", [resource.id]
            ).fetchone()
            origin = origin_row[0] if origin_row else preview.origin
            if origin == "curated":
                # Corrections to curated entries are local edits: a dataset update keeps them.
                _record_local_edits(db, resource.id, changes)
            upsert_resource(db, resource, origin=origin, names=names)
            written += 1
        db.conn.executemany(
            "UPDATE local_edits SET curated_value = ? WHERE resource_id = ? AND field = ?",
            [
                (json.dumps(value, ensure_ascii=False), rid, name)
                for rid, name, value in preview.kept_local
            ],
        )
        if preview.checkups:  # never over a check-up already here, never twice
            merge_checkups(db, preview.checkups)
        in_lists = {row[0] for row in db.execute("SELECT DISTINCT resource_id FROM list_items")}
        written_now = [*preview.new, *(r for r, _ in preview.changed)]
        refresh_snapshots(db, [r for r in written_now if r.id in in_lists])
        db.execute(
            "INSERT INTO metadata (key, value) VALUES ('last_import', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [json.dumps({"at": now_iso(), "source": preview.source, "summary": preview.summary()})],
        )
    return written


def _record_local_edits(
    db: sqlite_utils.Database, resource_id: str, changes: list[FieldChange]
) -> None:
    db.conn.executemany(
        "INSERT INTO local_edits (resource_id, field, value, curated_value, edited_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (resource_id, field) DO UPDATE SET "
        "value = excluded.value, edited_at = excluded.edited_at",
        [
            (
                resource_id,
                change.field,
                json.dumps(change.new, ensure_ascii=False),
                json.dumps(change.old, ensure_ascii=False),
                now_iso(),
            )
            for change in changes
        ],
    )
