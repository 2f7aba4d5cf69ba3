"""Errors the user sees: an unexpected exception in the window is logged to the rotating log
file and shown in a short dialog with "Copy details", and the window keeps working; the
command line says one line and where the details are."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from cbh_directory.cli import main
from cbh_directory.logs import LOG_FILE, setup_logging
from cbh_directory.service import Directory
from cbh_directory.ui.error_report import ErrorDialog, ErrorReporter
from cbh_directory.ui.main_window import MainWindow
from cbh_directory.ui.settings import WindowSettings

from ..ui.conftest import type_and_wait
from .conftest import Ledger


@pytest.fixture
def log_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    setup_logging(folder)
    return folder


@pytest.fixture
def window(qtbot, curated: Directory, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    shown = MainWindow(curated, settings)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.results_shown, timeout=20_000):
        shown.show()
    return shown


def boom() -> None:
    raise RuntimeError("a <b>bug</b> in a slot")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_the_window_is_shown_logged_and_survived(
    qtbot, window: MainWindow, log_folder: Path, ledger: Ledger
) -> None:
    shown: list[tuple[str, str]] = []
    reporter = ErrorReporter(window, show=lambda short, details: shown.append((short, details)))
    reporter.install(log_folder)
    try:
        QTimer.singleShot(0, boom)  # raised inside Qt's event loop, as a slot would
        qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
        worker = threading.Thread(target=boom, name="export-worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: reporter.count == 2, timeout=5_000)
    finally:
        reporter.uninstall()
    short, details = shown[0]
    assert short == "RuntimeError: a <b>bug</b> in a slot"
    assert "Traceback" in details and "in boom" in details
    log = (log_folder / LOG_FILE).read_text(encoding="utf-8")
    assert log.count("RuntimeError: a <b>bug</b> in a slot") >= 2
    assert "export-worker" in log
    # The window goes on working.
    type_and_wait(qtbot, window, "ataxia")
    assert window.model.rowCount() > 0
    ledger.record(
        "test_errors_seen.py::test_an_exception_in_the_window_is_shown_logged_and_survived",
        "an exception raised in the GUI thread's event loop and one in a worker thread",
        2,
        "both logged with their traceback, one dialog shown, the window kept searching",
    )


def test_the_dialog_is_plain_text_and_copies_the_details(qtbot, log_folder: Path) -> None:
    dialog = ErrorDialog("RuntimeError: <img src=x>", "Traceback (most recent call last): ...")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText
    assert "RuntimeError: <img src=x>" in dialog.message.text()
    assert str(log_folder / LOG_FILE) in dialog.message.text()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "Traceback (most recent call last): ..."
    assert dialog.isVisible(), "copying does not close the dialog"
    dialog.grab().save(str(log_folder / "error-dialog.png"))


def test_the_command_line_says_one_line_and_logs_the_rest(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("cbh_directory.service.Directory.stats", broken)
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "d.sqlite3"), "stats"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("cbh-directory: error: unexpected error (ZeroDivisionError")
    log_path = Path(err.split("details in ", 1)[1])
    assert "Traceback" in log_path.read_text(encoding="utf-8")
