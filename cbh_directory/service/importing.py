"""The service's imports: read a file, preview what would change, apply it after a backup."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from ..domain.imports import CsvTable, ImportOptions, ImportPreview
from ..domain.language import words
from ..domain.model import Place, Resource
from ..exchange.csv_import import guess_mapping, header_key, read_table
from ..exchange.importers import import_kind, read_import
from ..geo.gazetteer import locate
from ..store.importer import apply_import, plan_import
from ..store.metadata import get_meta, set_meta
from .bulk import collector_paused
from .maintenance import MaintenanceService


class ImportService(MaintenanceService):
    """Imports need backups, so they build on maintenance."""

    def country_code_for(self, text: str) -> str | None:
        """'United States', 'usa' or 'US' -> 'US' (None when unknown)."""
        return self.gazetteer.country_code(text)

    @staticmethod
    def import_kind(path: Path) -> str:
        """How a file would be imported: "csv", "json" or "hsds" (InputError if none)."""
        return import_kind(path)

    @staticmethod
    def read_csv(path: Path) -> CsvTable:
        """A CSV file's headers and rows, for choosing the column mapping."""
        return read_table(path)

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

    def preview_import(
        self, path: Path, options: ImportOptions | None = None, *, table: CsvTable | None = None
    ) -> ImportPreview:
        """Read the file and compare it with the directory. Writes nothing. A CSV file
        already read (`table`, from read_csv) is not read again."""
        options = options or ImportOptions()
        if options.country is None:
            options.country = self.country_code_for
        if import_kind(path) == "csv":
            table = table or read_table(path)
            if options.csv_mapping is None:
                options.csv_mapping = self.csv_mapping(table.headers)
        with collector_paused():
            parsed = read_import(path, options, table=table)
            located = self._locate_missing(parsed.resources)
            if located:
                parsed.notes.append(
                    words(
                        "places found for {count} resources from their city or ZIP code "
                        "(the gazetteer; only where the source gave no coordinates)"
                    ).format(count=located)
                )
            return plan_import(self.db, parsed)

    def _locate_missing(self, resources: list[Resource]) -> int:
        """Give resources without coordinates their city's (or US ZIP code's), so they can be
        found by distance right after the import."""
        cache: dict[tuple[str, str, str, str], Place | None] = {}
        located = 0
        for index, resource in enumerate(resources):
            if resource.has_location or not (resource.city or resource.postal_code):
                continue
            key = (resource.postal_code[:5], resource.city, resource.region, resource.country)
            if key not in cache:
                cache[key] = self._place_for(*key)
            place = cache[key]
            if place is not None:
                resources[index] = dataclasses.replace(
                    resource, latitude=place.latitude, longitude=place.longitude
                )
                located += 1
        return located

    def _place_for(self, postal: str, city: str, region: str, country: str) -> Place | None:
        if postal.isdigit() and len(postal) == 5 and country in ("", "US"):
            found = self.gazetteer.by_postal_code(postal)
            if found:
                return found[0]
        return locate(self.gazetteer, city, region, country)

    def apply_import(
        self, preview: ImportPreview, *, csv_mapping: dict[str, str] | None = None
    ) -> int:
        """Back up the database, then write the preview's changes in one transaction."""
        if not preview.has_changes:
            return 0
        if self.path is not None:
            self.backup("before-import")
        with collector_paused():
            written = apply_import(self.db, preview)
        if csv_mapping:
            self.remember_csv_mapping(csv_mapping)
        return written
