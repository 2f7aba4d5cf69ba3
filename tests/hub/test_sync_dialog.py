"""The sync dialog against the real hub: proposals go up, an editor approves one and rejects
the other, and the outbox shows each state with the editor's note. With CBH_SHOTS set to a
folder, the dialog is saved there as PNG (normal and 200 % font) for a person to look at."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from cbh_directory.service import Directory
from cbh_directory.ui.sync_dialog import SyncDialog

from .conftest import RunningHub

PROPOSALS = "/profile/proposals"


@pytest.fixture
def desktop(curated_db: Path, tmp_path: Path) -> Iterator[Directory]:
    path = tmp_path / "desk" / "directory.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(curated_db, path)
    with Directory.open(path) as directory:
        yield directory


def _sync(qtbot, dialog: SyncDialog) -> None:
    with qtbot.waitSignal(dialog.synced, timeout=60_000):
        dialog.sync_button.click()


def _shot(dialog: SyncDialog, name: str, size: tuple[int, int] | None = None) -> None:
    folder = os.environ.get("CBH_SHOTS")
    if not folder:
        return
    if size:
        dialog.resize(*size)
    QApplication.processEvents()
    dialog.grab().save(str(Path(folder) / f"{name}.png"))


def test_the_dialog_shows_proposals_approved_and_rejected(
    qtbot, hub: RunningHub, desktop: Directory
) -> None:
    token = hub.user("Ana Rivera", "contributor")
    erin = hub.client(hub.user("erin", "editor"))
    dialog = SyncDialog(desktop, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url.setText(hub.url)
    dialog.token.setText(token)
    _sync(qtbot, dialog)
    assert "Synced: 0 new" in dialog.status.text()

    desktop.edit_resource("cure-cask", {"phone": "+1 614-555-0142"})
    desktop.propose("cure-cask", "their new line")
    made = desktop.create_resource(
        {"name": "Franklin County CH Parents", "kind": "support_group", "city": "Columbus",
         "region": "OH", "country": "US"}
    )  # fmt: skip
    desktop.propose(made.id)
    desktop.edit_resource("cask-research", {"status": "inactive"})
    desktop.propose("cask-research")
    _sync(qtbot, dialog)
    assert "Proposals: 3 sent" in dialog.status.text()

    pending = erin.get(PROPOSALS, params={"state": "pending"}).json()["contents"]
    by_resource = {p["resource_id"]: p["id"] for p in pending}
    assert erin.post(f"{PROPOSALS}/{by_resource['cure-cask']}/approve").status_code == 200
    rejected = erin.post(
        f"{PROPOSALS}/{by_resource[made.id]}/reject",
        json={"note": "Already listed as Columbus CASK Parents"},
    )
    assert rejected.status_code == 200
    desktop.edit_resource("project-cask", {"phone": "+1 614-555-0199"})
    desktop.propose("project-cask")  # made after the sync: waiting

    _sync(qtbot, dialog)
    model = dialog.outbox
    rows = {
        model.data(model.index(r, 2)): (
            model.data(model.index(r, 0)),
            model.data(model.index(r, 4)),
        )
        for r in range(model.rowCount())
    }
    name = {rid: desktop.resource(rid).name for rid in ("project-cask", "cask-research")}
    assert rows == {
        name["project-cask"]: ("Sent, in review", ""),
        name["cask-research"]: ("Sent, in review", ""),
        "Franklin County CH Parents": ("Rejected", "Already listed as Columbus CASK Parents"),
        desktop.resource("cure-cask").name: ("Approved", ""),
    }
    desktop.edit_resource("enfants-cask-france", {"email": "contact@example.org"})
    desktop.propose("enfants-cask-france")
    dialog.refresh_outbox()
    assert model.data(model.index(0, 0)) == "Waiting (not sent yet)"
    _shot(dialog, "sync-dialog")
    _shot(dialog, "sync-dialog-1024x640", (1024, 640))
    font = QApplication.font()
    size = font.pointSizeF()
    font.setPointSizeF(size * 2)
    QApplication.setFont(font)
    try:  # a dialog made under a 200 % font, as a user with large text would see it
        big = SyncDialog(desktop, None, None)
        qtbot.addWidget(big)
        big.url.setText(hub.url)
        big.show()
        big.status.setText(dialog.status.text())
        _shot(big, "sync-dialog-200pct-font", (1280, 800))
    finally:
        font.setPointSizeF(size)
        QApplication.setFont(font)
