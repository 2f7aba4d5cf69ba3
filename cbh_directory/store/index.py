"""A compact in-memory index of what search filters and facets look at (numpy arrays).

One entry per resource, a few bytes each: codes for kind, moderation, activity, format, cost,
country and region, bit sets for focus terms (with their ancestors) and languages, the
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
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

from ..domain import vocabulary as vocab
from ..file_safety import temporary_beside

KIND_IDS = [t.id for t in vocab.KINDS]
MODERATION_IDS = [t.id for t in vocab.MODERATION]
ACTIVITY_IDS = [t.id for t in vocab.ACTIVITY]
FORMAT_IDS = [t.id for t in vocab.FORMATS]
COST_IDS = [t.id for t in vocab.COSTS]
FOCUS_IDS = [t.id for t in vocab.FOCUS_TERMS]
EPOCH = dt.date(1970, 1, 1)
NEVER = -1
MAX_LANGUAGES = 63
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
    kind: np.ndarray
    moderation: np.ndarray
    activity: np.ndarray
    format: np.ndarray
    cost: np.ndarray
    country: np.ndarray  # index into `countries`
    region: np.ndarray  # index into `regions` ("CC/Name"), -1 for none
    focus: np.ndarray  # bit set over FOCUS_IDS, ancestors included
    focus_first: np.ndarray  # vocabulary position of its first direct focus term, -1 none
    languages: np.ndarray  # bit set over `language_codes`
    verified: np.ndarray  # days since 1970-01-01, NEVER when never verified
    latitude: np.ndarray  # NaN when unknown
    longitude: np.ndarray
    name_rank: np.ndarray  # position in name order
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    language_codes: list[str] = field(default_factory=list)
    slot_table: np.ndarray | None = None  # made on first use, see _slots
    _region_parts: list[tuple[str, str, str]] | None = None  # see region_parts

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

    def region_parts(self) -> list[tuple[str, str, str]]:
        """('US/Ohio', 'Ohio', 'US') for each region, split once (facets list them all)."""
        if self._region_parts is None:
            self._region_parts = [
                (v, v.partition("/")[2], v.partition("/")[0]) for v in self.regions
            ]
        return self._region_parts

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

    def mask_of(self, pks: np.ndarray) -> np.ndarray:
        mask = np.zeros(self.pk.size, dtype=bool)
        mask[self.positions(pks)] = True
        return mask


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
        kind=column(_case("kind", KIND_IDS), np.int8, -1),
        moderation=column(_case("moderation", MODERATION_IDS), np.int8, -1),
        activity=column(_case("activity", ACTIVITY_IDS), np.int8, -1),
        format=column(_case("format", FORMAT_IDS), np.int8, -1),
        cost=column(_case("cost", COST_IDS), np.int8, -1),
        country=np.full(size, -1, dtype=np.int32),
        region=np.full(size, -1, dtype=np.int32),
        focus=np.zeros(size, dtype=np.int64),
        focus_first=np.full(size, -1, dtype=np.int16),
        languages=np.zeros(size, dtype=np.int64),
        verified=column(
            "coalesce(CAST(julianday(nullif(last_verified, '')) - 2440587.5 AS INTEGER), -1)",
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
    _load_places(db, index)
    _load_coordinates(db, index)
    by_name = _numbers(
        db,
        "SELECT group_concat(pk) FROM (SELECT pk FROM resources ORDER BY name COLLATE NOCASE)",
        1,
        np.int64,
    )[:, 0]
    index.name_rank[index.positions(by_name)] = np.arange(by_name.size)
    _load_focus(db, index)
    _load_languages(db, index)
    return index


def _load_places(db: sqlite_utils.Database, index: ResourceIndex) -> None:
    text = db.execute(
        f"SELECT group_concat(pk || '{_US}' || country || '{_US}' || region, '{_RS}') "
        "FROM resources"
    ).fetchone()[0]
    rows = [record.split(_US) for record in text.split(_RS)] if text else []
    index.countries = sorted({country for _, country, _ in rows})
    index.regions = sorted(
        {f"{c}/{r}" for _, c, r in rows if r},
        key=lambda v: (v.partition("/")[0], v.partition("/")[2].casefold(), v),
    )
    country_code = {c: n for n, c in enumerate(index.countries)}
    region_code = {r: n for n, r in enumerate(index.regions)}
    if not rows:
        return
    pks = np.array([int(p) for p, _, _ in rows], dtype=np.int64)
    where = np.searchsorted(index.pk, pks)
    index.country[where] = [country_code[c] for _, c, _ in rows]
    index.region[where] = [region_code[f"{c}/{r}"] if r else -1 for _, c, r in rows]


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


def _load_focus(db: sqlite_utils.Database, index: ResourceIndex) -> None:
    for position, focus_id in enumerate(FOCUS_IDS):
        rows = _numbers(
            db,
            "SELECT group_concat(resource_pk || ',' || direct) FROM resource_focus "
            "WHERE focus_id = ?",
            2,
            np.int64,
            (focus_id,),
        )
        where = np.searchsorted(index.pk, rows[:, 0])
        index.focus[where] |= 1 << position
        direct = where[rows[:, 1] == 1]
        index.focus_first[direct[index.focus_first[direct] < 0]] = position


def _load_languages(db: sqlite_utils.Database, index: ResourceIndex) -> None:
    codes = [
        r[0] for r in db.execute("SELECT DISTINCT language FROM resource_languages ORDER BY 1")
    ]
    index.language_codes = codes[:MAX_LANGUAGES]
    for bit, code in enumerate(index.language_codes):
        rows = _numbers(
            db,
            "SELECT group_concat(resource_pk) FROM resource_languages WHERE language = ?",
            1,
            np.int64,
            (code,),
        )
        index.languages[np.searchsorted(index.pk, rows[:, 0])] |= 1 << bit


def day_number(iso: str) -> int:
    return (dt.date.fromisoformat(iso) - EPOCH).days


# ---------------------------------------------------------------- saving and reusing


_ARRAYS = (
    "pk",
    "active",
    "kind",
    "moderation",
    "activity",
    "format",
    "cost",
    "country",
    "region",
    "focus",
    "focus_first",
    "languages",
    "verified",
    "latitude",
    "longitude",
    "name_rank",
)
_LISTS = ("countries", "regions", "language_codes")


def resources_version(db: sqlite_utils.Database) -> str:
    """Changes whenever any resource does (a trigger counts), so a saved index stays valid."""
    row = db.execute("SELECT value FROM metadata WHERE key = 'resources_version'").fetchone()
    return str(row[0]) if row else ""


def save_index(index: ResourceIndex, path: Path, version: str) -> None:
    """Write the index next to nothing else, atomically; a failure just means no saved copy."""
    arrays = {name: getattr(index, name) for name in _ARRAYS}
    for name in _LISTS:
        arrays[name] = np.array(getattr(index, name), dtype=str)
    arrays["version"] = np.array([version], dtype=str)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary_beside(path) as partial:
            with partial.open("wb") as handle:
                np.savez(handle, **arrays)
            partial.replace(path)
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
            fields.update({name: [str(v) for v in saved[name].tolist()] for name in _LISTS})
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
        return None
    return ResourceIndex(**fields)
