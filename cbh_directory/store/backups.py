"""Backups on disk: finding good ones, checking a file is a sound database, and putting a
backup in place of a damaged database (which is moved aside, never deleted)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from ..domain.errors import DatabaseError
from .database import SQLITE_HEADER
from .migrations import MIGRATION_SET, migration_files

KEEP = 10


def list_backups(folder: Path) -> list[Path]:
    """Backups in the folder, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("directory-*.sqlite3"), reverse=True)


def database_problem(path: Path) -> str | None:
    """Why this file cannot be used as a CBH Directory database, or None if it can."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"cannot read it: {exc.strerror or exc}"
    if header != SQLITE_HEADER:
        return "it is not an SQLite database"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return f"it cannot be opened: {exc}"
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
        if [row[0] for row in result] != ["ok"]:
            return "it is damaged: " + "; ".join(str(row[0]) for row in result[:3])
        names = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.Error as exc:
        return f"it is not a CBH Directory database ({exc})"
    finally:
        conn.close()
    if not names:
        return "it is not a CBH Directory database"
    known = {p.stem for p in migration_files()}
    if names - known:
        return "it was made by a newer version of CBH Directory"
    return None


def latest_good_backup(folder: Path) -> Path | None:
    for candidate in list_backups(folder):
        if database_problem(candidate) is None:
            return candidate
    return None


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
    problem = database_problem(backup)
    if problem:
        raise DatabaseError(f"{backup.name} cannot be restored: {problem}")
    partial = path.with_name(path.name + ".restoring")
    shutil.copyfile(backup, partial)
    moved = move_aside(path) if path.exists() else None
    partial.replace(path)
    return moved
