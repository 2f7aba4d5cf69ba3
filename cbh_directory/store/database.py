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
        file.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, cached_statements=256
        )
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"cannot open the database {path}: {exc}") from exc
    if not memory:
        _check_is_database(conn, Path(path))
    try:
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


def _check_is_database(conn: sqlite3.Connection, file: Path) -> None:
    """Refuse a file that is not an SQLite database before anything is written to it.

    Asked of SQLite (reading the schema writes nothing), never by opening the file from
    Python: closing any other handle on a database file drops the POSIX locks that this
    process's open connections hold on it, after which another process can take the WAL
    for unused and delete it, losing writes (sqlite.org/howtocorrupt.html, 2.2).
    """
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise DatabaseError(
                f"{file} is not a CBH Directory database (not an SQLite file)"
            ) from exc
        raise DatabaseError(f"cannot open the database {file}: {exc}") from exc


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
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            _rollback(db)
            raise
        db.conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        _rollback(db)
        explained = _explained(exc)
        if explained is None:
            raise
        raise explained from exc


def _rollback(db: sqlite_utils.Database) -> None:
    if db.conn.in_transaction:
        db.conn.execute("ROLLBACK")


def _explained(exc: sqlite3.OperationalError) -> DatabaseError | None:
    """A DatabaseError a person can act on, for the failures that are not bugs (a lock held
    too long, a full disk, a read-only file); None for anything else."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        seconds = BUSY_TIMEOUT_MS // 1000
        return DatabaseError(
            f"the database is busy: another CBH Directory window or command has been writing "
            f"to it for over {seconds} seconds; nothing was changed, please try again"
        )
    if "full" in text:
        return DatabaseError("the disk is full: nothing was changed; free some space, try again")
    if "readonly" in text:
        return DatabaseError("the database file cannot be written (read-only); nothing changed")
    return None


def backup_to(db: sqlite_utils.Database, destination: Path) -> Path:
    """Copy the live database to `destination` with SQLite's online backup API, atomically."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    for leftover in destination.parent.glob("*.partial"):
        leftover.unlink(missing_ok=True)  # from a backup cut short by a crash
    partial = destination.with_name(destination.name + ".partial")
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
