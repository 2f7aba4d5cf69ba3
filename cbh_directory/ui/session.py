"""The current search — text, filters, location, sort — and its round trips to the worker.

Typing searches at once on the first keystroke, then at most once per short window while the
keys keep coming (and once more when they stop), so a burst of typing costs two searches and
a single keystroke shows its results without waiting. Every other change searches at once.
Results for anything but the newest request are dropped.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.facets import FACETS
from ..domain.model import Hit, Place, SearchQuery
from .worker import SearchOutcome, SearchThread

TYPING_DELAY_MS = 150
PAGE_SIZE = 100


class SearchSession(QObject):
    """Holds the query; emits the outcome of each search and each extra page."""

    results_ready = Signal(object)  # SearchOutcome
    page_ready = Signal(int, object)  # offset, list[Hit]
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = SearchQuery(limit=PAGE_SIZE)
        self._thread = SearchThread(db_path, self)
        self._thread.worker.searched.connect(self._on_searched)
        self._thread.worker.fetched.connect(self._on_fetched)
        self._thread.worker.failed.connect(self._on_failed)
        self._request = 0
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self._window_closed)
        self._pending = False

    # -- changing the query

    def set_text(self, text: str) -> None:
        if text == self.query.text:
            return
        self.query.text = text
        if self._timer.isActive():
            self._pending = True  # still typing: search when the window closes
        else:
            self._search()
            self._timer.start()

    def _window_closed(self) -> None:
        if self._pending:
            self._pending = False
            self._search()

    def set_filter(self, group: str, value: str, chosen: bool) -> None:
        values = self.query.values_of(group)
        if chosen and value not in values:
            values.append(value)
        elif not chosen and value in values:
            values.remove(value)
        else:
            return
        self.search_now()

    def set_filters(self, filters: dict[str, list[str]]) -> None:
        for facet in FACETS:
            self.query.set_values(facet.id, list(filters.get(facet.id, [])))
        self.search_now()

    def clear_filters(self) -> None:
        if any(self.query.filter_values().values()):
            self.set_filters({})

    def set_location(
        self, place: Place | None, radius_km: float | None, include_online: bool
    ) -> None:
        self.query.near = place
        self.query.radius_km = radius_km if place is not None else None
        self.query.include_online = include_online
        if place is None and self.query.sort == "distance":
            self.query.sort = "relevance"
        self.search_now()

    def set_list(self, list_id: int | None) -> None:
        """Limit search and filters to one list's items (None: the whole directory)."""
        self.query.list_id = list_id
        if list_id is None and self.query.sort == "list":
            self.query.sort = "relevance"
        self.search_now()

    def set_sort(self, key: str, reverse: bool) -> None:
        if (key == "distance" and self.query.near is None) or (
            key == "list" and self.query.list_id is None
        ):
            key = "relevance"
        if (key, reverse) != (self.query.sort, self.query.reverse):
            self.query.sort, self.query.reverse = key, reverse
            self.search_now()

    # -- talking to the worker

    @property
    def busy(self) -> bool:
        return self._busy

    def search_now(self) -> None:
        self._timer.stop()
        self._pending = False
        self._search()

    def _search(self) -> None:
        self._request = self._thread.request_search(dataclasses.replace(self.query, offset=0))
        self._set_busy(True)

    def fetch_page(self, offset: int) -> None:
        self._thread.request_page(self._request, dataclasses.replace(self.query), offset)

    def _on_searched(self, request_id: int, outcome: SearchOutcome) -> None:
        if request_id != self._request:
            return
        self._set_busy(False)
        self.results_ready.emit(outcome)

    def _on_fetched(self, request_id: int, offset: int, hits: list[Hit]) -> None:
        if request_id == self._request:
            self.page_ready.emit(offset, hits)

    def _on_failed(self, request_id: int, message: str) -> None:
        if request_id == self._request:
            self._set_busy(False)
            self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def stop(self) -> None:
        self._timer.stop()
        self._thread.stop()
