"""Crash safety: the process is killed (SIGKILL) at random moments during an import and during
list edits. Every time the database must pass PRAGMA integrity_check, hold the state from
before or after the interrupted write, and keep every list item and note."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

from ..bench.synthetic import resources, towns, write_app_json
from .conftest import Ledger

pytestmark = pytest.mark.stress

EDITOR = Path(__file__).with_name("list_editor.py")
FAMILY = "Rivera family"
KEPT = {"pacer": "IEP meeting on the 14th", "wrightslaw": "", "cure-cask": "call on Monday"}
IMPORT_SIZE = 5000


class Child:
    """A subprocess whose output lines are collected as they come."""

    def __init__(self, args: list[str]) -> None:
        self.process = subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},  # each line as soon as it is said
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.strip())

    def wait_for(self, test, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while not test(self.lines):
            if self.process.poll() is not None or time.monotonic() > deadline:
                return
            time.sleep(0.001)

    def kill(self) -> int:
        """SIGKILL now; returns the exit status (negative: killed; 0: it finished first)."""
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGKILL)
        code = self.process.wait(timeout=30)
        self._reader.join(timeout=5)
        assert self.process.stdout is not None
        self.process.stdout.close()
        return code


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return ";".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def list_state(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT li.resource_id, li.note FROM list_items li JOIN lists l ON l.id = li.list_id "
            "WHERE l.name = ? ORDER BY li.position, li.added_at, li.resource_id",
            [FAMILY],
        ).fetchall()
    finally:
        conn.close()


def resource_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM resources").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def template(curated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The curated directory with a family's list holding notes."""
    path = tmp_path_factory.mktemp("kill") / "template.sqlite3"
    shutil.copyfile(curated_template, path)
    with Directory.open(path) as directory:
        family = directory.create_list(FAMILY, note="March visit")
        for resource_id, note in KEPT.items():
            directory.add_to_list(family.id, [resource_id], note=note)
        directory.add_to_list(directory.bookmarks().id, ["pacer"])
        directory.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def fresh_copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "directory.sqlite3"
    shutil.copyfile(template, target)
    return target


def test_killed_during_an_import(template: Path, tmp_path: Path, ledger: Ledger) -> None:
    with Directory.open(template, prepare=False) as directory:
        places = towns(directory.db, 500)
    source = write_app_json(tmp_path / "import.json", list(resources(IMPORT_SIZE, places)))
    before = resource_count(template)
    kept = list_state(template)

    def start(path: Path) -> Child:
        child = Child(
            [sys.executable, "-m", "cbh_directory", "--db", str(path), "import", str(source)]
        )
        # The preview is printed, then the backup and the write begin: kills land in those.
        child.wait_for(lambda lines: any(" new," in line for line in lines))
        return child

    # How long the backup and write take when nothing stops them.
    calibration = fresh_copy(template, tmp_path / "calibration")
    child = start(calibration)
    started = time.monotonic()
    assert child.process.wait(timeout=120) == 0
    duration = time.monotonic() - started
    child.kill()
    assert resource_count(calibration) == before + IMPORT_SIZE

    rng = random.Random(20261124)
    outcomes: Counter[str] = Counter()
    runs = ledger.kills()
    for run in range(runs):
        path = fresh_copy(template, tmp_path / f"run{run}")
        child = start(path)
        time.sleep(rng.uniform(0, duration * 1.1))
        code = child.kill()
        wal = Path(f"{path}-wal")
        wal_bytes = wal.stat().st_size if wal.exists() else 0  # before anything reopens it
        assert integrity(path) == "ok", f"run {run}: damaged after a kill"
        count = resource_count(path)
        assert count in (before, before + IMPORT_SIZE), f"run {run}: half an import ({count})"
        assert list_state(path) == kept, f"run {run}: a list item or note was lost"
        with Directory.open(path) as directory:  # and the app opens it as usual
            assert len(directory.list_items(directory.list_info(FAMILY).id)) == len(KEPT)
        if code >= 0:
            outcomes["finished before the kill"] += 1
        elif count == before:
            # Pages of the unfinished transaction in the WAL: it was killed mid-write.
            outcomes["mid-write" if wal_bytes > 1_000_000 else "before"] += 1
        else:
            outcomes["after"] += 1
    ledger.record(
        "test_kill.py::test_killed_during_an_import",
        f"SIGKILL at a random moment while `cbh-directory import` backs up and writes "
        f"{IMPORT_SIZE:,} resources (uninterrupted, that takes {duration:.2f} s); then "
        "integrity_check, the resource count, the family's list and notes, and opening the "
        "directory again",
        runs,
        f"integrity ok every time; killed before writing: {outcomes['before']}, in the middle "
        f"of the write (rolled back to before): {outcomes['mid-write']}, after the commit: "
        f"{outcomes['after']}, finished first: {outcomes['finished before the kill']}; "
        "never half an import; no list item or note lost",
    )


def reference_states(template: Path, folder: Path, ids: list[str], steps: int) -> list:  # type: ignore[type-arg]
    """The list after 0, 1, ..., steps steps, replayed without interruption."""
    sys.path.insert(0, str(EDITOR.parent))
    try:
        from list_editor import step  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    path = fresh_copy(template, folder)
    states = [list_state(path)]
    with Directory.open(path, prepare=False) as directory:
        list_id = directory.list_info(FAMILY).id
        for number in range(steps):
            step(directory, list_id, ids, number)
            states.append(list_state(path))
    return states


def test_killed_during_list_edits(template: Path, tmp_path: Path, ledger: Ledger) -> None:
    with Directory.open(template, prepare=False) as directory:
        ids = directory.matching_ids(SearchQuery(sort="name"))
    ids = [i for i in ids if i not in KEPT][:40]
    steps = len(ids) * 3
    states = reference_states(template, tmp_path / "reference", ids, steps)

    rng = random.Random(1124)
    runs = ledger.kills()
    landed: Counter[str] = Counter()
    for run in range(runs):
        path = fresh_copy(template, tmp_path / f"edit{run}")
        child = Child([sys.executable, str(EDITOR), str(path), FAMILY, ",".join(ids), str(steps)])
        child.wait_for(lambda lines: "ready" in lines)
        target = rng.randrange(steps - 1)
        child.wait_for(lambda lines, t=target: f"done {t}" in lines)
        time.sleep(rng.uniform(0, 0.004))
        child.kill()
        acknowledged = sum(1 for line in child.lines if line.startswith("done "))
        assert integrity(path) == "ok", f"run {run}: damaged after a kill"
        state = list_state(path)
        allowed = states[acknowledged : acknowledged + 2]
        assert state in allowed, f"run {run}: not the state after step {acknowledged} or the next"
        for resource_id, note in KEPT.items():
            assert (resource_id, note) in state, f"run {run}: lost {resource_id}"
        landed["after the last acknowledged step" if state == allowed[0] else "one step on"] += 1
    ledger.record(
        "test_kill.py::test_killed_during_list_edits",
        f"SIGKILL at a random moment in a run of {steps} list edits (add with a note, change the "
        "note, move up), each its own transaction; the list compared with a replay",
        runs,
        f"integrity ok every time; the state after the last acknowledged edit "
        f"({landed['after the last acknowledged step']}) or after the one in flight "
        f"({landed['one step on']}); no item or note lost",
    )
