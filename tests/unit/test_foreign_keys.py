"""Declared foreign keys (migration 0013): tools such as Datasette see how tables refer to each
other, upgrades keep every row of the user's, and no row is left referring to nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from cbh_directory.domain.errors import DatabaseError
from cbh_directory.service import Directory
from cbh_directory.store.database import open_database
from cbh_directory.store.migrations import apply_migrations, migration_files
from cbh_directory.store.vocabulary_table import sync_focus_terms

from ..conftest import DATA

OLD_RELEASE = DATA / "old_release" / "directory-2026.11.24.sqlite3"

# (table, column) -> (table it refers to, column there): every reference that always holds.
DECLARED = {
    ("focus_terms", "parent"): ("focus_terms", "id"),
    ("resource_focus", "focus_id"): ("focus_terms", "id"),
    ("resource_focus", "resource_pk"): ("resources", "pk"),
    ("resource_languages", "resource_pk"): ("resources", "pk"),
    ("list_items", "list_id"): ("lists", "id"),
    ("local_edits", "resource_id"): ("resources", "id"),
    ("regions", "country_code"): ("countries", "code"),
    ("places", "country_code"): ("countries", "code"),
    ("sync_services", "source_id"): ("sync_sources", "id"),
    ("sync_staged", "source_id"): ("sync_sources", "id"),
}
# The user's rows that name a resource by its text id and must outlive it (docs/DATABASE.md).
BY_TEXT_ID_ONLY = ("list_items", "checkups", "outbox", "sync_services")


def _declared(db: sqlite_utils.Database) -> dict[tuple[str, str], tuple[str, str]]:
    return {
        (fk.table, fk.column): (fk.other_table, fk.other_column)
        for name in db.table_names()
        for fk in db[name].foreign_keys  # type: ignore[union-attr]
    }


def _rows(path: Path, tables: tuple[str, ...]) -> dict[str, list[tuple[Any, ...]]]:
    db = sqlite3.connect(path)
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        db.close()


def test_a_new_database_declares_every_reference(curated: Directory) -> None:
    declared = _declared(curated.db)
    assert {k: declared.get(k) for k in DECLARED} == DECLARED
    for table in BY_TEXT_ID_ONLY:
        assert "resources" not in {fk.other_table for fk in curated.db[table].foreign_keys}  # type: ignore[union-attr]
    assert curated.db.execute("PRAGMA foreign_key_check").fetchall() == []
    # What sqlite-utils (and so Datasette) reads: the focus term's label is one join away.
    assert (
        curated.db.execute(
            "SELECT count(*) FROM resource_focus f JOIN focus_terms t ON t.id = f.focus_id"
        ).fetchone()[0]
        == curated.db.execute("SELECT count(*) FROM resource_focus").fetchone()[0]
    )


def test_the_oldest_release_upgrades_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "directory.sqlite3"
    shutil.copyfile(OLD_RELEASE, path)
    user_tables = ("lists", "list_items", "local_edits")
    before = _rows(path, user_tables)
    directory = Directory.open(path)
    try:
        assert "0013_foreign_keys" in (directory.startup_report.migrations or [])  # type: ignore[union-attr]
        assert _declared(directory.db)[("local_edits", "resource_id")] == ("resources", "id")
        assert directory.db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        directory.close()
    after = _rows(path, user_tables)
    # The dataset merge refreshes list snapshots and the curated value beside each edit;
    # everything the user wrote is as it was.
    strip = {"list_items": lambda r: r[:5], "local_edits": lambda r: (*r[:3], r[4])}
    for table in user_tables:
        cut = strip.get(table, lambda r: r)
        assert [cut(r) for r in after[table]] == [cut(r) for r in before[table]], table
    assert len(after["local_edits"]) == 6


def _database_at_0012(path: Path) -> None:
    """A database at schema 0012 holding a family's list, notes, edits, check-ups and a
    proposal; one list item and one edit name a resource this copy does not have."""
    db = open_database(path)
    apply_migrations(db, migration_files()[:12])
    db.execute(
        "INSERT INTO resources (id, name, kind, origin) "
        "VALUES ('my-group', 'My Group', 'support_group', 'local')"
    )
    db.execute("INSERT INTO focus_terms (id, label, grp) VALUES ('gone-term', 'Gone', 'x')")
    db.execute(
        "INSERT INTO resource_focus (focus_id, resource_pk) "
        "SELECT 'gone-term', pk FROM resources WHERE id = 'my-group'"
    )
    db.execute("INSERT INTO lists (name, note) VALUES ('Rivera family', 'March visit')")
    for rid, note in (("my-group", "call on Monday"), ("from-a-colleague", "ask Ana")):
        db.execute(
            "INSERT INTO list_items (list_id, resource_id, note, snapshot) "
            "SELECT id, ?, ?, '{\"name\": \"Shared\"}' FROM lists WHERE name = 'Rivera family'",
            [rid, note],
        )
    db.execute(
        "INSERT INTO local_edits (resource_id, field, value, edited_at) VALUES "
        "('my-group', 'phone', '\"+16145550100\"', '2026-12-01T10:00:00Z'), "
        "('deleted-long-ago', 'description', '\"Our notes: kind people\"', "
        "'2026-11-01T10:00:00Z')"
    )
    db.execute(
        "INSERT INTO checkups (id, resource_id, checked_on, checked_by) VALUES "
        "('c1', 'my-group', '2026-12-01', 'AB'), ('c2', 'elsewhere', '2026-12-01', 'AB')"
    )
    db.execute(
        "INSERT INTO outbox (action, resource_id, payload, created_at) "
        "VALUES ('edit', 'my-group', '{}', '2026-12-01T10:00:00Z')"
    )
    db.close()


def test_a_database_at_0012_upgrades_keeping_lists_notes_edits_and_checkups(
    tmp_path: Path,
) -> None:
    path = tmp_path / "at12.sqlite3"
    _database_at_0012(path)
    kept = ("lists", "checkups", "outbox")
    before = _rows(path, (*kept, "list_items", "local_edits"))
    directory = Directory.open(path)
    try:
        assert directory.db.execute("PRAGMA foreign_key_check").fetchall() == []
        orphaned = directory.db.execute(
            "SELECT resource_id, field, value, edited_at FROM orphaned_local_edits"
        ).fetchall()
        edits = directory.db.execute(
            "SELECT resource_id, field, value, edited_at FROM local_edits"
        ).fetchall()
        stale = directory.db.execute(
            "SELECT count(*) FROM resource_focus WHERE focus_id = 'gone-term'"
        ).fetchone()[0]
    finally:
        directory.close()
    after = _rows(path, (*kept, "list_items"))
    for table in kept:
        assert after[table] == before[table], table
    assert [r[1:4] for r in after["list_items"]] == [r[1:4] for r in before["list_items"]]
    # The edit of a resource that is gone is kept aside, every value as it was.
    assert orphaned == [
        ("deleted-long-ago", "description", '"Our notes: kind people"', "2026-11-01T10:00:00Z")
    ]
    assert [e for e in edits if e[0] == "my-group"] == [
        ("my-group", "phone", '"+16145550100"', "2026-12-01T10:00:00Z")
    ]
    assert stale == 0  # index rows for a term the vocabulary no longer has


def test_deleting_a_resource_of_ones_own_still_works_with_its_edits(curated: Directory) -> None:
    created = curated.create_resource({"name": "Our Parents Group", "kind": "support_group"})
    # An edited entry the dataset dropped becomes the user's own, edits and all (store/dataset).
    curated.db.execute(
        "INSERT INTO local_edits (resource_id, field, value) VALUES (?, 'description', '\"x\"')",
        [created.id],
    )
    curated.delete_local_resource(created.id)
    assert (
        curated.db.execute(
            "SELECT count(*) FROM local_edits WHERE resource_id = ?", [created.id]
        ).fetchone()[0]
        == 0
    )


def test_a_resource_with_edits_cannot_be_deleted_behind_the_users_back(
    curated: Directory,
) -> None:
    rid = curated.db.execute("SELECT id FROM resources LIMIT 1").fetchone()[0]
    curated.edit_resource(rid, {"description": "Our own words."})
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        curated.db.execute("DELETE FROM resources WHERE id = ?", [rid])


def test_a_vocabulary_without_a_term_drops_only_its_index_rows(curated: Directory) -> None:
    db = curated.db
    db.execute("INSERT INTO focus_terms (id, label, grp) VALUES ('retired', 'Retired', 'x')")
    db.execute(
        "INSERT INTO resource_focus (focus_id, resource_pk) "
        "SELECT 'retired', min(pk) FROM resources"
    )
    db.execute("UPDATE metadata SET value = 'old' WHERE key = 'focus_terms_sha256'")
    assert sync_focus_terms(db)
    assert (
        db.execute("SELECT count(*) FROM resource_focus WHERE focus_id = 'retired'").fetchone()[0]
        == 0
    )
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_upgrade_that_would_leave_a_dangling_row_is_refused(tmp_path: Path) -> None:
    files = migration_files()
    bad = tmp_path / f"{len(files) + 1:04d}_dangling.sql"
    bad.write_text("INSERT INTO list_items (list_id, resource_id) VALUES (999, 'x');\n")
    db = open_database(tmp_path / "db.sqlite3")
    apply_migrations(db, files)
    with pytest.raises(DatabaseError, match="refer to nothing"):
        apply_migrations(db, [*files, bad])
    assert db.execute("SELECT count(*) FROM list_items").fetchone()[0] == 0
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_the_database_guide_describes_every_table_and_reference(curated: Directory) -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "DATABASE.md").read_text("utf-8")
    headings = " ".join(line for line in guide.splitlines() if line.startswith("### "))
    tables = [
        name
        for name in curated.db.table_names()
        if not name.startswith(("resources_fts_", "sqlite_", "_sqlite_"))
    ]
    assert [t for t in tables if t not in headings] == []
    for (table, column), (other, other_column) in DECLARED.items():
        assert f"`{table}.{column}`" in guide or f"`{column}` (→ `{other}.{other_column}`" in guide
