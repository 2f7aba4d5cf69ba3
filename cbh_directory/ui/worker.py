"""Searching off the GUI thread.

The threading rule (docs/ARCHITECTURE.md, and jobs.py for one-off work) holds here too: the
worker owns its connection and reports only by signals. The GUI thread never runs a search.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

from ..domain import relaxing
from ..domain.errors import CBHError
from ..domain.model import Hit, SearchQuery
from ..domain.phrases import Chip
from ..domain.relaxing import Relaxed
from ..service import Directory
from .jobs import start_thread

PARTIAL_LIMIT = 100  # partial matches shown when nothing matches everything


@dataclass(slots=True)
class SearchOutcome:
    """What one search produced: the first page and the total; how the words were read; and,
    when nothing matched, what each word and filter excluded and the closest partial matches
    (then `hits` holds those and `partial` is True). Its facet counts follow separately
    (`SearchWorker.counted`), once these results are painted."""

    query: SearchQuery  # the search as asked
    hits: list[Hit]
    total: int
    thread_name: str
    run: SearchQuery | None = None  # as run: words read as filters (Directory.interpret)
    chips: tuple[Chip, ...] = ()
    partial: bool = False
    relaxed: list[Relaxed] = field(default_factory=list)

    @property
    def searched(self) -> SearchQuery:
        return self.run or self.query


class SearchWorker(QObject):
    """Runs searches and page fetches on its own connection, in its own thread."""

    searched = Signal(int, object)  # request id, SearchOutcome
    counted = Signal(int, object)  # request id, Facets
    fetched = Signal(int, int, object)  # request id, offset, list[Hit]
    failed = Signal(int, str)  # request id, message

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_path = db_path
        self._directory: Directory | None = None
        self._latest = 0
        self._lock = threading.Lock()

    def supersede(self, request_id: int) -> None:
        """Called from the GUI thread: requests older than this one are skipped."""
        with self._lock:
            self._latest = request_id

    def _current(self, request_id: int) -> bool:
        with self._lock:
            return request_id >= self._latest

    def _open(self) -> Directory:
        if self._directory is None:
            self._directory = Directory.open(self._db_path, prepare=False)
        return self._directory

    @Slot(int, object)
    def search(self, request_id: int, query: SearchQuery) -> None:
        if not self._current(request_id):
            return  # the user typed on; a newer search is queued
        try:
            directory = self._open()
            interpretation = directory.interpret(query)
            run = interpretation.query
            page = directory.search(run)
            if not self._current(request_id):
                return
            outcome = SearchOutcome(
                query,
                page.hits,
                page.total,
                QThread.currentThread().objectName(),
                run,
                interpretation.chips,
            )
            if page.total == 0 and relaxing.constraints(run):
                outcome.relaxed = directory.relaxations(run)
                partial = directory.partial_matches(dataclasses.replace(run, limit=PARTIAL_LIMIT))
                outcome.hits, outcome.total = partial.hits, len(partial.hits)
                outcome.partial = bool(partial.hits)
        except CBHError as exc:
            self.failed.emit(request_id, exc.message)
            return
        self.searched.emit(request_id, outcome)

    @Slot(int, object)
    def count(self, request_id: int, run: SearchQuery) -> None:
        """The facet counts of a search whose results are shown (`run`: as it was run). The
        search's evaluation is still cached, so this only combines its masks."""
        if not self._current(request_id):
            return  # the user typed on: these counts would be for results no longer shown
        try:
            facets = self._open().facets(run)
        except CBHError as exc:
            self.failed.emit(request_id, exc.message)
            return
        self.counted.emit(request_id, facets)

    @Slot(int, object, int)
    def fetch(self, request_id: int, query: SearchQuery, offset: int) -> None:
        if not self._current(request_id):
            return
        try:
            directory = self._open()
            run = directory.interpret(query).query
            page = directory.search(dataclasses.replace(run, offset=offset))
        except CBHError as exc:
            self.failed.emit(request_id, exc.message)
            return
        self.fetched.emit(request_id, offset, page.hits)

    @Slot()
    def shutdown(self) -> None:
        if self._directory is not None:
            self._directory.close()
            self._directory = None


class SearchThread(QObject):
    """Owns the worker's thread; `request_search` and `request_page` are safe to call anytime."""

    _search = Signal(int, object)
    _count = Signal(int, object)
    _fetch = Signal(int, object, int)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = SearchWorker(db_path)
        self._search.connect(self.worker.search)
        self._count.connect(self.worker.count)
        self._fetch.connect(self.worker.fetch)
        self._thread = start_thread(self.worker, "search-worker")
        self._next_id = 0

    def request_search(self, query: SearchQuery) -> int:
        self._next_id += 1
        self.worker.supersede(self._next_id)
        self._search.emit(self._next_id, query)
        return self._next_id

    def request_counts(self, request_id: int, run: SearchQuery) -> None:
        self._count.emit(request_id, run)

    def request_page(self, request_id: int, query: SearchQuery, offset: int) -> None:
        self._fetch.emit(request_id, query, offset)

    def stop(self) -> None:
        if not self._thread.isRunning():
            return
        # Blocking, so the worker closes its own connection in its own thread before it ends.
        QMetaObject.invokeMethod(
            self.worker, "shutdown", Qt.ConnectionType.BlockingQueuedConnection
        )
        self._thread.quit()
        self._thread.wait(10_000)
