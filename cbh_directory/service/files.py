"""Database files before one is opened: where they live, their backups, and recovery."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain.errors import DatabaseError
from ..paths import backup_dir
from ..store import backups, sqlite_errors


def backup_folder(db_path: Path) -> Path:
    return backup_dir(db_path)


def identity(db_path: Path) -> str | None:
    """The database's id read from its file without opening it for writing (None if the
    file is missing or too damaged to tell)."""
    return backups.file_identity(db_path) if db_path.exists() else None


def list_backups(db_path: Path) -> list[Path]:
    """The backups of this database (not of others in the same folder), newest first."""
    return backups.list_backups(backup_dir(db_path), db_path, identity(db_path))


def latest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of this database that opens and passes SQLite's checks."""
    return backups.latest_good_backup(backup_dir(db_path), db_path, identity(db_path))


def backup_problem(path: Path) -> str | None:
    """Why a file cannot be restored (not this app's, damaged, incomplete, too new), or None."""
    return backups.database_problem(path, thorough=True)


def put_backup_in_place(backup: Path, db_path: Path) -> Path | None:
    """Copy a backup over the database file, moving a damaged one aside; returns where."""
    return backups.put_in_place(backup, db_path)


def move_aside(db_path: Path) -> Path:
    """Move a damaged database (and its journal files) aside, never deleting it."""
    return backups.move_aside(db_path)


def explain_sqlite_error(exc: sqlite3.Error) -> DatabaseError | None:
    """The app's error for a SQLite failure a person can act on (busy, full, read-only,
    damaged...), by its result code; None for a bug to report."""
    return sqlite_errors.explain(exc)
