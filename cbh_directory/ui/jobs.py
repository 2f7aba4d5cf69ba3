"""Long work (an import, an export, a backup) in a worker thread, heard about by signals.

Threading rule: the work never touches a widget or a model. It gets its own database
connection, opened and closed in the worker thread, and reports only through signals, which
Qt delivers to the GUI thread as queued calls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ..domain.errors import CBHError
from ..domain.exports import ExportCancelled
from ..service import Directory


class Control:
    """What the work may use to report progress and to notice Cancel (safe in any thread)."""

    def __init__(self, progress: Callable[[int, int], None]) -> None:
        self.progress = progress  # (done, total)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


Work = Callable[[Directory, Control], Any]


def start_thread(worker: QObject, name: str) -> QThread:
    """A named thread that `worker` now lives in, started."""
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.start()
    return thread


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, db_path: Path, work: Work) -> None:
        super().__init__()
        self._db_path = db_path
        self._work = work
        self.control = Control(self.progress.emit)

    @Slot()
    def run(self) -> None:
        try:
            with Directory.open(self._db_path, prepare=False) as directory:
                result = self._work(directory, self.control)
        except ExportCancelled:
            self.cancelled.emit()
            return
        except CBHError as exc:
            self.failed.emit(exc.message)
            return
        self.finished.emit(result)


class Job(QObject):
    """`Job(db_path, work).start()`: `work(directory, control)` runs in a worker thread, and
    `finished(result)`, `failed(message)` or `cancelled()` follows; `progress(done, total)`
    comes as the work reports it. `cancel()` asks the work to stop at its next step."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, db_path: Path, work: Work, parent: QObject | None = None, *, name: str = "job"
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(f"{name}-worker")
        self._worker = _Worker(db_path, work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        for theirs, mine in (
            (self._worker.finished, self.finished),
            (self._worker.failed, self.failed),
            (self._worker.cancelled, self.cancelled),
        ):
            theirs.connect(mine)
            # QThread.quit is thread-safe: end the thread without waiting for the GUI loop.
            theirs.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self) -> Job:
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Safe from any thread; cancellable work stops at its next step and writes nothing."""
        self._worker.control.cancel()

    def wait(self, ms: int = 60_000) -> bool:
        return bool(self._thread.wait(ms))

    @property
    def running(self) -> bool:
        return bool(self._thread.isRunning())


def job_for(directory: Directory, work: Work, parent: QObject, name: str) -> Job:
    """A Job (not started) on the window's database file; the window always has one."""
    assert directory.path is not None, "the window's directory is a file, not in memory"
    return Job(directory.path, work, parent, name=name)
