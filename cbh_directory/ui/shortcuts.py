"""The window's shortcuts work from its text fields too (Ctrl+E exports from the search box),
while the fields keep the keys they edit with (copy, paste, undo, select all, moving)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

StandardKey = QKeySequence.StandardKey
Modifier = Qt.KeyboardModifier
COMMAND_MODIFIERS = Modifier.ControlModifier | Modifier.AltModifier | Modifier.MetaModifier
# The keys a text field needs for itself; every other window shortcut goes to the window.
EDITING = (
    StandardKey.Copy,
    StandardKey.Cut,
    StandardKey.Paste,
    StandardKey.Undo,
    StandardKey.Redo,
    StandardKey.SelectAll,
    StandardKey.Delete,
    StandardKey.DeleteStartOfWord,
    StandardKey.DeleteEndOfWord,
    StandardKey.Backspace,
    StandardKey.MoveToStartOfLine,
    StandardKey.MoveToEndOfLine,
    StandardKey.MoveToNextWord,
    StandardKey.MoveToPreviousWord,
    StandardKey.SelectStartOfLine,
    StandardKey.SelectEndOfLine,
    StandardKey.SelectNextWord,
    StandardKey.SelectPreviousWord,
)


def _editing_keys() -> set[str]:
    keys: set[str] = set()
    for standard in EDITING:
        keys.update(k.toString() for k in QKeySequence.keyBindings(standard))
    return keys - {"Ctrl+E"}  # some platforms bind End of line to Ctrl+E: Export wins


class WindowShortcutsFirst(QObject):
    """An event filter for text fields: a key that is one of `window`'s action shortcuts,
    and not an editing key, is left to the shortcut instead of the field."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._editing = _editing_keys()

    def watch(self, *fields: QWidget) -> None:
        for field in fields:
            field.installEventFilter(self)

    def _window_keys(self) -> set[str]:
        return {
            shortcut.toString()
            for action in self.window.findChildren(QAction)
            if action.isEnabled()
            for shortcut in action.shortcuts()
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if _typing(event):
                return False  # every keystroke typed: no need to look through the menus
            pressed = QKeySequence(event.keyCombination()).toString()
            if pressed not in self._editing and pressed in self._window_keys():
                event.ignore()
                return True  # the field does not claim it: the window's shortcut runs
        return False


def _typing(event: QKeyEvent) -> bool:
    """A letter, digit or sign typed (with Shift at most): text, never a window shortcut."""
    text = event.text()
    return not event.modifiers() & COMMAND_MODIFIERS and len(text) == 1 and text.isprintable()
