"""The service's maintenance: backups, restore, integrity checks and statistics."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..domain import vocabulary as vocab
from ..domain.dataset_counts import dataset_counts
from ..domain.errors import DatabaseError, InputError
from ..domain.model import SearchQuery
from ..paths import backup_dir
from ..store import backups, checkups
from ..store.database import backup_to, check_writable, timestamped_backup
from ..store.identity import ID_KEY, database_id
from ..store.metadata import all_meta, get_meta, set_meta
from ..store.migrations import apply_migrations, pending_names
from ..store.resources import count_resources, iter_resources
from .base import ServiceBase

STALE_AFTER_DAYS = 365


class MaintenanceService(ServiceBase):
    def backup(
        self, reason: str = "manual", destination: Path | None = None, *, replace: bool = False
    ) -> Path:
        """Copy the live database with SQLite's backup API (to the backup folder by default).

        A destination the user chose must not be the database itself, its side files, the
        backups folder, a folder, a device or a pipe; an existing file there is replaced only
        with `replace`."""
        if destination is not None:
            self.check_output(destination, allow_database=True)
            return backup_to(self.db, destination, replace=replace)
        if self.path is None:
            raise DatabaseError("an in-memory database cannot be backed up to the backup folder")
        check_writable(self.db)
        return timestamped_backup(self.db, backup_dir(self.path), reason, keep=backups.KEEP)

    def backups(self) -> list[Path]:
        """This database's backups, newest first."""
        if self.path is None:
            return []
        return backups.list_backups(backup_dir(self.path), self.path, database_id(self.db))

    def latest_good_backup(self) -> Path | None:
        if self.path is None:
            return None
        return backups.latest_good_backup(backup_dir(self.path), self.path, database_id(self.db))

    def daily_backup(self) -> Path | None:
        """Once a day, on start: a backup unless one was made today."""
        today = dt.date.today().isoformat()
        if (
            self.path is None
            or getattr(self.db, "read_only", False)
            or get_meta(self.db, "last_daily_backup") == today
        ):
            return None
        path = self.backup("daily")
        set_meta(self.db, "last_daily_backup", today)
        return path

    def restore(self, source: Path) -> Path:
        """Replace the live data with a backup (checked first); the current state is backed up
        before, so a restore can itself be undone. Returns that safety backup."""
        check_writable(self.db)
        problem = backups.database_problem(source, thorough=True)
        if problem:
            raise DatabaseError(
                "{name} cannot be restored: {reason}", name=source.name, reason=problem
            )
        own_id = database_id(self.db)
        safety = self.backup("before-restore")
        kept = checkups.all_checkups(self.db) if checkups.has_table(self.db) else []
        reader = sqlite3.connect(f"file:{quote(str(source.resolve()))}?mode=ro", uri=True)
        try:
            reader.backup(self.db.conn)
        finally:
            reader.close()
        if own_id is not None:
            # The file keeps its identity (and so its backups), whichever backup it now holds.
            set_meta(self.db, ID_KEY, own_id)
        if kept:  # check-ups are people's records, like the hub's: a restore never drops one
            if not checkups.has_table(self.db):
                apply_migrations(self.db)  # an older backup; the safety copy is made above
            checkups.keep_checkups(self.db, kept)
        return safety

    # -- how old is too old

    def stale_after_days(self) -> int:
        try:
            return max(1, int(get_meta(self.db, "stale_after_days") or STALE_AFTER_DAYS))
        except ValueError:
            return STALE_AFTER_DAYS

    def set_stale_after_days(self, days: int) -> None:
        if not 1 <= days <= 3700:
            raise InputError("the review age must be between 1 day and 10 years")
        set_meta(self.db, "stale_after_days", str(days))

    def needs_review_count(self) -> int:
        """Active entries not verified within the review age, counted as the review list
        finds them (a month or a year only counts from its first day)."""
        return self.engine.count(SearchQuery(verified_before=self.stale_cutoff()))

    def stale_cutoff(self, today: dt.date | None = None) -> str:
        """Entries verified before this date (or never) need review."""
        return ((today or dt.date.today()) - dt.timedelta(days=self.stale_after_days())).isoformat()

    def quick_check(self) -> str | None:
        """SQLite's quick integrity check, for start-up: None when sound, else the problem."""
        try:
            rows = [row[0] for row in self.db.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            return str(exc)
        return None if rows == ["ok"] else "; ".join(str(r) for r in rows[:3])

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
        stale = self.needs_review_count()
        return {
            "app_version": __version__,
            "database": str(self.path) if self.path else ":memory:",
            "dataset_version": meta.get("dataset_version"),
            "dataset_released": meta.get("dataset_released"),
            "resources": count_resources(db),
            "inactive": count_resources(db, include_inactive=True) - count_resources(db),
            "stale": stale,
            "stale_after_days": self.stale_after_days(),
            "by_kind": {t.id: by_kind.get(t.id, 0) for t in vocab.KINDS},
            "by_focus": {t.id: by_focus.get(t.id, 0) for t in vocab.FOCUS_TERMS},
            "places": db.execute("SELECT count(*) FROM places").fetchone()[0],
            "lists": db.execute("SELECT count(*) FROM lists").fetchone()[0],
            "list_items": db.execute("SELECT count(*) FROM list_items").fetchone()[0],
        }

    def evidence_counts(self) -> dict[str, Any]:
        """What the entries rest on (domain.dataset_counts), over every entry, inactive too:
        by kind, with contacts, sourced moderation and activity, Spanish, undated."""
        return dataset_counts(iter_resources(self.db))
