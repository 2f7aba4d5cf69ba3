"""Errors nobody expected: logged to the rotating log file and shown in a short dialog with a
"Copy details" button, while the window keeps running."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..logs import log_file, log_unexpected, setup_logging
from . import msgbox

Show = Callable[[str, str], object]  # (short message, details)


class ErrorDialog(QDialog):
    """A short plain-text message, where the details are, and a button to copy them."""

    def __init__(self, short: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CBH Directory: something went wrong"))
        self.details = details
        where = log_file()
        text = self.tr(
            "Something went wrong, and the last action may not have finished:\n\n%s\n\n"
            "Your lists, notes and the directory are kept in the database and are not "
            "affected by this. You can go on working."
        ) % short + (self.tr("\n\nThe details are in the log file:\n%s") % where if where else "")
        self.message = message = QLabel(text)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message.setAccessibleDescription(self.tr("Error message"))
        self.copy_button = QPushButton(self.tr("&Copy Details"))
        self.copy_button.setAccessibleName(self.tr("Copy the error details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


class ErrorReporter(QObject):
    """Installs itself as sys.excepthook and threading.excepthook.

    An exception in a Qt slot or event handler reaches sys.excepthook and Qt carries on, so the
    window stays usable. Errors from other threads are passed to the GUI thread by a queued
    signal. While a dialog is open, further errors are logged but not shown again.
    """

    reported = Signal(str, str)  # short, details (delivered in the GUI thread)

    def __init__(self, parent: QObject | None = None, show: Show | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self._open = False
        self.count = 0
        self.reported.connect(self._present, Qt.ConnectionType.QueuedConnection)
        self._previous: tuple[Any, Any] | None = None

    def install(self, log_folder: Path | None = None) -> None:
        setup_logging(log_folder)
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        where = threading.current_thread().name
        short, details = log_unexpected(kind, error, tb, f"the window ({where})")
        self.count += 1
        self.reported.emit(short, details)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _present(self, short: str, details: str) -> None:
        if self._open:
            return
        self._open = True
        try:
            if self._show is not None:
                self._show(short, details)
            else:
                parent = QApplication.activeWindow()
                msgbox.run(ErrorDialog(short, details, parent))
        finally:
            self._open = False
