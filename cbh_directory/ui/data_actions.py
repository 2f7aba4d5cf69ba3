"""Keeping the directory true from the window: edit, verify, archive, import, back up, restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from ..domain.errors import CBHError
from ..domain.imports import CsvTable, ImportOptions, ImportPreview
from ..domain.model import Resource
from ..domain.verification import signature
from ..service import Directory, files
from . import msgbox
from .actions import make_action
from .edit_dialog import EditDialog
from .i18n import number
from .import_dialogs import MappingDialog, PreviewDialog
from .jobs import Job, Work, job_for
from .settings import WindowSettings


class DataActions(QObject):
    """`changed` fires after the directory's data changed, so the window searches again."""

    changed = Signal()
    message = Signal(str)
    imported = Signal(int)

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
        self.task: Job | None = None

        def action(text: str, shortcut: Any, slot: Callable[[], object]) -> Any:
            return make_action(parent_widget, text, slot, shortcut)

        self.new_action = action(
            self.tr("&New Resource…"), QKeySequence.StandardKey.New, lambda: self.new_resource()
        )
        self.edit_action = action(
            self.tr("&Edit Resource…"), "Ctrl+Shift+E", lambda: self.edit_resource()
        )
        self.verify_action = action(
            self.tr("Mark &Verified Today"), "Ctrl+Shift+V", self.mark_verified
        )
        self.initials_action = action(
            self.tr("Your Name or &Initials for Checks…"), None, lambda: self.ask_initials()
        )
        self.archive_action = action(self.tr("&Archive"), None, self.toggle_archive)
        self.import_action = action(
            self.tr("&Import File…"), QKeySequence.StandardKey.Open, lambda: self.import_path()
        )
        self.import_folder_action = action(
            self.tr("Import HSDS &Folder…"), None, lambda: self.import_folder()
        )
        self.export_hsds_action = action(
            self.tr("Export Directory as &HSDS…"), None, lambda: self.export_hsds()
        )
        self.backup_action = action(self.tr("&Back Up Now"), None, lambda: self.backup_now())
        self.restore_action = action(self.tr("&Restore from Backup…"), None, lambda: self.restore())
        self.review_age_action = action(
            self.tr("&Review Age…"), None, lambda: self.set_review_age()
        )

    def _warn(self, title: str, text: str) -> None:
        msgbox.warn(self.parent_widget, title, text)

    def _start(self, work: Work, name: str) -> Job:
        """Run `work` in a worker thread on its own connection (see jobs.Job)."""
        self.task = job_for(self.directory, work, self, name).start()
        return self.task

    # -- editing

    def _dialog(self, resource: Resource | None) -> EditDialog:
        directory = self.directory
        if resource is None:
            return EditDialog(
                None,
                save=directory.create_resource,
                countries=directory.country_codes(),
                checked_by=self.initials,
                parent=self.parent_widget,
            )
        return EditDialog(
            resource,
            save=lambda changes: directory.edit_resource(resource.id, changes),
            checked_by=self.initials,
            countries=directory.country_codes(),
            local_edits=directory.local_edits(resource.id),
            revert=lambda field: directory.revert_field(resource.id, field),
            parent=self.parent_widget,
        )

    def new_resource(self) -> Resource | None:
        return self._run_dialog(self._dialog(None), self.tr("Added"))

    def edit_resource(self, resource_id: str | None = None) -> Resource | None:
        ids = [resource_id] if resource_id else self.selected_ids()
        if not ids:
            return None
        try:
            resource = self.directory.resource(ids[0])
        except CBHError as exc:
            self.message.emit(exc.message)
            return None
        return self._run_dialog(self._dialog(resource), self.tr("Saved"))

    def _run_dialog(self, dialog: EditDialog, verb: str) -> Resource | None:
        saved: list[Resource] = []
        dialog.saved.connect(saved.append)
        msgbox.run(dialog)
        if saved:
            self.message.emit(f"{verb} {saved[-1].name}")
            self.changed.emit()
            return saved[-1]
        return None

    def mark_verified(self) -> None:
        ids = self.selected_ids()
        if ids:
            by = self.initials()
            try:
                self.directory.mark_verified(ids, by=by)
            except CBHError as exc:
                self._warn(self.tr("Cannot mark verified"), exc.message)
                return
            done = self.tr("Marked %s verified today") % len(ids)
            self.message.emit(done + (self.tr(", signed %s") % by if by else ""))
            self.changed.emit()

    def initials(self) -> str:
        """The name or initials to sign a check with; asked for the first time only."""
        if self.settings is None:
            return ""
        if self.settings.initials is None:
            self.ask_initials()
        return self.settings.initials or ""

    def ask_initials(self) -> None:
        """Ask for the name or initials shown beside the checks this person records."""
        if self.settings is None:
            return
        text = msgbox.get_text(
            self.parent_widget,
            self.tr("Your name or initials"),
            self.tr(
                "Shown beside the checks you record, as “checked by JD on 3 May 2026”.\n"
                "Leave it empty to stay anonymous:"
            ),
            self.settings.initials or "",
        )
        try:
            self.settings.initials = signature(text or "")
        except CBHError as exc:
            self._warn(self.tr("Your name or initials"), exc.message)

    def toggle_archive(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        archived = [rid for rid in ids if self.directory.resource(rid).status == "inactive"]
        bring_back = len(archived) == len(ids)
        self.directory.archive(ids, archived=not bring_back)
        self.message.emit(
            (self.tr("Brought back %s") if bring_back else self.tr("Archived %s")) % len(ids)
        )
        self.changed.emit()

    # -- import

    def import_path(self, path: Path | None = None) -> None:
        """Import a file or HSDS package: read and compare in the background, show the
        preview, and apply it (after a backup) only if the user says so. A CSV file is read
        once, in the background, for the column mapping and then for the preview."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent_widget,
                self.tr("Import"),
                "",
                self.tr(
                    "Directory data (*.csv *.json *.ndjson *.zip);;CSV (*.csv);;"
                    "JSON, HSDS JSON (*.json *.ndjson);;HSDS zip (*.zip)"
                ),
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            kind = self.directory.import_kind(path)
        except CBHError as exc:
            self._warn(self.tr("Cannot import"), exc.message)
            return
        self.message.emit(self.tr("Reading %s…") % path.name)
        if kind != "csv":
            self._preview(path, ImportOptions(), None)
            return
        target = path
        task = self._start(lambda d, _: d.read_csv(target), "import")
        task.finished.connect(lambda table: self._map_columns(target, table))
        task.failed.connect(lambda text: self._warn(self.tr("Cannot import"), text))

    def _map_columns(self, path: Path, table: CsvTable) -> None:
        dialog = MappingDialog(table, self.directory.csv_mapping(table.headers), self.parent_widget)
        if not msgbox.accepted(dialog):
            self.message.emit(self.tr("Import cancelled; nothing was changed"))
            return
        options = ImportOptions(
            csv_mapping=dialog.mapping(),
            default_kind=dialog.kind.currentData(),
            default_country=dialog.country.text().strip().upper() or "US",
        )
        self._preview(path, options, table)

    def _preview(self, path: Path, options: ImportOptions, table: CsvTable | None) -> None:
        mapping = options.csv_mapping
        task = self._start(lambda d, _: d.preview_import(path, options, table=table), "import")
        task.finished.connect(lambda preview: self._previewed(preview, mapping))
        task.failed.connect(lambda text: self._warn(self.tr("Cannot import"), text))

    def import_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Import an HSDS data package folder")
        )
        if chosen:
            self.import_path(Path(chosen))

    def _previewed(self, preview: ImportPreview, mapping: dict[str, str] | None) -> None:
        if not msgbox.accepted(PreviewDialog(preview, self.parent_widget)):
            self.message.emit(self.tr("Import cancelled; nothing was changed"))
            return
        task = self._start(lambda d, _: d.apply_import(preview, csv_mapping=mapping), "import")
        task.finished.connect(self._applied)
        task.failed.connect(
            lambda text: self._warn(self.tr("Import failed; nothing was changed"), text)
        )

    def _applied(self, written: int) -> None:
        self.message.emit(
            self.tr("Imported %s resources (a backup was made first)") % number(written)
        )
        self.imported.emit(written)
        self.changed.emit()

    def export_hsds(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                self.tr("Export as HSDS 3.0"),
                "directory-hsds.zip",
                self.tr("Zip (*.zip)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        target = path
        task = self._start(lambda d, _: d.export_hsds(target), "export")
        task.finished.connect(
            lambda count: self.message.emit(
                self.tr("Wrote %s services as HSDS 3.0 to %s") % (number(count), target.name)
            )
        )
        task.failed.connect(lambda text: self._warn(self.tr("Export failed"), text))

    # -- backups

    def backup_now(self) -> None:
        task = self._start(lambda d, _: d.backup("manual"), "backup")
        task.finished.connect(lambda path: self.message.emit(self.tr("Backed up to %s") % path))
        task.failed.connect(lambda text: self._warn(self.tr("Backup failed"), text))

    def daily_backup_in_background(self) -> None:
        """Once a day, a backup, made by a worker so start-up is not slowed."""
        task = self._start(lambda d, _: d.daily_backup(), "backup")
        task.failed.connect(
            lambda text: self.message.emit(self.tr("The daily backup failed: %s") % text)
        )

    def restore(self, path: Path | None = None) -> bool:
        """Put a backup in place of the current data (after backing that up)."""
        if path is None:
            assert self.directory.path is not None
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent_widget,
                self.tr("Restore from a backup"),
                str(files.backup_folder(self.directory.path)),
                self.tr("Backups (*.sqlite3)"),
            )
            if not chosen:
                return False
            path = Path(chosen)
        if not self._confirm_restore(path):
            return False
        try:
            safety = self.directory.restore(path)
            self.directory.prepare()
        except CBHError as exc:
            self._warn(self.tr("Cannot restore"), exc.message)
            return False
        self.message.emit(
            self.tr("Restored %s; the previous state was saved as %s") % (path.name, safety.name)
        )
        self.changed.emit()
        return True

    def _confirm_restore(self, path: Path) -> bool:
        return msgbox.ask(
            self.parent_widget,
            self.tr("Restore from a backup"),
            f"Replace the directory, your lists and notes with the backup {path.name}?\n\n"
            "What you have now is backed up first, so you can go back to it. Your check-ups "
            "of groups are kept as they are now.",
        )

    def set_review_age(self, months: int | None = None) -> None:
        if months is None:
            current = round(self.directory.stale_after_days() / 30.44)
            months = msgbox.get_int(
                self.parent_widget,
                self.tr("Review age"),
                self.tr("Entries not verified for this many months need review:"),
                max(1, current),
                1,
                120,
            )
            if months is None:
                return
        self.directory.set_stale_after_days(round(months * 30.44))
        self.message.emit(self.tr("Entries not verified for %s months now need review") % months)
        self.changed.emit()
