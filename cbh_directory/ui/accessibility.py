"""What screen readers are told beyond Qt's defaults: links as links, and announcements."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

LINK_CLASSES = {"LinkButton"}  # flat buttons that open a web page, phone or email
_installed = False


def _factory(classname: str, obj: QObject) -> QAccessibleInterface | None:
    if classname in LINK_CLASSES and isinstance(obj, QWidget):
        return QAccessibleWidget(obj, QAccessible.Role.Link)  # Qt's cache owns it
    return None


def install() -> None:
    """Expose our link buttons with the Link role (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` now (politely, after what it is saying), without moving
    focus: the result count, a place that was not found, "Contact copied"."""
    if text:
        send(QAccessibleAnnouncementEvent(widget, text))


def send(event: QAccessibleAnnouncementEvent) -> None:
    # Qt drops it at once when no screen reader listens (tests replace this to watch).
    QAccessible.updateAccessibility(event)
