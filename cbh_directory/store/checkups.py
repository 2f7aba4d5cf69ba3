"""The check-ups table: record, change, delete, read, merge a shared set, and the setting of
how long a check-up counts. Keyed by stable resource ids, so no dataset update touches it."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from ..domain.checkups import DEFAULT_MAX_AGE_DAYS, Checkup
from ..domain.errors import InputError, NotFoundError
from ..domain.model import Resource
from .database import write_transaction
from .metadata import get_meta, set_meta

MAX_AGE_KEY = "checkup_max_age_days"
_COLUMNS = (
    "id, resource_id, checked_on, checked_by, moderation, activity, last_activity, focus_ok, "
    "focus_note, note, evidence"
)


def _row(checkup: Checkup) -> list[Any]:
    return [
        checkup.id,
        checkup.resource_id,
        checkup.on,
        checkup.by,
        checkup.moderation,
        checkup.activity,
        checkup.last_activity,
        None if checkup.focus_ok is None else int(checkup.focus_ok),
        checkup.focus_note,
        checkup.note,
        checkup.evidence,
    ]


def _checkup(row: tuple[Any, ...]) -> Checkup:
    return Checkup(
        id=row[0],
        resource_id=row[1],
        on=row[2],
        by=row[3],
        moderation=row[4],
        activity=row[5],
        last_activity=row[6],
        focus_ok=None if row[7] is None else bool(row[7]),
        focus_note=row[8],
        note=row[9],
        evidence=row[10],
    )


def has_table(db: sqlite_utils.Database) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'checkups'"
        ).fetchone()
        is not None
    )


def add_checkup(db: sqlite_utils.Database, checkup: Checkup) -> Checkup:
    with write_transaction(db):
        db.execute(
            f"INSERT INTO checkups ({_COLUMNS}) VALUES ({', '.join('?' * 11)})", _row(checkup)
        )
    return checkup


def replace_checkup(db: sqlite_utils.Database, checkup: Checkup) -> Checkup:
    with write_transaction(db):
        found = db.execute(
            "UPDATE checkups SET checked_on = ?, moderation = ?, activity = ?, last_activity = ?, "
            "focus_ok = ?, focus_note = ?, note = ?, evidence = ? WHERE id = ?",
            [*_row(checkup)[2:3], *_row(checkup)[4:], checkup.id],
        ).rowcount
        if not found:
            raise NotFoundError("no check-up with id {id!r}", id=checkup.id)
    return checkup


def delete_checkup(db: sqlite_utils.Database, checkup_id: str) -> None:
    with write_transaction(db):
        if not db.execute("DELETE FROM checkups WHERE id = ?", [checkup_id]).rowcount:
            raise NotFoundError("no check-up with id {checkup_id!r}", checkup_id=checkup_id)


def get_checkup(db: sqlite_utils.Database, checkup_id: str) -> Checkup:
    row = db.execute(f"SELECT {_COLUMNS} FROM checkups WHERE id = ?", [checkup_id]).fetchone()
    if row is None:
        raise NotFoundError("no check-up with id {checkup_id!r}", checkup_id=checkup_id)
    return _checkup(row)


def checkups_of(db: sqlite_utils.Database, resource_id: str) -> list[Checkup]:
    """A resource's check-ups, newest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM checkups WHERE resource_id = ? "
        "ORDER BY checked_on DESC, recorded_at DESC, id DESC",
        [resource_id],
    )
    return [_checkup(row) for row in rows]


def checkups_for(
    db: sqlite_utils.Database, resource_ids: Iterable[str]
) -> dict[str, list[Checkup]]:
    """Check-ups of several resources (newest first), by resource id."""
    wanted = list(dict.fromkeys(resource_ids))
    found: dict[str, list[Checkup]] = defaultdict(list)
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM checkups WHERE resource_id IN ({', '.join('?' * len(part))}) "
            "ORDER BY checked_on DESC, recorded_at DESC, id DESC",
            part,
        )
        for row in rows:
            found[row[1]].append(_checkup(row))
    return dict(found)


