"""What screen readers are told beyond Qt's defaults: links as links, and announcements."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
)
from PySide6.QtWidgets import QAbstractItemView, QAccessibleWidget, QLineEdit, QWidget

LINK_CLASSES = {"LinkButton"}  # flat buttons that open a web page, phone or email
# On Linux a screen reader hears announcements through AT-SPI, where Orca before 45 (Debian 12,
# Ubuntu 22.04) never asks Qt for them, so Qt drops them: there the window shows a notification
# instead, which every Orca speaks when it appears (measured: scripts/screen_reader_walk.py).
BY_NOTIFICATION = sys.platform.startswith("linux")
# The accessible text of a cell whose row already says it ("CASK, 4 results" then the 4 again):
# Qt reads the shown text when the accessible text is empty, and a space is said as nothing.
SAID_IN_ROW = " "
_installed = False


class Announcer(QWidget):
    """A notification with no size: a screen reader speaks its name each time it appears."""

    def __init__(self, window: QWidget) -> None:
        install()  # before Qt first asks how to expose it
        super().__init__(window)
        self.setObjectName("announcer")
        self.setFixedSize(0, 0)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def say(self, text: str) -> None:
        self.setAccessibleName(text)
        self.hide()  # shown again: said again, even when the words are the same
        self.show()


def _factory(classname: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QWidget):
        if classname in LINK_CLASSES:
            return QAccessibleWidget(obj, QAccessible.Role.Link)  # Qt's cache owns it
        if classname == "Announcer":
            return QAccessibleWidget(obj, QAccessible.Role.Notification)
    return None


class CaretBeforeFocus(QObject):
    """Tab into a text field nobody has typed in yet: Qt reports its caret's first position
    before it reports the focus, and Orca then takes the field as focused without saying its
    name (the export dialog's empty Title was silent). Setting the caret when a field is first
    shown spends that first report while the field is not focused."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QLineEdit):
            watched.setCursorPosition(watched.cursorPosition())
        return False


def install() -> None:
    """Expose our link buttons with the Link role, the announcer as a notification, and have
    text fields report focus first (once a process)."""
    global _installed
    app = QCoreApplication.instance()
    if not _installed and app is not None:
        QAccessible.installFactory(_factory)
        app.installEventFilter(CaretBeforeFocus(app))
        _installed = True


def announcer(widget: QWidget) -> Announcer:
    """The announcer of `widget`'s window (made the first time)."""
    window = widget.window()
    found = window.findChild(Announcer, "announcer", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, Announcer) else Announcer(window)


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` now (politely, after what it is saying), without moving
    focus: the result count, a place that was not found, "Contact copied"."""
    if not text:
        return
    if BY_NOTIFICATION:
        announcer(widget).say(text)
    else:
        send(QAccessibleAnnouncementEvent(widget, text))


def send(event: QAccessibleAnnouncementEvent) -> None:
    # Qt drops it at once when no screen reader listens (tests replace this to watch).
    QAccessible.updateAccessibility(event)


def say_current(view: QAbstractItemView) -> None:
    """Tell a screen reader that the focus is on `view`'s current row (when the view itself
    took the focus, Orca names only the view)."""
    iface = QAccessible.queryAccessibleInterface(view)
    child = iface.focusChild() if iface is not None and view.hasFocus() else None
    if child is not None:
        event = QAccessibleEvent(view, QAccessible.Event.Focus)
        event.setChild(iface.indexOfChild(child))
        send_focus(event)


def send_focus(event: QAccessibleEvent) -> None:
    QAccessible.updateAccessibility(event)  # tests replace this to watch
