"""Keeping the directory true from the window: edit, verify, archive, review, import, restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from cbh_directory.domain import describe
from cbh_directory.domain.date_words import date_words
from cbh_directory.domain.dates import period_start
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui import msgbox
from cbh_directory.ui.edit_dialog import EditDialog
from cbh_directory.ui.import_dialogs import MappingDialog, PreviewDialog
from cbh_directory.ui.recovery import open_or_recover
from cbh_directory.ui.sidebar import REVIEW

from ..conftest import CURATED_ACTIVE, DATA
from .conftest import answer_dialogs, answer_recovery, row_loaded
from .test_lists_window import select


def _line(dialog: EditDialog, field: str) -> QLineEdit:
    widget = dialog.inputs[field]
    assert isinstance(widget, QLineEdit)
    return widget


def test_new_resource_shows_problems_by_their_fields(
    qtbot, make_window, curated, monkeypatch
) -> None:
    window = make_window(curated)
    seen: list[EditDialog] = []

    def fill(dialog: EditDialog) -> None:
        seen.append(dialog)
        qtbot.addWidget(dialog)
        _line(dialog, "name").setText("Columbus CASK Parents")
        _line(dialog, "phone").setText("call us")
        _line(dialog, "website").setText("javascript:alert(1)")
        dialog.accept()  # refused: the dialog stays open with the problems marked
        errors = {
            f: label.text() for f, label in dialog.errors.items() if label.isVisibleTo(dialog)
        }
        assert set(errors) == {"phone", "website"}
        assert "not a phone number" in errors["phone"]
        _line(dialog, "phone").setText("(614) 555-0100")
        _line(dialog, "website").setText("https://example.org")
        _line(dialog, "city").setText("Columbus")
        dialog.inputs["country"].setCurrentIndex(dialog.inputs["country"].findData("US"))
        dialog.accept()

    answer_dialogs(monkeypatch, {EditDialog: fill})
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        made = window.data.new_resource()
    assert made is not None and made.phone == "+16145550100" and made.latitude is not None
    assert row_loaded(window, made.id) >= 0  # in the results (past the first page)
    assert window.count_label.text() == f"{CURATED_ACTIVE + 1} of {CURATED_ACTIVE + 1} resources"


def test_editing_a_curated_entry_shows_the_directory_value(
    qtbot, make_window, curated, monkeypatch
) -> None:
    curated.edit_resource("cure-cask", {"email": "hello@curecask.example"})
    window = make_window(curated)
    select(window, "cure-cask")

    def check(dialog: EditDialog) -> None:
        qtbot.addWidget(dialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert "Edited here. The directory says: (empty)" in texts
        use = next(
            b
            for b in dialog.findChildren(QPushButton)
            if b.accessibleName() == "Use the directory's value for email"
        )
        use.click()

    answer_dialogs(monkeypatch, {EditDialog: check})
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.data.edit_resource()
    assert curated.resource("cure-cask").email == ""
    assert curated.local_edits("cure-cask") == {}


def test_mark_verified_archive_and_needs_review(qtbot, make_window, curated, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(msgbox, "get_text", lambda _p, title, *_a: asked.append(title) or "JD")
    window = make_window(curated)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.sidebar.choose(REVIEW)
    review = curated.count(SearchQuery(verified_before=curated.stale_cutoff()))
    assert window.model.total == review
    dates = [window.model.hit(r).resource.last_verified for r in range(window.model.rowCount())]
    dated = [period_start(d) for d in dates if d]
    assert dated == sorted(dated)  # oldest first (then those with no date)
    assert "need review" in window.count_label.text()
    oldest = window.model.hit(0).resource.id
    select(window, oldest)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.data.verify_action.trigger()
    assert window.model.total == review - 1 and oldest not in [
        h.resource.id for h in (window.model.hit(r) for r in range(window.model.rowCount()))
    ]
    assert window.sidebar_model.data(window.sidebar_model.index(1, 1)) == str(review - 1)
    # Signed with the initials asked for once (and kept in the settings).
    assert asked == ["Your name or initials"] and window.settings.initials == "JD"
    checks = describe.verification_text(curated.resource(oldest))
    assert f"Checked by JD on {date_words(dt.date.today().isoformat())}" in checks
    select(window, window.model.hit(0).resource.id)
    archived = window.model.hit(0).resource.id
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.data.archive_action.trigger()
    assert curated.resource(archived).status == "inactive"
    window.data.set_review_age(months=100)
    cutoff = curated.stale_cutoff()
    older = curated.count(SearchQuery(verified_before=cutoff))
    assert older < review - 2
    qtbot.waitUntil(lambda: window.model.total == older, timeout=5000)
    assert all(
        window.model.hit(r).resource.last_verified < cutoff for r in range(window.model.rowCount())
    )


def test_import_a_csv_through_mapping_and_preview(qtbot, make_window, curated, monkeypatch) -> None:
    window = make_window(curated)
    previews = []

    def map_columns(dialog: MappingDialog) -> bool:
        qtbot.addWidget(dialog)
        assert dialog.combos["Organization"].currentData() == "name"
        notes = dialog.combos["Notes"]
        notes.setCurrentIndex(notes.findData("description"))
        return True

    def confirm(dialog: PreviewDialog) -> bool:
        previews.append(dialog)
        qtbot.addWidget(dialog)
        assert dialog.tabs.tabText(0) == "New (3)" and dialog.tabs.tabText(2) == "Rejected (1)"
        return True

    answer_dialogs(monkeypatch, {MappingDialog: map_columns, PreviewDialog: confirm})
    with qtbot.waitSignal(window.data.imported, timeout=15_000):
        window.data.import_path(DATA / "import" / "contacts.csv")
    qtbot.waitUntil(lambda: window.model.total == CURATED_ACTIVE + 3, timeout=5000)
    assert curated.resource("synthetic-iep-helpers").description == "Helps with IEPs, 504 plans"
    assert (
        curated.csv_mapping(curated.csv_headers(DATA / "import" / "contacts.csv"))["Notes"]
        == "description"
    )
    assert len(curated.backups()) >= 1  # a backup came first


def test_cancelling_the_preview_changes_nothing(qtbot, make_window, curated, monkeypatch) -> None:
    window = make_window(curated)
    answer_dialogs(monkeypatch, {MappingDialog: lambda d: True, PreviewDialog: lambda d: False})
    with qtbot.waitSignal(
        window.data.message, timeout=15_000, check_params_cb=lambda m: "cancelled" in m
    ):
        window.data.import_path(DATA / "import" / "contacts.csv")
    assert curated.total() == CURATED_ACTIVE


def test_backup_now_and_restore(qtbot, make_window, curated, monkeypatch) -> None:
    window = make_window(curated)
    with qtbot.waitSignal(
        window.data.message, timeout=10_000, check_params_cb=lambda m: m.startswith("Backed up")
    ):
        window.data.backup_now()
    backup = curated.backups()[0]
    window.lists.new_list("Made after the backup")
    monkeypatch.setattr(msgbox, "ask", lambda *args, **kwargs: True)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        assert window.data.restore(backup)
    assert [x.name for x in curated.lists()] == ["Bookmarks"]
    assert window.sidebar_model.rowCount() == 3


def test_a_damaged_database_is_recovered_at_start(curated_db: Path, monkeypatch) -> None:
    with Directory.open(curated_db) as directory:
        directory.create_list("Keep me")
        directory.backup("manual")
        directory.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(curated_db.read_bytes())
    data[4096 * 3 : 4096 * 12] = b"\x42" * (4096 * 9)
    curated_db.write_bytes(bytes(data))
    asked = answer_recovery(monkeypatch, "restore")
    directory = open_or_recover(curated_db)
    assert directory is not None and asked and asked[0][1]
    assert directory.list_info("Keep me").name == "Keep me"
    assert list(curated_db.parent.glob("directory.sqlite3.damaged-*")), "the damaged file is kept"
    directory.close()


def test_starting_fresh_moves_the_damaged_file_aside(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "directory.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x99" * 10_000)
    answer_recovery(monkeypatch, "fresh")
    directory = open_or_recover(path)
    assert directory is not None and directory.total() == CURATED_ACTIVE
    assert list(tmp_path.glob("directory.sqlite3.damaged-*"))
    directory.close()
    answer_recovery(monkeypatch, "quit")
    assert open_or_recover(tmp_path / "x" / "y.sqlite3") is not None  # a new file is fine


def test_a_csv_is_read_once_and_off_the_gui_thread(
    qtbot, make_window, curated, monkeypatch
) -> None:
    import threading

    from cbh_directory.exchange import csv_import

    window = make_window(curated)
    reads: list[str] = []  # a thread's name for each time the header or the rows are read
    detect, walk = csv_import.detect_encoding, csv_import.CsvRows.__iter__

    def counted_header(path):  # read_table starts by telling the file's encoding
        reads.append(threading.current_thread().name)
        return detect(path)

    def counted_walk(rows):
        if hasattr(rows, "first"):  # not the first row, read with the header
            reads.append(threading.current_thread().name)
        return walk(rows)

    monkeypatch.setattr(csv_import, "detect_encoding", counted_header)
    monkeypatch.setattr(csv_import.CsvRows, "__iter__", counted_walk)
    answer_dialogs(monkeypatch, {MappingDialog: lambda d: True, PreviewDialog: lambda d: False})
    with qtbot.waitSignal(
        window.data.message, timeout=15_000, check_params_cb=lambda m: "cancelled" in m
    ):
        window.data.import_path(DATA / "import" / "contacts.csv")
    # The header (with a sample row) for the mapping, then the rows once for the preview.
    assert len(reads) == 2, reads
    assert threading.main_thread().name not in reads


def test_mark_verified_in_the_edit_dialog_is_a_signed_check(
    qtbot, make_window, curated, monkeypatch
) -> None:
    window = make_window(curated)
    window.settings.initials = "AB"
    select(window, "cure-cask")

    def verify(dialog: EditDialog) -> None:
        qtbot.addWidget(dialog)
        next(
            b
            for b in dialog.findChildren(QPushButton)
            if b.accessibleName() == "Mark verified today"
        ).click()
        dialog.accept()

    answer_dialogs(monkeypatch, {EditDialog: verify})
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.data.edit_resource()
    today = dt.date.today().isoformat()
    checks = [i for i in curated.resource("cure-cask").evidence["entry"] if i.get("by")]
    assert checks == [
        {
            "by": "AB",
            "date": today,
            "checked_on": today,
            "note": "Checked in the app and found current",
        }
    ]
    assert curated.resource("cure-cask").last_verified == today
