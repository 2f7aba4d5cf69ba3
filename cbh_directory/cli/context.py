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
                backup = self._good_backup()
                if backup is None:
                    raise
                raise DatabaseError(
                    "{reason} (the newest good backup is {backup}: "
                    "cbh-directory db restore --latest)",
                    reason=exc,
                    backup=backup,
                ) from exc
        return self._directory

    def _good_backup(self) -> Path | None:
        from ..service.files import latest_good_backup

        return latest_good_backup(self.path)

    def close(self) -> None:
        if self._directory is not None:
            self._directory.close()


pass_app = click.make_pass_decorator(AppContext)
