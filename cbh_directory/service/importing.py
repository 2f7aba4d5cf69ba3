"""The service's imports: read a file, preview what would change, apply it after a backup."""

from __future__ import annotations

import json
from pathlib import Path

from ..exchange.csv_import import guess_mapping, header_key, read_table
from ..exchange.importers import ImportOptions, import_kind, read_import
from ..store.importer import ImportPreview, apply_import, plan_import
from ..store.metadata import get_meta, set_meta
from .maintenance import MaintenanceService


class ImportService(MaintenanceService):
    """Imports need backups, so they build on maintenance."""

    def country_code_for(self, text: str) -> str | None:
        """'United States', 'usa' or 'US' -> 'US' (None when unknown)."""
        return self.gazetteer.country_code(text)

    def csv_headers(self, path: Path) -> list[str]:
        return read_table(path).headers

    def csv_mapping(self, headers: list[str]) -> dict[str, str]:
        """The mapping last used for these headers, else a guess from their names."""
        saved = get_meta(self.db, f"csv_mapping:{header_key(headers)}")
        if saved:
            mapping = json.loads(saved)
            if set(mapping) == set(headers):
                return dict(mapping)
        return guess_mapping(headers)

    def remember_csv_mapping(self, mapping: dict[str, str]) -> None:
        set_meta(self.db, f"csv_mapping:{header_key(list(mapping))}", json.dumps(mapping))

    def preview_import(self, path: Path, options: ImportOptions | None = None) -> ImportPreview:
        """Read the file and compare it with the directory. Writes nothing."""
        options = options or ImportOptions()
        if options.country is None:
            options.country = self.country_code_for
        if import_kind(path) == "csv" and options.csv_mapping is None:
            options.csv_mapping = self.csv_mapping(read_table(path).headers)
        return plan_import(self.db, read_import(path, options))

    def apply_import(
        self, preview: ImportPreview, *, csv_mapping: dict[str, str] | None = None
    ) -> int:
        """Back up the database, then write the preview's changes in one transaction."""
        if not preview.has_changes:
            return 0
        if self.path is not None:
            self.backup("before-import")
        written = apply_import(self.db, preview)
        if csv_mapping:
            self.remember_csv_mapping(csv_mapping)
        return written
