"""Search over resources: full text (FTS5), filters, places and sorting, on the in-memory index.

A query is evaluated once into boolean masks over the index (text hits, the place, each filter
group); the total, every page, and every facet count are then cheap combinations of those
masks. Pages of rows are read from SQL by key. The FTS table is only ever queried on its own
(never JOINed with filters, which can make SQLite re-run the MATCH per row).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

from ..domain.errors import InputError
from ..domain.facets import FACET_BY_ID, FACETS
from ..domain.model import (
    SORT_KEYS,
    Hit,
    ListEntry,
    Place,
    Resource,
    SearchPage,
    SearchQuery,
)
from ..domain.service_area import serves_place
from ..geo.distance import bounding_box, within
from . import checkups
from .fts import fts_query
from .index import (
    NEVER,
    ResourceIndex,
    day_number,
    load_index,
    parse_numbers,
    read_saved_index,
    resources_version,
    save_index,
)
from .resources import RESOURCE_COLUMNS, row_to_resource

ONLINE_FORMATS = ("online", "hybrid")  # with a place, these may stay in (include_online)
MAX_PAGE = 10_000
NAME_COLUMNS = "{name alternate_names}"
FOCUS_PLACE_COLUMNS = "{search_focus search_place tags}"
BM25 = "bm25(resources_fts, 10.0, 8.0, 1.0, 5.0, 2.0, 2.0, 1.0)"
BM25_LIMIT = 500  # more matches in names than this: listed by name (see _text)
TOP_K_LIMIT = 5000  # pages beyond this many rows sort everything once


def validate_query(q: SearchQuery) -> None:
    """Reject filter values that are not in the vocabularies, naming the problem."""
    chosen = q.filter_values()
    for facet in FACETS:
        allowed = [t.id for t in facet.terms]
        unknown = [v for v in chosen[facet.id] if allowed and v not in allowed]
        if unknown:
            raise InputError(
                "unknown {id} {unknown!r}; choose from: {allowed}",
                id=facet.id,
                unknown=unknown[0],
                allowed=", ".join(allowed),
            )
    if q.sort not in SORT_KEYS:
        raise InputError(
            "unknown sort {sort!r}; choose from: {sort_keys}",
            sort=q.sort,
            sort_keys=", ".join(SORT_KEYS),
        )
    if q.radius_km is not None and q.radius_km <= 0:
        raise InputError("the radius must be more than 0")
    if q.offset < 0 or (q.limit is not None and q.limit < 0):
        raise InputError("offset and limit must not be negative")
    if q.verified_before is not None:
        try:
            day_number(q.verified_before)
        except ValueError:
            raise InputError(
                "bad date {verified_before!r}: use YYYY-MM-DD", verified_before=q.verified_before
            ) from None


@dataclass(slots=True)
class Evaluation:
    """A query turned into masks over the index, with what ordering needs."""

    index: ResourceIndex
    base: np.ndarray  # status, text, place, list, review: everything but the filter groups
    filters: dict[str, np.ndarray]  # facet group -> mask of its chosen values
    distance: np.ndarray | None = None  # km, NaN when unknown (only with a place)
    text_rank: np.ndarray | None = None  # lower is better (only with text)
    # The focus-and-place query, run once an order needs its rank (see SearchEngine.order).
    middle: str | None = None
    list_position: np.ndarray | None = None  # order within the chosen list
    entries: dict[int, ListEntry] = field(default_factory=dict)  # pk -> list entry
    gone: list[tuple[Resource, ListEntry]] = field(default_factory=list)  # left the directory
    # (sort, reverse) -> (slots, complete): an order, or only its first part (see order)
    order_cache: dict[tuple[str, bool], tuple[np.ndarray, bool]] = field(default_factory=dict)

    def selected(self, skip: str | None = None) -> np.ndarray:
        mask = self.base.copy()
        for group, chosen in self.filters.items():
            if group != skip:
                mask &= chosen
        return mask


class SearchEngine:
    """Runs searches on one connection (one per thread), keeping its index current."""

    def __init__(self, db: sqlite_utils.Database, saved_index: Path | None = None) -> None:
        self.db = db
        self._saved = saved_index
        self._index: ResourceIndex | None = None
        self._index_key: tuple[int, int, int] | None = None
        self._index_version = ""
        self._last: tuple[Any, Evaluation] | None = None
        self._columns: list[str] | None = None

    # -- the index and the cache of the last evaluation

    def index(self) -> ResourceIndex:
        """The index, reloaded when a resource changed since it was read.

        A change anywhere in the database (a list, a note) costs one small query here; only a
        change to resources rebuilds the index, from the saved copy when it is current.
        """
        key = self._state()
        if self._index is not None and key == self._index_key:
            return self._index
        self._last = None  # lists or notes may have changed, even if resources did not
        version = self._version()
        if self._index is None or version != self._index_version or not version:
            self._index = self._load(version)
            self._index_version = version
            self._last = None
        self._index_key = self._state()
        return self._index

    def _load(self, version: str) -> ResourceIndex:
        if self._saved is not None and version:
            saved = read_saved_index(self._saved, version)
            if saved is not None:
                return saved
        index = load_index(self.db)
        if self._saved is not None and version and self._version() == version:
            save_index(index, self._saved, version)
        return index

    def _version(self) -> str:
        """The resources' version, with the day and the check-ups' age setting (a check-up
        that stops counting changes the moderation and activity filters)."""
        version = resources_version(self.db)
        policy = checkups.policy_key(self.db)
        return f"{version}|{policy}" if version and policy else version

    def _state(self) -> tuple[int, int, int]:
        version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        return int(version), int(self.db.conn.total_changes), dt.date.today().toordinal()

    def evaluate(self, q: SearchQuery) -> Evaluation:
        validate_query(q)
        index = self.index()
        key = dataclasses.astuple(
            dataclasses.replace(q, offset=0, limit=None, sort="", reverse=False)
        )
        if self._last is not None and self._last[0] == key and self._last[1].index is index:
            return self._last[1]
        evaluation = self._evaluate(q, index)
        self._last = (key, evaluation)
        return evaluation

    # -- evaluating

    def _evaluate(self, q: SearchQuery, ix: ResourceIndex) -> Evaluation:
        listed = q.list_id is not None
        base = np.ones(len(ix), dtype=bool) if (q.include_inactive or listed) else ix.active.copy()
        evaluation = Evaluation(ix, base, self._filters(q, ix))
        match = fts_query(q.text)
        if match is not None:
            self._text(match, evaluation)
        if q.near is not None:
            self._place(q, evaluation)
        if q.verified_before is not None:
            cutoff = day_number(q.verified_before)
            base &= ix.verified < cutoff  # NEVER (-1) counts as not verified
        if listed:
            assert q.list_id is not None
            self._list(q.list_id, evaluation, plain=self._is_plain(q, match))
        return evaluation

    @staticmethod
    def _is_plain(q: SearchQuery, match: str | None) -> bool:
        """Nothing narrows the list: items that left the directory can be shown too."""
        return (
            match is None
            and q.near is None
            and q.verified_before is None
            and not any(q.filter_values().values())
        )

    def _filters(self, q: SearchQuery, ix: ResourceIndex) -> dict[str, np.ndarray]:
        """A mask per facet with chosen values: the resources with any of them."""
        masks: dict[str, np.ndarray] = {}
        for facet_id, chosen in q.filter_values().items():
            if not chosen:
                continue
            values = ix.values[facet_id]
            positions = [values.index(v) for v in chosen if v in values]
            if facet_id in ix.bits:
                bits = 0
                for position in positions:
                    bits |= 1 << position
                masks[facet_id] = (ix.bits[facet_id] & bits) != 0
                tree = ix.trees.get(facet_id)
                if tree is not None:  # values below the top level (facet_tree.py)
                    below_top = [v for v in chosen if v not in values]
                    below = tree.chosen(FACET_BY_ID[facet_id], below_top, len(ix))
                    if below is not None:
                        masks[facet_id] |= below
            else:
                masks[facet_id] = _member(ix.codes[facet_id], positions, len(values))
        return masks

    def _pks(self, sql: str, params: list[Any]) -> np.ndarray:
        return parse_numbers(self.db.conn.execute(sql, params).fetchone()[0], np.int64)

    def _text(self, match: str, evaluation: Evaluation) -> None:
        """Every hit; names first (ranked by bm25), then focus and place, then the rest."""
        ix = evaluation.index
        fts = "FROM resources_fts WHERE resources_fts MATCH ?"
        hits = ix.positions(self._pks(f"SELECT group_concat(rowid) {fts}", [match]))
        found = np.zeros(len(ix), dtype=bool)
        found[hits] = True
        evaluation.base &= found
        size = max(len(ix), 1)
        rank = np.full(len(ix), np.inf)
        rank[hits] = 2.0 + ix.name_rank[hits] / size
        evaluation.middle = f"{FOCUS_PLACE_COLUMNS} : ({match})"
        in_name = f"{NAME_COLUMNS} : ({match})"
        # Names first. A few hundred are ranked by bm25; more (a word just begun: "th" names
        # hundreds of towns at 100,000 entries) are simply listed by name, as ranking them
        # costs several times the search for them and tells little.
        named = ix.positions(self._pks(f"SELECT group_concat(rowid) {fts}", [in_name]))
        if named.size <= BM25_LIMIT:
            # bm25 cannot be used inside an aggregate: scored first, then joined.
            text = self.db.conn.execute(
                f"WITH scored AS MATERIALIZED (SELECT rowid AS id, {BM25} AS score {fts}) "
                "SELECT group_concat(id || ',' || score) FROM scored",
                [in_name],
            ).fetchone()[0]
            pairs = parse_numbers(text, np.float64).reshape(-1, 2)
            where, valid = _aligned(ix, pairs[:, 0].astype(np.int64))
            # bm25 is negative, lower is better.
            rank[where[valid]] = np.minimum(pairs[valid, 1], -1e-9)
        else:
            rank[named] = ix.name_rank[named] / size
        evaluation.text_rank = rank

    def _rank_middle(self, evaluation: Evaluation) -> None:
        """Entries found by their focus or place rank after names, before the rest."""
        if evaluation.middle is None or evaluation.text_rank is None:
            return
        ix, rank = evaluation.index, evaluation.text_rank
        fts = "FROM resources_fts WHERE resources_fts MATCH ?"
        middle = ix.positions(self._pks(f"SELECT group_concat(rowid) {fts}", [evaluation.middle]))
        middle = middle[rank[middle] >= 1.0]  # a match in the name ranks first already
        rank[middle] = 1.0 + ix.name_rank[middle] / max(len(ix), 1)
        evaluation.middle = None
        evaluation.order_cache.clear()

    @staticmethod
    def _names_filling(q: SearchQuery, evaluation: Evaluation, need: int | None) -> int:
        """How many matches in names come first by relevance when they are at least `need`
        (then the focus-and-place rank cannot change the first `need`: a word just begun
        often names hundreds of towns); else 0."""
        if need is None or q.reverse or evaluation.text_rank is None:
            return 0
        named = int(np.count_nonzero(evaluation.selected() & (evaluation.text_rank < 1.0)))
        return named if named >= need else 0

    def _place(self, q: SearchQuery, evaluation: Evaluation) -> None:
        """Near a place: a known distance (within the radius, if any), or, when asked, online."""
        assert q.near is not None
        ix = evaluation.index
        lat, lon, radius = q.near.latitude, q.near.longitude, q.radius_km
        sql = "SELECT pk, latitude, longitude FROM resources WHERE latitude IS NOT NULL"
        params: list[Any] = []
        if radius is not None:
            box = bounding_box(lat, lon, radius)
            lon_sql = " OR ".join("longitude BETWEEN ? AND ?" for _ in box.lon_ranges)
            sql += f" AND latitude BETWEEN ? AND ? AND ({lon_sql})"
            params = [box.min_lat, box.max_lat]
            for west, east in box.lon_ranges:
                params += [west, east]
        survivors = self.db.conn.execute(sql, params).fetchall()
        distance = np.full(len(ix), np.nan)
        found = list(within(lat, lon, radius, survivors))
        if found:
            where, valid = _aligned(ix, np.array([pk for pk, _ in found], dtype=np.int64))
            distance[where[valid]] = np.array([d for _, d in found])[valid]
        near = ~np.isnan(distance)
        if q.include_online:
            formats = ix.values["format"]
            online = [formats.index(f) for f in ONLINE_FORMATS]
            covering = [n for n, area in enumerate(ix.serves_values) if _covers(area, q.near)]
            near |= _member(ix.codes["format"], online, len(formats)) & _member(
                ix.serves, covering, len(ix.serves_values)
            )
        evaluation.base &= near
        evaluation.distance = distance

    def _list(self, list_id: int, evaluation: Evaluation, *, plain: bool) -> None:
        ix = evaluation.index
        rows = self.db.conn.execute(
            "SELECT li.resource_id, li.position, li.note, li.added_at, li.snapshot, r.pk "
            "FROM list_items li LEFT JOIN resources r ON r.id = li.resource_id "
            "WHERE li.list_id = ? ORDER BY li.position, li.added_at, li.resource_id",
            [list_id],
        ).fetchall()
        members = np.zeros(len(ix), dtype=bool)
        position = np.full(len(ix), np.inf)
        for order, (rid, _pos, note, added, snapshot, pk) in enumerate(rows):
            entry = ListEntry(note, added, order, pk is not None)
            if pk is None:
                if plain:
                    evaluation.gone.append((gone_resource(rid, snapshot), entry))
                continue
            where = ix.positions(np.array([pk], dtype=np.int64))
            members[where] = True
            position[where] = order
            evaluation.entries[int(pk)] = entry
        evaluation.base &= members
        evaluation.list_position = position

    # -- ordering

    def order(self, q: SearchQuery, evaluation: Evaluation, need: int | None = None) -> np.ndarray:
        """The matches in the query's order, as slots: a slot >= 0 is a position in the index;
        slot -(n + 1) is the n-th list item that left the directory (in list order those keep
        their place, in any other order they come last).

        With `need`, at least the first `need` slots are right and the rest may be missing:
        the first page of 80,000 matches does not sort all 80,000.
        """
        sort = self._effective_sort(q, evaluation)
        key = (sort, q.reverse)
        cached = evaluation.order_cache.get(key)
        if cached is not None and (cached[1] or (need is not None and need <= cached[0].size)):
            return cached[0]
        if evaluation.gone or need is None or need > TOP_K_LIMIT:
            need = None  # lists with departed items are short; deep pages sort once
        named = 0  # > 0: only the first `named`, all matches in names, are in order
        if sort == "text" and evaluation.middle is not None:
            named = self._names_filling(q, evaluation, need)
            if not named:
                self._rank_middle(evaluation)
        chosen = np.flatnonzero(evaluation.selected())
        permutation = _first(self._sort_keys(sort, q.reverse, chosen, evaluation), need)
        slots = chosen[permutation]
        if named:
            slots = slots[:named]
        if evaluation.gone:
            gone = -(np.arange(len(evaluation.gone), dtype=np.int64) + 1)
            slots = np.concatenate([slots, gone])
            if sort == "list":
                assert evaluation.list_position is not None
                places = np.concatenate(
                    [
                        evaluation.list_position[slots[slots >= 0]],
                        [entry.position for _, entry in evaluation.gone],
                    ]
                )
                slots = slots[np.argsort(-places if q.reverse else places, kind="stable")]
        complete = not named and slots.size == chosen.size + len(evaluation.gone)
        evaluation.order_cache[key] = (slots, complete)
        return slots

    @staticmethod
    def _effective_sort(q: SearchQuery, evaluation: Evaluation) -> str:
        sort = q.sort
        if sort == "list" and evaluation.list_position is None:
            sort = "relevance"
        if sort == "relevance":
            if evaluation.text_rank is not None:
                return "text"
            return "distance" if evaluation.distance is not None else "name"
        if sort == "distance" and evaluation.distance is None:
            return "name"
        return sort

    @staticmethod
    def _sort_keys(
        sort: str, reverse: bool, chosen: np.ndarray, evaluation: Evaluation
    ) -> tuple[np.ndarray, np.ndarray]:
        """(tie-breaker, primary) for np.lexsort: the sort's key, then the name."""
        ix = evaluation.index
        name = ix.name_rank[chosen]
        sign = -1 if reverse else 1
        last = 1 << 30  # after every real value (kept small, see _first)
        if sort == "name":
            return name, sign * name
        if sort == "kind":
            return name, sign * ix.codes["kind"][chosen].astype(np.int64)
        if sort == "focus":
            first = ix.focus_first[chosen].astype(np.int64)
            return name, np.where(first < 0, last, sign * first)
        if sort == "verified":
            days = ix.verified[chosen].astype(np.int64)
            return name, np.where(days == NEVER, last, days if reverse else -days)
        if sort == "distance":
            assert evaluation.distance is not None
            distance = evaluation.distance[chosen]
            return name, np.where(np.isnan(distance), np.inf, sign * distance)
        if sort == "list":
            assert evaluation.list_position is not None
            return name, sign * evaluation.list_position[chosen]
        assert evaluation.text_rank is not None  # "text"
        return name, sign * evaluation.text_rank[chosen]

    # -- running

    def count(self, q: SearchQuery) -> int:
        return self._total(self.evaluate(q))

    @staticmethod
    def _total(evaluation: Evaluation) -> int:
        return int(np.count_nonzero(evaluation.selected())) + len(evaluation.gone)

    def page(self, q: SearchQuery) -> SearchPage:
        """The hits from q.offset, at most q.limit of them, and the total number of matches."""
        evaluation = self.evaluate(q)
        limit = MAX_PAGE if q.limit is None else min(q.limit, MAX_PAGE)
        slots = self.order(q, evaluation, need=q.offset + limit)
        window = slots[q.offset : q.offset + limit]
        found = self.hits_at(evaluation, window[window >= 0])
        hits = []
        for slot in window.tolist():
            if slot < 0:
                resource, entry = evaluation.gone[-slot - 1]
                hits.append(Hit(resource, None, None, entry))
            elif slot in found:
                hits.append(found[slot])
        return SearchPage(hits=hits, total=self._total(evaluation), offset=q.offset)

    def hits_at(self, evaluation: Evaluation, positions: np.ndarray) -> dict[int, Hit]:
        """Hits for index positions, read from SQL, by position."""
        if positions.size == 0:
            return {}
        ix = evaluation.index
        pks = ix.pk[positions].tolist()
        rows: dict[int, dict[str, Any]] = {}
        columns = self._row_columns()
        selected = ", ".join(f'"{c}"' for c in columns)
        for start in range(0, len(pks), 900):
            chunk = pks[start : start + 900]
            marks = ", ".join("?" for _ in chunk)
            cursor = self.db.conn.execute(
                f"SELECT {selected} FROM resources WHERE pk IN ({marks})", chunk
            )
            for values in cursor:
                row = dict(zip(columns, values, strict=True))
                rows[row["pk"]] = row
        hits: dict[int, Hit] = {}
        for position, pk in zip(positions.tolist(), pks, strict=True):
            found = rows.get(pk)
            if found is None:
                continue  # deleted since the index was read
            distance = evaluation.distance[position] if evaluation.distance is not None else None
            rank = evaluation.text_rank[position] if evaluation.text_rank is not None else None
            hits[position] = Hit(
                row_to_resource(found),
                None if distance is None or np.isnan(distance) else float(distance),
                None if rank is None else float(rank),
                evaluation.entries.get(pk),
            )
        return hits

    def _row_columns(self) -> list[str]:
        """The key and the resource fields of a row: not the search columns, which a page of
        results never shows (read once per connection)."""
        if self._columns is None:
            table = {r[1] for r in self.db.conn.execute("PRAGMA table_info(resources)")}
            self._columns = ["pk", *(c for c in RESOURCE_COLUMNS if c in table)]
        return self._columns

    def ids(self, q: SearchQuery) -> list[str]:
        """Every matching id in sort order (for exports and selections), no paging."""
        evaluation = self.evaluate(q)
        slots = self.order(q, evaluation).tolist()
        pks = [int(evaluation.index.pk[s]) for s in slots if s >= 0]
        by_pk: dict[int, str] = {}
        for start in range(0, len(pks), 900):
            chunk = pks[start : start + 900]
            marks = ", ".join("?" for _ in chunk)
            rows = self.db.conn.execute(
                f"SELECT pk, id FROM resources WHERE pk IN ({marks})", chunk
            )
            by_pk.update(rows.fetchall())
        ids = []
        for slot in slots:
            if slot < 0:
                ids.append(evaluation.gone[-slot - 1][0].id)
            elif int(evaluation.index.pk[slot]) in by_pk:
                ids.append(by_pk[int(evaluation.index.pk[slot])])
        return ids


