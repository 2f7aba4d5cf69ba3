"""What a screen reader gets: names, roles, labels that say what they show, labelled combos."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocumentFragment
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from cbh_directory.service import Directory
from cbh_directory.ui.about import AboutDialog
from cbh_directory.ui.details_pane import LinkButton
from cbh_directory.ui.edit_dialog import EditDialog
from cbh_directory.ui.error_report import ErrorDialog
from cbh_directory.ui.export_dialog import ExportDialog

from .test_lists_window import select

Role = QAccessible.Role
NAME = QAccessible.Text.Name
# Roles a person acts on: each must have a name a screen reader can say.
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.SpinBox,
    Role.Link,
    Role.PageTab,
    Role.Table,
    Role.Tree,
    Role.List,
    Role.Slider,
    Role.ScrollBar,
}
CONTAINERS = {Role.Table, Role.Tree, Role.List, Role.MenuBar}  # their rows are checked apart


def _walk(iface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    yield iface
    if iface.role() in CONTAINERS:
        return
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.isValid():
            yield from _walk(child)


def _shown(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() != label.textFormat().PlainText and "<" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&") if label.buddy() else text


def problems(top: QWidget) -> list[str]:
    """Every accessibility problem under `top` (shown widgets only), in words."""
    found: list[str] = []
    for iface in _walk(QAccessible.queryAccessibleInterface(top)):
        widget = iface.object()
        where = f"{type(widget).__name__} {widget.objectName()!r}" if widget else "?"
        if iface.state().invisible:
            continue
        name = iface.text(NAME).strip()
        if iface.role() in INTERACTIVE and not name and iface.role() != Role.ScrollBar:
            found.append(f"no name: {where} ({iface.role().name})")
        if isinstance(widget, LinkButton) and iface.role() != Role.Link:
            found.append(f"a link exposed as {iface.role().name}: {name!r}")
        if isinstance(widget, QLabel) and widget.text() and name != _shown(widget).strip():
            found.append(f"label says {name!r} but shows {_shown(widget)!r}")
    labelled = {label.buddy() for label in top.findChildren(QLabel) if label.buddy() is not None}
    for combo in top.findChildren(QComboBox):
        if combo.isVisibleTo(top) and combo not in labelled:
            found.append(f"combo box without a label: {combo.accessibleName()!r}")
    return found


def test_the_main_window_with_a_resource_open(qtbot, make_window, curated: Directory) -> None:
    window = make_window(curated)
    window.search_bar.search_box.setText("CASK")  # the text fields' clear buttons show
    window.search_bar.place_box.setText("Columbus")
    select(window, "cure-cask")
    found = problems(window)
    assert not found, "\n".join(found)


def test_the_export_dialog(qtbot, curated: Directory) -> None:
    dialog = ExportDialog(
        result_count=3, selected_count=2, lists=curated.lists(), current_list=None
    )
    qtbot.addWidget(dialog)
    dialog.show()
    found = problems(dialog)
    assert not found, "\n".join(found)


def test_the_edit_dialog(qtbot, curated: Directory) -> None:
    resource = curated.resource("cure-cask")
    dialog = EditDialog(resource, save=lambda *a, **k: resource, countries={"US": "United States"})
    qtbot.addWidget(dialog)
    dialog.show()
    found = problems(dialog)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("make", ["about", "error", "choosing", "welcome"])
def test_small_dialogs(qtbot, curated: Directory, make: str) -> None:
    from cbh_directory.ui.help_dialogs import ChoosingGroupDialog, WelcomeDialog

    dialog = {
        "about": lambda: AboutDialog(curated.stats()),
        "error": lambda: ErrorDialog("It broke", "Traceback…"),
        "choosing": ChoosingGroupDialog,
        "welcome": WelcomeDialog,
    }[make]()
    qtbot.addWidget(dialog)
    dialog.show()
    found = problems(dialog)
    assert not found, "\n".join(found)


def _tree_texts(tree: QWidget) -> list[tuple[str, str]]:
    iface = QAccessible.queryAccessibleInterface(tree)
    found = []
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.role() == Role.TreeItem:
            found.append((child.text(NAME), child.text(QAccessible.Text.Description)))
    return found


def test_the_filter_tree_says_each_value_once_with_its_state_and_place(
    qtbot, make_window, curated: Directory
) -> None:
    from .conftest import type_and_wait

    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK")
    tree = window.filter_panel.tree
    tree.expandAll()
    texts = _tree_texts(tree)
    names = [name for name, _ in texts]
    cask = [(n, d) for n, d in texts if n.startswith("CASK,")]
    assert cask == [
        ("CASK, 4 results, not checked", "Focus › Genes. " + cask[0][1].split(". ", 1)[1])
    ]
    assert not [n for n in names if "1 results" in n]
    assert "" not in [n for n in names if n]  # no empty count cells said as rows
    moderation = [d for n, d in texts if n.startswith("Moderation unknown,")]
    assert moderation == ["Moderation. We do not know how this group is moderated."]
    index = window.facet_model.index_of("focus", "CASK")
    window.facet_model.setData(index, True, Qt.ItemDataRole.CheckStateRole)
    assert any(n.startswith("CASK, ") and n.endswith(", checked") for n, _ in _tree_texts(tree))


class Heard(QObject):
    """What a screen reader hears from the window's notifications: the name each one has
    when it appears, read through its accessible interface."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            iface = QAccessible.queryAccessibleInterface(watched)
            if iface is not None and iface.role() == Role.Notification:
                self.said.append(iface.text(NAME))
        return False


