"""The one way the window makes its menu and toolbar actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

Shortcut = str | QKeySequence.StandardKey | QKeySequence


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object] | None = None,
    shortcut: Shortcut | None = None,
    *,
    checkable: bool = False,
    checked: bool = False,
) -> QAction:
    """An action with an optional shortcut; `slot` is called without the `checked` argument
    (a checkable action's handler reads `action.isChecked()` when it needs it)."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if checkable:
        action.setCheckable(True)
        action.setChecked(checked)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action
