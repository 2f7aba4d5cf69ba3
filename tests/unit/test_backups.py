"""Backups and restore: rolling copies, checked restores, damaged databases moved aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cbh_directory.domain.errors import DatabaseError
from cbh_directory.service import Directory
from cbh_directory.store import backups
from cbh_directory.store.database import timestamped_backup


def test_backup_and_restore_round_trip(synthetic: Directory) -> None:
    family = synthetic.create_list("Rivera family")
    synthetic.add_to_list(family.id, ["test-cask-peers"])
    saved = synthetic.backup("manual")
    synthetic.delete_list(family.id)
    synthetic.archive(["test-uk-aid"])
    safety = synthetic.restore(saved)
    assert synthetic.list_info("Rivera family").count == 1
    assert synthetic.resource("test-uk-aid").status == "active"
    # The state before the restore was kept, so the restore can be undone too.
    assert backups.database_problem(safety) is None
    with Directory.open(safety, prepare=False) as before:
        assert [x.name for x in before.lists()] == ["Bookmarks"]


def test_only_the_newest_ten_backups_are_kept(synthetic: Directory) -> None:
    for _ in range(13):
        synthetic.backup("manual")
    assert len(synthetic.backups()) == 10


def test_a_daily_backup_is_made_once_a_day(synthetic: Directory) -> None:
    first = synthetic.daily_backup()
    assert first is not None and first.exists()
    assert synthetic.daily_backup() is None


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"just some text, not a database" * 20, "not an SQLite database"),
        (b"", "not an SQLite database"),
    ],
)
def test_restore_refuses_files_that_are_not_databases(
    synthetic: Directory, tmp_path: Path, content: bytes, problem: str
) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(content)
    with pytest.raises(DatabaseError, match=problem):
        synthetic.restore(bogus)
    assert synthetic.total() == 7


def test_restore_refuses_other_sqlite_files_and_newer_versions(
    synthetic: Directory, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a CBH Directory database"):
        synthetic.restore(other)
    future = synthetic.backup("manual", tmp_path / "future.sqlite3")
    conn = sqlite3.connect(future)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('cbh_directory', '0099_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer version"):
        synthetic.restore(future)


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk might."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 40), page * 2):
        data[offset : offset + page] = b"\x13" * page
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_detected_moved_aside_and_replaced(synthetic_db: Path) -> None:
    with Directory.open(synthetic_db, prepare=False) as directory:
        directory.create_list("Keep me")
        good = directory.backup("manual")
        directory.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(synthetic_db)
    assert backups.database_problem(synthetic_db) is not None
    assert backups.latest_good_backup(good.parent) == good

    original = synthetic_db.read_bytes()
    moved = backups.put_in_place(good, synthetic_db)
    assert moved is not None and moved.read_bytes() == original, "the damaged file is kept"
    with Directory.open(synthetic_db) as restored:
        assert restored.list_info("Keep me").name == "Keep me"
        assert restored.check() == []


def test_latest_good_backup_skips_damaged_ones(synthetic: Directory) -> None:
    older = synthetic.backup("manual")
    newer = timestamped_backup(synthetic.db, older.parent, "manual")
    damage(newer)
    assert backups.latest_good_backup(older.parent) == older
