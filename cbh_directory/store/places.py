"""The places tables (gazetteer): loading them, and the queries that place lookups ask."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlite_utils

from ..domain.model import Place
from .database import write_transaction
from .metadata import get_meta, set_meta

_PLACE_SQL = """
SELECT p.kind, p.name, p.region_code, p.region_name, p.country_code,
       coalesce(c.name, p.country_code) AS country_name, p.postal_code,
       p.latitude, p.longitude, p.population
FROM places p LEFT JOIN countries c ON c.code = p.country_code
"""
CountryRow = tuple[str, str, str, str]  # code, name, iso3, aliases ("a;b")
RegionRow = tuple[str, str, str]  # country code, region code, name
# kind, name, search name, region code, region name, country code, postal code, lat, lon, pop.
PlaceRow = tuple[str, str, str, str, str, str, str, float, float, int]


def loaded_checksum(db: sqlite_utils.Database) -> str | None:
    """The checksum of the gazetteer files last loaded into this database."""
    return get_meta(db, "gazetteer_sha256")


def load_places(
    db: sqlite_utils.Database,
    checksum: str,
    countries: Iterable[CountryRow],
    regions: Iterable[RegionRow],
    places: Sequence[PlaceRow],
) -> bool:
    """Replace the places tables in one transaction; False if another process loaded this
    version meanwhile."""
    with write_transaction(db):
        if get_meta(db, "gazetteer_sha256") == checksum:
            return False
        db.conn.execute("DELETE FROM places")
        db.conn.execute("DELETE FROM regions")
        db.conn.execute("DELETE FROM countries")
        db.conn.executemany(
            "INSERT INTO countries (code, name, iso3, aliases) VALUES (?, ?, ?, ?)", countries
        )
        db.conn.executemany(
            "INSERT INTO regions (country_code, code, name) VALUES (?, ?, ?)", regions
        )
        db.conn.executemany(
            "INSERT INTO places (kind, name, search_name, region_code, region_name, country_code,"
            " postal_code, latitude, longitude, population) VALUES (?,?,?,?,?,?,?,?,?,?)",
            places,
        )
        set_meta(db, "gazetteer_sha256", checksum)
        set_meta(db, "gazetteer_places", str(len(places)))
    return True


class PlaceTable:
    """Read-only queries on the places tables of one connection (see geo.gazetteer)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def countries(self) -> list[CountryRow]:
        rows = self.db.execute("SELECT code, name, iso3, aliases FROM countries")
        return [(code, name, iso3, aliases) for code, name, iso3, aliases in rows]

    def regions(self) -> list[RegionRow]:
        rows = self.db.execute("SELECT country_code, code, name FROM regions")
        return [(country, code, name) for country, code, name in rows]

    def _rows(self, where: str, params: list[object], limit: int) -> list[Place]:
        sql = f"{_PLACE_SQL} WHERE {where} ORDER BY p.population DESC, p.name LIMIT {int(limit)}"
        return [
            Place(
                name=row["name"],
                region_code=row["region_code"],
                region_name=row["region_name"],
                country_code=row["country_code"],
                country_name=row["country_name"],
                postal_code=row["postal_code"],
                latitude=row["latitude"],
                longitude=row["longitude"],
                population=row["population"],
                kind=row["kind"],
            )
            for row in self.db.query(sql, params)
        ]

    def by_postal_code(self, code: str, limit: int = 50) -> list[Place]:
        # "<> ''" lets SQLite use the partial index on postal codes.
        return self._rows("p.postal_code = ? AND p.postal_code <> ''", [code], limit)

    def postal_codes_between(self, low: str, high: str, limit: int) -> list[Place]:
        return self._rows(
            "p.postal_code >= ? AND p.postal_code < ? AND p.postal_code <> ''", [low, high], limit
        )

    def named(self, kind: str, key: str, limit: int = 50) -> list[Place]:
        """Places of a kind ('city', 'postal') whose search name is `key`, largest first."""
        return self._rows("p.kind = ? AND p.search_name = ?", [kind, key], limit)

    def cities_starting(self, key: str, limit: int) -> list[Place]:
        return self._rows(
            "p.kind = 'city' AND p.search_name >= ? AND p.search_name < ?",
            [key, key + "\x7f"],
            limit,
        )

    def search_names_starting(self, first: str) -> list[str]:
        """Every distinct search name that starts with `first` (for close-match suggestions)."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT search_name FROM places "
                "WHERE search_name >= ? AND search_name < ?",
                [first, first + "\x7f"],
            )
        ]