def _first(keys: tuple[np.ndarray, np.ndarray], need: int | None) -> np.ndarray:
    """np.lexsort(keys), or only its first `need` entries when that is much cheaper: the
    need-th smallest primary key is found in linear time, and only the entries up to it
    (ties included) are sorted."""
    tie_breaker, primary = keys
    if need is None or need <= 0 or primary.size <= 4 * need:
        return np.lexsort(keys) if need is None or need > 0 else np.zeros(0, dtype=np.int64)
    if primary.dtype.kind == "i":
        # Whole-number keys (kind, focus, day) with the name position folded in: one key,
        # no ties, so the partition is exact however many share a kind.
        span = int(tie_breaker.max()) + 1
        if int(np.abs(primary).max()) < (1 << 62) // span:
            primary = primary * span + tie_breaker
    threshold = np.partition(primary, need - 1)[need - 1]
    candidates = np.flatnonzero(primary <= threshold)
    if candidates.size > 4 * need + 1000:  # many ties (e.g. by kind): sort them all
        return np.lexsort(keys)
    inner = np.lexsort((tie_breaker[candidates], primary[candidates]))
    return candidates[inner][:need]


@functools.lru_cache(maxsize=4096)
def _covers(area: str, place: Place) -> bool:
    """Whether an index serves value ("<serves JSON>|<country>|<region>") covers the place."""
    serves, country, region = area.rsplit("|", 2)
    try:
        listed = json.loads(serves)
    except ValueError:
        listed = []
    areas = [a for a in listed if isinstance(a, str)] if isinstance(listed, list) else []
    return serves_place(areas, country, region, place)


