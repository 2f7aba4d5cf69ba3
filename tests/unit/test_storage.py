"""The SQLite store: connection settings, FTS triggers, stable ids, damaged files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cbh_directory.domain.errors import DatabaseError, NotFoundError
from cbh_directory.domain.model import Resource, SearchQuery
from cbh_directory.service import Directory
from cbh_directory.store.database import open_database, write_transaction
from cbh_directory.store.migrations import migration_files
from cbh_directory.store.resources import delete_resource, get_resource, upsert_resource


def test_connection_uses_wal_foreign_keys_and_busy_timeout(synthetic: Directory) -> None:
    conn = synthetic.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_schema_has_the_design_tables(synthetic: Directory) -> None:
    tables = set(synthetic.db.table_names())
    for table in (
        "resources",
        "focus_terms",
        "resource_focus",
        "places",
        "lists",
        "list_items",
        "metadata",
        "local_edits",
        "resources_fts",
    ):
        assert table in tables
    newest = int(migration_files()[-1].name[:4])  # numbers may skip while branches merge
    assert synthetic.db.execute("PRAGMA user_version").fetchone()[0] == newest


def _search_ids(directory: Directory, text: str) -> list[str]:
    return [h.resource.id for h in directory.search(SearchQuery(text=text, limit=None)).hits]


def test_full_text_index_follows_insert_update_and_delete(synthetic: Directory) -> None:
    db = synthetic.db
    new = Resource(id="fresh-group", name="Zebrafish Parents", kind="support_group")
    with write_transaction(db):
        upsert_resource(db, new, origin="local")
    assert _search_ids(synthetic, "zebrafish") == ["fresh-group"]

    renamed = Resource(id="fresh-group", name="Axolotl Parents", kind="support_group")
    with write_transaction(db):
        pk_before = db.execute("SELECT pk FROM resources WHERE id = 'fresh-group'").fetchone()[0]
        upsert_resource(db, renamed, origin="local")
        pk_after = db.execute("SELECT pk FROM resources WHERE id = 'fresh-group'").fetchone()[0]
    assert pk_before == pk_after, "an update keeps the row (and its id) in place"
    assert _search_ids(synthetic, "zebrafish") == []
    assert _search_ids(synthetic, "axolotl") == ["fresh-group"]

    with write_transaction(db):
        delete_resource(db, "fresh-group")
    assert _search_ids(synthetic, "axolotl") == []
    assert synthetic.check() == []


def test_focus_index_includes_ancestors(synthetic: Directory) -> None:
    rows = synthetic.db.execute(
        "SELECT focus_id, direct FROM resource_focus f JOIN resources r ON r.pk = f.resource_pk "
        "WHERE r.id = 'test-columbus-ataxia' ORDER BY focus_id"
    ).fetchall()
    assert rows == [("ataxia", 0), ("friedreich-ataxia", 1)]


def test_write_transaction_is_all_or_nothing(synthetic: Directory) -> None:
    db = synthetic.db
    with pytest.raises(RuntimeError), write_transaction(db):
        upsert_resource(
            db, Resource(id="half-done", name="Half", kind="support_group"), origin="local"
        )
        raise RuntimeError("fails midway")
    with pytest.raises(NotFoundError):
        get_resource(db, "half-done")


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_bytes(b"these are my notes, not a database\n" * 10)
    before = bogus.read_bytes()
    with pytest.raises(DatabaseError, match="not a CBH Directory database"):
        Directory.open(bogus)
    assert bogus.read_bytes() == before


def test_truncated_database_gives_a_clear_error(synthetic_db: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(synthetic_db.read_bytes()[:5000])
    with pytest.raises(DatabaseError):
        directory = Directory.open(damaged)
        directory.search(SearchQuery(text="cask"))


def test_database_path_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cbh_directory.paths import default_db_path

    monkeypatch.setenv("CBH_DIRECTORY_DB", str(tmp_path / "elsewhere.sqlite3"))
    assert default_db_path() == tmp_path / "elsewhere.sqlite3"
    monkeypatch.delenv("CBH_DIRECTORY_DB")
    assert default_db_path().name == "directory.sqlite3"
    assert "cbh-directory" in str(default_db_path())


def test_a_second_writer_waits_instead_of_failing(synthetic_db: Path) -> None:
    import threading
    import time

    holding = threading.Event()
    committed: dict[str, float] = {}

    def hold_the_lock() -> None:
        first = open_database(synthetic_db)
        with write_transaction(first):
            first.execute("INSERT INTO lists (name) VALUES ('Rivera family')")
            holding.set()
            time.sleep(0.6)
        committed["first"] = time.monotonic()
        first.close()

    worker = threading.Thread(target=hold_the_lock)
    worker.start()
    holding.wait(5)
    second = open_database(synthetic_db)
    # A reader is not blocked by the open write under WAL, and does not see it yet.
    assert second.execute("SELECT count(*) FROM lists").fetchone()[0] == 1
    with write_transaction(second):  # waits for the first writer, no "database is locked"
        second.execute("INSERT INTO lists (name) VALUES ('Chen family')")
    committed["second"] = time.monotonic()
    worker.join()
    assert committed["second"] >= committed["first"] - 0.05
    names = [r[0] for r in second.execute("SELECT name FROM lists ORDER BY id")]
    assert names == ["Bookmarks", "Rivera family", "Chen family"]
    second.close()


def test_sqlite_is_recent_enough_for_fts5_and_row_values() -> None:
    assert sqlite3.sqlite_version_info >= (3, 35)


def test_focus_vocabulary_is_in_the_database(synthetic: Directory) -> None:
    rows = synthetic.db.execute(
        "SELECT id, grp, parent FROM focus_terms ORDER BY position"
    ).fetchall()
    assert ("CASK", "gene", "cerebellar-hypoplasia") in rows
    assert ("friedreich-ataxia", "syndrome", "ataxia") in rows
    assert ("respite", "family", "family-support") in rows
    assert len(rows) == 38  # 8 genes, 6 syndromes, 12 causes, 8 broad, 4 family-support terms


def test_a_second_connection_does_not_take_the_first_ones_locks(synthetic_db: Path) -> None:
    """Found by the GUI + CLI concurrency test: reading the file from Python while a connection
    was open dropped that connection's locks, so a CLI closing its own connection deleted the
    WAL from under the window, and the window's later writes were lost."""
    import subprocess
    import sys

    window = Directory.open(synthetic_db, prepare=False)
    worker = Directory.open(synthetic_db, prepare=False)  # as the search worker does
    worker.close()
    subprocess.run(
        [sys.executable, "-m", "cbh_directory", "--db", str(synthetic_db), "lists"],
        check=True,
        capture_output=True,
    )
    assert Path(f"{synthetic_db}-wal").exists(), "the WAL was taken from an open connection"
    window.create_list("Written after the command line closed")
    reader = sqlite3.connect(synthetic_db)
    names = [row[0] for row in reader.execute("SELECT name FROM lists")]
    reader.close()
    window.close()
    assert "Written after the command line closed" in names
