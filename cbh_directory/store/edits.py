"""Editing the directory by hand: new resources, field edits kept apart from curated values,
archiving, verification dates, and going back to the directory's own value."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlite_utils

from ..domain.errors import InputError, NotFoundError
from ..domain.evidence import person_check
from ..domain.model import Resource
from ..domain.validation import normalise_resource, slugify
from ..domain.verification import signature
from .database import now_iso, write_transaction
from .resources import country_names, find_resource, get_origin, get_resource, upsert_resource

# Resources that come from elsewhere (the curated dataset, an import, an agency's hub) keep
# edits apart, so the next update of their source cannot overwrite them silently.
TRACKED_ORIGINS = ("curated", "imported", "hub")


def local_edits_of(db: sqlite_utils.Database, resource_id: str) -> dict[str, tuple[Any, Any]]:
    """field -> (local value, the source's value) for a resource's local edits."""
    rows = db.execute(
        "SELECT field, value, curated_value FROM local_edits WHERE resource_id = ?", [resource_id]
    )
    return {
        name: (json.loads(value), None if source is None else json.loads(source))
        for name, value, source in rows
    }


def unique_id(db: sqlite_utils.Database, name: str) -> str:
    base = slugify(name)
    candidate, number = base, 2
    while db.execute("SELECT 1 FROM resources WHERE id = ?", [candidate]).fetchone():
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def create_resource(db: sqlite_utils.Database, values: dict[str, Any]) -> Resource:
    """Add a resource made here (origin local) with a new stable id from its name."""
    with write_transaction(db):
        data = dict(values)
        data["id"] = unique_id(db, str(data.get("name") or "resource"))
        resource = normalise_resource(data, strict=True)
        upsert_resource(db, resource, origin="local", names=country_names(db))
    return get_resource(db, resource.id)


def edit_resource(db: sqlite_utils.Database, resource_id: str, changes: dict[str, Any]) -> Resource:
    """Change fields of a resource, validated like a new one. Returns the saved resource."""
    if "id" in changes and changes["id"] != resource_id:
        raise InputError("a resource's id cannot change (lists and notes refer to it)")
    with write_transaction(db):
        current = get_resource(db, resource_id)
        values = current.to_dict()
        values.update(changes)
        updated = normalise_resource(values, strict=True)
        changed = {
            name: (getattr(current, name), getattr(updated, name))
            for name in changes
            if getattr(current, name, None) != getattr(updated, name, None)
        }
        if not changed:
            return current
        origin = get_origin(db, resource_id) or "local"
        if origin in TRACKED_ORIGINS:
            _record(db, resource_id, changed)
        upsert_resource(db, updated, origin=origin, names=country_names(db))
    return get_resource(db, resource_id)


def _record(
    db: sqlite_utils.Database, resource_id: str, changed: dict[str, tuple[Any, Any]]
) -> None:
    existing = local_edits_of(db, resource_id)
    for name, (old, new) in changed.items():
        source = existing[name][1] if name in existing else old
        if new == source:
            # Back to the source's value: no longer a local edit.
            db.execute(
                "DELETE FROM local_edits WHERE resource_id = ? AND field = ?", [resource_id, name]
            )
            continue
        db.execute(
            "INSERT INTO local_edits (resource_id, field, value, curated_value, edited_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (resource_id, field) DO UPDATE SET "
            "value = excluded.value, edited_at = excluded.edited_at",
            [
                resource_id,
                name,
                json.dumps(new, ensure_ascii=False),
                json.dumps(source, ensure_ascii=False),
                now_iso(),
            ],
        )


def revert_field(db: sqlite_utils.Database, resource_id: str, field: str) -> Resource:
    """Use the source's (curated or imported) value again for one field."""
    with write_transaction(db):
        edits = local_edits_of(db, resource_id)
        if field not in edits:
            raise NotFoundError(
                "{field!r} of {resource_id!r} has no local edit",
                field=field,
                resource_id=resource_id,
            )
        source = edits[field][1]
        db.execute(
            "DELETE FROM local_edits WHERE resource_id = ? AND field = ?", [resource_id, field]
        )
        current = get_resource(db, resource_id)
        values = current.to_dict()
        values[field] = source
        resource = normalise_resource(values)
        upsert_resource(db, resource, origin=get_origin(db, resource_id) or "local")
    return get_resource(db, resource_id)


def set_status(db: sqlite_utils.Database, resource_ids: list[str], status: str) -> list[str]:
    """Archive (inactive) or bring back (active); returns the ids whose status changed."""
    changed = []
    for rid in resource_ids:
        current = find_resource(db, rid)
        if current is None:
            raise NotFoundError("no resource with id {rid!r}", rid=rid)
        if current.status != status:
            edit_resource(db, rid, {"status": status})
            changed.append(rid)
    return changed


def mark_verified(
    db: sqlite_utils.Database,
    resource_ids: list[str],
    day: dt.date | None = None,
    by: str = "",
) -> list[str]:
    """Record that someone checked these resources are current (today by default): evidence
    dated that day, by that person, beside the sources."""
    stamp = (day or dt.date.today()).isoformat()
    by = signature(by)
    with write_transaction(db):
        for rid in resource_ids:
            current = get_resource(db, rid)
            found = current.to_dict()["evidence"]
            found.setdefault("entry", []).append(person_check(by, stamp))
            edit_resource(db, rid, {"evidence": found, "last_verified": stamp})
    return resource_ids


def delete_local_resource(db: sqlite_utils.Database, resource_id: str) -> Resource:
    """Delete a resource made here; others are archived instead (their source would return)."""
    from .resources import delete_resource

    with write_transaction(db):
        resource = get_resource(db, resource_id)
        if get_origin(db, resource_id) != "local":
            raise InputError("only resources added here can be deleted; archive this one instead")
        db.execute("DELETE FROM local_edits WHERE resource_id = ?", [resource_id])
        delete_resource(db, resource_id)
    return resource
