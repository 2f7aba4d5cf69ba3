"""The window and the command line writing to the same lists at once: no "database is locked"
reaches anyone, and no write is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui.main_window import MainWindow
from cbh_directory.ui.settings import WindowSettings

from .conftest import Ledger

pytestmark = pytest.mark.stress


def test_window_and_command_lines_add_at_once(
    qtbot, curated: Directory, curated_db: Path, tmp_path: Path, ledger: Ledger, monkeypatch
) -> None:
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(curated, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.results_shown, timeout=20_000):
        window.show()
    warnings: list[str] = []
    monkeypatch.setattr(window.lists, "_warn", warnings.append)
    family = curated.create_list("Shared by everyone")

    ids = curated.matching_ids(SearchQuery(sort="name"))
    per_process = 5 if not ledger.stress else 10
    processes = 3
    cli_ids = ids[: processes * per_process]
    gui_ids = ids[processes * per_process : processes * per_process * 2]
    loops = []
    for number in range(processes):
        chunk = cli_ids[number * per_process : (number + 1) * per_process]
        script = "; ".join(
            f'"{sys.executable}" -m cbh_directory --db "{curated_db}" lists add '
            f'"Shared by everyone" {resource_id} || exit 9'
            for resource_id in chunk
        )
        loops.append(
            subprocess.Popen(
                ["bash", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        )
    added_in_window = 0
    for resource_id in gui_ids:
        if window.lists.add_to(family.id, [resource_id]):
            added_in_window += 1
        qtbot.wait(20)
    outputs = [loop.communicate(timeout=300) for loop in loops]
    for loop, (_out, err) in zip(loops, outputs, strict=True):
        assert loop.returncode == 0, err
        assert "locked" not in err
    assert not warnings, warnings
    assert added_in_window == len(gui_ids)
    held = {item.resource_id for item in curated.list_items(family.id)}
    missing_cli = sorted(set(cli_ids) - held)
    missing_gui = sorted(set(gui_ids) - held)
    assert not missing_cli and not missing_gui, f"lost: cli {missing_cli}, window {missing_gui}"
    assert held == set(cli_ids) | set(gui_ids)
    ledger.record(
        "test_concurrency.py::test_window_and_command_lines_add_at_once",
        f"the window adds {len(gui_ids)} resources to a list one by one (its undoable command) "
        f"while {processes} command lines add {len(cli_ids)} others to the same list, in "
        "parallel",
        len(gui_ids) + len(cli_ids),
        "every item present; no warning in the window, no error from any command line",
    )
