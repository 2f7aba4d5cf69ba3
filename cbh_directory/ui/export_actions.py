"""File → Export… and Print…: the dialog, the worker with a progress bar and Cancel, the preview."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.exports import ExportOptions
from ..domain.handout import Handout
from ..domain.lists import ListInfo
from ..domain.model import SearchQuery
from ..service import Directory
from . import msgbox
from .actions import make_action
from .export_dialog import ExportChoice, ExportDialog, default_paper
from .handout_pdf import page_size, paint_handout, write_pdf
from .jobs import Control, Job, job_for
from .settings import WindowSettings


@dataclass(slots=True)
class ExportRequest:
    """What the export dialog asked for."""

    query: SearchQuery
    path: Path | None  # None: build the handout only (for printing)
    list_id: int | None = None
    resource_ids: list[str] | None = None
    title: str | None = None
    units: str = "mi"
    options: ExportOptions = field(default_factory=ExportOptions)
    include_notes: bool = False
    prepared_by: str = ""
    language: str | None = None  # the handout's; None: the window's

    def choices(self) -> dict[str, Any]:
        """The service's keyword arguments for what to export."""
        return {
            "list_id": self.list_id,
            "resource_ids": self.resource_ids,
            "title": self.title,
            "units": self.units,
            "include_notes": self.include_notes,
            "prepared_by": self.prepared_by,
            "language": self.language,
        }

    def export(self, directory: Directory, control: Control) -> str:
        """Work for a Job: write the file; Cancel stops it before anything is in place."""
        assert self.path is not None
        return directory.export_file(
            self.path,
            self.query,
            options=self.options,
            pdf_renderer=write_pdf,
            progress=control.progress,
            cancelled=control.cancelled,
            **self.choices(),
        )

    def handout(self, directory: Directory, _control: Control) -> Handout:
        """Work for a Job: the handout to print."""
        return directory.handout(self.query, **self.choices())


class ExportActions(QObject):
    """Owns the Export… and Print… actions; `message` reports the outcome for the status bar."""

    message = Signal(str)

    def __init__(
        self,
        directory: Directory,
        parent_widget: QWidget,
        *,
        query: Callable[[], SearchQuery],
        result_count: Callable[[], int],
        selected_ids: Callable[[], list[str]],
        current_list: Callable[[], ListInfo | None],
        units: Callable[[], str],
        settings: WindowSettings | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.directory = directory
        self.parent_widget = parent_widget
        self.query = query
        self.result_count = result_count
        self.selected_ids = selected_ids
        self.current_list = current_list
        self.units = units
        self.settings = settings
        self.job: Job | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.export_action = make_action(
            parent_widget, self.tr("&Export…"), lambda: self.ask_and_export(), "Ctrl+E"
        )
        self.print_action = make_action(
            parent_widget,
            self.tr("&Print…"),
            lambda: self.print_handout(),
            QKeySequence.StandardKey.Print,
        )

    # -- export

    def ask_and_export(self) -> None:
        current = self.current_list()
        dialog = ExportDialog(
            result_count=self.result_count(),
            selected_count=len(self.selected_ids()),
            lists=self.directory.lists(),
            current_list=current.id if current else None,
            prepared_by=self.settings.prepared_by if self.settings else "",
            parent=self.parent_widget,
        )
        if msgbox.accepted(dialog):
            choice = dialog.choice()
            if self.settings is not None:
                self.settings.prepared_by = choice.prepared_by
            self.start(choice)

    def request_for(self, choice: ExportChoice) -> ExportRequest:
        query = dataclasses.replace(self.query(), offset=0, limit=None)
        current = self.current_list()
        list_id = choice.list_id
        ids = None
        if choice.source == "selection":
            ids = self.selected_ids()
            list_id = current.id if current else None
        elif choice.source == "list":
            query = SearchQuery(sort="list")  # the whole list, in its own order
        else:
            list_id = query.list_id
        return ExportRequest(
            query=query,
            path=choice.path,
            list_id=list_id,
            resource_ids=ids,
            title=choice.title or None,
            units=self.units(),
            options=choice.options,
            include_notes=choice.include_notes,
            prepared_by=choice.prepared_by,
            language=choice.language,
        )

    def start(self, choice: ExportChoice) -> Job:
        """Run the export off the GUI thread with a progress bar that can cancel it."""
        request = self.request_for(choice)
        job = self._job(request.export)
        progress = QProgressDialog(
            self.tr("Exporting to %s…") % choice.path.name,
            self.tr("Cancel"),
            0,
            0,
            self.parent_widget,
        )
        progress.setWindowTitle(self.tr("Export"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        job.progress.connect(lambda done, total: _show_progress(progress, done, total))
        job.finished.connect(lambda summary: self._finished(progress, summary))
        job.failed.connect(lambda text: self._failed(progress, text))
        job.cancelled.connect(lambda: self._cancelled(progress))
        self.job, self.progress_dialog = job, progress
        job.start()
        return job

    def _job(self, work: Callable[[Directory, Control], object]) -> Job:
        self.job = job_for(self.directory, work, self, "export")
        return self.job

    def _finished(self, progress: QProgressDialog, summary: str) -> None:
        progress.close()
        self.message.emit(summary)

    def _failed(self, progress: QProgressDialog, text: str) -> None:
        progress.close()
        msgbox.warn(
            self.parent_widget,
            self.tr("Export failed"),
            text,
            informative=self.tr(
                "Nothing was written. Check the folder exists, is writable, and has space."
            ),
            wait=False,
        )
        self.message.emit(self.tr("Export failed: %s") % text)

    def _cancelled(self, progress: QProgressDialog) -> None:
        progress.close()
        self.message.emit(self.tr("Export cancelled; no file was written"))

    # -- print

    def print_handout(self) -> None:
        """Print the current results (or list, or selection) as the handout, with a preview."""
        current = self.current_list()
        ids = self.selected_ids()
        source = "list" if current is not None else "results"
        if len(ids) > 1:
            source = "selection"
        options = ExportOptions(paper=default_paper())
        choice = ExportChoice(
            source,
            current.id if current else None,
            Path(),
            "",
            options,
            prepared_by=self.settings.prepared_by if self.settings else "",
        )
        request = dataclasses.replace(self.request_for(choice), path=None)
        job = self._job(request.handout)
        job.finished.connect(self._preview)
        job.failed.connect(lambda text: self.message.emit(self.tr("Cannot print: %s") % text))
        job.start()

    def _preview(self, handout: Handout) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size(default_paper()))
        dialog = QPrintPreviewDialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Print handout"))
        dialog.paintRequested.connect(lambda device: paint_handout(device, handout))
        msgbox.run(dialog)


def _show_progress(progress: QProgressDialog, done: int, total: int) -> None:
    if total and progress.maximum() != total:
        progress.setMaximum(total)
    progress.setValue(min(done, total))