@pytest.mark.parametrize("by_notification", [True, False], ids=["at-spi", "announcement"])
def test_changes_are_announced(
    qtbot, qapp, make_window, curated: Directory, monkeypatch, by_notification: bool
) -> None:
    from cbh_directory.ui import accessibility

    from .conftest import type_and_wait

    monkeypatch.setattr(accessibility, "BY_NOTIFICATION", by_notification)
    heard = Heard()
    qapp.installEventFilter(heard)
    events: list[str] = []
    monkeypatch.setattr(accessibility, "send", lambda event: events.append(event.message()))
    said = heard.said if by_notification else events
    try:
        window = make_window(curated)
        said.clear()
        type_and_wait(qtbot, window, "CASK")
        counted = f"{window.model.total} of {window._total} resources"
        qtbot.waitUntil(lambda: bool(said), timeout=5_000)
        assert said == [counted]  # once, when typing paused: not after each letter
        window.search_bar.place_box.setText("Nowhere At All, ZZ")
        window.search_bar.commit_place()
        assert said[-1] == window.search_bar.place_status.text() != ""
        select(window, "cure-cask")
        window.copy_contact_action.trigger()
        assert said[-1] == "Contact copied to the clipboard"
    finally:
        qapp.removeEventFilter(heard)
    assert (heard.said if not by_notification else events) == []  # one channel, never both


def test_the_announcer_is_a_notification_out_of_the_way(
    qtbot, qapp, make_window, curated, monkeypatch
) -> None:
    from cbh_directory.ui import accessibility
    from cbh_directory.ui.accessibility import announce, announcer

    monkeypatch.setattr(accessibility, "BY_NOTIFICATION", True)
    window = make_window(curated)
    heard = Heard()
    qapp.installEventFilter(heard)
    try:
        for _ in range(2):  # the same words again are said again
            announce(window.count_label, "7 of 311 resources")
    finally:
        qapp.removeEventFilter(heard)
    assert heard.said == ["7 of 311 resources"] * 2
    spot = announcer(window.count_label)
    assert spot is announcer(window.details)  # one per window
    assert spot.size().isEmpty() and not spot.focusPolicy() & Qt.FocusPolicy.TabFocus
    iface = QAccessible.queryAccessibleInterface(spot)
    assert iface.role() == Role.Notification and iface.text(NAME) == "7 of 311 resources"


def test_the_edit_dialogs_first_tab_stop_is_its_first_field(qtbot, curated: Directory) -> None:
    resource = curated.resource("cure-cask")
    dialog = EditDialog(resource, save=lambda *a, **k: resource, countries={"US": "United States"})
    qtbot.addWidget(dialog)
    dialog.show()
    first = dialog.nextInFocusChain()
    while not (first.focusPolicy() & Qt.FocusPolicy.TabFocus) or not first.isVisibleTo(dialog):
        first = first.nextInFocusChain()
    assert first is dialog.inputs["name"]


def test_the_lists_say_each_row_once_and_name_their_columns(make_window, curated) -> None:
    window = make_window(curated)
    iface = QAccessible.queryAccessibleInterface(window.sidebar.view)
    cells = [iface.child(i) for i in range(iface.childCount())]
    said = [c.text(NAME) for c in cells if c is not None and c.role() in (Role.Cell, Role.TreeItem)]
    phrases = [s for s in said if "," in s]
    assert "Bookmarks, 0 items" in phrases and len(phrases) == len(set(phrases)), said
    headers = [c.text(NAME) for c in cells if c is not None and c.role() == Role.ColumnHeader]
    assert headers == ["List", "Items"]


