"""The one facade the CLI and the GUI use: open the directory, search, show, places, stats."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from . import __version__
from .domain import describe
from .domain import vocabulary as vocab
from .domain.errors import DatabaseError
from .domain.lists import ListDump, ListImportReport, ListInfo, ListItem
from .domain.model import Facets, Hit, Place, Resource, SearchPage, SearchQuery
from .exchange.appjson import dataset_header, read_app_json, version_key
from .exchange.export_set import ExportEntry, ExportSet
from .exchange.list_file import read_list_file, write_list_file
from .geo.gazetteer import Gazetteer, ensure_gazetteer, locate
from .paths import backup_dir, dataset_file, default_db_path
from .store import lists
from .store.database import backup_to, open_database, timestamped_backup
from .store.dataset import MergeReport, merge_dataset
from .store.facets import count_facets
from .store.metadata import all_meta, get_meta
from .store.migrations import apply_migrations, pending_names
from .store.resources import count_resources, get_resource
from .store.search import SearchEngine
from .store.vocabulary_table import sync_focus_terms

STALE_AFTER_DAYS = 365


@dataclass(slots=True)
class StartupReport:
    """What opening the directory had to do."""

    migrations: list[str] = field(default_factory=list)
    backup: Path | None = None
    gazetteer_loaded: bool = False
    merge: MergeReport | None = None


class Directory:
    """The directory on one database connection. Open one per thread."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.engine = SearchEngine(db)
        self.gazetteer = Gazetteer(db)

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
            raise DatabaseError(f"the database {db_path} cannot be used: {exc}") from exc
        except BaseException:
            db.close()
            raise
        return directory

    startup_report: StartupReport | None = None

    def prepare(self, dataset: Path | None = None) -> StartupReport:
        """Bring the schema up to date, load the gazetteer, merge a newer bundled dataset."""
        report = StartupReport()

        def backup_first(pending: list[str]) -> None:
            report.backup = self.backup("before-upgrade")

        report.migrations = apply_migrations(self.db, before_upgrade=backup_first)
        report.gazetteer_loaded = ensure_gazetteer(self.db)
        sync_focus_terms(self.db)
        lists.ensure_bookmarks(self.db)
        report.merge = self.merge_bundled_dataset(dataset)
        return report

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
        return count_facets(self.engine, query)

    def matching_ids(self, query: SearchQuery) -> list[str]:
        return self.engine.ids(query)

    def iter_hits(self, query: SearchQuery, batch: int = 2000) -> Iterator[Hit]:
        """Every hit of the query, in order, fetched a batch at a time."""
        offset = 0
        while True:
            page = self.engine.page(dataclasses.replace(query, offset=offset, limit=batch))
            yield from page.hits
            if len(page.hits) < batch:
                return
            offset += batch

    def export_set(
        self,
        query: SearchQuery | None = None,
        *,
        list_id: int | None = None,
        resource_ids: list[str] | None = None,
        title: str | None = None,
        units: str = "mi",
    ) -> ExportSet:
        """What to export: a search's results, one list, or chosen resources (in that order)."""
        q = dataclasses.replace(query or SearchQuery(), offset=0, limit=None)
        list_name = ""
        if list_id is not None:
            list_name = self.list_info(list_id).name
            q.list_id = list_id
            if q.sort == "relevance" and not q.text.strip():
                q.sort = "list"
        hits = list(self.iter_hits(q))
        criteria = describe.query_summary(
            q, list_name=list_name, units=units, country_name=self.gazetteer.country_name
        )
        if resource_ids is not None:
            by_id = {hit.resource.id: hit for hit in hits}
            hits = [
                by_id[rid] if rid in by_id else Hit(self.resource(rid))
                for rid in dict.fromkeys(resource_ids)
            ]
            criteria = f"{len(hits)} chosen by hand from: {criteria}"
        entries = [ExportEntry.from_hit(hit) for hit in hits]
        codes = {e.resource.country for e in entries if e.resource.country}
        return ExportSet(
            title=title or ("Support resources" + (f": {list_name}" if list_name else "")),
            criteria=criteria,
            entries=entries,
            units=units,
            location=q.near.label.removesuffix(", United States") if q.near else "",
            list_name=list_name,
            country_names={code: self.gazetteer.country_name(code) for code in codes},
        )

    def resource(self, resource_id: str) -> Resource:
        return get_resource(self.db, resource_id)

    def total(self) -> int:
        return count_resources(self.db)

    # -- places

    def places(self, text: str) -> list[Place]:
        return self.gazetteer.lookup(text)

    def resolve_place(self, text: str) -> Place:
        return self.gazetteer.resolve(text)

    def complete_place(self, prefix: str, limit: int = 12) -> list[Place]:
        return self.gazetteer.complete(prefix, limit)

    # -- lists (Bookmarks and named lists)

    def lists(self) -> list[ListInfo]:
        return lists.all_lists(self.db)

    def list_info(self, name_or_id: str | int) -> ListInfo:
        return lists.get_list(self.db, name_or_id)

    def bookmarks(self) -> ListInfo:
        return lists.bookmarks(self.db)

    def bookmarked_ids(self) -> set[str]:
        return lists.item_ids(self.db, self.bookmarks().id)

    def lists_holding(self, resource_id: str) -> list[ListInfo]:
        return lists.lists_holding(self.db, resource_id)

    def list_ids(self, list_id: int) -> set[str]:
        return lists.item_ids(self.db, list_id)

    def create_list(self, name: str, note: str = "") -> ListInfo:
        return lists.create_list(self.db, name, note)

    def rename_list(self, list_id: int, name: str) -> ListInfo:
        return lists.rename_list(self.db, list_id, name)

    def duplicate_list(self, list_id: int, name: str) -> ListInfo:
        return lists.duplicate_list(self.db, list_id, name)

    def delete_list(self, list_id: int) -> ListDump:
        return lists.delete_list(self.db, list_id)

    def restore_list(self, dump: ListDump) -> ListInfo:
        return lists.restore_list(self.db, dump)

    def set_list_note(self, list_id: int, note: str) -> None:
        lists.set_list_note(self.db, list_id, note)

    def list_items(self, list_id: int) -> list[ListItem]:
        return lists.list_items(self.db, list_id)

    def add_to_list(self, list_id: int, resource_ids: list[str], note: str = "") -> list[str]:
        return lists.add_items(self.db, list_id, resource_ids, note)

    def remove_from_list(self, list_id: int, resource_ids: list[str]) -> list[dict[str, Any]]:
        return lists.remove_items(self.db, list_id, resource_ids)

    def restore_items(self, list_id: int, items: list[dict[str, Any]]) -> None:
        lists.restore_items(self.db, list_id, items)

    def set_item_note(self, list_id: int, resource_id: str, note: str) -> None:
        lists.set_item_note(self.db, list_id, resource_id, note)

    def item_note(self, list_id: int, resource_id: str) -> str:
        return lists.get_item_note(self.db, list_id, resource_id)

    def move_item(self, list_id: int, resource_id: str, offset: int) -> list[str]:
        return lists.move_item(self.db, list_id, resource_id, offset)

    def reorder_list(self, list_id: int, ordered_ids: list[str]) -> None:
        lists.reorder(self.db, list_id, ordered_ids)

    def export_list(self, list_id: int, path: Path) -> int:
        """Write the list (with notes) to a JSON file for another computer; returns item count."""
        dump = lists.dump_list(self.db, list_id)
        write_list_file(dump, path)
        return len(dump.items)

    def import_list(self, path: Path, *, apply: bool = True) -> ListImportReport:
        """Merge a shared list file; with apply False, only report what it would do."""
        return lists.import_shared_list(self.db, read_list_file(path), apply=apply)

    # -- maintenance

    def backup(self, reason: str = "manual", destination: Path | None = None) -> Path:
        if destination is not None:
            return backup_to(self.db, destination)
        if self.path is None:
            raise DatabaseError("an in-memory database cannot be backed up to the backup folder")
        return timestamped_backup(self.db, backup_dir(self.path), reason)

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks, and schema state."""
        problems = [row[0] for row in self.db.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [
            f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
            for row in self.db.execute("PRAGMA foreign_key_check")
        ]
        try:
            self.db.execute(
                "INSERT INTO resources_fts (resources_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        pending = pending_names(self.db)
        if pending:
            problems.append("schema not up to date: " + ", ".join(pending))
        return problems

    def stats(self) -> dict[str, Any]:
        db = self.db
        meta = all_meta(db)
        by_kind = dict(
            db.execute(
                "SELECT kind, count(*) FROM resources WHERE status = 'active' GROUP BY kind"
            ).fetchall()
        )
        by_focus = dict(
            db.execute(
                "SELECT f.focus_id, count(*) FROM resource_focus f "
                "JOIN resources r ON r.pk = f.resource_pk WHERE r.status = 'active' "
                "GROUP BY f.focus_id"
            ).fetchall()
        )
        cutoff = (dt.date.today() - dt.timedelta(days=STALE_AFTER_DAYS)).isoformat()
        stale = db.execute(
            "SELECT count(*) FROM resources WHERE status = 'active' "
            "AND (last_verified = '' OR last_verified < ?)",
            [cutoff],
        ).fetchone()[0]
        return {
            "app_version": __version__,
            "database": str(self.path) if self.path else ":memory:",
            "dataset_version": meta.get("dataset_version"),
            "dataset_released": meta.get("dataset_released"),
            "resources": self.total(),
            "inactive": count_resources(db, include_inactive=True) - self.total(),
            "stale": stale,
            "by_kind": {t.id: by_kind.get(t.id, 0) for t in vocab.KINDS},
            "by_focus": {t.id: by_focus.get(t.id, 0) for t in vocab.FOCUS_TERMS},
            "places": db.execute("SELECT count(*) FROM places").fetchone()[0],
            "lists": db.execute("SELECT count(*) FROM lists").fetchone()[0],
            "list_items": db.execute("SELECT count(*) FROM list_items").fetchone()[0],
        }
