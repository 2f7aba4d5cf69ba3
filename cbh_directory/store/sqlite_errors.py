"""SQLite failures by result code (never by message text), mapped to the app's errors."""

from __future__ import annotations

import sqlite3

from ..domain.errors import DatabaseError, Phrase

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


def explain(exc: sqlite3.Error, *, doing: str | Phrase = "") -> DatabaseError | None:
    """The app's error for a failure a person can act on (busy, locked, full, read-only,
    damaged, not a database); None for anything else, which is a bug to report."""
    code = primary_code(exc)
    what = Phrase("{doing}: ", doing=doing) if doing else ""
    if code in (BUSY, LOCKED):
        return DatabaseBusyError(
            "{what}the database is busy: another CBH Directory window or command has been "
            "writing to it for over {seconds} seconds; nothing was changed, please try again",
            what=what,
            seconds=BUSY_SECONDS,
        )
    if code == FULL:
        return DiskFullError(
            "{what}the disk is full: nothing was changed; free some space, try again", what=what
        )
    if code == READONLY:
        return ReadOnlyDatabaseError(
            "{what}the database is read-only here (a read-only file, folder or medium); "
            "nothing was changed",
            what=what,
        )
    if code in (CORRUPT, NOTADB):
        return DamagedDatabaseError(
            "{what}the database file is damaged or not a database", what=what
        )
    if code == IOERR:
        return DatabaseError(
            "{what}the disk could not be read or written (I/O error); nothing was changed",
            what=what,
        )
    if code == CANTOPEN:
        return DatabaseError("{what}the database file cannot be opened", what=what)
    if code == NOMEM:
        return DatabaseError("{what}out of memory; nothing was changed", what=what)
    return None


def is_not_a_database(exc: BaseException) -> bool:
    return primary_code(exc) == NOTADB
