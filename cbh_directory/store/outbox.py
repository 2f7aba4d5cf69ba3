"""The outbox: proposals made here, waiting to be sent to a hub, then followed through review."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from ..domain.errors import NotFoundError
from ..domain.sync import APPROVED, REJECTED, SENT, WAITING, OutboxEntry
from .database import now_iso, write_transaction

_COLUMNS = (
    "id, action, resource_id, state, created_at, sent_at, reviewed_at, review_note, url, "
    "proposal_id, payload"
)


def _entry(row: tuple[Any, ...]) -> OutboxEntry:
    payload = json.loads(row[-1])
    changes = payload.get("changes") if isinstance(payload, dict) else None
    names = ("id", "action", "resource_id", "state", "created_at", "sent_at", "reviewed_at")
    values = dict(zip((*names, "review_note", "url", "proposal_id"), row[:-1], strict=True))
    return OutboxEntry(**values, changes=tuple(changes) if isinstance(changes, dict) else ())


def queue(db: sqlite_utils.Database, action: str, resource_id: str, payload: dict[str, Any]) -> int:
    """Add a proposal, or replace the one still waiting for the same resource and action."""
    text = json.dumps(payload, ensure_ascii=False)
    with write_transaction(db):
        row = db.execute(
            "SELECT id FROM outbox WHERE state = ? AND action = ? AND resource_id = ? "
            "AND action != 'checkup'",
            [WAITING, action, resource_id],
        ).fetchone()
        if row:
            db.execute(
                "UPDATE outbox SET payload = ?, created_at = ? WHERE id = ?",
                [text, now_iso(), row[0]],
            )
            return int(row[0])
        cursor = db.execute(
            "INSERT INTO outbox (action, resource_id, payload, created_at) VALUES (?, ?, ?, ?)",
            [action, resource_id, text, now_iso()],
        )
        return int(cursor.lastrowid or 0)


def entries(db: sqlite_utils.Database, state: str = "") -> list[OutboxEntry]:
    """Every proposal (or those in one state), newest first."""
    where, params = ("WHERE state = ?", [state]) if state else ("", [])
    rows = db.execute(f"SELECT {_COLUMNS} FROM outbox {where} ORDER BY id DESC", params)
    return [_entry(row) for row in rows]


def payload(db: sqlite_utils.Database, entry_id: int) -> dict[str, Any]:
    row = db.execute("SELECT payload FROM outbox WHERE id = ?", [entry_id]).fetchone()
    if row is None:
        raise NotFoundError("no proposal {entry_id} in the outbox", entry_id=entry_id)
    found: dict[str, Any] = json.loads(row[0])
    return found


def withdraw(db: sqlite_utils.Database, entry_id: int) -> None:
    """Remove a proposal that has not been sent."""
    with write_transaction(db):
        cursor = db.execute("DELETE FROM outbox WHERE id = ? AND state = ?", [entry_id, WAITING])
        if not cursor.rowcount:
            raise NotFoundError("no waiting proposal {entry_id} in the outbox", entry_id=entry_id)


def mark_sent(db: sqlite_utils.Database, entry_id: int, url: str, proposal_id: int) -> None:
    with write_transaction(db):
        db.execute(
            "UPDATE outbox SET state = ?, url = ?, proposal_id = ?, sent_at = ? WHERE id = ?",
            [SENT, url, proposal_id, now_iso(), entry_id],
        )


def mark_refused(db: sqlite_utils.Database, entry_id: int, url: str, reason: str) -> None:
    """The hub refused the proposal outright (invalid, or no longer fits): rejected, with why."""
    with write_transaction(db):
        db.execute(
            "UPDATE outbox SET state = ?, url = ?, reviewed_at = ?, review_note = ? WHERE id = ?",
            [REJECTED, url, now_iso(), reason, entry_id],
        )


def mark_reviewed(
    db: sqlite_utils.Database, entry_id: int, approved: bool, at: str, note: str
) -> None:
    with write_transaction(db):
        db.execute(
            "UPDATE outbox SET state = ?, reviewed_at = ?, review_note = ? WHERE id = ?",
            [APPROVED if approved else REJECTED, at, note, entry_id],
        )


def checkup_ids(db: sqlite_utils.Database) -> set[str]:
    """The ids of the check-ups in the outbox, whatever their state."""
    found = set()
    for (text,) in db.execute("SELECT payload FROM outbox WHERE action = 'checkup'"):
        checkup = json.loads(text).get("checkup")
        if isinstance(checkup, dict) and isinstance(checkup.get("id"), str):
            found.add(checkup["id"])
    return found
