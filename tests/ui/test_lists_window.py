"""Lists in the window: stars, named lists, drag and drop, notes, undo, sharing."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from cbh_directory.cli import main as cli_main
from cbh_directory.service import Directory
from cbh_directory.ui import msgbox
from cbh_directory.ui.main_window import MainWindow
from cbh_directory.ui.results_model import GONE_TEXT, KIND, NAME, STAR
from cbh_directory.ui.sidebar import ListIdRole, SidebarModel, ids_to_mime

from .conftest import names, row_loaded, type_and_wait


def select(window: MainWindow, *resource_ids: str) -> None:
    """Select these rows, the last one current (as a ctrl-click would)."""
    selection = window.table.selectionModel()
    for rid in resource_ids:
        row_loaded(window, rid)
    last = window.model.index(window.model.row_of(resource_ids[-1]), NAME)
    selection.setCurrentIndex(
        last,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    for rid in resource_ids:
        row = window.model.row_of(rid)
        assert row >= 0, rid
        selection.select(
            window.model.index(row, NAME),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def choose_list(qtbot, window: MainWindow, name: str | None) -> None:
    list_id = None if name is None else window.directory.list_info(name).id
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.sidebar.choose(list_id)


def test_star_from_results_keyboard_and_details(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    row = row_loaded(window, "cure-cask")
    star = window.model.index(row, STAR)
    assert window.model.data(star) == "☆"
    rect = window.table.visualRect(star)
    window.table.scrollTo(star)
    rect = window.table.visualRect(star)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert curated.bookmarked_ids() == {"cure-cask"}
    assert window.model.data(star) == "★"
    assert window.sidebar_model.data(window.sidebar_model.index(2, 1)) == "1"  # Bookmarks

    # Ctrl+D on a selection stars them all; again unstars them all.
    select(window, "pacer", "wrightslaw")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert curated.bookmarked_ids() == {"cure-cask", "pacer", "wrightslaw"}
    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert curated.bookmarked_ids() == {"cure-cask"}

    # The details pane has the same toggle.
    select(window, "cure-cask")
    button = next(
        b for b in window.details.findChildren(QPushButton) if b.accessibleName() == "Bookmark"
    )
    assert button.text() == "★ Bookmarked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert curated.bookmarked_ids() == set()


def test_named_lists_with_drag_and_drop_notes_and_order(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    list_id = window.lists.new_list("Rivera family")
    assert list_id is not None
    assert [window.sidebar_model.data(window.sidebar_model.index(r, 0)) for r in range(4)] == [
        "All resources",
        "Needs review",
        "★ Bookmarks",
        "Rivera family",
    ]
    # Several selected rows at once, from the context menu's action.
    select(window, "cure-cask", "national-cmv-foundation")
    window.lists.add_to(list_id)
    # Drag and drop onto the list in the sidebar.
    row = window.sidebar_model.row_of(list_id)
    target = window.sidebar_model.index(row, 0)
    mime = window.model.mimeData([window.model.index(row_loaded(window, "pacer"), NAME)])
    assert window.sidebar_model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert window.sidebar_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert curated.list_info(list_id).count == 3
    assert window.sidebar_model.data(window.sidebar_model.index(row, 1)) == "3"

    # Choosing the list shows its items, in the list's order, with the same columns.
    choose_list(qtbot, window, "Rivera family")
    assert names(window) == ["Cure CASK", "National CMV Foundation", "PACER Center"]
    assert window.count_label.text() == "3 of 3 items in Rivera family"
    assert window.list_header.isVisible() and window.list_header.title.text() == "Rivera family"

    # A note on the list and on an item, saved as typed.
    window.list_header.note.setPlainText("March visit")
    window.list_header.note.flush()
    select(window, "pacer")
    editor = window.details.note_editor
    assert editor is not None
    editor.setPlainText("IEP meeting on the 14th")
    editor.flush()
    assert curated.list_info(list_id).note == "March visit"
    assert curated.item_note(list_id, "pacer") == "IEP meeting on the 14th"

    # Reorder: Alt+Up moves the chosen item up.
    window.table.setFocus()
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(window.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(window) == ["Cure CASK", "PACER Center", "National CMV Foundation"]

    # Search and filters are limited to the list.
    type_and_wait(qtbot, window, "CMV")
    assert names(window) == ["National CMV Foundation"]


def test_remove_and_delete_are_undoable(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    list_id = window.lists.new_list("Chen family")
    select(window, "pacer", "wrightslaw", "cure-cask")
    window.lists.add_to(list_id)
    curated.set_item_note(list_id, "wrightslaw", "read the IEP guide")
    choose_list(qtbot, window, "Chen family")
    select(window, "wrightslaw")
    window.table.setFocus()
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "Wrightslaw" not in names(window)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.lists.undo_action.trigger()
    assert names(window) == ["Cure CASK", "PACER Center", "Wrightslaw"]  # back in its place
    assert curated.item_note(list_id, "wrightslaw") == "read the IEP guide"
    assert window.lists.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)

    # Deleting the list needs no confirmation because it can be undone, items and notes too.
    window.lists.delete_list()
    assert [x.name for x in curated.lists()] == ["Bookmarks"]
    window.lists.undo_action.trigger()
    restored = curated.list_info("Chen family")
    assert restored.id == list_id and restored.count == 3
    assert curated.item_note(list_id, "wrightslaw") == "read the IEP guide"
    window.lists.redo_action.trigger()
    assert [x.name for x in curated.lists()] == ["Bookmarks"]


def test_rename_and_duplicate_from_the_window(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    list_id = window.lists.new_list("Old")
    choose_list(qtbot, window, "Old")
    window.lists.rename_list("Rivera family")
    assert curated.list_info(list_id).name == "Rivera family"
    assert window.list_header.title.text() == "Rivera family"
    window.lists.duplicate_list("Rivera family (copy)")
    assert [x.name for x in curated.lists()] == [
        "Bookmarks",
        "Rivera family",
        "Rivera family (copy)",
    ]
    window.lists.undo_action.trigger()
    window.lists.undo_action.trigger()
    assert curated.list_info(list_id).name == "Old"


def test_a_name_clash_is_reported_and_not_left_on_the_undo_stack(
    qtbot, make_window, curated, monkeypatch
) -> None:
    window = make_window(curated)
    warnings: list[str] = []
    monkeypatch.setattr(window.lists, "_warn", warnings.append)
    window.lists.new_list("Family")
    depth = window.lists.stack.count()
    assert window.lists.new_list("family") is None
    assert warnings == ["there is already a list named 'family'"]
    assert window.lists.stack.count() == depth


def test_a_resource_that_left_the_directory_stays_in_the_list(qtbot, make_window, curated) -> None:
    from cbh_directory.store.database import write_transaction
    from cbh_directory.store.resources import delete_resource

    family = curated.create_list("Rivera family")
    curated.add_to_list(family.id, ["cure-cask", "pacer"])
    with write_transaction(curated.db):
        delete_resource(curated.db, "cure-cask")
    window = make_window(curated)
    choose_list(qtbot, window, "Rivera family")
    row = window.model.row_of("cure-cask")
    assert window.model.data(window.model.index(row, NAME)) == "Cure CASK"
    assert window.model.data(window.model.index(row, KIND)) == GONE_TEXT
    select(window, "cure-cask")
    texts = [label.text() for label in window.details.findChildren(type(window.count_label))]
    assert any("no longer in the directory" in t for t in texts)


def test_a_list_made_in_the_window_shows_in_the_cli_and_round_trips(
    qtbot, make_window, curated, curated_db: Path, tmp_path: Path, monkeypatch
) -> None:
    window = make_window(curated)
    list_id = window.lists.new_list("Rivera family")
    select(window, "cure-cask", "pacer")
    window.lists.add_to(list_id)
    curated.set_item_note(list_id, "pacer", "IEP help")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        cli_main(["--db", str(curated_db), "lists", "show", "Rivera family", "--json"])
    shown = json.loads(out.getvalue())
    assert [(i["id"], i["note"]) for i in shown["items"]] == [
        ("cure-cask", ""),
        ("pacer", "IEP help"),
    ]

    choose_list(qtbot, window, "Rivera family")
    path = window.lists.export_list(tmp_path / "rivera.json")
    assert path is not None and path.exists()
    with Directory.open(tmp_path / "fresh.sqlite3") as fresh:
        other = make_window(fresh)
        previews = []
        preview_import = fresh.import_list

        def spy(path: Path, *, apply: bool = True):
            report = preview_import(path, apply=apply)
            if not apply:
                previews.append(report)
            return report

        monkeypatch.setattr(fresh, "import_list", spy)
        monkeypatch.setattr(msgbox, "ask", lambda *args, **kwargs: True)
        report = other.lists.import_list(path)
        assert previews and previews[0].added == ["cure-cask", "pacer"]
        assert report is not None and report.created
        assert [x.name for x in fresh.lists()] == ["Bookmarks", "Rivera family"]
        imported = fresh.list_info("Rivera family")
        assert fresh.item_note(imported.id, "pacer") == "IEP help"
        assert other.sidebar_model.row_of(imported.id) == 3
        # Cancelling the preview changes nothing.
        monkeypatch.setattr(msgbox, "ask", lambda *args, **kwargs: False)
        assert other.lists.import_list(path) is None
        assert fresh.list_info("Rivera family").count == 2
        other.close()


def test_the_chosen_list_is_remembered(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    window.lists.new_list("Family")
    choose_list(qtbot, window, "Family")
    window.close()
    again = make_window(curated, size=None)
    assert again.session.query.list_id == curated.list_info("Family").id
    assert again.list_header.title.text() == "Family"


def test_sidebar_model_passes_the_model_tester(qtmodeltester, curated: Directory) -> None:
    model = SidebarModel()
    curated.create_list("Family")
    model.set_lists(curated.lists(), curated.total())
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.data(model.index(3, 0), ListIdRole) == curated.list_info("Family").id
    assert not model.canDropMimeData(
        ids_to_mime(["x"]), Qt.DropAction.CopyAction, -1, -1, model.index(0, 0)
    )
