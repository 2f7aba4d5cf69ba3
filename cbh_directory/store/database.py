"""Opening the SQLite database (pragmas, sqlite-utils wrapper), write transactions and backups."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from ..domain.errors import DatabaseError

BUSY_TIMEOUT_MS = 15_000
SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(path: Path | str, *, create: bool = True) -> sqlite_utils.Database:
    """Open (or create) the database file with WAL, foreign keys and a busy timeout.

    The connection is in autocommit mode: every write goes through `write_transaction`
    or sqlite-utils' `atomic()`, so no transaction stays open by accident.
    """
    memory = str(path) == ":memory:"
    if not memory:
        file = Path(path)
        if not file.exists() and not create:
            raise DatabaseError(f"no database at {file}")
        _check_header(file)
        file.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, cached_statements=256
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -32000")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"cannot open the database {path}: {exc}") from exc
    return sqlite_utils.Database(conn)


def _check_header(file: Path) -> None:
    """Refuse files that exist but are not SQLite databases, before SQLite touches them."""
    if not file.exists() or file.stat().st_size == 0:
        return
    with file.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(f"{file} is not a CBH Directory database (not an SQLite file)")


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing write. Takes the write lock up front (BEGIN IMMEDIATE).

    Taking the lock at the start, not on the first write, means a second writer waits for
    the busy timeout instead of failing with "database is locked" halfway through.
    Nested calls become savepoints of the outer transaction.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")


def backup_to(db: sqlite_utils.Database, destination: Path) -> Path:
    """Copy the live database to `destination` with SQLite's online backup API, atomically."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(str(partial))
    try:
        db.conn.backup(target)
    finally:
        target.close()
    partial.replace(destination)
    return destination


def timestamped_backup(
    db: sqlite_utils.Database, folder: Path, reason: str, keep: int = 10
) -> Path:
    """Write `folder/directory-<time>-<reason>.sqlite3` and keep only the newest `keep` backups."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = backup_to(db, folder / f"directory-{stamp}-{reason}.sqlite3")
    backups = sorted(folder.glob("directory-*.sqlite3"))
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
    return path


def now_iso() -> str:
    """The current UTC time as SQLite's defaults write it: 2026-11-24T09:30:00Z."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
