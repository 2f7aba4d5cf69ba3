"""Database files before one is opened: where they live, their backups, and recovery."""

from __future__ import annotations

from pathlib import Path

from ..paths import backup_dir
from ..store import backups


def backup_folder(db_path: Path) -> Path:
    return backup_dir(db_path)


def list_backups(db_path: Path) -> list[Path]:
    """The backups of this database, newest first."""
    return backups.list_backups(backup_dir(db_path))


def latest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of this database that opens and passes SQLite's checks."""
    return backups.latest_good_backup(backup_dir(db_path))


def backup_problem(path: Path) -> str | None:
    """Why a file cannot be restored (not a database, damaged, too new), or None."""
    return backups.database_problem(path)


def put_backup_in_place(backup: Path, db_path: Path) -> Path | None:
    """Copy a backup over the database file, moving a damaged one aside; returns where."""
    return backups.put_in_place(backup, db_path)


def move_aside(db_path: Path) -> Path:
    """Move a damaged database (and its journal files) aside, never deleting it."""
    return backups.move_aside(db_path)
