"""The window's sync actions: File → Sync with Agency Directory… and Resource → Propose to
Agency Directory (the selected entry's local changes go to the outbox)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..domain.errors import CBHError
from ..service import Directory
from . import msgbox
from .actions import make_action
from .settings import WindowSettings
from .sync_dialog import SyncDialog


class SyncActions(QObject):
    """`changed` fires after a sync merged; `message` carries a line for the status bar."""

    changed = Signal()
    message = Signal(str)

    def __init__(
        self,
        directory: Directory,
        parent_widget: QWidget,
        selected_ids: Callable[[], list[str]],
        settings: WindowSettings | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.directory = directory
        self.parent_widget = parent_widget
        self.selected_ids = selected_ids
        self.settings = settings
        self.sync_action = make_action(
            parent_widget, self.tr("S&ync with Agency Directory…"), lambda: self.open_dialog()
        )
        self.propose_action = make_action(
            parent_widget, self.tr("&Propose to Agency Directory…"), lambda: self.propose()
        )

    def open_dialog(self) -> SyncDialog:
        dialog = SyncDialog(self.directory, self.settings, self.parent_widget)
        dialog.synced.connect(self.changed)
        msgbox.run(dialog)
        return dialog

    def propose(self) -> int | None:
        """Put the selected entry's local changes in the outbox (sent with the next sync)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            msgbox.warn(
                self.parent_widget,
                self.tr("Propose to Agency Directory"),
                self.tr("Select one entry whose changes you want to propose."),
            )
            return None
        resource = self.directory.resource(ids[0])
        if not msgbox.ask(
            self.parent_widget,
            self.tr("Propose to Agency Directory"),
            self.tr("Propose your changes to “%1” to the agency's editors?").replace(
                "%1", resource.name
            ),
            informative=self.tr(
                "The proposal waits in the outbox and is sent with your next sync. Your lists "
                "and notes are never sent."
            ),
        ):
            return None
        try:
            entry = self.directory.propose(resource.id)
        except CBHError as exc:
            msgbox.warn(self.parent_widget, self.tr("Nothing to propose"), exc.message)
            return None
        self.message.emit(self.tr("Proposal waiting in the outbox; it goes with the next sync"))
        return entry
