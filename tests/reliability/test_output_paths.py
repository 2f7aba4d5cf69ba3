"""Writing where the user points never destroys the database, a backup or a good file, and
keeps file modes as a shared folder needs them: issue 11, items 3, 5 and 13."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..cli.test_cli import run
from .sandbox import CLI, fill_disk, in_namespace, need_namespaces


def test_saving_a_list_over_the_live_database_is_refused(synthetic_db: Path) -> None:
    db = str(synthetic_db)
    assert run("--db", db, "lists", "new", "Rivera family").code == 0
    assert run("--db", db, "db", "backup").code == 0
    backup = next((synthetic_db.parent / "backups").iterdir())
    before = synthetic_db.read_bytes()
    for target in (synthetic_db, Path(db + "-wal"), Path(db + "-shm"), backup):
        result = run("--db", db, "lists", "export", "Rivera family", str(target))
        assert result.code != 0 and "choose a" in result.err, (target, result.err)
    assert synthetic_db.read_bytes() == before
    assert run("--db", db, "lists", "show", "Rivera family").code == 0
    folder = run("--db", db, "lists", "export", "Rivera family", str(synthetic_db.parent))
    assert folder.code != 0 and "is a directory" in folder.err
    hsds = run("--db", db, "export-hsds", str(synthetic_db.parent / "backups"))
    assert hsds.code != 0 and "backups folder" in hsds.err, hsds.err


def test_an_export_never_replaces_a_database_or_a_device(
    synthetic_db: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    other.write_bytes(synthetic_db.read_bytes())  # a database that happens to end in .json
    result = run("--db", str(synthetic_db), "export", str(other))
    assert result.code != 0 and "SQLite database" in result.err, result.err
    assert other.read_bytes() == synthetic_db.read_bytes()
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    result = run("--db", str(synthetic_db), "export", str(pipe))
    assert result.code != 0 and "not a regular file" in result.err, result.err


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("umask_022")
def test_exports_follow_the_umask_and_keep_the_mode_of_a_file_they_replace(
    synthetic_db: Path, tmp_path: Path
) -> None:
    db = str(synthetic_db)
    for name in ("handout.html", "contacts.csv", "contacts.vcf", "all.json", "hsds.zip"):
        target = tmp_path / name
        if name == "hsds.zip":
            assert run("--db", db, "export-hsds", str(target)).code == 0
        else:
            assert run("--db", db, "export", str(target)).code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644, name
    assert run("--db", db, "lists", "export", "Bookmarks", str(tmp_path / "b.json")).code == 0
    assert stat.S_IMODE((tmp_path / "b.json").stat().st_mode) == 0o644
    shared = tmp_path / "handout.html"
    shared.chmod(0o664)
    assert run("--db", db, "export", str(shared)).code == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664


def test_a_pdf_that_does_not_fit_on_the_disk_leaves_the_old_handout(
    curated_template: Path, tmp_path: Path
) -> None:
    need_namespaces()
    disk = tmp_path / "disk"
    disk.mkdir()
    db = tmp_path / "directory.sqlite3"
    db.write_bytes(curated_template.read_bytes())
    handout = disk / "handout.pdf"
    script = (
        f"mount -t tmpfs -o size=4m tmpfs {disk}\n"
        f"{CLI} --db {db} export {handout} CASK >/dev/null 2>&1\n"
        f"cp {handout} {tmp_path}/good.pdf\n"
        + fill_disk(disk, 24)
        + f"{CLI} --db {db} export {handout} --paper a4 && echo EXPORT-OK || echo EXPORT-FAILED\n"
        f"cmp -s {handout} {tmp_path}/good.pdf && echo SAME-AS-BEFORE || echo CHANGED\n"
        f"ls -a {disk} | tr '\\n' ' '\n"
    )
    result = in_namespace(script, timeout=300)
    assert result.code == 0, result.err
    good = tmp_path / "good.pdf"
    assert good.stat().st_size > 1000
    assert "EXPORT-FAILED" in result.out, (result.out, result.err)
    assert "is the disk full" in result.err or "No space left" in result.err, result.err
    assert "SAME-AS-BEFORE" in result.out, "the good handout must stay as it was"
    assert ".partial" not in result.out, "no temporary file may be left behind"
