"""Merging a curated dataset version into the database without touching the user's own data.

Lists, list items and notes live in their own tables and are never written here. Fields the
user edited locally keep the local value; the new curated value is recorded beside it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

import sqlite_utils

from ..domain.dataset import DatasetFile, MergeReport, version_key
from ..domain.evidence import newest_date, newest_of, with_person_checks
from ..domain.model import Resource
from .database import now_iso, write_transaction
from .metadata import get_meta, set_meta
from .resources import (
    country_names,
    delete_resource,
    find_resource,
    get_origin,
    ids_by_origin,
    iter_resources,
    refresh_snapshots,
    upsert_resource,
)

Geocoder = Callable[[Resource], tuple[float, float] | None]


def local_edits(db: sqlite_utils.Database) -> dict[str, dict[str, object]]:
    edits: dict[str, dict[str, object]] = {}
    for resource_id, name, value in db.execute("SELECT resource_id, field, value FROM local_edits"):
        edits.setdefault(resource_id, {})[name] = json.loads(value)
    return edits


def merge_dataset(
    db: sqlite_utils.Database,
    dataset: DatasetFile,
    geocode: Geocoder | None = None,
    *,
    force: bool = False,
) -> MergeReport:
    """Merge `dataset` if it is newer than the one in the database (or `force`)."""
    with write_transaction(db):
        previous = get_meta(db, "dataset_version")
        report = MergeReport(dataset.version, previous)
        if previous and not force and version_key(previous) >= version_key(dataset.version):
            return report
        names = country_names(db)
        edits = local_edits(db)
        before = ids_by_origin(db, "curated")
        for incoming in dataset.resources:
            origin = get_origin(db, incoming.id)
            if origin not in (None, "curated"):
                report.conflicts.append(incoming.id)
                continue
            resource = _with_coordinates(incoming, geocode)
            resource = keep_local_values(db, resource, edits.get(resource.id, {}))
            existing = find_resource(db, resource.id) if origin else None
            if existing == resource:
                report.unchanged += 1
                continue
            upsert_resource(db, resource, origin="curated", names=names)
            (report.updated if existing else report.added).append(resource.id)
        for gone in sorted(before - {r.id for r in dataset.resources}):
            if gone in edits:
                db.conn.execute("UPDATE resources SET origin = 'local' WHERE id = ?", [gone])
                report.kept_local.append(gone)
            else:
                delete_resource(db, gone)
                report.removed.append(gone)
        refresh_snapshots(db, iter_resources(db, "id IN (SELECT resource_id FROM list_items)"))
        set_meta(db, "dataset_version", dataset.version)
        set_meta(db, "dataset_released", dataset.released)
        set_meta(db, "dataset_merged_at", now_iso())
        report.applied = True
    return report


def _with_coordinates(resource: Resource, geocode: Geocoder | None) -> Resource:
    if resource.has_location or geocode is None:
        return resource
    found = geocode(resource)
    if found is None:
        return resource
    return replace(resource, latitude=found[0], longitude=found[1])


def keep_local_values(
    db: sqlite_utils.Database, resource: Resource, edited: dict[str, object]
) -> Resource:
    """Put the user's local values back over the curated ones, recording the curated values."""
    if not edited:
        return resource
    for name in edited:
        db.conn.execute(
            "UPDATE local_edits SET curated_value = ? WHERE resource_id = ? AND field = ?",
            [json.dumps(getattr(resource, name, None), ensure_ascii=False), resource.id, name],
        )
    known = {k: v for k, v in edited.items() if k in Resource.field_names()}
    if "evidence" in known:
        # New sources from the curators, and every check a person recorded here.
        known["evidence"] = with_person_checks(resource.evidence, known["evidence"])  # type: ignore[arg-type]
    if "last_verified" in known or "evidence" in known:
        # A newer check by the curators counts too: the later date wins.
        known["last_verified"] = newest_of(
            str(known.get("last_verified", "")),
            resource.last_verified,
            newest_date(known.get("evidence", resource.evidence)),  # type: ignore[arg-type]
        )
    return replace(resource, **known)  # type: ignore[arg-type]
