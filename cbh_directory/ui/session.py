"""The current search — text, filters, location, sort — and its round trips to the worker.

Typing searches at once on the first keystroke, then at most once per short window while the
keys keep coming (and once more when they stop), so a burst of typing costs two searches and
a single keystroke shows its results without waiting. Every other change searches at once.
Results for anything but the newest request are dropped.

The facet counts of a search are asked for once its results are on screen (a later turn of
the event loop), so counting never delays the paint; counts for a search that is no longer
the newest are never shown.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.facets import FACETS
from ..domain.model import Facets, Hit, Place, SearchQuery
from .worker import SearchOutcome, SearchThread

TYPING_DELAY_MS = 150
PAGE_SIZE = 50  # the first page fills a tall window; scrolling fetches more (fetchMore)


class SearchSession(QObject):
    """Holds the query; emits the outcome of each search and each extra page."""

    results_ready = Signal(object)  # SearchOutcome
    counts_ready = Signal(object, object)  # Facets, the SearchQuery as asked
    page_ready = Signal(int, object)  # offset, list[Hit]
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = SearchQuery(limit=PAGE_SIZE)
        self._thread = SearchThread(db_path, self)
        self._thread.worker.searched.connect(self._on_searched)
        self._thread.worker.counted.connect(self._on_counted)
        self._thread.worker.fetched.connect(self._on_fetched)
        self._thread.worker.failed.connect(self._on_failed)
        self._request = 0
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self._window_closed)
        self._pending = False
        self._shown: SearchOutcome | None = None  # the newest results, until counted

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

    @property
    def counting(self) -> bool:
        """The newest results are shown and their facet counts are still on the way."""
        return self._shown is not None

    def search_now(self) -> None:
        self._timer.stop()
        self._pending = False
        self._search()

    def _search(self) -> None:
        self._request = self._thread.request_search(dataclasses.replace(self.query, offset=0))
        self._shown = None
        self._set_busy(True)

    def fetch_page(self, offset: int) -> None:
        self._thread.request_page(self._request, dataclasses.replace(self.query), offset)

    def _on_searched(self, request_id: int, outcome: SearchOutcome) -> None:
        if request_id != self._request:
            return
        self._set_busy(False)
        self._shown = outcome
        self.results_ready.emit(outcome)
        # Asked for after this turn of the event loop, when the results are painted: the
        # worker counting during the paint would slow it (both threads need the GIL).
        QTimer.singleShot(0, self, lambda: self._ask_counts(request_id))

    def _ask_counts(self, request_id: int) -> None:
        if request_id == self._request and self._shown is not None:
            self._thread.request_counts(request_id, self._shown.searched)

    def _on_counted(self, request_id: int, facets: Facets) -> None:
        shown = self._shown
        if request_id != self._request or shown is None:
            return  # counts of results no longer shown
        self._shown = None
        self.counts_ready.emit(facets, shown.query)

    def _on_fetched(self, request_id: int, offset: int, hits: list[Hit]) -> None:
        if request_id == self._request:
            self.page_ready.emit(offset, hits)

    def _on_failed(self, request_id: int, message: str) -> None:
        if request_id == self._request:
            self._set_busy(False)
            self._shown = None
            self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def stop(self) -> None:
        self._timer.stop()
        self._thread.stop()
