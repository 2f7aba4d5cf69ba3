"""Every modal dialog and message box the window shows goes through here.

Modelled on qutebrowser's message-box module: one place builds message boxes (plain text always,
so data never renders as rich text) and one place runs modal dialogs. Tests answer dialogs by
patching these functions (`run`, `warn`, `ask`, `choose`, `get_text`, `get_int`) instead of
production code taking extra parameters.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

Icon = QMessageBox.Icon
Button = QMessageBox.StandardButton
TITLE = "CBH Directory"


def run(dialog: QDialog) -> int:
    """Show a modal dialog and wait for it; returns its result code (Accepted or Rejected)."""
    return int(dialog.exec())


def accepted(dialog: QDialog) -> bool:
    """Run the dialog; whether the user accepted it."""
    return run(dialog) == QDialog.DialogCode.Accepted


def msgbox(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = Icon.Information,
    informative: str = "",
    buttons: QMessageBox.StandardButton = Button.Ok,
) -> QMessageBox:
    """A message box with plain text, not yet shown."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    return box


def warn(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    informative: str = "",
    icon: QMessageBox.Icon = Icon.Warning,
    wait: bool = True,
) -> None:
    """Tell the user something went wrong; with `wait` False the box does not block."""
    box = msgbox(parent, title, text, icon=icon, informative=informative)
    if wait:
        box.exec()
    else:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    informative: str = "",
    yes: QMessageBox.StandardButton = Button.Yes,
    no: QMessageBox.StandardButton = Button.No,
) -> bool:
    """A yes/no question (the buttons may be, say, Apply and Cancel); True for `yes`."""
    box = msgbox(parent, title, text, icon=Icon.Question, informative=informative, buttons=yes | no)
    return box.exec() == yes


def choose(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[tuple[str, str, QMessageBox.ButtonRole]],
    *,
    informative: str = "",
    icon: QMessageBox.Icon = Icon.Question,
    default: str = "",
) -> str:
    """Buttons of our own, (label, key, role) each; returns the key of the one clicked,
    or `default` when the box was closed otherwise."""
    box = msgbox(parent, title, text, icon=icon, informative=informative, buttons=Button.NoButton)
    buttons = [(box.addButton(label, role), key) for label, key, role in choices]
    box.exec()
    clicked = box.clickedButton()
    return next((key for button, key in buttons if button is clicked), default)


def get_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text from the user, stripped; None when cancelled or empty."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


def get_int(
    parent: QWidget | None, title: str, label: str, value: int, low: int, high: int
) -> int | None:
    """A whole number from the user; None when cancelled."""
    number, ok = QInputDialog.getInt(parent, title, label, value, low, high)
    return int(number) if ok else None
