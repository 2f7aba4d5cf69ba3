"""Syncing's storage: sources, staged downloads, and the merge of a source's services.

A merge runs inside one write transaction (the caller's) and keeps the user's own data as a
dataset update does: lists and notes are other tables, local edits keep their values (the
hub's value is recorded beside them), and resources made here are never overwritten."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import sqlite_utils

from ..domain.model import Resource
from ..domain.sync import SyncReport
from .database import now_iso, write_transaction
from .dataset import keep_local_values, local_edits
from .resources import (
    country_names,
    find_resource,
    insert_new,
    refresh_snapshots,
    upsert_resource,
)

ORIGIN = "hub"
STAGE_BATCH = 500


@dataclass(frozen=True, slots=True)
class SyncSource:
    id: int
    url: str
    prefix: str
    cursor: str


def find_source(db: sqlite_utils.Database, url: str) -> SyncSource | None:
    row = db.execute(
        "SELECT id, url, prefix, cursor FROM sync_sources WHERE url = ?", [url]
    ).fetchone()
    return SyncSource(*row) if row else None


def source(db: sqlite_utils.Database, url: str, prefix: str) -> SyncSource:
    """The source for this address, added on first use."""
    found = find_source(db, url)
    if found is not None:
        return found
    with write_transaction(db):
        db.execute("INSERT INTO sync_sources (url, prefix) VALUES (?, ?)", [url, prefix])
    found = find_source(db, url)
    assert found is not None
    return found


def sources(db: sqlite_utils.Database) -> list[SyncSource]:
    rows = db.execute(
        "SELECT id, url, prefix, cursor FROM sync_sources ORDER BY synced_at DESC, id"
    ).fetchall()
    return [SyncSource(*row) for row in rows]


def merged_times(db: sqlite_utils.Database, source_id: int) -> dict[str, str]:
    """service id -> its last_modified when merged, for every service merged from a source."""
    rows = db.execute(
        "SELECT service_id, last_modified FROM sync_services WHERE source_id = ?", [source_id]
    )
    return {row[0]: row[1] for row in rows}


# -- staging ---------------------------------------------------------------------------------


def clear_staged(db: sqlite_utils.Database, source_id: int) -> None:
    with write_transaction(db):
        db.execute("DELETE FROM sync_staged WHERE source_id = ?", [source_id])


def stage(db: sqlite_utils.Database, source_id: int, start: int, documents: list[str]) -> None:
    """Keep downloaded services (JSON texts) numbered from `start`; the directory is untouched."""
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO sync_staged (source_id, seq, document) VALUES (?, ?, ?)",
            [(source_id, start + i, text) for i, text in enumerate(documents)],
        )


def staged_batches(
    db: sqlite_utils.Database, source_id: int, size: int = STAGE_BATCH
) -> Iterator[list[str]]:
    last = -1
    while True:
        rows = db.execute(
            "SELECT seq, document FROM sync_staged WHERE source_id = ? AND seq > ? "
            "ORDER BY seq LIMIT ?",
            [source_id, last, size],
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [row[1] for row in rows]


# -- merging ---------------------------------------------------------------------------------


def _newer(a: str, b: str) -> str:
    """The later of two ISO 8601 times (either may be empty or unreadable)."""

    def key(text: str) -> dt.datetime | None:
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    ka, kb = key(a), key(b)
    if kb is None:
        return a if ka is not None else ""
    return b if ka is None or kb > ka else a


class SyncMerge:
    """One source's merge, batch by batch, inside the caller's write transaction."""

    def __init__(self, db: sqlite_utils.Database, src: SyncSource, report: SyncReport) -> None:
        self.db = db
        self.source = src
        self.report = report
        self.names = country_names(db)
        self.edits = local_edits(db)
        self.mapped = {
            sid: rid
            for sid, rid in db.execute(
                "SELECT service_id, resource_id FROM sync_services WHERE source_id = ?", [src.id]
            )
        }
        self.proposed_new = {
            row[0] for row in db.execute("SELECT resource_id FROM outbox WHERE action = 'new'")
        }
        self.seen: set[str] = set()
        self.cursor = src.cursor
        self.touched: list[Resource] = []

    def add(self, service_id: str, last_modified: str, incoming: Resource) -> str | None:
        """Merge one service the source sent; the id of the entry it is here (None when that
        id is an entry made here, left alone)."""
        self.seen.add(service_id)
        self.cursor = _newer(self.cursor, last_modified)
        rid = self.mapped.get(service_id, incoming.id)
        incoming = replace(incoming, id=rid) if rid != incoming.id else incoming
        row = self.db.execute("SELECT origin FROM resources WHERE id = ?", [rid]).fetchone()
        origin = row[0] if row else None
        if origin == "local" and rid not in self.proposed_new:
            self.report.conflicts.append(rid)
            return None
        edited = self._absorb(rid, incoming)
        resource = keep_local_values(self.db, incoming, edited)
        if edited:
            self.report.kept_local.append(rid)
        self._map(service_id, rid, last_modified)
        if origin is None:
            if rid not in self._new:
                self.report.added.append(rid)
            self._new[rid] = resource
            return rid
        if find_resource(self.db, rid) == resource:
            if origin != ORIGIN:  # a curated entry the hub also has: the hub keeps it now
                self.db.execute("UPDATE resources SET origin = ? WHERE id = ?", [ORIGIN, rid])
            self.report.unchanged += 1
            return rid
        upsert_resource(self.db, resource, origin=ORIGIN, names=self.names)
        self.report.updated.append(rid)
        self.touched.append(resource)
        return rid

    _new: dict[str, Resource]

    def batch(self) -> _Batch:
        return _Batch(self)

    def _absorb(self, rid: str, incoming: Resource) -> dict[str, object]:
        """Local edits the hub now agrees with (an approved proposal) stop being edits."""
        edited = self.edits.get(rid, {})
        agreed = [name for name, value in edited.items() if getattr(incoming, name, None) == value]
        for name in agreed:
            self.db.execute(
                "DELETE FROM local_edits WHERE resource_id = ? AND field = ?", [rid, name]
            )
        return {k: v for k, v in edited.items() if k not in agreed}

    def _map(self, service_id: str, rid: str, last_modified: str) -> None:
        self.db.execute(
            "INSERT INTO sync_services (source_id, service_id, resource_id, last_modified) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (source_id, service_id) DO UPDATE SET "
            "resource_id = excluded.resource_id, last_modified = excluded.last_modified",
            [self.source.id, service_id, rid, last_modified],
        )
        self.mapped[service_id] = rid

    def removed(self, service_ids: Iterable[str], resource_ids: Iterable[str] = ()) -> None:
        """Services the source no longer has: their resources become inactive here."""
        targets = {self.mapped[s] for s in service_ids if s in self.mapped} | set(resource_ids)
        for rid in sorted(targets):
            row = self.db.execute("SELECT origin FROM resources WHERE id = ?", [rid]).fetchone()
            if row is None or row[0] != ORIGIN:
                continue
            current = find_resource(self.db, rid)
            if current is None or current.status == "inactive":
                continue
            if "status" in self.edits.get(rid, {}):
                self.db.execute(
                    "UPDATE local_edits SET curated_value = ? WHERE resource_id = ? "
                    "AND field = 'status'",
                    [json.dumps("inactive"), rid],
                )
                continue
            gone = replace(current, status="inactive")
            upsert_resource(self.db, gone, origin=ORIGIN, names=self.names)
            self.report.deactivated.append(rid)
            self.touched.append(gone)

    def missing_after_full_pull(self) -> set[str]:
        """Services merged from this source before that a full pull did not send."""
        return set(self.mapped) - self.seen

    def finish(self, *, full: bool) -> None:
        in_lists = {r[0] for r in self.db.execute("SELECT DISTINCT resource_id FROM list_items")}
        refresh_snapshots(self.db, [r for r in self.touched if r.id in in_lists])
        stamp = now_iso()
        self.db.execute(
            "UPDATE sync_sources SET cursor = ?, synced_at = ?, "
            "full_at = CASE WHEN ? THEN ? ELSE full_at END WHERE id = ?",
            [self.cursor, stamp, full, stamp, self.source.id],
        )
        self.db.execute("DELETE FROM sync_staged WHERE source_id = ?", [self.source.id])


class _Batch:
    """New resources of a batch are inserted together (a first pull brings thousands)."""

    def __init__(self, merge: SyncMerge) -> None:
        self.merge = merge

    def __enter__(self) -> SyncMerge:
        self.merge._new = {}
        return self.merge

    def __exit__(self, kind: object, *exc: object) -> None:
        new = list(self.merge._new.values())
        if kind is None and new:
            insert_new(self.merge.db, new, origin=ORIGIN, names=self.merge.names)
            self.merge.touched.extend(new)
        self.merge._new = {}
