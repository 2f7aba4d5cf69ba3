"""Numbered schema migrations from db/migrations, applied with sqlite-utils' Migrations."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from ..domain.errors import DatabaseError, DatabaseTooNewError
from ..paths import migrations_dir
from .database import write_transaction

MIGRATION_SET = "cbh_directory"
_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migration_files(folder: Path | None = None) -> list[Path]:
    folder = folder or migrations_dir()
    files = sorted(p for p in folder.glob("*.sql") if _FILE.match(p.name))
    if not files:
        raise DatabaseError("no schema migrations found in {folder}", folder=folder)
    return files


def split_statements(sql: str) -> Iterator[str]:
    """Split a script into complete statements (triggers included) without executescript,
    which would commit the surrounding transaction."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            buffer = ""
            if statement and not all(
                part.strip().startswith("--") or not part.strip() for part in statement.splitlines()
            ):
                yield statement
    if buffer.strip() and not all(
        p.strip().startswith("--") or not p.strip() for p in buffer.splitlines()
    ):
        raise DatabaseError(
            "incomplete SQL statement in migration: {statement}", statement=buffer.strip()[:80]
        )


def _runner(path: Path) -> Callable[[sqlite_utils.Database], None]:
    sql = path.read_text(encoding="utf-8")
    number = int(path.name[:4])

    def run(db: sqlite_utils.Database) -> None:
        for statement in split_statements(sql):
            db.conn.execute(statement)
        db.conn.execute(f"PRAGMA user_version = {number}")

    run.__name__ = path.stem
    return run


def build_migrations(files: list[Path] | None = None) -> Migrations:
    migrations = Migrations(MIGRATION_SET)
    for path in files or migration_files():
        migrations(name=path.stem)(_runner(path))
    return migrations


def applied_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in Migrations(MIGRATION_SET).applied(db)]


def pending_names(db: sqlite_utils.Database, files: list[Path] | None = None) -> list[str]:
    check_not_newer(db, files)
    return [m.name for m in build_migrations(files).pending(db)]


def check_not_newer(db: sqlite_utils.Database, files: list[Path] | None = None) -> None:
    """Refuse a database that has migrations this version of the app does not know."""
    known = {p.stem for p in files or migration_files()}
    unknown = [name for name in applied_names(db) if name not in known]
    if unknown:
        raise DatabaseTooNewError(
            "this database was written by a newer version of CBH Directory (schema {unknown}); "
            "update the app or open another database",
            unknown=unknown[-1],
        )


def apply_migrations(
    db: sqlite_utils.Database,
    files: list[Path] | None = None,
    *,
    before_upgrade: Callable[[list[str]], None] | None = None,
) -> list[str]:
    """Apply pending migrations, each in its own transaction. Returns the names applied.

    `before_upgrade` is called with the pending names when an existing database (one that
    already has migrations) is about to change, so the caller can back it up first.
    """
    files = files or migration_files()
    check_not_newer(db, files)
    migrations = build_migrations(files)
    pending = [m.name for m in migrations.pending(db)]
    if not pending:
        return []
    if before_upgrade is not None and applied_names(db):
        before_upgrade(pending)
    try:
        # One lock for the whole upgrade, and pending re-read under it, so two processes
        # starting at once cannot both try to create the same tables.
        with foreign_keys_off(db), write_transaction(db):
            pending = [m.name for m in migrations.pending(db)]
            migrations.apply(db)
            check_foreign_keys(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError("could not upgrade the database schema: {reason}", reason=exc) from exc
    return pending


@contextlib.contextmanager
def foreign_keys_off(db: sqlite_utils.Database) -> Iterator[None]:
    """Foreign keys off while tables are rebuilt (a table dropped to be replaced must not
    cascade into, or be blocked by, the rows that refer to it), then as they were.

    The pragma is a no-op inside a transaction, so it is set around the upgrade's."""
    was_on = db.conn.execute("PRAGMA foreign_keys").fetchone()[0]
    db.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if was_on:
            db.conn.execute("PRAGMA foreign_keys = ON")


def check_foreign_keys(db: sqlite_utils.Database) -> None:
    """Refuse (and so roll back) an upgrade that leaves a row referring to nothing."""
    broken = db.conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise DatabaseError(
            "could not upgrade the database schema: {count} row(s) refer to nothing "
            "(first: {table} row {rowid} names a missing {parent})",
            count=len(broken),
            table=table,
            rowid=rowid,
            parent=parent,
        )