def all_checkups(db: sqlite_utils.Database) -> list[Checkup]:
    """Every check-up, oldest first (the order they are shared in)."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM checkups ORDER BY checked_on, recorded_at, id")
    return [_checkup(row) for row in rows]


@dataclass(slots=True)
class MergeResult:
    """What merging a shared set of check-ups did."""

    added: int = 0
    already_here: int = 0  # the same check-up (by id, or the same answers by the same person)
    kept_ours: int = 0  # the same id with other answers: ours is never overwritten


def _sameness(checkup: Checkup) -> tuple[Any, ...]:
    return tuple(_row(checkup)[1:])


def merge_checkups(db: sqlite_utils.Database, incoming: Iterable[Checkup]) -> MergeResult:
    """Add check-ups from elsewhere without duplicates, never changing one already here."""
    result = MergeResult()
    with write_transaction(db):
        for checkup in incoming:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM checkups WHERE id = ?", [checkup.id]
            ).fetchone()
            if row is not None:
                if _sameness(_checkup(row)) == _sameness(checkup):
                    result.already_here += 1
                else:
                    result.kept_ours += 1
                continue
            same = [
                c
                for c in checkups_of(db, checkup.resource_id)
                if _sameness(c) == _sameness(checkup)
            ]
            if same:
                result.already_here += 1
                continue
            db.execute(
                f"INSERT INTO checkups ({_COLUMNS}) VALUES ({', '.join('?' * 11)})", _row(checkup)
            )
            result.added += 1
    return result


def keep_checkups(db: sqlite_utils.Database, kept: Iterable[Checkup]) -> None:
    """Put check-ups back exactly as they were (after a restore of an older backup)."""
    with write_transaction(db):
        for checkup in kept:
            db.execute(
                f"INSERT OR REPLACE INTO checkups ({_COLUMNS}) VALUES ({', '.join('?' * 11)})",
                _row(checkup),
            )


def max_age_days(db: sqlite_utils.Database) -> int:
    """How many days a check-up counts (default 365)."""
    try:
        return max(1, int(get_meta(db, MAX_AGE_KEY) or DEFAULT_MAX_AGE_DAYS))
    except ValueError:
        return DEFAULT_MAX_AGE_DAYS


def set_max_age_days(db: sqlite_utils.Database, days: int) -> None:
    if not 1 <= days <= 3700:
        raise InputError("a check-up must count for between 1 day and 10 years")
    with write_transaction(db):
        set_meta(db, MAX_AGE_KEY, str(days))


def policy_key(db: sqlite_utils.Database, today: dt.date | None = None) -> str:
    """What the check-ups' part of the search index depends on besides the data: the day and
    the age setting (a check-up stops counting as days pass)."""
    if not has_table(db):
        return ""
    return f"{(today or dt.date.today()).isoformat()}:{max_age_days(db)}"


def checked_resources(db: sqlite_utils.Database) -> list[tuple[int, Resource, list[Checkup]]]:
    """(pk, resource, check-ups) for every resource that has check-ups (for the index); the
    resource holds only what the rule reads (kind, the curated values, notes, evidence)."""
    if not has_table(db):
        return []
    rows = db.execute(
        "SELECT pk, id, kind, moderation, moderation_note, activity, activity_note, evidence "
        "FROM resources WHERE id IN (SELECT DISTINCT resource_id FROM checkups)"
    ).fetchall()
    found: dict[str, list[Checkup]] = defaultdict(list)
    for row in db.execute(f"SELECT {_COLUMNS} FROM checkups ORDER BY checked_on DESC, id DESC"):
        found[row[1]].append(_checkup(row))
    return [
        (
            int(pk),
            Resource(
                id=rid,
                name="",
                kind=kind,
                moderation=moderation,
                moderation_note=moderation_note,
                activity=activity,
                activity_note=activity_note,
                evidence=json.loads(evidence) if evidence else {},
            ),
            found[rid],
        )
        for pk, rid, kind, moderation, moderation_note, activity, activity_note, evidence in rows
    ]
