"""Running one piece of long work (an import, a backup) in a worker thread with its own
database connection, and hearing about it by signals. The work never touches widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..domain.errors import CBHError
from ..service import Directory

Work = Callable[[Directory], Any]


class _Worker(QObject):
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, work: Work) -> None:
        super().__init__()
        self._db_path = db_path
        self._work = work

    @Slot()
    def run(self) -> None:
        try:
            with Directory.open(self._db_path, prepare=False) as directory:
                result = self._work(directory)
        except CBHError as exc:
            self.failed.emit(exc.message)
            return
        self.done.emit(result)


class Task(QObject):
    """`Task(db_path, work).start()`; `done(result)` or `failed(message)` follows."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("task-worker")
        self._worker = _Worker(db_path, work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self.done)
        self._worker.failed.connect(self.failed)
        self._worker.done.connect(self._thread.quit)
        self._worker.failed.connect(self._thread.quit)

    def start(self) -> Task:
        self._thread.start()
        return self

    def wait(self, ms: int = 60_000) -> bool:
        return bool(self._thread.wait(ms))

    @property
    def running(self) -> bool:
        return bool(self._thread.isRunning())