def test_a_filter_checked_or_unchecked_says_so_with_the_count(
    qtbot, qapp, make_window, curated, monkeypatch
) -> None:
    from cbh_directory.ui import accessibility

    from .conftest import type_and_wait

    monkeypatch.setattr(accessibility, "BY_NOTIFICATION", True)
    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK")
    heard = Heard()
    qapp.installEventFilter(heard)
    index = window.facet_model.index_of("kind", "support_group")
    label = index.data()
    try:
        for checked in (True, False):
            heard.said.clear()
            window.facet_model.setData(index, checked, Qt.ItemDataRole.CheckStateRole)
            qtbot.waitUntil(lambda: bool(heard.said), timeout=10_000)
            state = "checked" if checked else "not checked"
            total = f"{window.model.total} of {window._total} resources"
            assert heard.said == [f"{label} {state}, {total}"]
    finally:
        qapp.removeEventFilter(heard)


def _cell_names(view: QWidget) -> list[str]:
    iface = QAccessible.queryAccessibleInterface(view)
    children = (iface.child(i) for i in range(iface.childCount()))
    return [c.text(NAME) for c in children if c is not None and c.role() != Role.ColumnHeader]


def test_a_count_is_said_once_a_row_not_again_from_its_own_column(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    for view in (window.filter_panel.tree, window.sidebar.view):
        # The counts arrive after the results; the view lays its rows out on the next turn.
        qtbot.waitUntil(lambda v=view: bool(_cell_names(v)), timeout=5_000)
        names = _cell_names(view)
        assert any(re.search(r", [\d,]+( results?| items)?\b", n) for n in names), names
        assert not [n for n in names if re.fullmatch(r"[\d,]+( on)?", n.strip())], names


def test_a_filter_value_is_described_without_saying_its_name_again(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    tree = window.filter_panel.tree
    qtbot.waitUntil(lambda: bool(_tree_texts(tree)), timeout=5_000)  # laid out on the next turn
    texts = dict(_tree_texts(tree))
    support = next(d for n, d in texts.items() if n.startswith("Support group,"))
    assert support.startswith("Kind. ") and "Support group" not in support, support
    national = next(d for n, d in texts.items() if n.startswith("National org,"))
    assert national.startswith("Kind. National organization: "), national  # the full name


def test_tab_into_the_filters_names_the_current_row(
    qtbot, make_window, curated, monkeypatch
) -> None:
    from cbh_directory.ui import accessibility

    focused: list[str] = []

    def watch(event) -> None:
        iface = QAccessible.queryAccessibleInterface(event.object())
        focused.append(iface.child(event.child()).text(NAME))

    monkeypatch.setattr(accessibility, "send_focus", watch)
    window = make_window(curated)
    tree, button = window.filter_panel.tree, window.filter_panel.clear_button
    window.activateWindow()
    button.setEnabled(True)
    for expected in ("Kind", "Support group, "):  # the first row; then where the user was
        button.setFocus()
        qtbot.waitUntil(button.hasFocus)
        qtbot.keyClick(button, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: bool(focused))
        assert focused.pop().startswith(expected) and tree.hasFocus()
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    # No row is selected, only current: Qt reports a selected row under a heading as the row
    # above it, and Orca read that one when the focus came back from a dialog.
    iface = QAccessible.queryAccessibleInterface(tree)
    cells = (iface.child(i) for i in range(iface.childCount()))
    assert not [c.text(NAME) for c in cells if c is not None and c.state().selected]


def test_tab_into_an_untouched_text_field_reports_focus_before_any_caret(qtbot, curated) -> None:
    from cbh_directory.ui import accessibility

    accessibility.install()  # as the window does
    moves: list[tuple[int, int]] = []
    dialog = ExportDialog(
        result_count=3, selected_count=0, lists=curated.lists(), current_list=None
    )
    qtbot.addWidget(dialog)
    dialog.title_edit.cursorPositionChanged.connect(lambda old, new: moves.append((old, new)))
    dialog.show()
    dialog.activateWindow()
    shown = list(moves)
    dialog.format_combo.setFocus()
    qtbot.waitUntil(dialog.format_combo.hasFocus)
    qtbot.keyClick(dialog.format_combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    assert moves == shown  # nothing reported on the way in: the focus is said first


def test_the_radius_says_its_unit(make_window, curated: Directory) -> None:
    window = make_window(curated)
    radius = QAccessible.queryAccessibleInterface(window.search_bar.radius)
    assert radius.text(QAccessible.Text.Description) == "miles"
    window.search_bar.set_units("km")
    assert radius.text(QAccessible.Text.Description) == "kilometres"


def test_a_group_heading_says_how_many_of_its_values_are_on(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    model = window.facet_model
    with qtbot.waitSignal(window.counts_shown, timeout=10_000):
        model.setData(model.index_of("kind", "support_group"), True, Qt.ItemDataRole.CheckStateRole)
    heading = model.group_index("kind")
    assert heading.siblingAtColumn(1).data() == "1 on"  # shown
    assert heading.data(Qt.ItemDataRole.AccessibleTextRole) == f"{heading.data()}, 1 checked"
