"""SQLite failures by result code (never by message text), mapped to the app's errors."""

from __future__ import annotations

import sqlite3

from ..domain.errors import DatabaseError

BUSY_SECONDS = 15

# Primary result codes (the low byte of an extended code): sqlite.org/rescode.html
BUSY = 5
LOCKED = 6
NOMEM = 7
READONLY = 8
IOERR = 10
CORRUPT = 11
FULL = 13
CANTOPEN = 14
NOTADB = 26


class DatabaseBusyError(DatabaseError):
    """Another writer held the database for longer than the busy timeout."""


class DiskFullError(DatabaseError):
    """The disk (or the file system's quota) is full."""


class ReadOnlyDatabaseError(DatabaseError):
    """The database, its folder or its medium cannot be written."""


class DamagedDatabaseError(DatabaseError):
    """The file is damaged or is not an SQLite database."""


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of an sqlite3 exception, or None when it has none."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def explain(exc: sqlite3.Error, *, doing: str = "") -> DatabaseError | None:
    """The app's error for a failure a person can act on (busy, locked, full, read-only,
    damaged, not a database); None for anything else, which is a bug to report."""
    code = primary_code(exc)
    nothing = "nothing was changed"
    what = f"{doing}: " if doing else ""
    if code in (BUSY, LOCKED):
        return DatabaseBusyError(
            f"{what}the database is busy: another CBH Directory window or command has been "
            f"writing to it for over {BUSY_SECONDS} seconds; {nothing}, please try again"
        )
    if code == FULL:
        return DiskFullError(f"{what}the disk is full: {nothing}; free some space, try again")
    if code == READONLY:
        return ReadOnlyDatabaseError(
            f"{what}the database is read-only here (a read-only file, folder or medium); {nothing}"
        )
    if code in (CORRUPT, NOTADB):
        return DamagedDatabaseError(f"{what}the database file is damaged or not a database")
    if code == IOERR:
        return DatabaseError(f"{what}the disk could not be read or written (I/O error); {nothing}")
    if code == CANTOPEN:
        return DatabaseError(f"{what}the database file cannot be opened")
    if code == NOMEM:
        return DatabaseError(f"{what}out of memory; {nothing}")
    return None


def is_not_a_database(exc: BaseException) -> bool:
    return primary_code(exc) == NOTADB
