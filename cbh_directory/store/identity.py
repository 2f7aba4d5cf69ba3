"""The database's identity: SQLite's application_id and a random id kept in its metadata."""

from __future__ import annotations

import sqlite3
import uuid

import sqlite_utils

APPLICATION_ID = 0x43424844  # "CBHD"; set by db/migrations/0008_identity.sql
ID_KEY = "database_id"


def database_id(db: sqlite_utils.Database | sqlite3.Connection) -> str | None:
    """This database's id, or None when it has none yet (made before 0008) or no metadata."""
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    try:
        row = conn.execute("SELECT value FROM metadata WHERE key = ?", [ID_KEY]).fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row and row[0] else None


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def ensure_identity(db: sqlite_utils.Database) -> str | None:
    """The database's id, given one first if it is an older database that has metadata but
    no id (so the backup made before its upgrade already belongs to it)."""
    found = database_id(db)
    if found is not None or getattr(db, "read_only", False):
        return found
    if not db["metadata"].exists():
        return None
    from .database import write_transaction

    with write_transaction(db):
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(
            "INSERT OR IGNORE INTO metadata (key, value) VALUES (?, ?)", [ID_KEY, uuid.uuid4().hex]
        )
    return database_id(db)
