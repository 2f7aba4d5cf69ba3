"""Opening the SQLite database (pragmas, sqlite-utils wrapper), write transactions and backups."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from ..domain.errors import DatabaseError, Phrase
from ..file_safety import mode_for, temporary_beside
from . import sqlite_errors
from .sqlite_errors import BUSY_SECONDS, ReadOnlyDatabaseError

BUSY_TIMEOUT_MS = BUSY_SECONDS * 1000
SQLITE_HEADER = b"SQLite format 3\x00"


def read_only_reason(file: Path) -> str | None:
    """Why the database at `file` can only be read ("a read-only medium", ...), or None.

    Decided before SQLite opens it: on a read-only medium SQLite cannot even create the
    WAL's shared-memory file, so opening it the usual way fails for searches too."""
    folder = file.parent if str(file.parent) else Path(".")
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only medium"
    except OSError:
        return None
    if file.exists() and not os.access(file, os.W_OK):
        return "the file is read-only"
    if not os.access(folder, os.W_OK):
        return "its folder is read-only"
    return None


def open_database(
    path: Path | str, *, create: bool = True, read_only: bool | None = None
) -> sqlite_utils.Database:
    """Open (or create) the database file with WAL, foreign keys and a busy timeout.

    The connection is in autocommit mode: every write goes through `write_transaction`
    or sqlite-utils' `atomic()`, so no transaction stays open by accident. A database that
    cannot be written here (read-only medium, file or folder) is opened read-only when
    `read_only` is None; the connection's `read_only` attribute says which it is.
    """
    memory = str(path) == ":memory:"
    immutable = False
    if not memory:
        file = Path(path)
        _refuse_special_file(file)
        if not file.exists() and not create:
            raise DatabaseError("no database at {file}", file=file)
        if read_only is None:
            reason = read_only_reason(file) if file.exists() else None
            read_only = reason is not None
            immutable = reason == "it is on a read-only medium"
        if not read_only:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    "cannot create the folder {parent}: {reason}", parent=file.parent, reason=exc
                ) from exc
    try:
        if memory or not read_only:
            conn = sqlite3.connect(
                str(path),
                isolation_level=None,
                timeout=BUSY_TIMEOUT_MS / 1000,
                cached_statements=256,
            )
        else:
            conn = _connect_read_only(Path(path), immutable)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            "cannot open the database {path}: {reason}", path=path, reason=exc
        ) from exc
    if not memory:
        _check_is_database(conn, Path(path))
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory and not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -32000")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(
            "cannot open the database {path}: {reason}", path=path, reason=exc
        ) from exc
    db = sqlite_utils.Database(conn)
    db.read_only = bool(read_only)  # type: ignore[attr-defined]
    return db


def _connect_read_only(file: Path, immutable: bool) -> sqlite3.Connection:
    """mode=ro where SQLite can still use the WAL's shared memory; immutable=1 on a
    read-only medium, where nothing can change the file while it is open."""
    conn = _connect_uri(file, immutable)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if immutable or sqlite_errors.primary_code(exc) not in (
            sqlite_errors.CANTOPEN,
            sqlite_errors.READONLY,
        ):
            raise
        # A WAL database in a read-only folder has no shared-memory file to open.
        conn = _connect_uri(file, True)
    return conn


def _connect_uri(file: Path, immutable: bool) -> sqlite3.Connection:
    uri = f"file:{quote(str(file.resolve()))}?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, uri=True)


def _refuse_special_file(file: Path) -> None:
    """A FIFO or a device given as the database would hang or be written to: refuse it."""
    try:
        mode = file.stat().st_mode
    except OSError:
        return
    if stat.S_ISDIR(mode):
        raise DatabaseError("{file} is a folder, not a database file", file=file)
    if not stat.S_ISREG(mode):
        raise DatabaseError("{file} is not a regular file (a device or a pipe?)", file=file)


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
        if sqlite_errors.is_not_a_database(exc):
            raise DatabaseError(
                "{file} is not a CBH Directory database (not an SQLite file)", file=file
            ) from exc
        raise DatabaseError(
            "cannot open the database {file}: {reason}", file=file, reason=exc
        ) from exc


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing write. Takes the write lock up front (BEGIN IMMEDIATE).

    Taking the lock at the start, not on the first write, means a second writer waits for
    the busy timeout instead of failing with "database is locked" halfway through.
    Nested calls become savepoints of the outer transaction.
    """
    check_writable(db)
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
        explained = sqlite_errors.explain(exc)
        if explained is None:
            raise
        raise explained from exc


def _rollback(db: sqlite_utils.Database) -> None:
    if db.conn.in_transaction:
        db.conn.execute("ROLLBACK")


def check_writable(db: sqlite_utils.Database) -> None:
    """Refuse a change at once, with a clear message, on a database opened read-only."""
    if getattr(db, "read_only", False):
        raise ReadOnlyDatabaseError(
            "the database is read-only here (opened from a read-only medium, file or folder): "
            "searching, showing and exporting work, changes cannot be saved"
        )


def database_file(db: sqlite_utils.Database) -> Path | None:
    """The file behind the connection (None for an in-memory database)."""
    for _seq, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


def backup_to(db: sqlite_utils.Database, destination: Path, *, replace: bool = False) -> Path:
    """Copy the live database to `destination` with SQLite's online backup API, atomically.

    The copy is written to a new, uniquely named file beside the destination and renamed over
    it only when complete; on any failure that file (and its journal) is removed by name and
    the destination is left as it was. An existing file is replaced only with `replace`, and
    keeps its mode; a new one follows the umask.
    """
    destination = Path(destination)
    if destination.exists() and not replace:
        raise DatabaseError(
            "{destination} already exists; choose another name (or --force)",
            destination=destination,
        )
    mode = mode_for(destination)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with temporary_beside(destination) as partial:
            target = sqlite3.connect(str(partial))
            try:
                db.conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
            os.chmod(partial, mode)
            with open(partial, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, destination)
    except sqlite3.Error as exc:
        explained = sqlite_errors.explain(
            exc, doing=Phrase("the backup to {destination} failed", destination=destination)
        )
        if explained is None:
            raise
        raise explained from exc
    except OSError as exc:
        raise _os_problem(
            exc, Phrase("the backup to {destination} failed", destination=destination)
        ) from exc
    return destination


def _os_problem(exc: OSError, doing: str | Phrase) -> DatabaseError:
    """A clear error for a file system failure (full, read-only, no permission)."""
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return sqlite_errors.DiskFullError(
            "{doing}: the disk is full; nothing was changed", doing=doing
        )
    if exc.errno == errno.EROFS:
        return ReadOnlyDatabaseError("{doing}: the folder is on a read-only medium", doing=doing)
    return DatabaseError("{doing}: {reason}", doing=doing, reason=exc)


def timestamped_backup(
    db: sqlite_utils.Database, folder: Path, reason: str, keep: int = 10
) -> Path:
    """Write a backup of this database into `folder`, named after the database file and its
    id, then prune this database's older backups (never another database's)."""
    from . import backups

    return backups.make_backup(db, folder, reason, keep=keep)


def now_iso() -> str:
    """The current UTC time as SQLite's defaults write it: 2026-11-24T09:30:00Z."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
