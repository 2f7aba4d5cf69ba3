"""Help: choosing a support group, the keyboard shortcuts, the first-run welcome, About."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from cbh_directory.domain import vocabulary as vocab
from cbh_directory.service import Directory
from cbh_directory.ui.about import AboutDialog
from cbh_directory.ui.help_dialogs import ChoosingGroupDialog, ShortcutsDialog, menu_shortcuts

from .conftest import answer_dialogs


def _texts(dialog) -> str:  # type: ignore[no-untyped-def]
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_help_menu_explains_choosing_a_group(qtbot, make_window, curated, monkeypatch) -> None:
    window = make_window(curated)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    commands = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert commands == [
        "&Choosing a Support Group",
        "&Keyboard Shortcuts",
        "&Welcome",
        "&About CBH Directory",
    ]
    shown: list[str] = []
    answer_dialogs(monkeypatch, {ChoosingGroupDialog: lambda d: shown.append(_texts(d))})
    window.help.choosing_action.trigger()
    text = shown[0]
    for question in ("well moderated", "Do members answer", "your child's condition"):
        assert question in text
    for term in (*vocab.MODERATION, *vocab.ACTIVITY):  # tied to the values the app records
        assert f"{term.label}: {term.explanation}" in text


def test_the_shortcut_list_comes_from_the_menus(qtbot, make_window, curated, monkeypatch) -> None:
    window = make_window(curated)
    rows = menu_shortcuts(window.menuBar())
    assert ("File", "Export", "Ctrl+E") in rows
    assert any(command == "Choosing a Support Group" and keys == "F1" for _m, command, keys in rows)
    window.exports.export_action.setShortcut("Ctrl+Shift+X")  # a changed key shows at once
    assert ("File", "Export", "Ctrl+Shift+X") in menu_shortcuts(window.menuBar())
    seen: list[int] = []
    answer_dialogs(monkeypatch, {ShortcutsDialog: lambda d: seen.append(d.table.rowCount())})
    window.help.shortcuts_action.trigger()
    assert seen == [len(menu_shortcuts(window.menuBar()))] and seen[0] >= 10


def test_the_welcome_shows_until_told_not_to(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    assert not window.settings.welcome_seen
    window.help.welcome_if_first_run()
    welcome = window.help.welcome
    assert welcome is not None and welcome.isVisible()
    text = _texts(welcome)
    assert "search box" in text and "Near" in text and "list" in text
    welcome.accept()  # closed without ticking the box: shown again next time
    assert not window.settings.welcome_seen
    window.help.welcome_if_first_run()
    assert window.help.welcome is not None
    window.help.welcome.again.setChecked(True)
    window.help.welcome.accept()
    assert window.settings.welcome_seen
    window.help.welcome_if_first_run()
    assert window.help.welcome is None


def test_about_fits_a_640_pixel_screen_even_with_large_text(qtbot, curated: Directory) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    try:
        big = QFont(font)
        big.setPointSizeF(font.pointSizeF() * 2)  # 200 % text
        app.setFont(big)
        dialog = AboutDialog(curated.stats())
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.frameGeometry().height() <= 640
        assert "GeoNames" in _texts(dialog)  # all of it still there, scrolled
    finally:
        app.setFont(font)
