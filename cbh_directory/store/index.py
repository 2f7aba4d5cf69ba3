"""A compact in-memory index of what search filters and facets look at (numpy arrays).

One entry per resource, a few bytes each: for every facet (domain/facets.py) a code (one value
per resource) or a bit set (several values; focus terms come with their ancestors), then the
verification day, coordinates, and the position in name order. Counting facets over 100,000
resources then takes a few vectorised passes instead of a SQL scan per facet group. Rows
themselves are still read from SQL a page at a time.

Loading reads (key, value) pairs through the covering indexes of migration 0001, one column
at a time, as single strings that numpy parses: about a quarter of a second for 100,000.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

from ..domain import vocabulary as vocab
from ..domain.checkups import current_value
from ..domain.community_evidence import FACTS
from ..domain.facets import FACET_BY_ID, FACETS, Facet
from ..file_safety import temporary_beside
from .checkups import checked_resources, max_age_days
from .facet_tree import FacetTree, build_tree

FOCUS_IDS = [t.id for t in vocab.FOCUS_TERMS]
EPOCH = dt.date(1970, 1, 1)
NEVER = -1
MAX_BITS = 63  # a multi-valued facet keeps at most this many values from the data
# Multi-valued facets are read from side tables kept by store/resources.py: (table, column).
SIDE_TABLES: dict[str, tuple[str, str]] = {
    "focus": ("resource_focus", "focus_id"),
    "languages": ("resource_languages", "language"),
}
_RS, _US = "\x1e", "\x1f"  # record and unit separators: never in our codes


def _case(column: str, values: list[str]) -> str:
    """SQL turning a text column into its position in `values` (-1 when not there)."""
    whens = " ".join(f"WHEN '{v}' THEN {n}" for n, v in enumerate(values))
    return f"CASE {column} {whens} ELSE -1 END"


def _numbers(
    db: sqlite_utils.Database, sql: str, columns: int, dtype: type, params: tuple[str, ...] = ()
) -> np.ndarray:
    """The rows of a query whose single value is group_concat of 'a,b,...' as an array."""
    text = db.execute(sql, list(params)).fetchone()[0]
    return parse_numbers(text, dtype).reshape(-1, columns)


def parse_numbers(text: str | None, dtype: type) -> np.ndarray:
    """'1,2,3' (from group_concat) as an array; several times faster than splitting in Python."""
    if not text:
        return np.zeros(0, dtype=dtype)
    return np.fromstring(text, dtype=dtype, sep=",")


@dataclass(slots=True)
class ResourceIndex:
    pk: np.ndarray  # sorted resource keys; every other array is aligned with it
    active: np.ndarray
    focus_first: np.ndarray  # vocabulary position of its first direct focus term, -1 none
    verified: np.ndarray  # days since 1970-01-01, NEVER when never verified
    latitude: np.ndarray  # NaN when unknown
    longitude: np.ndarray
    name_rank: np.ndarray  # position in name order
    # Per facet id: a single-valued facet's codes (positions in `values`, -1 for none), or a
    # multi-valued facet's bit sets over `values`; the values are the vocabulary's ids, or
    # those found in the data (sorted) when the facet has no fixed vocabulary.
    codes: dict[str, np.ndarray] = field(default_factory=dict)
    bits: dict[str, np.ndarray] = field(default_factory=dict)
    values: dict[str, list[str]] = field(default_factory=dict)
    # Where each serves (see domain/service_area.py): a position in serves_values, each a
    # distinct "<serves JSON>|<country>|<region>"; a few hundred however many resources.
    serves: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    serves_values: list[str] = field(default_factory=list)
    slot_table: np.ndarray | None = None  # made on first use, see _slots
    _parts: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # see parts
    trees: dict[str, FacetTree] = field(default_factory=dict)  # values below the top level

    def __len__(self) -> int:
        return int(self.pk.size)

    def positions(self, pks: np.ndarray) -> np.ndarray:
        """Row positions of the given resource keys (keys not in the index are dropped)."""
        pks = np.asarray(pks, dtype=np.int64)
        if pks.size == 0 or self.pk.size == 0:
            return np.zeros(0, dtype=np.int64)
        table = self._slots()
        if table is not None:
            inside = pks[(pks >= 0) & (pks < table.size)]
            where = table[inside]
            return where[where >= 0].astype(np.int64)
        where = np.clip(np.searchsorted(self.pk, pks), 0, self.pk.size - 1)
        return where[self.pk[where] == pks]

    def parts(self, facet_id: str) -> list[tuple[str, str, str]]:
        """('US/Ohio', 'Ohio', 'US') for each value of a qualified facet, split once (facet
        counts list them all)."""
        if facet_id not in self._parts:
            self._parts[facet_id] = [
                (v, v.partition("/")[2], v.partition("/")[0]) for v in self.values[facet_id]
            ]
        return self._parts[facet_id]

    def _slots(self) -> np.ndarray | None:
        """A key -> position table when keys are dense enough (they are, unless most rows were
        deleted); a lookup in it is several times faster than a binary search."""
        if self.slot_table is None:
            top = int(self.pk[-1]) + 1
            if top > 4 * self.pk.size + 10_000:
                return None
            table = np.full(top, -1, dtype=np.int32)
            table[self.pk] = np.arange(self.pk.size, dtype=np.int32)
            self.slot_table = table
        return self.slot_table


def load_index(db: sqlite_utils.Database) -> ResourceIndex:
    pk = np.sort(_numbers(db, "SELECT group_concat(pk) FROM resources", 1, np.int64)[:, 0])
    size = pk.size

    def column(expression: str, dtype: type, missing: int, where: str = "") -> np.ndarray:
        pairs = _numbers(
            db,
            f"SELECT group_concat(pk || ',' || ({expression})) FROM resources {where}",
            2,
            np.int64,
        )
        filled: np.ndarray = np.full(size, missing, dtype=dtype)
        filled[np.searchsorted(pk, pairs[:, 0])] = pairs[:, 1]
        return filled

    index = ResourceIndex(
        pk=pk,
        active=np.ones(size, dtype=bool),
        focus_first=np.full(size, -1, dtype=np.int16),
        verified=column(
            # A month or a year only ("2025-04", "2025") counts from its first day.
            "coalesce(CAST(julianday(CASE length(last_verified) WHEN 4 THEN last_verified "
            "|| '-01-01' WHEN 7 THEN last_verified || '-01' ELSE nullif(last_verified, '') END)"
            " - 2440587.5 AS INTEGER), -1)",
            np.int32,
            NEVER,
        ),
        latitude=np.full(size, np.nan),
        longitude=np.full(size, np.nan),
        name_rank=np.zeros(size, dtype=np.int64),
    )
    inactive = _numbers(
        db, "SELECT group_concat(pk) FROM resources WHERE status <> 'active'", 1, np.int64
    )
    index.active[index.positions(inactive[:, 0])] = False
    for facet in FACETS:
        if facet.multi:
            _load_bits(db, index, facet)
        elif facet.terms:
            ids = [t.id for t in facet.terms]
            index.values[facet.id] = ids
            index.codes[facet.id] = column(_case(_field_of(facet), ids), np.int16, -1)
    _apply_checkups(db, index)
    _load_open_codes(db, index, [f for f in FACETS if not f.multi and not f.terms])
    _load_coordinates(db, index)
    _load_serves(db, index)
    by_name = _numbers(
        db,
        "SELECT group_concat(pk) FROM (SELECT pk FROM resources ORDER BY name COLLATE NOCASE)",
        1,
        np.int64,
    )[:, 0]
    index.name_rank[index.positions(by_name)] = np.arange(by_name.size)
    _load_focus_first(db, index)
    return index


def _field_of(facet: Facet) -> str:
    """The column, or no value (NULL) for kinds the facet does not apply to (the registry's
    per-kind rule: moderation and activity only for communities)."""
    if not facet.only_kinds:
        return facet.field
    kinds = ", ".join(f"'{kind}'" for kind in sorted(facet.only_kinds))
    return f"(CASE WHEN kind IN ({kinds}) THEN {facet.field} END)"


def _apply_checkups(db: sqlite_utils.Database, index: ResourceIndex) -> None:
    """Moderation and activity as the details pane shows them: the newest of the curated
    evidence and the check-ups that still count (domain/checkups.py decides)."""
    checked = checked_resources(db)
    if not checked:
        return
    today = dt.date.today()
    max_age = max_age_days(db)
    positions = index.positions(np.array([pk for pk, _, _ in checked], dtype=np.int64))
    by_pk = dict(zip(index.pk[positions].tolist(), positions.tolist(), strict=True))
    for fact in FACTS:
        facet = FACET_BY_ID.get(fact)
        if facet is None or fact not in index.codes:
            continue
        values = index.values[fact]
        codes = index.codes[fact]
        for pk, resource, found in checked:
            if pk not in by_pk or (facet.only_kinds and resource.kind not in facet.only_kinds):
                continue
            value = current_value(resource, fact, found, today, max_age)
            codes[by_pk[pk]] = values.index(value) if value in values else -1


def _value_order(value: str, qualified: bool) -> tuple[str, str, str]:
    qualifier, _, name = value.partition("/") if qualified else ("", "", value)
    return (qualifier, name.casefold(), value)


def _load_open_codes(db: sqlite_utils.Database, index: ResourceIndex, facets: list[Facet]) -> None:
    """Single-valued facets whose values come from the data (countries, regions), all read in
    one pass. A qualified value is "US/Ohio"; a resource without the field has none."""
    if not facets:
        return
    columns = []
    for facet in facets:
        value = facet.field
        if facet.qualified_by:
            value = f"CASE WHEN {value} <> '' THEN {facet.qualified_by} || '/' || {value} END"
        columns.append(f"coalesce({value}, '')")
    joined = f" || '{_US}' || ".join(columns)
    text = db.execute(
        f"SELECT group_concat(pk || '{_US}' || {joined}, '{_RS}') FROM resources"
    ).fetchone()[0]
    rows = [record.split(_US) for record in text.split(_RS)] if text else []
    where = np.searchsorted(index.pk, np.array([int(r[0]) for r in rows], dtype=np.int64))
    for column, facet in enumerate(facets, start=1):
        qualified = bool(facet.qualified_by)
        found = {r[column] for r in rows if r[column] or not qualified}
        values = sorted(found, key=partial(_value_order, qualified=qualified))
        index.values[facet.id] = values
        codes = np.full(len(index), -1, dtype=np.int32)
        if rows:
            position = {v: n for n, v in enumerate(values)}
            if qualified:
                position[""] = -1
            codes[where] = [position[r[column]] for r in rows]
        index.codes[facet.id] = codes


def _load_bits(db: sqlite_utils.Database, index: ResourceIndex, facet: Facet) -> None:
    """A multi-valued facet: one bit per value (a focus term's rows include its ancestors)."""
    if facet.field not in SIDE_TABLES:
        _load_bits_from_json(db, index, facet)
        return
    table, value_column = SIDE_TABLES[facet.field]
    if facet.terms:
        values = [t.id for t in facet.terms]
    else:
        found = db.execute(f"SELECT DISTINCT {value_column} FROM {table} ORDER BY 1")
        values = [r[0] for r in found][:MAX_BITS]
    index.values[facet.id] = values
    bits = np.zeros(len(index), dtype=np.int64)
    for bit, value in enumerate(values):
        rows = _numbers(
            db,
            f"SELECT group_concat(resource_pk) FROM {table} WHERE {value_column} = ?",
            1,
            np.int64,
            (value,),
        )
        bits[np.searchsorted(index.pk, rows[:, 0])] |= 1 << bit
    index.bits[facet.id] = bits


def _load_bits_from_json(db: sqlite_utils.Database, index: ResourceIndex, facet: Facet) -> None:
    """A multi-valued facet over a list field without a side table: its JSON, in one pass."""
    if facet.item_value is not None:
        objects = _objects(db, facet)
        rows = _object_values(facet, objects)
        if facet.item_path is not None:
            index.trees[facet.id] = build_tree(facet, index.pk, objects)
    else:
        text = db.execute(
            f"SELECT group_concat(r.pk || '{_US}' || j.value, '{_RS}') "
            f"FROM resources r, json_each(r.{facet.field}) j WHERE j.type = 'text'"
        ).fetchone()[0]
        rows = [record.split(_US) for record in text.split(_RS)] if text else []
    found = sorted({v for _, v in rows})[:MAX_BITS]
    values = [t.id for t in facet.terms] if facet.terms else found
    index.values[facet.id] = values
    position = {v: n for n, v in enumerate(values)}
    bits = np.zeros(len(index), dtype=np.int64)
    for pk, value in rows:
        if value in position:
            bits[np.searchsorted(index.pk, int(pk))] |= 1 << position[value]
    index.bits[facet.id] = bits


def _objects(db: sqlite_utils.Database, facet: Facet) -> list[tuple[int, str, str]]:
    """(pk, code, name) of each object of a list field of JSON objects."""
    return db.execute(
        f"SELECT r.pk, json_extract(j.value, '$.code'), json_extract(j.value, '$.name') "
        f"FROM resources r, json_each(r.{facet.field}) j WHERE j.type = 'object'"
    ).fetchall()


def _object_values(facet: Facet, found: list[tuple[int, str, str]]) -> list[list[str]]:
    """[pk, value] of each object of a list field of JSON objects (facet.item_value)."""
    assert facet.item_value is not None
    rows = []
    for pk, code, name in found:
        value = facet.item_value({"code": code or "", "name": name or ""})
        if value:
            rows.append([str(pk), value])
    return rows


def _load_serves(db: sqlite_utils.Database, index: ResourceIndex) -> None:
    text = db.execute(
        f"SELECT group_concat(pk || '{_US}' || serves || '|' || country || '|' || region, "
        f"'{_RS}') FROM resources"
    ).fetchone()[0]
    rows = [record.split(_US, 1) for record in text.split(_RS)] if text else []
    values = sorted({area for _, area in rows})
    position = {v: n for n, v in enumerate(values)}
    index.serves = np.full(len(index), -1, dtype=np.int32)
    if rows:
        where = np.searchsorted(index.pk, np.array([int(pk) for pk, _ in rows], dtype=np.int64))
        index.serves[where] = [position[area] for _, area in rows]
    index.serves_values = values


def _load_coordinates(db: sqlite_utils.Database, index: ResourceIndex) -> None:
    rows = _numbers(
        db,
        "SELECT group_concat(pk || ',' || latitude || ',' || longitude) FROM resources "
        "WHERE latitude IS NOT NULL",
        3,
        np.float64,
    )
    where = np.searchsorted(index.pk, rows[:, 0].astype(np.int64))
    index.latitude[where] = rows[:, 1]
    index.longitude[where] = rows[:, 2]


def _load_focus_first(db: sqlite_utils.Database, index: ResourceIndex) -> None:
    """For sorting by focus: each resource's first focus term of its own (not an ancestor)."""
    for position, focus_id in enumerate(FOCUS_IDS):
        rows = _numbers(
            db,
            "SELECT group_concat(resource_pk) FROM resource_focus "
            "WHERE focus_id = ? AND direct = 1",
            1,
            np.int64,
            (focus_id,),
        )
        direct = np.searchsorted(index.pk, rows[:, 0])
        index.focus_first[direct[index.focus_first[direct] < 0]] = position


def day_number(iso: str) -> int:
    return (dt.date.fromisoformat(iso) - EPOCH).days


# ---------------------------------------------------------------- saving and reusing


_ARRAYS = (
    "pk",
    "active",
    "focus_first",
    "verified",
    "latitude",
    "longitude",
    "name_rank",
    "serves",
)
_TREE_TEXT = ("values", "labels", "parents")  # FacetTree's fields, in its order
_TREE_ARRAYS = ("rows", "nodes")
_FACET_PARTS = ("codes", "bits", "values")  # saved as "codes.kind", "values.kind", ...


def resources_version(db: sqlite_utils.Database) -> str:
    """Changes whenever any resource does (a trigger counts), so a saved index stays valid."""
    row = db.execute("SELECT value FROM metadata WHERE key = 'resources_version'").fetchone()
    return str(row[0]) if row else ""


def save_index(index: ResourceIndex, path: Path, version: str) -> None:
    """Write the index next to nothing else, atomically; a failure just means no saved copy."""
    arrays = {name: getattr(index, name) for name in _ARRAYS}
    for part in _FACET_PARTS:
        for facet_id, value in getattr(index, part).items():
            arrays[f"{part}.{facet_id}"] = np.array(value, dtype=str) if part == "values" else value
    arrays["serves_values"] = np.array(index.serves_values, dtype=str)
    for facet_id, tree in index.trees.items():
        for part in _TREE_TEXT:
            arrays[f"tree.{part}.{facet_id}"] = np.array(getattr(tree, part), dtype=str)
        for part in _TREE_ARRAYS:
            arrays[f"tree.{part}.{facet_id}"] = getattr(tree, part)
    arrays["version"] = np.array([version], dtype=str)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary_beside(path) as temporary:
            with temporary.open("wb") as handle:
                np.savez(handle, **arrays)
            temporary.replace(path)
    except OSError:
        pass


def read_saved_index(path: Path, version: str) -> ResourceIndex | None:
    """The saved index if it was made from this version of the resources, else None."""
    try:
        # Opened here so that a damaged file is closed too (np.load leaks it otherwise).
        with path.open("rb") as handle, np.load(handle, allow_pickle=False) as saved:
            if str(saved["version"][0]) != version:
                return None
            fields: dict[str, Any] = {name: saved[name] for name in _ARRAYS}
            fields["serves_values"] = [str(v) for v in saved["serves_values"].tolist()]
            for part in _FACET_PARTS:
                fields[part] = {
                    facet.id: _saved_part(saved, part, facet.id)
                    for facet in FACETS
                    if part == "values" or (part == "bits") == facet.multi
                }
            fields["trees"] = {
                facet.id: _saved_tree(saved, facet.id) for facet in FACETS if facet.item_path
            }
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
        return None
    return ResourceIndex(**fields)


def _saved_tree(saved: Any, facet_id: str) -> FacetTree:
    parts: dict[str, Any] = {p: saved[f"tree.{p}.{facet_id}"] for p in _TREE_ARRAYS}
    for p in _TREE_TEXT:
        parts[p] = [str(v) for v in saved[f"tree.{p}.{facet_id}"].tolist()]
    return FacetTree(**parts)


def _saved_part(saved: Any, part: str, facet_id: str) -> Any:
    array = saved[f"{part}.{facet_id}"]  # KeyError: saved before this facet existed
    return [str(v) for v in array.tolist()] if part == "values" else array
