"""The Help menu: how to choose a support group, the keyboard shortcuts, the first-run welcome."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMenuBar,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import vocabulary as vocab
from ..domain.language import words
from . import msgbox
from .actions import make_action
from .details_pane import plain_label
from .settings import WindowSettings


def _bold(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


MAX_HEIGHT = 600  # px: a 1024×640 screen, less its title bar and panel


def fit_to_screen(dialog: QDialog, width: int) -> None:
    """As tall as its contents, but never taller than the screen (640 px screens included):
    the contents sit in a scroll area, so nothing is cut off."""
    screen = dialog.screen().availableGeometry()
    height = min(dialog.sizeHint().height(), int(screen.height() * 0.9), MAX_HEIGHT)
    dialog.resize(min(width, int(screen.width() * 0.95)), height)


class ScrollingDialog(QDialog):
    """A titled dialog whose body scrolls, with a Close button."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.body = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.body)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(holder)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)


class ChoosingGroupDialog(ScrollingDialog):
    """The article's three questions for judging a group, tied to the values the directory
    records for each group (moderation, member activity, focus)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choosing a Support Group"), parent)
        add = self.body.addWidget
        add(
            plain_label(
                self.tr(
                    "A good group is one where a family gets sound advice, gets answers while "
                    "they still need them, and meets people facing the same condition. Ask "
                    "three questions of any group; the directory answers them where it can, "
                    "and says when it does not know."
                )
            )
        )
        add(_bold(self.tr("1. Is it well moderated?")))
        add(
            plain_label(
                self.tr(
                    "Are posts and advice reviewed, ideally by professionals? Look at "
                    "Moderation in the details, or filter by it:"
                )
            )
        )
        for term in vocab.MODERATION:
            add(plain_label(f"•  {words(term.label)}: {words(term.explanation)}"))
        add(_bold(self.tr("2. Do members answer?")))
        add(
            plain_label(
                self.tr(
                    "A group helps only if people reply. Member activity says how quickly, "
                    "from the newest dated activity we found:"
                )
            )
        )
        for term in vocab.ACTIVITY:
            add(plain_label(f"•  {words(term.label)}: {words(term.explanation)}"))
        add(_bold(self.tr("3. Is it about your child's condition?")))
        add(
            plain_label(
                self.tr(
                    "Some groups are for one genetic cause (CASK, Joubert syndrome, "
                    "PCH…), others for cerebellar conditions in general or for any "
                    "disability. Choose a Focus in the filters to see the groups for one "
                    "condition; a broad group is still worth joining while a specific one "
                    "is small or quiet."
                )
            )
        )
        add(
            plain_label(
                self.tr(
                    "Groups change: 'Last verified' says how old our information is. Contact "
                    "a group to confirm before you rely on it. This is not medical advice."
                )
            )
        )
        self.body.addStretch(1)
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 80)


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu command with a keyboard shortcut, in menu order."""
    found: list[tuple[str, str, str]] = []

    def walk(actions: list[QAction], where: str) -> None:
        for action in actions:
            menu = action.menu()
            assert menu is None or isinstance(menu, QMenu)
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if menu is not None:
                walk(menu.actions(), f"{where} › {text}" if where else text)
            elif not action.isSeparator() and not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                found.append((where, text.removesuffix("…"), keys))

    walk(bar.actions(), "")
    return found


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the menus themselves (so the list is never stale)."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setAccessibleName(self.windowTitle())
        rows = menu_shortcuts(bar)
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Command"), self.tr("Menu")])
        for row, (menu, command, keys) in enumerate(rows):
            for column, text in enumerate((keys, command, menu)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        header = self.table.horizontalHeader()
        width = header.length() + self.table.verticalScrollBar().sizeHint().width() + 40
        height = (
            header.height()
            + sum(self.table.rowHeight(r) for r in range(len(rows)))
            + buttons.sizeHint().height()
            + 40
        )
        screen = self.screen().availableGeometry()
        self.resize(
            min(width, int(screen.width() * 0.95)),
            min(height, int(screen.height() * 0.9), MAX_HEIGHT),
        )


class WelcomeDialog(QDialog):
    """Shown at the first start: what the three main things are, and 'don't show again'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to CBH Directory"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(_bold(self.tr("Welcome to CBH Directory")))
        layout.addWidget(
            plain_label(
                self.tr(
                    "Type a condition, a group's name or words like 'support group' in the "
                    "search box; the results change as you type. Put a town or ZIP code in "
                    "Near to see what is close to a family first. Star a resource or add it to "
                    "a list, then export the list as a handout to print or email."
                )
            )
        )
        self.again = QCheckBox(self.tr("Don't show this again"))
        layout.addWidget(self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)


class HelpActions(QObject):
    """The Help menu's own commands (About stays with the window, which knows the stats)."""

    def __init__(self, window: QWidget, bar: QMenuBar, settings: WindowSettings) -> None:
        super().__init__(window)
        self.window = window
        self.bar = bar
        self.settings = settings
        self.choosing_action = make_action(
            window,
            self.tr("&Choosing a Support Group"),
            self.show_choosing,
            QKeySequence.StandardKey.HelpContents,
        )
        self.shortcuts_action = make_action(
            window, self.tr("&Keyboard Shortcuts"), self.show_shortcuts
        )
        self.welcome_action = make_action(window, self.tr("&Welcome"), self.show_welcome)
        self.actions = [self.choosing_action, self.shortcuts_action, self.welcome_action]
        self.welcome: WelcomeDialog | None = None

    def show_choosing(self) -> None:
        msgbox.run(ChoosingGroupDialog(self.window))

    def show_shortcuts(self) -> None:
        msgbox.run(ShortcutsDialog(self.bar, self.window))

    def show_welcome(self) -> None:
        """The welcome beside the window, not in its way (it does not block)."""
        self.welcome = WelcomeDialog(self.window)
        self.welcome.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.welcome.finished.connect(self._welcome_closed)
        self.welcome.show()

    def welcome_if_first_run(self) -> None:
        if not self.settings.welcome_seen:
            self.show_welcome()

    def _welcome_closed(self, _result: int) -> None:
        if self.welcome is not None:
            self.settings.welcome_seen = self.welcome.again.isChecked()
        self.welcome = None
