"""Key/value facts about the database: dataset version, gazetteer checksum, and so on."""

from __future__ import annotations

import sqlite_utils


def get_meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM metadata WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO metadata (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def all_meta(db: sqlite_utils.Database) -> dict[str, str]:
    return {k: v for k, v in db.execute("SELECT key, value FROM metadata ORDER BY key")}
