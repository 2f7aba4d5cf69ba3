"""File → Sync with Agency Directory… in the window: a sync off the GUI thread with progress
and Cancel, its result in the window, failures that change nothing, and proposals."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from cbh_directory.ui import msgbox
from cbh_directory.ui.sync_dialog import SyncDialog

from ..unit.test_sync_other_api import FixtureApi, serve_fixture_api
from .conftest import answer_dialogs, type_and_wait
from .test_lists_window import select


@pytest.fixture
def fixture_api() -> Iterator[FixtureApi]:
    yield from serve_fixture_api()


def _run_dialog(qtbot, window, monkeypatch, steps) -> SyncDialog:
    """Open the dialog from the File menu and let `steps(dialog)` use it."""
    seen: list[SyncDialog] = []

    def use(dialog: SyncDialog) -> bool:
        qtbot.addWidget(dialog)
        seen.append(dialog)
        dialog.show()
        steps(dialog)
        return False

    answer_dialogs(monkeypatch, {SyncDialog: use})
    window.agency_sync.sync_action.trigger()
    return seen[0]


def test_sync_from_the_window_shows_the_new_entries(
    qtbot, make_window, curated, monkeypatch, fixture_api: FixtureApi
) -> None:
    window = make_window(curated)
    assert window.agency_sync.sync_action in window.menuBar().actions()[0].menu().actions()

    def steps(dialog: SyncDialog) -> None:
        assert dialog.outbox.rowCount() == 0 and dialog.outbox_label.text().endswith("none yet.")
        dialog.url.setText(fixture_api.url)
        with qtbot.waitSignal(dialog.synced, timeout=20_000):
            dialog.sync_button.click()
            assert not dialog.sync_button.isEnabled() and dialog.cancel_button.isVisible()
        assert "Synced: 3 new, 0 updated" in dialog.status.text()
        assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()

    _run_dialog(qtbot, window, monkeypatch, steps)
    type_and_wait(qtbot, window, "Buckeye Family Circle")
    assert window.model.total == 1


def test_a_failed_or_cancelled_sync_says_nothing_changed(
    qtbot, make_window, curated, monkeypatch, fixture_api: FixtureApi
) -> None:
    window = make_window(curated)
    before = curated.total()

    def steps(dialog: SyncDialog) -> None:
        fixture_api.mode = "not_json"
        dialog.url.setText(fixture_api.url)
        dialog.sync_button.click()
        qtbot.waitUntil(lambda: dialog.sync_button.isEnabled(), timeout=20_000)
        assert dialog.status.text().startswith("The sync failed; nothing was changed.")
        assert "was not JSON" in dialog.status.text()

        fixture_api.mode = "slow"  # the server takes 2 s to answer each page
        dialog.sync_button.click()
        assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
        if folder := os.environ.get("CBH_SHOTS"):  # for a person to look at
            QApplication.processEvents()
            dialog.grab().save(str(Path(folder) / "sync-dialog-running.png"))
        dialog.cancel_button.click()
        assert dialog.status.text() == "Cancelling…"
        qtbot.waitUntil(lambda: dialog.sync_button.isEnabled(), timeout=20_000)
        assert dialog.status.text() == "Sync cancelled; nothing was changed."

    _run_dialog(qtbot, window, monkeypatch, steps)
    assert curated.total() == before


def test_propose_from_the_resource_menu_then_the_outbox_shows_it_waiting(
    qtbot, make_window, curated, monkeypatch
) -> None:
    window = make_window(curated)
    curated.edit_resource("cure-cask", {"phone": "+1 614-555-0142"})
    select(window, "cure-cask")
    monkeypatch.setattr(msgbox, "ask", lambda *args, **kwargs: True)
    assert window.agency_sync.propose_action.isEnabled()
    assert window.agency_sync.propose() is not None
    assert "waiting in the outbox" in window.statusBar().currentMessage()

    def steps(dialog: SyncDialog) -> None:
        model = dialog.outbox
        row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
        name = curated.resource("cure-cask").name
        assert row[:3] == ["Waiting (not sent yet)", "Edit: phone", name]
        assert not dialog.withdraw_button.isEnabled()  # nothing chosen yet
        dialog.table.selectRow(0)
        assert dialog.withdraw_button.isEnabled()
        dialog.withdraw_button.click()
        assert curated.outbox() == [] and dialog.outbox.rowCount() == 0
        curated.record_checkup("cure-cask", {"moderation": "peer", "activity": "high"}, by="AB")
        dialog.checkups_button.click()
        assert dialog.status.text().startswith("Check-ups of yours put in the outbox: 1.")
        assert model.data(model.index(0, 1)) == "Check-up" and model.rowCount() == 1

    _run_dialog(qtbot, window, monkeypatch, steps)

    warned: list[str] = []
    monkeypatch.setattr(msgbox, "warn", lambda parent, title, text, **kw: warned.append(text))
    select(window, "cask-research")
    assert window.agency_sync.propose() is None
    assert warned == ["'cask-research' has no local edits to propose"]
    QApplication.processEvents()
