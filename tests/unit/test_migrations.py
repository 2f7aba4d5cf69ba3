"""Schema migrations: numbered, recorded, backed up first, and user rows survive upgrades."""

from __future__ import annotations

from pathlib import Path

import pytest

from cbh_directory.domain.errors import DatabaseTooNewError
from cbh_directory.service import Directory
from cbh_directory.store.database import open_database
from cbh_directory.store.migrations import (
    applied_names,
    apply_migrations,
    migration_files,
    split_statements,
)

from ..conftest import CURATED_ACTIVE


def test_migrations_are_numbered_in_order() -> None:
    files = migration_files()
    numbers = [int(p.name[:4]) for p in files]
    assert numbers == list(range(1, len(files) + 1))


def test_a_fresh_database_gets_every_migration(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    applied = apply_migrations(db)
    assert applied == [p.stem for p in migration_files()]
    assert db.execute("PRAGMA user_version").fetchone()[0] == int(applied[-1][:4])
    assert apply_migrations(db) == []  # idempotent
    db.close()


def test_an_older_schema_upgrades_and_keeps_user_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    files = migration_files()
    db = open_database(path)
    apply_migrations(db, files[:4])  # a database from before local edits existed
    assert "local_edits" not in db.table_names()
    db.execute("INSERT INTO lists (name, note) VALUES ('Rivera family', 'March visit')")
    db.execute(
        "INSERT INTO list_items (list_id, resource_id, note) "
        "SELECT id, 'cure-cask', 'call on Monday' FROM lists WHERE name = 'Rivera family'"
    )
    db.execute(
        "INSERT INTO resources (id, name, kind, origin) "
        "VALUES ('my-group', 'My Group', 'support_group', 'local')"
    )
    db.close()

    backups_before = list((tmp_path / "backups").glob("*.sqlite3"))
    directory = Directory.open(path)
    report = directory.startup_report
    assert report is not None and report.migrations[:8] == [
        "0005_local_edits",
        "0006_search_support",
        "0007_fts_prefixes",
        "0008_identity",
        "0009_dataset_two",
        "0010_hsds_kept",
        "0011_checkups",
        "0012_sync_outbox",
    ]
    assert report.backup is not None and report.backup.exists()
    assert len(list((tmp_path / "backups").glob("*.sqlite3"))) == len(backups_before) + 1
    assert "local_edits" in directory.db.table_names()
    rows = directory.db.execute(
        "SELECT l.name, l.note, i.resource_id, i.note "
        "FROM lists l JOIN list_items i ON i.list_id = l.id"
    ).fetchall()
    assert rows == [("Rivera family", "March visit", "cure-cask", "call on Monday")]
    assert directory.resource("my-group").name == "My Group"
    assert (
        directory.total() == CURATED_ACTIVE + 1
    )  # the curated entries merged beside the user's own
    directory.close()

    # The backup holds the database as it was before the upgrade.
    old = open_database(report.backup)
    assert "local_edits" not in old.table_names()
    assert old.execute("SELECT count(*) FROM list_items").fetchone()[0] == 1
    old.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    db = open_database(path)
    apply_migrations(db)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('cbh_directory', '0099_from_the_future', '2030-01-01')"
    )
    db.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        Directory.open(path)
    assert path.read_bytes() == before
    assert "0099_from_the_future" in applied_names(open_database(path))


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    good = migration_files()[:1]
    bad = tmp_path / "0002_broken.sql"
    bad.write_text("CREATE TABLE half (x);\nTHIS IS NOT SQL;\n")
    db = open_database(tmp_path / "db.sqlite3")
    apply_migrations(db, good)
    with pytest.raises(Exception, match="could not upgrade"):
        apply_migrations(db, [*good, bad])
    assert "half" not in db.table_names()
    assert applied_names(db) == ["0001_directory"]
    db.close()


def test_split_statements_keeps_triggers_whole() -> None:
    sql = (
        "-- comment\nCREATE TABLE a (x);\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO a VALUES (1);\nEND;\n"
    )
    statements = list(split_statements(sql))
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
