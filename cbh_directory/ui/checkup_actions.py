"""The window's check-ups of groups: the Resource and File menu commands, the details pane's
check-ups section (history, newest first; edit or delete one's own), and the list of groups
that need a check-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.checkups import Checkup, applies_to, summary
from ..domain.errors import CBHError
from ..domain.model import Hit, Resource
from ..service import Directory
from . import msgbox
from .actions import make_action
from .checkup_dialog import CheckupDialog
from .details_pane import LinkButton
from .settings import WindowSettings


def _plain(text: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CheckupActions(QObject):
    """`changed` fires after a check-up was recorded, changed, deleted or imported."""

    changed = Signal()
    message = Signal(str)

    def __init__(
        self,
        directory: Directory,
        parent_widget: QWidget,
        current: Callable[[], Hit | None],
        settings: WindowSettings | None,
        show_resource: Callable[[str], None],
    ) -> None:
        super().__init__(parent_widget)
        self.directory = directory
        self.parent_widget = parent_widget
        self.current = current
        self.settings = settings
        self.show_resource = show_resource
        self.check_action = make_action(
            parent_widget, self.tr("&Check This Group…"), lambda: self.check(), "Ctrl+Shift+K"
        )
        self.needs_action = make_action(
            parent_widget, self.tr("Groups Needing a Check-&up…"), lambda: self.show_needed()
        )
        self.export_action = make_action(
            parent_widget, self.tr("E&xport Check-ups…"), lambda: self.export_checkups()
        )
        self.import_action = make_action(
            parent_widget, self.tr("Import Chec&k-ups…"), lambda: self.import_checkups()
        )
        self.max_age_action = make_action(
            parent_widget, self.tr("How &Long a Check-up Counts…"), lambda: self.set_max_age()
        )

    # -- who

    @property
    def me(self) -> str:
        return (self.settings.initials if self.settings else None) or ""

    def update_actions(self) -> None:
        hit = self.current()
        self.check_action.setEnabled(
            hit is not None and hit.in_directory and applies_to(hit.resource)
        )

    # -- recording

    def check(self, resource: Resource | None = None) -> Checkup | None:
        """Open the form for the chosen group; the check-up is stored when saved."""
        if resource is None:
            hit = self.current()
            resource = hit.resource if hit is not None else None
        if resource is None or not applies_to(resource):
            self.message.emit(self.tr("Check-ups are for support groups and communities."))
            return None
        target = resource

        def save(answers: dict[str, object], by: str) -> Checkup:
            return self.directory.record_checkup(target.id, dict(answers), by=by)

        dialog = CheckupDialog(
            target,
            save,
            author=self.me or self.directory.checkup_author(),
            parent=self.parent_widget,
        )
        return self._run(dialog)

    def edit(self, checkup: Checkup) -> Checkup | None:
        resource = self.directory.find(checkup.resource_id)
        if resource is None:
            return None
        me = self.me

        def save(answers: dict[str, object], _by: str) -> Checkup:
            return self.directory.edit_checkup(checkup.id, dict(answers), me)

        dialog = CheckupDialog(resource, save, checkup=checkup, parent=self.parent_widget)
        return self._run(dialog)

    def _run(self, dialog: CheckupDialog) -> Checkup | None:
        if msgbox.run(dialog) != QDialog.DialogCode.Accepted or dialog.saved is None:
            return None
        if self.settings is not None and not self.settings.initials:
            self.settings.initials = dialog.saved.by  # asked once, as for signed checks
        self.changed.emit()
        self.message.emit(self.tr("Check-up saved."))
        return dialog.saved

    def delete(self, checkup: Checkup) -> bool:
        if not msgbox.ask(
            self.parent_widget,
            self.tr("Delete check-up"),
            self.tr("Delete your check-up of %s?") % checkup.on,
        ):
            return False
        try:
            self.directory.delete_checkup(checkup.id, self.me)
        except CBHError as exc:
            msgbox.warn(self.parent_widget, self.tr("Delete check-up"), exc.message)
            return False
        self.changed.emit()
        return True

    # -- the details pane

    def community_lines(self, resource: Resource) -> dict[str, str]:
        return self.directory.community_lines(resource, me=self.me)

    def section(self, hit: Hit) -> QWidget | None:
        """Check-ups of the shown group, newest first, with a button to add one."""
        if not hit.in_directory or not applies_to(hit.resource):
            return None
        box = QGroupBox(self.tr("Check-ups"))
        box.setObjectName("checkups")
        box.setAccessibleName(self.tr("Check-ups"))
        column = QVBoxLayout(box)
        found = self.directory.checkups(hit.resource.id)
        if not found:
            column.addWidget(
                _plain(self.tr("Nobody has recorded a check-up of this group here yet."))
            )
        age = self.directory.checkup_max_age_days()
        if found and found[0].on < _cutoff(age):
            column.addWidget(_plain(self.tr("The last check-up is old: a new one would help.")))
        for checkup in found:
            column.addWidget(self._entry(checkup))
        add = QPushButton(self.tr("Check This Group…"))
        add.setAccessibleName(self.tr("Check this group"))
        resource = hit.resource
        add.clicked.connect(lambda: self.check(resource))
        column.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _entry(self, checkup: Checkup) -> QWidget:
        entry = QWidget()
        entry.setObjectName("checkup")
        column = QVBoxLayout(entry)
        column.setContentsMargins(0, 2, 0, 2)
        column.setSpacing(1)
        column.addWidget(_plain(summary(checkup)))
        if checkup.note:
            column.addWidget(_plain(checkup.note))
        if checkup.evidence:  # validated as http(s) when it was recorded or imported
            column.addWidget(
                LinkButton(checkup.evidence, checkup.evidence, self.tr("Check-up evidence"))
            )
        if self.me and checkup.by.casefold() == self.me.casefold():
            row = QHBoxLayout()
            edit = QPushButton(self.tr("Change…"))
            edit.setAccessibleName(self.tr("Change your check-up of %s") % checkup.on)
            edit.clicked.connect(lambda: self.edit(checkup))
            delete = QPushButton(self.tr("Delete"))
            delete.setAccessibleName(self.tr("Delete your check-up of %s") % checkup.on)
            delete.clicked.connect(lambda: self.delete(checkup))
            row.addWidget(edit)
            row.addWidget(delete)
            row.addStretch(1)
            column.addLayout(row)
        return entry

    # -- groups needing a check-up

    def show_needed(self) -> str | None:
        """A list of groups with no recent check-up, most used first; the chosen one is shown."""
        dialog = NeedsCheckupDialog(self.directory, self.parent_widget)
        if msgbox.run(dialog) != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.chosen()
        if chosen:
            self.show_resource(chosen)
        return chosen

    # -- sharing and the setting

    def export_checkups(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                self.tr("Export check-ups for sharing"),
                "checkups.json",
                self.tr("CBH Directory check-ups (*.json)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            count = self.directory.export_checkups(path)
        except CBHError as exc:
            msgbox.warn(self.parent_widget, self.tr("Export check-ups"), exc.message)
            return None
        self.message.emit(self.tr("Saved %n check-up(s) to %1", "", count).replace("%1", path.name))
        return path

    def import_checkups(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent_widget,
                self.tr("Import check-ups"),
                "",
                self.tr("CBH Directory check-ups (*.json)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            report = self.directory.import_checkups(path)
        except CBHError as exc:
            msgbox.warn(self.parent_widget, self.tr("Import check-ups"), exc.message)
            return False
        text = self.tr("Added %1 check-up(s); %2 were already here.")
        text = text.replace("%1", str(report.added)).replace("%2", str(report.already_here))
        if report.kept_ours:
            text += " " + self.tr(
                "%1 with the same id but other answers: yours were kept."
            ).replace("%1", str(report.kept_ours))
        self.changed.emit()
        self.message.emit(text)
        if report.rejected:
            left_out = self.tr("Left out:") + "\n" + "\n".join(report.rejected[:10])
            msgbox.warn(self.parent_widget, self.tr("Import check-ups"), text + "\n" + left_out)
        return True

    def set_max_age(self, months: int | None = None) -> None:
        if months is None:
            months = msgbox.get_int(
                self.parent_widget,
                self.tr("How long a check-up counts"),
                self.tr("Months a check-up counts before the group asks for a new one:"),
                max(1, round(self.directory.checkup_max_age_days() / 30.44)),
                1,
                120,
            )
            if months is None:
                return
        self.directory.set_checkup_max_age_days(round(months * 30.44))
        self.changed.emit()


def _cutoff(days: int) -> str:
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


class NeedsCheckupDialog(QDialog):
    """Groups with no check-up that still counts, most used (bookmarked, in lists) first."""

    def __init__(self, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Groups needing a check-up"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.windowTitle())
        for waiting in directory.needs_checkup():
            last = (
                self.tr("last check-up %s") % waiting.latest.on
                if waiting.latest
                else self.tr("never checked")
            )
            used = self.tr("in %n list(s)", "", waiting.uses) if waiting.uses else ""
            text = f"{waiting.resource.name} — {last}" + (f" · {used}" if used else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, waiting.resource.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        intro = _plain(
            self.tr(
                "These groups have no recent check-up. The ones you use most (in Bookmarks or "
                "your lists) come first. Choose one to show it."
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
