"""The offline gazetteer: loading the bundled places file, and turning place text into places."""

from __future__ import annotations

import csv
import difflib
import gzip
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..domain.countries import country_label
from ..domain.errors import InputError, PlaceNotFoundError
from ..domain.model import Place
from ..paths import gazetteer_dir

# A ZIP code alone, or leading a label such as "43215 Columbus, OH, United States".
_POSTAL = re.compile(r"^\s*(\d{5})(?:-\d{4})?(?:\s*$|\s+\D)")
_WORD_FORMS = (
    (re.compile(r"\bsaint\b"), "st"),
    (re.compile(r"\bste\b"), "st"),
    (re.compile(r"\bmount\b"), "mt"),
    (re.compile(r"\bft\b"), "fort"),
    (re.compile(r"\bmc "), "mc"),
)
MAX_LOOKUP_LENGTH = 200


def search_key(text: str) -> str:
    """Normalise a place name for comparison: ASCII, lower case, no punctuation, one spacing."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = ascii_text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    ascii_text = re.sub(r"[^a-z0-9]+", " ", ascii_text).strip()
    for pattern, replacement in _WORD_FORMS:
        ascii_text = pattern.sub(replacement, ascii_text)
    return ascii_text


# ---------------------------------------------------------------- loading


def _read_tsv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter="\t"))


def gazetteer_checksum(folder: Path | None = None) -> str:
    folder = folder or gazetteer_dir()
    digest = hashlib.sha256()
    for name in ("places.tsv.gz", "countries.tsv", "regions.tsv"):
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


@dataclass(slots=True)
class GazetteerFiles:
    """The bundled gazetteer read from its files, as rows for the places tables."""

    checksum: str
    countries: list[tuple[str, str, str, str]]
    regions: list[tuple[str, str, str]]
    places: list[tuple[str, str, str, str, str, str, str, float, float, int]]


def read_gazetteer(folder: Path | None = None) -> GazetteerFiles:
    """Read the bundled places, countries and regions (search names made here)."""
    folder = folder or gazetteer_dir()
    countries = _read_tsv((folder / "countries.tsv").read_bytes())
    regions = _read_tsv((folder / "regions.tsv").read_bytes())
    places = _read_tsv(gzip.decompress((folder / "places.tsv.gz").read_bytes()))
    return GazetteerFiles(
        checksum=gazetteer_checksum(folder),
        countries=[(c["code"], c["name"], c["iso3"], c["aliases"]) for c in countries],
        regions=[(r["country_code"], r["code"], r["name"]) for r in regions],
        places=[
            (
                p["kind"],
                p["name"],
                search_key(p["name"]),
                p["region_code"],
                p["region_name"],
                p["country_code"],
                p["postal_code"],
                float(p["latitude"]),
                float(p["longitude"]),
                int(p["population"] or 0),
            )
            for p in places
        ],
    )


# ---------------------------------------------------------------- lookup


@dataclass(frozen=True, slots=True)
class _Qualifier:
    """What a ', Ohio' or ', UK' part of a lookup narrows to."""

    country: str | None = None
    region: str | None = None


class PlaceSource(Protocol):
    """The place queries a Gazetteer asks (store.places.PlaceTable answers them from SQL)."""

    def countries(self) -> list[tuple[str, str, str, str]]: ...
    def regions(self) -> list[tuple[str, str, str]]: ...
    def by_postal_code(self, code: str, limit: int = 50) -> list[Place]: ...
    def postal_codes_between(self, low: str, high: str, limit: int) -> list[Place]: ...
    def named(self, kind: str, key: str, limit: int = 50) -> list[Place]: ...
    def cities_starting(self, key: str, limit: int) -> list[Place]: ...
    def search_names_starting(self, first: str) -> list[str]: ...


class Gazetteer:
    """Resolves place text against the places of one database connection."""

    def __init__(self, source: PlaceSource) -> None:
        self.source = source
        self._countries: dict[str, str] | None = None
        self._names: dict[str, str] | None = None
        self._regions: dict[str, list[tuple[str, str]]] | None = None

    # -- vocabularies of qualifiers, read once per connection

    def _country_keys(self) -> dict[str, str]:
        if self._countries is None:
            keys: dict[str, str] = {}
            for code, name, iso3, aliases in self.source.countries():
                for alias in [name, iso3, *aliases.split(";")]:
                    if alias:
                        keys.setdefault(search_key(alias), code)
                keys[code.lower()] = code
            self._countries = keys
        return self._countries

    def _region_keys(self) -> dict[str, list[tuple[str, str]]]:
        if self._regions is None:
            keys: dict[str, list[tuple[str, str]]] = {}
            for country, code, name in self.source.regions():
                for alias in (code, name):
                    keys.setdefault(search_key(alias), []).append((country, code))
            self._regions = keys
        return self._regions

    def country_code(self, text: str) -> str | None:
        """The ISO code for a country name, alias or code ('United Kingdom', 'UK' -> 'GB')."""
        return self._country_keys().get(search_key(text))

    def regions(self) -> list[tuple[str, str, str]]:
        """(country, code, name) of every region."""
        return list(self.source.regions())

    def regions_named(self, text: str) -> list[tuple[str, str, str]]:
        """(country, code, name) of the regions with this name or code ('KY', 'Kentucky')."""
        found = set(self._region_keys().get(search_key(text), []))
        return [row for row in self.source.regions() if (row[0], row[1]) in found]

    def country_names(self) -> dict[str, str]:
        """Every country's name by code, read once per connection."""
        if self._names is None:
            self._names = {code: name for code, name, _, _ in self.source.countries()}
        return self._names

    def country_name(self, code: str) -> str:
        """The country's name to show, in the reader's language ('GB' -> 'Reino Unido')."""
        return country_label(code, self.country_names().get(code, code))

    def _qualifiers(self, text: str) -> list[_Qualifier]:
        key = search_key(text)
        found = [
            _Qualifier(country, region) for country, region in self._region_keys().get(key, [])
        ]
        country = self._country_keys().get(key)
        if country:
            found.append(_Qualifier(country=country))
        return found

    # -- queries

    def by_postal_code(self, code: str) -> list[Place]:
        return self.source.by_postal_code(code)

    def by_name(self, key: str) -> list[Place]:
        """Cities named `key` (by population), then towns known only from their ZIP codes."""
        cities = self.source.named("city", key)
        postal = self.source.named("postal", key, limit=2000)
        seen = {(p.country_code, p.region_code, search_key(p.name)) for p in cities}
        # GeoNames files Puerto Rico etc. as countries; ZIP rows file them as US regions.
        seen |= {("US", p.country_code, search_key(p.name)) for p in cities}
        towns: dict[tuple[str, str], list[Place]] = {}
        for place in postal:
            if (place.country_code, place.region_code, key) not in seen:
                towns.setdefault((place.country_code, place.region_code), []).append(place)
        merged = [_town_from_zips(zips) for zips in towns.values()]
        merged.sort(key=lambda p: -len(towns[(p.country_code, p.region_code)]))
        return cities + merged

    def lookup(self, text: str, *, suggest: bool = True) -> list[Place]:
        """All places the text may mean, best first. Raises PlaceNotFoundError, with
        suggestions unless `suggest` is False (they cost a scan of similar names)."""
        text = (text or "").replace("\x00", "").strip()
        if not text:
            raise InputError("no place given: type a US ZIP code, 'City, ST' or 'City, Country'")
        if len(text) > MAX_LOOKUP_LENGTH:
            raise InputError("place name is too long")
        postal = _POSTAL.match(text)
        if postal:
            found = self.by_postal_code(postal.group(1))
            if not found:
                raise PlaceNotFoundError(text, self._nearby_postal_codes(postal.group(1)))
            return found
        for name, qualifier_texts in _interpretations(text):
            key = search_key(name)
            if not key:
                continue
            if qualifier_texts:
                sets = [self._qualifiers(q) for q in qualifier_texts]
                if any(not s for s in sets):
                    continue
                found = [p for p in self.by_name(key) if all(_matches(p, s) for s in sets)]
            else:
                found = self.by_name(key)
            if found:
                return found
        raise PlaceNotFoundError(text, self.suggestions(text) if suggest else [])

    def resolve(self, text: str, *, suggest: bool = True) -> Place:
        """The best match for the text (the most populous place of that name)."""
        return self.lookup(text, suggest=suggest)[0]

    def complete(self, prefix: str, limit: int = 12) -> list[Place]:
        """Places whose name starts with the prefix, largest first, for a completer."""
        key = search_key(prefix)
        if not key:
            return []
        postal = re.match(r"^\d{3,5}$", key)
        if postal:
            return self.source.postal_codes_between(key, key + ":", limit)
        places = self.source.cities_starting(key, limit)
        if len(places) < limit:
            places += self.by_name(key)[: limit - len(places)]
        unique: dict[str, Place] = {}
        for place in places:
            unique.setdefault(place.label, place)
        return list(unique.values())[:limit]

    def suggestions(self, text: str, limit: int = 5) -> list[str]:
        """Close matches for an unknown place, as labels such as 'Columbus, OH, United States'."""
        name = text.split(",")[0]
        key = search_key(name)
        if not key:
            return []
        names = self.source.search_names_starting(key[0])
        close = difflib.get_close_matches(key, names, n=limit, cutoff=0.75)
        labels: list[str] = []
        for match in close:
            best = self.by_name(match)
            if best and best[0].label not in labels:
                labels.append(_short_label(best[0]))
        return labels[:limit]

    def _nearby_postal_codes(self, code: str) -> list[str]:
        rows = self.source.postal_codes_between(code[:3], code[:3] + ":", 3)
        return [_short_label(p) for p in rows]


