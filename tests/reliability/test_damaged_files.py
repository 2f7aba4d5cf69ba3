"""Damaged databases at start: a clear message and the offer of the newest good backup (or a
fresh start), the damaged file moved aside byte for byte, never overwritten; a database from a
newer version is refused and left exactly as it was."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui import msgbox
from cbh_directory.ui.recovery import open_or_recover

from ..ui.conftest import answer_recovery
from .conftest import Ledger

pytestmark = pytest.mark.stress


@pytest.fixture(scope="module")
def template(curated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with a family's list and a good backup of it."""
    path = tmp_path_factory.mktemp("damaged") / "directory.sqlite3"
    shutil.copyfile(curated_template, path)
    with Directory.open(path) as directory:
        family = directory.create_list("Rivera family", note="March visit")
        directory.add_to_list(family.id, ["pacer"], note="IEP meeting on the 14th")
        directory.backup("manual")
        directory.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def copy_with_backups(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(template.parent / "backups", folder / "backups")
    target = folder / "directory.sqlite3"
    shutil.copyfile(template, target)
    return target


def truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: len(data) * 6 // 10]


def pages_overwritten(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    page = 4096
    for _ in range(rng.randrange(1, 6)):
        start = rng.randrange(1, len(out) // page) * page  # never the header page
        out[start : start + page] = rng.randbytes(page)
    return bytes(out)


def random_file(data: bytes, rng: random.Random) -> bytes:
    return rng.randbytes(len(data))


def text_file(data: bytes, rng: random.Random) -> bytes:
    return b"Name,Phone\nRivera family,555-0100\n" * 50


DAMAGE = {
    "cut to 60% of its length": truncated,
    "random pages overwritten with random bytes": pages_overwritten,
    "random bytes from start to end": random_file,
    "a CSV file saved under the database's name": text_file,
}


def test_each_kind_of_damage_is_offered_a_backup_and_kept(
    template: Path, tmp_path: Path, ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(42)
    outcomes: Counter[str] = Counter()
    runs = 0
    for label, damage in DAMAGE.items():
        repeats = ledger.kills(quick=2, full=10) if damage is pages_overwritten else 1
        for repeat in range(repeats):
            runs += 1
            path = copy_with_backups(template, tmp_path / f"{damage.__name__}-{repeat}")
            broken = damage(template.read_bytes(), rng)
            path.write_bytes(broken)
            asked = answer_recovery(monkeypatch, "restore")
            directory = open_or_recover(path)
            assert directory is not None
            if not asked:
                # Overwritten pages that held nothing in use: SQLite finds no damage, and the
                # directory works as before.
                outcomes[f"{label}: harmless, opened as usual"] += 1
                assert directory.count(SearchQuery(text="ataxia")) > 0
                directory.close()
                continue
            problem, backup = asked[0]
            assert problem and backup, "the newest good backup is offered"
            family = directory.list_info("Rivera family")
            assert directory.item_note(family.id, "pacer") == "IEP meeting on the 14th"
            directory.close()
            kept = [
                p
                for p in path.parent.glob("directory.sqlite3.damaged-*")
                if not p.name.endswith(("-wal", "-shm"))
            ]
            assert len(kept) == 1 and kept[0].read_bytes() == broken, "kept as it was"
            outcomes[f"{label}: backup offered and restored"] += 1
    ledger.record(
        "test_damaged_files.py::test_each_kind_of_damage_is_offered_a_backup_and_kept",
        "databases cut short, with random pages overwritten, replaced by random bytes, or "
        "replaced by a CSV file; opened as the window does at start",
        runs,
        "; ".join(f"{k}: {v}" for k, v in sorted(outcomes.items()))
        + "; the damaged file kept byte for byte every time",
    )


def test_a_newer_database_is_refused_and_left_untouched(
    template: Path, tmp_path: Path, ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_with_backups(template, tmp_path / "newer")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('cbh_directory', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    told: list[str] = []
    monkeypatch.setattr(msgbox, "warn", lambda parent, title, text, **kwargs: told.append(text))
    asked = answer_recovery(monkeypatch, "fresh")
    result = open_or_recover(path)
    assert result is None and not asked
    assert told and "newer version" in told[0]
    assert path.read_bytes() == before, "not a byte changed"
    assert not list(path.parent.glob("directory.sqlite3.damaged-*"))
    ledger.record(
        "test_damaged_files.py::test_a_newer_database_is_refused_and_left_untouched",
        "a database that a newer version of the app has upgraded",
        1,
        "refused with a message naming the newer version; the file unchanged, byte for byte",
    )
