"""The first window: a search box over a paged results table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui.main_window import MainWindow
from cbh_directory.ui.results_model import PAGE_SIZE, ResultsModel


def test_results_model_passes_the_model_tester(qtmodeltester, synthetic: Directory) -> None:
    model = ResultsModel(synthetic)
    model.set_query(SearchQuery())
    qtmodeltester.check(model)
    assert model.rowCount() == 7


def test_results_model_fetches_pages_on_demand(curated: Directory) -> None:
    model = ResultsModel(curated)
    model.set_query(SearchQuery())
    assert model.total == 87
    assert model.rowCount() == min(PAGE_SIZE, 87)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 87
    assert model.data(model.index(0, 0)) == "A-T Children's Project"


def test_typing_narrows_the_results(qtbot, curated: Directory) -> None:
    window = MainWindow(curated)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 87
    qtbot.keyClicks(window.search_box, "CASK")
    qtbot.waitUntil(lambda: window.model.total < 87, timeout=2000)
    names = {window.model.data(window.model.index(r, 0)) for r in range(window.model.rowCount())}
    assert "Cure CASK" in names
    assert "of 87 resources" in window.statusBar().currentMessage()


def test_ctrl_f_focuses_the_search_box(qtbot, curated: Directory) -> None:
    window = MainWindow(curated)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus, timeout=1000)
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.hasFocus, timeout=1000)


def test_gui_screenshot_command_writes_a_png(curated_db: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    target = tmp_path / "window.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cbh_directory",
            "--db",
            str(curated_db),
            "gui",
            "--screenshot",
            str(target),
            "--size",
            "1024x640",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 640)


def test_no_display_gives_advice_not_a_crash(curated_db: Path) -> None:
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "cbh_directory", "--db", str(curated_db), "gui"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    assert "No display found" in result.stderr
    assert "cbh-directory search" in result.stderr
