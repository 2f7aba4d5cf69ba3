"""Backups on disk: each named after and kept for one database, checked before use (mark,
integrity, complete schema), pruned without ever losing the newest good one, and put in place
of a damaged database (which is moved aside, never deleted)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from ..domain.errors import DatabaseError
from ..file_safety import SQLITE_HEADER, temporary_beside
from .database import backup_to, database_file
from .identity import APPLICATION_ID, ID_KEY, application_id, database_id, ensure_identity
from .migrations import MIGRATION_SET, build_migrations, migration_files

KEEP = 10
ID_IN_NAME = 12  # hex digits of the database id in a backup's name
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<id>[0-9a-f]{12})-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)"
    r"\.sqlite3$"
)


def backup_name(db_path: Path, identity: str, reason: str) -> str:
    """'directory-3fa2c1d09b7e-20261124-093000-123456-manual.sqlite3'."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return f"{db_path.stem}-{identity[:ID_IN_NAME]}-{stamp}-{reason}.sqlite3"


def list_backups(
    folder: Path, db_path: Path | None = None, identity: str | None = None
) -> list[Path]:
    """The backups of one database in the folder, newest first: named after the database's
    file (`db_path`) and, when `identity` is known, carrying that id inside as well."""
    if not folder.is_dir():
        return []
    found: list[tuple[str, Path]] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or (db_path is not None and match["stem"] != db_path.stem):
            continue
        if identity is not None and match["id"] != identity[:ID_IN_NAME]:
            continue
        found.append((match["stamp"], path))
    found.sort(reverse=True)
    paths = [path for _stamp, path in found]
    if identity is not None:
        paths = [p for p in paths if file_identity(p) == identity]
    return paths


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)


def file_identity(path: Path) -> str | None:
    """The database id stored inside a database or backup file, without changing the file."""
    if not _is_regular(path):
        return None
    try:
        conn = _connect_ro(path)
    except sqlite3.Error:
        return None
    try:
        return database_id(conn)
    finally:
        conn.close()


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def database_problem(
    path: Path, *, thorough: bool = False, identity: str | None = None
) -> str | None:
    """Why this file cannot be used as a CBH Directory database, or None if it can: it must
    be a regular file with the app's application_id, pass SQLite's integrity check
    (`thorough`: the full one, else the quick one) and hold exactly the schema of the
    migrations it records, in order. With `identity`, it must also be that database's."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read it: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return "it is not a regular file (a folder, a device or a pipe)"
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"cannot read it: {exc.strerror or exc}"
    if header != SQLITE_HEADER:
        return "it is not an SQLite database"
    try:
        conn = _connect_ro(path)
    except sqlite3.Error as exc:
        return f"it cannot be opened: {exc}"
    try:
        if application_id(conn) != APPLICATION_ID:
            return "it is not a CBH Directory database (it lacks the app's mark, application_id)"
        check = "integrity_check" if thorough else "quick_check"
        result = conn.execute(f"PRAGMA {check}").fetchall()
        if [row[0] for row in result] != ["ok"]:
            return "it is damaged: " + "; ".join(str(row[0]) for row in result[:3])
        problem = _schema_problem(conn)
        if problem is None and identity is not None and database_id(conn) != identity:
            problem = "it is a backup of another database"
        return problem
    except sqlite3.Error as exc:
        return f"it is not a CBH Directory database ({exc})"
    finally:
        conn.close()


def _schema_problem(conn: sqlite3.Connection) -> str | None:
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY name",
                [MIGRATION_SET],
            )
        ]
    except sqlite3.Error:
        return "it is not a CBH Directory database (no schema history)"
    known = [p.stem for p in migration_files()]
    if not names:
        return "it is not a CBH Directory database"
    if set(names) - set(known):
        return "it was made by a newer version of CBH Directory"
    if names != known[: len(names)]:
        return "its schema is incomplete (migrations missing: it was not made by the app)"
    expected = reference_schema(len(names))
    found = _schema_of(conn)
    missing = sorted(name for name in expected if name not in found)
    changed = sorted(n for n in expected if n in found and found[n] != expected[n])
    extra = sorted(name for name in found if name not in expected)
    if missing or changed or extra:
        parts = [
            f"{label}: {', '.join(items[:4])}"
            for label, items in (("missing", missing), ("altered", changed), ("unknown", extra))
            if items
        ]
        return "its schema is not the app's (" + "; ".join(parts) + ")"
    if len(names) >= _IDENTITY_MIGRATION and database_id(conn) is None:
        return f"it has no database id in its metadata ({ID_KEY})"
    return None


_IDENTITY_MIGRATION = 8  # from 0008_identity on, a database carries its id


def _schema_of(conn: sqlite3.Connection) -> dict[str, str]:
    """Every schema object but SQLite's own statistics, by type and name, with its SQL."""
    return {
        f"{kind} {name}": " ".join((sql or "").split())
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
        if not name.startswith("sqlite_stat")
    }


@functools.lru_cache(maxsize=16)
def reference_schema(count: int) -> dict[str, str]:
    """The schema the app's first `count` migrations make, built in memory."""
    db = sqlite_utils.Database(memory=True)
    try:
        build_migrations(migration_files()[:count]).apply(db)
        return _schema_of(db.conn)
    finally:
        db.close()


def latest_good_backup(
    folder: Path, db_path: Path | None = None, identity: str | None = None
) -> Path | None:
    """The newest backup of this database that passes the checks."""
    for candidate in list_backups(folder, db_path, identity):
        if database_problem(candidate, identity=identity) is None:
            return candidate
    return None


def make_backup(db: sqlite_utils.Database, folder: Path, reason: str, keep: int = KEEP) -> Path:
    """Back this database up into `folder` and prune its own older backups: the newest `keep`
    stay, and so does the newest good one wherever it is. Another database's backups and any
    file the app did not name are never touched."""
    db_path = database_file(db)
    if db_path is None:
        raise DatabaseError("an in-memory database cannot be backed up to the backup folder")
    identity = ensure_identity(db)
    if identity is None:
        raise DatabaseError("the database has no identity yet; it cannot be backed up by name")
    path = backup_to(db, folder / backup_name(db_path, identity, reason))
    prune(folder, db_path, identity, keep)
    return path


def prune(folder: Path, db_path: Path, identity: str, keep: int = KEEP) -> list[Path]:
    """Remove this database's backups beyond the newest `keep`, never the newest one that
    passes the integrity and schema check. Returns what was removed."""
    ours = list_backups(folder, db_path, identity)
    if len(ours) <= keep:
        return []
    newest_good = next((p for p in ours if database_problem(p, identity=identity) is None), None)
    removed = []
    for old in ours[keep:]:
        if old != newest_good:
            old.unlink(missing_ok=True)
            removed.append(old)
    return removed


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files) out of the way; returns the new name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            source.replace(Path(str(target) + suffix))
    return target


def put_in_place(backup: Path, path: Path) -> Path | None:
    """Make `backup` the database at `path`; an existing file there is moved aside first.

    Returns where the old file went (None if there was none). The copy is made beside the
    target and renamed, so a failure halfway leaves the old state.
    """
    problem = database_problem(backup, thorough=True)
    if problem:
        raise DatabaseError("{name} cannot be restored: {reason}", name=backup.name, reason=problem)
    with temporary_beside(path, ".restoring") as partial:
        shutil.copyfile(backup, partial)
        moved = move_aside(path) if path.exists() else None
        partial.replace(path)
    return moved
