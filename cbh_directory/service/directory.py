"""The Directory: the one facade the CLI and the GUI use, on one database connection."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from ..domain import language
from ..domain.countries import country_label
from ..domain.dataset import MergeReport, version_key
from ..domain.errors import DatabaseError, NotFoundError
from ..domain.model import Facets, Place, Resource, SearchPage, SearchQuery
from ..exchange.appjson import dataset_header, read_app_json
from ..geo.gazetteer import Gazetteer, gazetteer_checksum, locate, read_gazetteer
from ..paths import cache_dir, dataset_file, default_db_path
from ..store import lists
from ..store.database import open_database
from ..store.dataset import merge_dataset
from ..store.facets import count_facets
from ..store.metadata import get_meta
from ..store.migrations import apply_migrations, pending_names
from ..store.places import PlaceTable, load_places, loaded_checksum
from ..store.resources import count_resources, find_resource, get_resource, similar_resources
from ..store.search import SearchEngine
from ..store.sqlite_errors import ReadOnlyDatabaseError
from ..store.vocabulary_table import sync_focus_terms
from .editing import EditingService
from .exporting import ExportService
from .importing import ImportService
from .lists_service import ListsService
from .phrasing import PhraseService
from .sync import SyncService


@dataclass(slots=True)
class StartupReport:
    """What opening the directory had to do."""

    migrations: list[str] = field(default_factory=list)
    backup: Path | None = None
    gazetteer_loaded: bool = False
    merge: MergeReport | None = None


def saved_index_path(db_path: Path) -> Path:
    """Where the search index of this database is saved between runs (a cache)."""
    digest = hashlib.sha1(str(db_path.resolve()).encode()).hexdigest()[:16]
    return cache_dir() / f"search-index-{digest}.npz"


class Directory(
    ListsService, EditingService, ExportService, SyncService, ImportService, PhraseService
):
    """The directory on one database connection. Open one per thread."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.engine = SearchEngine(db, saved_index_path(path) if path is not None else None)
        self.gazetteer = Gazetteer(PlaceTable(db))

    @classmethod
    def open(cls, path: Path | str | None = None, *, prepare: bool = True) -> Directory:
        """Open the database at `path` (default: the user's), setting it up when `prepare`."""
        db_path = Path(path) if path is not None else default_db_path()
        db = open_database(db_path)
        try:
            directory = cls(db, None if str(db_path) == ":memory:" else db_path)
            if prepare:
                directory.startup_report = directory.prepare()
        except sqlite3.DatabaseError as exc:
            db.close()
            raise DatabaseError(
                "the database {db_path} cannot be used: {reason}", db_path=db_path, reason=exc
            ) from exc
        except BaseException:
            db.close()
            raise
        return directory

    startup_report: StartupReport | None = None

    @property
    def read_only(self) -> bool:
        """True when the database was opened read-only (a read-only medium, file or folder)."""
        return bool(getattr(self.db, "read_only", False))

    def prepare(self, dataset: Path | None = None) -> StartupReport:
        """Bring the schema up to date, load the gazetteer, merge a newer bundled dataset."""
        report = StartupReport()
        if self.read_only:
            pending = pending_names(self.db)
            if pending:
                raise ReadOnlyDatabaseError(
                    "the database needs a schema upgrade ({pending}), but it is read-only "
                    "here; copy it to a writable folder and open it there",
                    pending=", ".join(pending),
                )
            return report

        def backup_first(pending: list[str]) -> None:
            report.backup = self.backup("before-upgrade")

        report.migrations = apply_migrations(self.db, before_upgrade=backup_first)
        report.gazetteer_loaded = self.load_gazetteer()
        sync_focus_terms(self.db)
        lists.ensure_bookmarks(self.db)
        report.merge = self.merge_bundled_dataset(dataset)
        return report

    def load_gazetteer(self, folder: Path | None = None) -> bool:
        """Load the bundled places into the database unless this version is already there."""
        if loaded_checksum(self.db) == gazetteer_checksum(folder):
            return False
        files = read_gazetteer(folder)
        return load_places(self.db, files.checksum, files.countries, files.regions, files.places)

    def merge_bundled_dataset(
        self, path: Path | None = None, *, force: bool = False
    ) -> MergeReport | None:
        path = path or dataset_file()
        version, _ = dataset_header(path)
        current = get_meta(self.db, "dataset_version")
        if current and not force and version_key(current) >= version_key(version):
            return None
        return merge_dataset(self.db, read_app_json(path), self._geocode, force=force)

    def _geocode(self, resource: Resource) -> tuple[float, float] | None:
        place = locate(self.gazetteer, resource.city, resource.region, resource.country)
        return (place.latitude, place.longitude) if place else None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Directory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading

    def search(self, query: SearchQuery) -> SearchPage:
        return self.engine.page(query)

    def count(self, query: SearchQuery) -> int:
        return self.engine.count(query)

    def facets(self, query: SearchQuery) -> Facets:
        names = self.gazetteer.country_names()
        if language.current() != "en":
            names = {code: country_label(code, name) for code, name in names.items()}
        return count_facets(self.engine, query, country_names=names)

    def matching_ids(self, query: SearchQuery) -> list[str]:
        return self.engine.ids(query)

    def resource(self, resource_id: str) -> Resource:
        """The entry with this id; an unknown id is a NotFoundError naming close ones."""
        try:
            return get_resource(self.db, resource_id)
        except NotFoundError as exc:
            close = similar_resources(self.db, resource_id)
            if not close:
                raise
            raise NotFoundError(
                "{reason}; did you mean: {close}?", reason=exc, close="; ".join(close)
            ) from None

    def successor(self, resource: Resource) -> Resource | None:
        """The entry that carries on a merged one's work, when it is in the directory."""
        return self.find(resource.successor)

    def find(self, resource_id: str) -> Resource | None:
        """The entry with this id, or None when the directory does not hold it."""
        return find_resource(self.db, resource_id) if resource_id else None

    def total(self) -> int:
        return count_resources(self.db)

    # -- places

    def places(self, text: str) -> list[Place]:
        return self.gazetteer.lookup(text)

    def resolve_place(self, text: str) -> Place:
        return self.gazetteer.resolve(text)

    def complete_place(self, prefix: str, limit: int = 12) -> list[Place]:
        return self.gazetteer.complete(prefix, limit)

    def country_name(self, code: str) -> str:
        """'GB' -> 'United Kingdom' (the code itself when unknown)."""
        return self.gazetteer.country_name(code)
