"""Fixtures for window tests: settings in a temporary file, a window with its first results."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QDialog

from cbh_directory.service import Directory
from cbh_directory.ui import msgbox
from cbh_directory.ui.main_window import MainWindow
from cbh_directory.ui.results_model import NAME
from cbh_directory.ui.settings import WindowSettings


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, settings_file: Path) -> Iterator[Callable[[Directory], MainWindow]]:
    windows: list[MainWindow] = []

    def make(directory: Directory, *, size: tuple[int, int] | None = (1280, 800)) -> MainWindow:
        settings = WindowSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        window = MainWindow(directory, settings)
        qtbot.addWidget(window)
        if size is not None:  # None: keep the geometry restored from the settings
            window.resize(*size)
        windows.append(window)
        with qtbot.waitSignals([window.results_shown, window.counts_shown], timeout=10_000):
            window.show()
        return window

    yield make
    for window in windows:
        window.close()


def names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(row, NAME)) for row in range(model.rowCount())]


def row_loaded(window: MainWindow, resource_id: str, timeout: float = 5.0) -> int:
    """The row of a resource, fetching further pages of results (as scrolling would) until
    it arrives; -1 when the results do not hold it."""
    model = window.model
    deadline = time.monotonic() + timeout
    while (row := model.row_of(resource_id)) < 0 and time.monotonic() < deadline:
        if model.canFetchMore():
            model.fetchMore()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return row


def type_and_wait(qtbot, window: MainWindow, text: str) -> None:
    """Type into the search box and wait until the results for the whole text are shown,
    with their filter counts."""
    qtbot.keyClicks(window.search_bar.search_box, text)
    wanted = window.search_bar.search_box.text()
    qtbot.waitUntil(
        lambda: (
            not window.session.busy
            and not window.session.counting
            and window.model.query.text == wanted
        ),
        timeout=10_000,
    )


def answer_dialogs(
    monkeypatch: pytest.MonkeyPatch, handlers: dict[type, Callable[[Any], object]]
) -> None:
    """Answer the window's modal dialogs (everything it runs goes through msgbox.run): the
    handler for the dialog's class fills it in and returns True (accept) or False (reject),
    or accepts or rejects it itself and returns None."""

    def run(dialog: QDialog) -> int:
        for kind, handler in handlers.items():
            if isinstance(dialog, kind):
                answer = handler(dialog)
                if isinstance(answer, bool):
                    accepted = QDialog.DialogCode.Accepted
                    return int(accepted if answer else QDialog.DialogCode.Rejected)
                return int(dialog.result())
        raise AssertionError(f"a dialog the test did not expect: {dialog!r}")

    monkeypatch.setattr(msgbox, "run", run)


def answer_recovery(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[tuple[str, bool]]:
    """Answer the recovery box with `choice`; records (problem, whether a backup was offered)."""
    asked: list[tuple[str, bool]] = []

    def choose(parent: Any, title: str, text: str, choices: Any, **kwargs: Any) -> str:
        asked.append((text, any(key == "restore" for _, key, _ in choices)))
        return choice

    monkeypatch.setattr(msgbox, "choose", choose)
    return asked
