"""Opening the database at start, and what to do when it is damaged: restore the newest good
backup or start fresh, with the damaged file moved aside (never deleted) either way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ..domain.errors import DatabaseError, DatabaseTooNewError
from ..paths import backup_dir
from ..service import Directory
from ..store.backups import file_identity, latest_good_backup, move_aside, put_in_place

Ask = Callable[[str, Path | None], str]  # (problem, backup) -> "restore" | "fresh" | "quit"


def open_or_recover(
    db_path: Path, ask: Ask | None = None, tell: Callable[[str], object] | None = None
) -> Directory | None:
    """The directory, after recovery if needed; None when the user chose to quit (or the file
    is from a newer version, which is left as it is)."""
    try:
        directory = Directory.open(db_path)
        problem = directory.quick_check()
        if problem is None:
            return directory
        directory.close()
        raise DatabaseError(f"the database failed its integrity check: {problem}")
    except DatabaseTooNewError as exc:
        (tell or _tell)(exc.message)
        return None
    except DatabaseError as exc:
        backup = latest_good_backup(backup_dir(db_path), db_path, file_identity(db_path))
        choice = (ask or ask_user)(exc.message, backup)
        if choice == "restore" and backup is not None:
            put_in_place(backup, db_path)
        elif choice == "fresh":
            move_aside(db_path)
        else:
            return None
        return Directory.open(db_path)


def ask_user(problem: str, backup: Path | None) -> str:
    box = QMessageBox(QMessageBox.Icon.Critical, "CBH Directory", "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"The directory's database cannot be used: {problem}")
    box.setInformativeText(
        "The damaged file will be moved aside and kept, not deleted. "
        + (f"The newest good backup is {backup.name}." if backup else "There is no good backup.")
    )
    restore = (
        box.addButton("Restore the Backup", QMessageBox.ButtonRole.AcceptRole) if backup else None
    )
    fresh = box.addButton("Start Fresh", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return "restore"
    return "fresh" if clicked is fresh else "quit"


def _tell(text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "CBH Directory", text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
