"""The CLI's shared context: which database, opened only when a command needs it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..paths import default_db_path

if TYPE_CHECKING:
    from ..service import Directory


class AppContext:
    """Opens the directory lazily, so `db path` and `--help` never touch the database."""

    def __init__(self, db_path: Path | None) -> None:
        self.db_path = db_path
        self._directory: Directory | None = None

    @property
    def path(self) -> Path:
        return self.db_path or default_db_path()

    def directory(self) -> Directory:
        if self._directory is None:
            from ..domain.errors import DatabaseError, DatabaseTooNewError
            from ..service import Directory

            try:
                self._directory = Directory.open(self.path)
            except DatabaseTooNewError:
                raise
            except DatabaseError as exc:
                raise DatabaseError(exc.message + self._restore_hint()) from exc
        return self._directory

    def _restore_hint(self) -> str:
        from ..paths import backup_dir
        from ..store.backups import file_identity, latest_good_backup

        backup = latest_good_backup(backup_dir(self.path), self.path, file_identity(self.path))
        if backup is None:
            return ""
        return f" (the newest good backup is {backup}: cbh-directory db restore --latest)"

    def close(self) -> None:
        if self._directory is not None:
            self._directory.close()


pass_app = click.make_pass_decorator(AppContext)