def _member(column: np.ndarray, codes: list[int], size: int) -> np.ndarray:
    """Which entries of a code column are among `codes` (a lookup table; -1 is never chosen)."""
    table = np.zeros(size + 1, dtype=bool)
    table[np.asarray(codes, dtype=np.int64) + 1] = True
    return table[column.astype(np.int64) + 1]


def _aligned(ix: ResourceIndex, pks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the keys in the index, and which of them are really there."""
    if len(ix) == 0:
        return np.zeros(pks.size, dtype=np.int64), np.zeros(pks.size, dtype=bool)
    where = np.clip(np.searchsorted(ix.pk, pks), 0, len(ix) - 1)
    return where, ix.pk[where] == pks


def gone_resource(resource_id: str, snapshot_json: str) -> Resource:
    """What is remembered of a resource that is no longer in the directory."""
    snap = json.loads(snapshot_json or "{}")
    text = {k: v for k, v in snap.items() if k in _SNAPSHOT_TEXT and isinstance(v, str)}
    return Resource(
        id=resource_id,
        name=text.get("name") or resource_id,
        kind=text.get("kind") or "unknown",
        website=text.get("website", ""),
        email=text.get("email", ""),
        phone=text.get("phone", ""),
        city=text.get("city", ""),
        region=text.get("region", ""),
        country=text.get("country", ""),
        status="gone",
    )


_SNAPSHOT_TEXT = ("name", "kind", "website", "email", "phone", "city", "region", "country")
