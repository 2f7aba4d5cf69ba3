"""Without a mouse: Tab goes through every control in reading order and out of the results;
the window's shortcuts work from the text fields."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QMainWindow, QWidget

from cbh_directory.service import Directory
from cbh_directory.ui.shortcuts import WindowShortcutsFirst

from .conftest import answer_dialogs, type_and_wait
from .test_lists_window import select


def _tab_chain(qtbot, window, start: QWidget, limit: int = 80) -> list[QWidget]:
    """Press Tab from `start` until the focus comes back to it; every widget on the way."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen: list[QWidget] = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start:
            return seen
        assert now not in seen, f"Tab is trapped: {type(now).__name__} came round again"
        seen.append(now)
    raise AssertionError(f"Tab never came back to the search box after {limit} presses")


def _tab_stops(window) -> list[QWidget]:
    """Every control a keyboard user should reach in the window's body."""
    body = window.centralWidget()
    return [
        w
        for w in body.findChildren(QWidget)
        if w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.window() is window
        and not w.focusProxy()
    ]


def test_tab_goes_through_every_control_in_order_and_leaves_the_results(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    type_and_wait(qtbot, window, "CASK")
    select(window, "cure-cask")
    bar = window.search_bar
    chain = [bar.search_box, *_tab_chain(qtbot, window, bar.search_box)]
    names = [type(w).__name__ for w in chain]
    skipped = [
        f"{type(w).__name__} {w.accessibleName()!r}" for w in _tab_stops(window) if w not in chain
    ]
    assert skipped == []
    order = [
        bar.place_box,
        bar.radius,
        window.sidebar.view,
        window.filter_panel.tree,
        window.table,
        window.details,
    ]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions), names
    # one stop for the whole table (its 4+ rows are walked with the arrows)
    assert chain.count(window.table) == 1
    after_table = chain[chain.index(window.table) + 1]
    assert after_table is window.details or window.details.isAncestorOf(after_table)


def test_arrows_move_inside_the_results(qtbot, make_window, curated: Directory) -> None:
    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK")
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 1))
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1 and window.table.hasFocus()


def test_ctrl_e_exports_from_the_search_box_and_the_place_field(
    qtbot, make_window, curated: Directory, monkeypatch
) -> None:
    window = make_window(curated)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    asked: list[str] = []
    answer_dialogs(
        monkeypatch, {object: lambda dialog: asked.append(type(dialog).__name__) or False}
    )
    for field in (window.search_bar.search_box, window.search_bar.place_box):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["ExportDialog", "ExportDialog"]
    # the field still edits with its own keys
    box = window.search_bar.search_box
    box.setText("cask")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert box.selectedText() == "cask"


def test_every_menu_action_is_reachable_from_the_keyboard(make_window, curated) -> None:
    """Each top menu has a mnemonic, and each item a mnemonic or a shortcut."""
    window = make_window(curated)
    for top in window.menuBar().actions():
        assert "&" in top.text(), top.text()
        for action in top.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert (
                "&" in action.text()
                or not action.shortcut().isEmpty()
                or isinstance(action.parent(), QAbstractButton)
            ), action.text()


class _EmacsLineEdit(QLineEdit):
    """A line edit that claims Ctrl+E (End of line), as QLineEdit does on X11 desktops."""

    def event(self, event: QEvent) -> bool:
        ctrl_e = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_E)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination() == ctrl_e
        ):
            event.accept()
            return True
        return super().event(event)


def test_a_field_that_claims_ctrl_e_leaves_it_to_the_window(qtbot) -> None:
    for watched in (False, True):
        window = QMainWindow()
        qtbot.addWidget(window)
        field = _EmacsLineEdit()
        window.setCentralWidget(field)
        fired: list[bool] = []
        action = QAction("Export", window)
        action.setShortcut(QKeySequence("Ctrl+E"))
        action.triggered.connect(lambda _checked=False, fired=fired: fired.append(True))
        window.addAction(action)
        if watched:
            WindowShortcutsFirst(window).watch(field)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert fired == ([True] if watched else [])


def test_typed_letters_go_to_the_field_without_a_look_through_the_menus(
    qtbot, make_window, curated: Directory, monkeypatch
) -> None:
    """Every keystroke in the search box searches: the check for window shortcuts (a walk
    over every action) is for keys with Ctrl, Alt or Meta, not for typed text."""
    looked: list[bool] = []
    original = WindowShortcutsFirst._window_keys
    monkeypatch.setattr(
        WindowShortcutsFirst,
        "_window_keys",
        lambda self: looked.append(True) or original(self),
    )
    window = make_window(curated)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    box = window.search_bar.search_box
    box.setFocus()
    qtbot.keyClicks(box, "Cask 5!")
    assert box.text() == "Cask 5!"
    assert looked == []
    qtbot.keyClick(box, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert looked  # a key with Ctrl may be a window shortcut: looked up
