"""Schema migrations for the hub's PostgreSQL database: numbered SQL files, applied in order."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import psycopg
from psycopg.rows import tuple_row

from ..domain.errors import CBHError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# Any fixed number: only hub migrations take this advisory lock.
_LOCK = 0x43424844


class MigrationError(CBHError):
    """The database was written by a newer hub, or a migration failed."""


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) of every migration shipped with the package, in order."""
    folder = resources.files(__package__).joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def applied(conn: psycopg.Connection[Any]) -> list[int]:
    with conn.cursor(row_factory=tuple_row) as cur:
        exists = cur.execute("SELECT to_regclass('hub_schema_migration') IS NOT NULL").fetchone()
        if not exists or not exists[0]:
            return []
        rows = cur.execute("SELECT version FROM hub_schema_migration ORDER BY 1")
        return [row[0] for row in rows]


def migrate(conn: psycopg.Connection[Any]) -> list[str]:
    """Apply the migrations not yet applied, each in its own transaction; return their names.

    A database that records a migration this version does not know is refused untouched."""
    known = migrations()
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS hub_schema_migration ("
            " version integer PRIMARY KEY, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = set(applied(conn))
        newer = done - {number for number, _name, _sql in known}
        if newer:
            raise MigrationError(
                f"this database was set up by a newer hub (migration {max(newer)}); "
                "upgrade cbh-directory before using it"
            )
        names = []
        for number, name, sql in known:
            if number in done:
                continue
            with conn.transaction():
                conn.execute(sql.encode("utf-8"))
                conn.execute(
                    "INSERT INTO hub_schema_migration (version, name) VALUES (%s, %s)",
                    (number, name),
                )
            names.append(name)
    return names
