"""Opening the database at start, and what to do when it is damaged: restore the newest good
backup or start fresh, with the damaged file moved aside (never deleted) either way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..domain.errors import DatabaseError, DatabaseTooNewError
from ..service import Directory, files
from . import msgbox

TITLE = "CBH Directory"


def open_or_recover(db_path: Path) -> Directory | None:
    """The directory, after recovery if needed; None when the user chose to quit (or the file
    is from a newer version, which is left as it is)."""
    try:
        directory = Directory.open(db_path)
        problem = directory.quick_check()
        if problem is None:
            return directory
        directory.close()
        raise DatabaseError("the database failed its integrity check: {reason}", reason=problem)
    except DatabaseTooNewError as exc:
        msgbox.warn(None, TITLE, exc.message, icon=msgbox.Icon.Critical)
        return None
    except DatabaseError as exc:
        backup = files.latest_good_backup(db_path)
        choice = ask_user(exc.message, backup)
        if choice == "restore" and backup is not None:
            files.put_backup_in_place(backup, db_path)
        elif choice == "fresh":
            files.move_aside(db_path)
        else:
            return None
        return Directory.open(db_path)


def ask_user(problem: str, backup: Path | None) -> str:
    """ "restore", "fresh" or "quit"."""
    role = QMessageBox.ButtonRole
    choices = (
        [(QCoreApplication.translate("recovery", "Restore the Backup"), "restore", role.AcceptRole)]
        if backup
        else []
    )
    choices += [
        (QCoreApplication.translate("recovery", "Start Fresh"), "fresh", role.DestructiveRole),
        (QCoreApplication.translate("recovery", "Quit"), "quit", role.RejectRole),
    ]
    return msgbox.choose(
        None,
        TITLE,
        QCoreApplication.translate("recovery", "The directory's database cannot be used: %s")
        % problem,
        choices,
        informative=QCoreApplication.translate(
            "recovery", "The damaged file will be moved aside and kept, not deleted. "
        )
        + (
            QCoreApplication.translate("recovery", "The newest good backup is %s.") % backup.name
            if backup
            else QCoreApplication.translate("recovery", "There is no good backup.")
        ),
        icon=msgbox.Icon.Critical,
        default="quit",
    )
