"""Backups belong to one database and never cost the user a file: hostile-use cases of
issue 11 (items 1, 2, 4 and the backup half of 11)."""

from __future__ import annotations

import os
import shlex
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils

from cbh_directory.service import Directory
from cbh_directory.store.database import timestamped_backup

from ..cli.test_cli import run
from .sandbox import CLI, fill_disk, in_namespace, need_namespaces


def test_backup_never_deletes_files_it_did_not_create(synthetic_db: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "out" / "thesis.partial"
    theirs.parent.mkdir()
    theirs.write_text("someone else's half-written file")
    result = run("--db", str(synthetic_db), "db", "backup", str(tmp_path / "out" / "copy.sqlite3"))
    assert result.code == 0, result.err
    assert theirs.read_text() == "someone else's half-written file"
    assert [p.name for p in theirs.parent.iterdir() if p.name.endswith(".partial")] == [
        "thesis.partial"
    ]


def test_backup_never_overwrites_a_file_without_being_told(
    synthetic_db: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("a family's notes, not a backup")
    result = run("--db", str(synthetic_db), "db", "backup", str(notes))
    assert result.code != 0 and "already exists" in result.err
    assert notes.read_text() == "a family's notes, not a backup"
    forced = run("--db", str(synthetic_db), "db", "backup", str(notes), "--force")
    assert forced.code == 0, forced.err
    assert notes.read_bytes().startswith(b"SQLite format 3\x00")


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_backup_never_replaces_a_device_or_a_pipe(synthetic_db: Path, tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for target in (device, pipe):
        result = run("--db", str(synthetic_db), "db", "backup", str(target))
        assert result.code != 0 and "not a regular file" in result.err, result.err
    assert stat.S_ISCHR(device.lstat().st_mode) and stat.S_ISFIFO(pipe.lstat().st_mode)


def test_backup_refuses_the_live_database_and_its_backups_folder(synthetic_db: Path) -> None:
    db = str(synthetic_db)
    assert run("--db", db, "db", "backup").code == 0
    before = synthetic_db.read_bytes()
    backups = synthetic_db.parent / "backups"
    made = next(backups.iterdir())
    for target in (synthetic_db, Path(db + "-wal"), backups / "x.sqlite3", made):
        result = run("--db", db, "db", "backup", str(target))
        assert result.code != 0 and "choose" in result.err, (target, result.err)
    assert synthetic_db.read_bytes() == before


def _make_db(template: Path, path: Path, list_name: str) -> None:
    path.write_bytes(template.read_bytes())
    with Directory.open(path, prepare=False) as directory:
        directory.create_list(list_name)


def test_two_databases_in_one_folder_keep_their_own_backups(
    synthetic_template: Path, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _make_db(synthetic_template, a, "Only in A")
    _make_db(synthetic_template, b, "Only in B")
    assert run("--db", str(a), "db", "backup").code == 0
    for _ in range(12):
        assert run("--db", str(b), "db", "backup").code == 0
    with Directory.open(a, prepare=False) as directory:
        directory.delete_list(directory.list_info("Only in A").id)
    result = run("--db", str(a), "db", "restore", "--latest")
    assert result.code == 0, result.err
    with Directory.open(a, prepare=False) as directory:
        names = [x.name for x in directory.lists()]
    assert "Only in A" in names and "Only in B" not in names, names
    with Directory.open(a, prepare=False) as directory:
        assert len(directory.backups()) >= 1, "b's pruning must leave a's backups alone"


def test_restore_refuses_a_file_that_only_has_the_migrations_table(
    synthetic_db: Path, tmp_path: Path
) -> None:
    fake = tmp_path / "fake.sqlite3"
    conn = sqlite3.connect(fake)
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
    for number, name in enumerate(
        ["directory", "search_index", "places", "lists", "local_edits", "search_support"], 1
    ):
        conn.execute(
            "INSERT INTO _sqlite_migrations VALUES ('cbh_directory', ?, 'x')",
            [f"{number:04d}_{name}"],
        )
    conn.execute("PRAGMA application_id = 1128417348")
    conn.commit()
    conn.close()
    with Directory.open(synthetic_db, prepare=False) as directory:
        directory.create_list("Rivera family")
    result = run("--db", str(synthetic_db), "db", "restore", str(fake))
    assert result.code != 0 and "cannot be restored" in result.err, result.err
    with Directory.open(synthetic_db, prepare=False) as directory:
        assert directory.list_info("Rivera family").name == "Rivera family"


def test_pruning_never_removes_the_newest_good_backup(synthetic: Directory, tmp_path: Path) -> None:
    good = synthetic.backup("manual")
    # A broken database under the same name (and, where the app has one, the same id):
    # what every command would back up after a bad file was put in place.
    broken_path = tmp_path / "elsewhere" / synthetic.path.name  # type: ignore[union-attr]
    broken_path.parent.mkdir()
    broken = sqlite_utils.Database(broken_path)
    broken.execute("CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT)")
    for key, value in synthetic.db.execute("SELECT key, value FROM metadata"):
        broken.execute("INSERT INTO metadata VALUES (?, ?)", [key, value])
    broken.execute(
        f"PRAGMA application_id = {synthetic.db.execute('PRAGMA application_id').fetchone()[0]}"
    )
    broken.conn.commit()
    for _ in range(12):
        timestamped_backup(broken, good.parent, "before-upgrade")
        time.sleep(0.002)
    broken.close()
    assert good.exists(), "the only good backup was pruned"


def test_restore_from_a_pipe_is_refused_at_once(synthetic_db: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "backup.sqlite3"
    os.mkfifo(pipe)
    started = time.monotonic()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "cbh_directory",
                "--db",
                str(synthetic_db),
                "db",
                "restore",
                str(pipe),
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("db restore from a FIFO hung")
    assert result.returncode != 0 and "not a regular file" in result.stderr, result.stderr
    assert time.monotonic() - started < 30


def test_a_full_disk_during_a_backup_says_so_and_leaves_nothing_behind(
    synthetic_template: Path, tmp_path: Path
) -> None:
    need_namespaces()
    disk = tmp_path / "disk"
    disk.mkdir()
    csv_file = tmp_path / "new.csv"
    csv_file.write_text("name,website\nNew group,https://example.org\n")
    db = disk / "directory.sqlite3"
    script = (
        f"mount -t tmpfs -o size=8m tmpfs {disk}\n"
        f"cp {shlex.quote(str(synthetic_template))} {db}\n"
        f"{CLI} --db {db} stats >/dev/null\n"
        + fill_disk(disk, 150)
        + f"{CLI} --db {db} db backup {disk}/copy.sqlite3 && echo BACKUP-OK || echo BACKUP-FAILED\n"
        f"{CLI} --db {db} import {csv_file} && echo IMPORT-OK || echo IMPORT-FAILED\n"
        f"ls -a {disk} {disk}/backups 2>/dev/null | tr '\\n' ' '; echo\n"
        f"{CLI} --db {db} search New --json\n"
    )
    result = in_namespace(script)
    assert result.code == 0, result.err
    assert "BACKUP-FAILED" in result.out and "IMPORT-FAILED" in result.out, result.out
    assert "unexpected error" not in result.err, result.err
    assert result.err.count("disk is full") >= 2, result.err
    listing = result.out.splitlines()[2]
    assert ".partial" not in listing and "journal" not in listing and "copy" not in listing, listing
    assert '"New group"' not in result.out, "nothing may be imported without its backup"