def _short_label(place: Place) -> str:
    label = place.label
    return label.removesuffix(", United States")


def _matches(place: Place, qualifiers: list[_Qualifier]) -> bool:
    for q in qualifiers:
        if q.region is not None:
            if place.region_code == q.region and _same_country(place, q.country):
                return True
        elif q.country is not None and _same_country(place, q.country):
            return True
    return False


def _same_country(place: Place, country: str | None) -> bool:
    # ZIP rows file US territories (PR, GU, ...) under US with the territory as region.
    return country is None or place.country_code == country or place.region_code == country


def _town_from_zips(zips: list[Place]) -> Place:
    """A town known only from its ZIP codes: the mean of their centroids."""
    first = zips[0]
    return Place(
        name=first.name,
        region_code=first.region_code,
        region_name=first.region_name,
        country_code=first.country_code,
        country_name=first.country_name,
        postal_code="",
        latitude=round(sum(z.latitude for z in zips) / len(zips), 4),
        longitude=round(sum(z.longitude for z in zips) / len(zips), 4),
        population=0,
        kind="town",
    )


def _interpretations(text: str) -> list[tuple[str, list[str]]]:
    """Ways to read the text as a name plus qualifiers, most literal first.

    'Columbus, OH' -> [('Columbus', ['OH'])]; 'columbus ohio' -> [('columbus ohio', []),
    ('columbus', ['ohio'])]; 'new york ny' also tries ('new york', ['ny']).
    """
    if "," in text:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        return [(parts[0], parts[1:])] if parts else []
    words = text.split()
    options: list[tuple[str, list[str]]] = [(text, [])]
    for tail in range(1, min(4, len(words))):
        options.append((" ".join(words[:-tail]), [" ".join(words[-tail:])]))
    if len(words) >= 3:
        # 'columbus ohio us': a region and a country.
        options.append((" ".join(words[:-2]), [words[-2], words[-1]]))
    return options


def locate(gazetteer: Gazetteer, city: str, region: str = "", country: str = "") -> Place | None:
    """The best place for a resource's city, narrowed by its region and country when possible."""
    if not city.strip():
        return None
    attempts = [[city, region, country], [city, country], [city, region], [city]]
    for parts in attempts:
        if len(parts) > 1 and not all(parts[1:]):
            continue
        try:
            return gazetteer.resolve(", ".join(parts))
        except PlaceNotFoundError:
            continue
    return None
