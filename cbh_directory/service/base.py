"""What every part of the service facade can rely on: one connection and its helpers."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from ..file_safety import check_target
from ..geo.gazetteer import Gazetteer
from ..paths import backup_dir
from ..store.facet_tree import tree_names
from ..store.search import SearchEngine


class ServiceBase:
    """Attributes the Directory sets up; the parts below use them."""

    db: sqlite_utils.Database
    path: Path | None
    engine: SearchEngine
    gazetteer: Gazetteer

    def check_output(
        self, path: Path, *, allow_database: bool = False, allow_folder: bool = False
    ) -> None:
        """Refuse a path to write to that would destroy the database or its backups (see
        file_safety.check_target), with a message that says why."""
        check_target(
            path,
            protected_files=[self.path] if self.path else [],
            protected_dirs=[backup_dir(self.path)] if self.path else [],
            allow_database=allow_database,
            allow_folder=allow_folder,
        )

    def value_names(self) -> dict[str, dict[str, str]]:
        """Per facet, the names the data gives values that have no vocabulary label (a
        service type's code -> "Food Pantries"), for the words that name chosen filters."""
        return tree_names(self.engine.index().trees)
