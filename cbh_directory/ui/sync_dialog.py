"""File → Sync with Agency Directory…: the address and token, a sync off the GUI thread with
progress and Cancel, and the outbox of proposals with their review state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.sync import OutboxEntry, SyncReport
from ..service import Directory
from .jobs import Job, job_for
from .settings import WindowSettings

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class OutboxModel(QAbstractTableModel):
    """The outbox: one row per proposal, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[OutboxEntry] = []
        self.names: dict[str, str] = {}  # resource id -> its name here
        self.headers = [
            self.tr("State"),
            self.tr("Proposal"),
            self.tr("Entry"),
            self.tr("Date"),
            self.tr("Editor's note"),
        ]
        self.states = {
            "waiting": self.tr("Waiting (not sent yet)"),
            "sent": self.tr("Sent, in review"),
            "approved": self.tr("Approved"),
            "rejected": self.tr("Rejected"),
        }
        self.actions = {
            "new": self.tr("New entry"),
            "edit": self.tr("Edit"),
            "archive": self.tr("Archive"),
            "checkup": self.tr("Check-up"),
        }

    def set_entries(self, entries: list[OutboxEntry], names: dict[str, str]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.names = names
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if column == 0:
            return self.states.get(entry.state, entry.state)
        if column == 1:
            what = self.actions.get(entry.action, entry.action)
            return f"{what}: {', '.join(entry.changes)}" if entry.changes else what
        if column == 2:
            return self.names.get(entry.resource_id, entry.resource_id)
        if column == 3:
            return (entry.reviewed_at or entry.sent_at or entry.created_at)[:10]
        return entry.review_note


class SyncDialog(QDialog):
    """`synced` fires after a sync merged, so the window searches again."""

    synced = Signal()

    def __init__(
        self, directory: Directory, settings: WindowSettings | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.settings = settings
        self.task: Job | None = None
        self.setWindowTitle(self.tr("Sync with Agency Directory"))
        self.setMinimumWidth(560)
        self.resize(780, 600)

        self.url = QLineEdit()
        self.url.setPlaceholderText("https://hub.example-county.gov")
        self.url.setAccessibleName(self.tr("Agency directory address"))
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Needed to send proposals; optional for reading"))
        self.token.setAccessibleName(self.tr("Your token"))
        self.remember = QCheckBox(self.tr("Remember the token on this computer"))
        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("&Token:"), self.token)
        form.addRow("", self.remember)

        note = QLabel(
            self.tr(
                "The first sync downloads the whole directory, later ones only what changed. "
                "Entries the agency removed become inactive here. Your lists, notes and local "
                "edits stay as they are, and nothing changes if the sync fails or is cancelled. "
                "Lists and notes never leave this computer."
            )
        )
        note.setWordWrap(True)

        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()  # shown while a sync runs
        self.status = QLabel(self.tr("Not synced yet in this session."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outbox_label = QLabel(self.tr("Your proposals (the outbox):"))
        self.outbox = OutboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.outbox)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.outbox_label.setBuddy(self.table)
        self.withdraw_button = QPushButton(self.tr("&Withdraw Proposal"))
        self.withdraw_button.setToolTip(
            self.tr("Remove the chosen proposal; only one not sent yet")
        )
        self.withdraw_button.setEnabled(False)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.checkups_button = QPushButton(self.tr("Send My &Check-ups"))
        self.checkups_button.setToolTip(
            self.tr("Put the check-ups signed with your name in the outbox, for the next sync")
        )
        self.checkups_button.clicked.connect(self.send_checkups)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.buttons = QDialogButtonBox()
        self.sync_button = QPushButton(self.tr("&Sync"))
        self.sync_button.setDefault(True)
        self.buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.hide()
        self.sync_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.outbox_label)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.withdraw_button)
        row.addWidget(self.checkups_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self._restore()
        self.refresh_outbox()

    # -- settings

    def _restore(self) -> None:
        known = self.directory.sync_sources()
        saved = self.settings.qt.value("sync/url", "") if self.settings else ""
        self.url.setText(str(saved or (known[0] if known else "")))
        token = self.settings.qt.value("sync/token", "") if self.settings else ""
        self.token.setText(str(token or ""))
        self.remember.setChecked(bool(token))

    def _save(self) -> None:
        if self.settings is None:
            return
        self.settings.qt.setValue("sync/url", self.url.text().strip())
        if self.remember.isChecked():
            self.settings.qt.setValue("sync/token", self.token.text().strip())
        else:
            self.settings.qt.remove("sync/token")

    # -- the sync

    def refresh_outbox(self) -> None:
        entries = self.directory.outbox()
        found = (self.directory.find(e.resource_id) for e in entries)
        self.outbox.set_entries(entries, {r.id: r.name for r in found if r is not None})
        if self.outbox.entries:
            self.outbox_label.setText(self.tr("Your proposals (the outbox):"))
        else:
            self.outbox_label.setText(self.tr("Your proposals (the outbox): none yet."))
        self._selection_changed()

    def _chosen(self) -> OutboxEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.outbox.entries[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self._chosen()
        busy = self.task is not None and self.task.running
        self.withdraw_button.setEnabled(
            chosen is not None and chosen.state == "waiting" and not busy
        )

    def send_checkups(self) -> None:
        count = self.directory.propose_checkups()
        if count:
            text = self.tr("Check-ups of yours put in the outbox: %1. They go with the next sync.")
            self.status.setText(text.replace("%1", str(count)))
        else:
            self.status.setText(self.tr("No check-ups of yours that are not in the outbox."))
        self.refresh_outbox()

    def withdraw(self) -> None:
        chosen = self._chosen()
        if chosen is None or chosen.state != "waiting":
            return
        self.directory.withdraw_proposal(chosen.id)
        self.refresh_outbox()

    def start(self) -> None:
        url, token = self.url.text().strip(), self.token.text().strip() or None
        if not url:
            self.status.setText(self.tr("Type the address of your agency's directory."))
            self.url.setFocus()
            return
        self._save()
        self._busy(True)
        self.status.setText(self.tr("Connecting to %1…").replace("%1", url))

        def work(directory: Directory, control: Any) -> SyncReport:
            return directory.sync(
                url, token, progress=control.progress, cancelled=control.cancelled
            )

        self.task = job_for(self.directory, work, self, "sync")
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.task.start()

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            self.status.setText(self.tr("Cancelling…"))
            self.task.cancel()

    def _busy(self, busy: bool) -> None:
        for widget in (self.url, self.token, self.remember, self.sync_button, self.checkups_button):
            widget.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.close_button.setVisible(not busy)
        self.withdraw_button.setEnabled(False)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the server says how many

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status.setText(
                self.tr("Merging: %1 of %2 entries")
                .replace("%1", f"{done:,}")
                .replace("%2", f"{total:,}")
            )
        else:
            self.status.setText(self.tr("Downloading: %1 entries").replace("%1", f"{done:,}"))

    def _finished(self, report: SyncReport) -> None:
        self._busy(False)
        lines = [
            self.tr("Synced: %1 new, %2 updated, %3 unchanged, %4 removed by the agency.")
            .replace("%1", str(len(report.added)))
            .replace("%2", str(len(report.updated)))
            .replace("%3", str(report.unchanged))
            .replace("%4", str(len(report.deactivated)))
        ]
        if report.kept_local:
            lines.append(
                self.tr("%1 entries kept your own edits.").replace(
                    "%1", str(len(report.kept_local))
                )
            )
        if report.conflicts:
            lines.append(
                self.tr("%1 skipped: the id belongs to an entry made here.").replace(
                    "%1", str(len(report.conflicts))
                )
            )
        if report.rejected:
            lines.append(
                self.tr("%1 not valid, left out.").replace("%1", str(len(report.rejected)))
            )
        if report.sent or report.reviewed:
            lines.append(
                self.tr("Proposals: %1 sent, %2 reviewed.")
                .replace("%1", str(report.sent))
                .replace("%2", str(report.reviewed))
            )
        for failure in report.send_failures[:3]:
            lines.append(self.tr("Not sent: %1").replace("%1", failure))
        self.status.setText("\n".join(lines))
        self.refresh_outbox()
        self.synced.emit()

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.status.setText(self.tr("The sync failed; nothing was changed.") + "\n" + message)
        self.refresh_outbox()

    def _cancelled(self) -> None:
        self._busy(False)
        self.status.setText(self.tr("Sync cancelled; nothing was changed."))

    def reject(self) -> None:
        """Close (Esc): a running sync is cancelled first, and waited for."""
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.task.wait()
        super().reject()
