"""Exports run in a worker thread with their own connection, reporting progress by signals."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..domain.errors import CBHError
from ..domain.model import SearchQuery
from ..exchange.exporter import ExportCancelled, ExportOptions, export
from ..exchange.handout import handout
from ..service import Directory


@dataclass(slots=True)
class ExportRequest:
    """What the export dialog asked for."""

    query: SearchQuery
    path: Path | None  # None: build the handout HTML only (for printing)
    list_id: int | None = None
    resource_ids: list[str] | None = None
    title: str | None = None
    units: str = "mi"
    options: ExportOptions = field(default_factory=ExportOptions)


class ExportWorker(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the summary (str), or the Handout when printing
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, db_path: Path, request: ExportRequest) -> None:
        super().__init__()
        self._db_path = db_path
        self._request = request
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Safe from any thread; the export stops at its next step and writes nothing."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        request = self._request
        try:
            with Directory.open(self._db_path, prepare=False) as directory:
                export_set = directory.export_set(
                    request.query,
                    list_id=request.list_id,
                    resource_ids=request.resource_ids,
                    title=request.title,
                    units=request.units,
                )
                if self._cancel.is_set():
                    raise ExportCancelled("export cancelled")
                if request.path is None:
                    self.finished.emit(handout(export_set))
                    return
                directory.check_output(request.path)
                summary = export(
                    request.path,
                    export_set,
                    request.options,
                    progress=self.progress.emit,
                    cancelled=self._cancel.is_set,
                )
        except ExportCancelled:
            self.cancelled.emit()
            return
        except CBHError as exc:
            self.failed.emit(exc.message)
            return
        self.finished.emit(summary)


class ExportJob(QObject):
    """Runs one ExportWorker in its own thread and cleans up after it."""

    progress = Signal(int, int)
    finished = Signal(object)  # as ExportWorker.finished
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, db_path: Path, request: ExportRequest, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("export-worker")
        self.worker = ExportWorker(db_path, request)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        for signal, mine in (
            (self.worker.finished, self.finished),
            (self.worker.failed, self.failed),
            (self.worker.cancelled, self.cancelled),
        ):
            signal.connect(mine)
            signal.connect(self._thread.quit)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def wait(self, ms: int = 30_000) -> bool:
        return bool(self._thread.wait(ms))

    @property
    def running(self) -> bool:
        return bool(self._thread.isRunning())
