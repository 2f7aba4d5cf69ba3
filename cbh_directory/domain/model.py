"""Plain data classes for resources, places, search requests and search results."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .countries import country_label
from .dates import period_start
from .facets import FACET_BY_ID, FACETS

SORT_KEYS: tuple[str, ...] = (
    "relevance",
    "name",
    "kind",
    "focus",
    "distance",
    "verified",
    "list",  # the list's own order; only with a list chosen
)

# Fields stored as lists of text (JSON text in the database).
LIST_FIELDS = ("alternate_names", "focus", "tags", "languages", "sources", "serves")
# Fields holding nested JSON (lists or objects of objects).
JSON_FIELDS = ("other_phones", "evidence", "taxonomy")


@dataclass(slots=True)
class Resource:
    """One entry of the directory: an organisation, group, programme, guide or finder tool."""

    id: str
    name: str
    kind: str
    alternate_names: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    description: str = ""
    moderation: str = "unknown"
    moderation_note: str = ""
    activity: str = "unknown"
    activity_note: str = ""
    format: str = "unknown"  # the source does not say (see vocabulary.FORMATS)
    languages: list[str] = field(default_factory=list)
    cost: str = "unknown"
    eligibility: str = ""
    ages: str = ""
    service_area: str = ""
    country: str = ""
    region: str = ""
    city: str = ""
    postal_code: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    website: str = ""
    email: str = ""
    phone: str = ""
    sources: list[str] = field(default_factory=list)
    last_verified: str = ""
    caveat: str = ""
    status: str = "active"
    # Dataset 2: Spanish text, where it serves people, contacts with what they are for, the
    # evidence behind each group of facts, and what became of a closed or merged organisation.
    description_es: str = ""
    serves: list[str] = field(default_factory=list)  # "world", "US", "US-OH"
    phone_note: str = ""  # what the main phone number is for ("Family helpline")
    other_phones: list[dict[str, str]] = field(default_factory=list)  # number, ext, type, label
    evidence: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # see domain/evidence
    status_note: str = ""
    successor: str = ""  # the id of the resource that carries on its work
    # Kept from HSDS imports as the source wrote them (migration 0010).
    schedule: str = ""  # opening hours: a line a day ("Monday 9:00–17:00") or the source's text
    fees: str = ""
    application_process: str = ""
    wait_time: str = ""
    taxonomy: list[dict[str, str]] = field(default_factory=list)  # code, name, taxonomy

    @classmethod
    def field_names(cls) -> list[str]:
        return list(_RESOURCE_FIELDS)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Resource:
        """Build from a mapping, ignoring keys that are not resource fields."""
        return cls(**{k: v for k, v in data.items() if k in _RESOURCE_FIELD_SET})

    def to_dict(self) -> dict[str, Any]:
        """Every field; lists are copied (cheaper than dataclasses.asdict, which deep-copies),
        nested JSON fields deep-copied only when they hold something."""
        data = {
            name: list(value) if isinstance(value, list) else value
            for name in _RESOURCE_FIELDS
            for value in (getattr(self, name),)
        }
        for name in JSON_FIELDS:
            if data[name]:
                data[name] = copy.deepcopy(data[name])
        return data

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def verified_date(self) -> dt.date | None:
        """The day the newest evidence dates from; a month or a year counts from its start."""
        return period_start(self.last_verified)

    def is_stale(self, today: dt.date | None = None, max_age_days: int = 365) -> bool:
        """True when the entry was never verified or not within `max_age_days`."""
        verified = self.verified_date()
        if verified is None:
            return True
        return ((today or dt.date.today()) - verified).days > max_age_days


_RESOURCE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Resource))
_RESOURCE_FIELD_SET = frozenset(_RESOURCE_FIELDS)


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a city or a postal code with its centroid."""

    name: str
    region_code: str
    region_name: str
    country_code: str
    country_name: str
    postal_code: str
    latitude: float
    longitude: float
    population: int
    kind: str

    @property
    def label(self) -> str:
        """A human label such as 'Columbus, OH, United States' or '43215 Columbus, OH'."""
        return self._label(self.country_name or self.country_code)

    @property
    def shown_label(self) -> str:
        """The label to show, with the country named in the reader's language ('Columbus, OH,
        Estados Unidos'); `label` stays English, as the place box reads it back."""
        return self._label(country_label(self.country_code, self.country_name or self.country_code))

    def _label(self, country: str) -> str:
        region = self.region_code if self.country_code in ("US", "CA", "AU") else self.region_name
        parts = [self.name]
        if region:
            parts.append(region)
        parts.append(country)
        text = ", ".join(p for p in parts if p)
        return f"{self.postal_code} {text}" if self.postal_code else text

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["label"] = self.label
        return data


@dataclass(slots=True)
class SearchQuery:
    """Everything that narrows a search: text, filters, location, sort and page."""

    text: str = ""
    # One list per facet (domain/facets.py names each one's field).
    kinds: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    moderation: list[str] = field(default_factory=list)
    activity: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # "CC/Region name", e.g. "US/Ohio"
    languages: list[str] = field(default_factory=list)
    costs: list[str] = field(default_factory=list)
    # The chosen values of facets declared without a list above (query_field ""), by facet id.
    filters: dict[str, list[str]] = field(default_factory=dict)
    near: Place | None = None
    radius_km: float | None = None
    include_online: bool = True
    include_inactive: bool = False
    list_id: int | None = None  # search only this list's items (and show those that left)
    verified_before: str | None = None  # ISO date: only entries not verified since (review)
    sort: str = "relevance"
    reverse: bool = False
    offset: int = 0
    limit: int | None = 50

    def filter_values(self) -> dict[str, list[str]]:
        """The chosen values of every facet (domain/facets.py), by facet id."""
        return {
            facet.id: getattr(self, facet.query_field)
            if facet.query_field
            else self.filters.get(facet.id, [])
            for facet in FACETS
        }

    def values_of(self, facet_id: str) -> list[str]:
        """The chosen values of one facet: the list itself, to change in place."""
        facet = FACET_BY_ID[facet_id]
        if facet.query_field:
            values: list[str] = getattr(self, facet.query_field)
            return values
        if facet_id not in self.filters:
            self.set_values(facet_id, [])
        return self.filters[facet_id]

    def set_values(self, facet_id: str, values: list[str]) -> None:
        facet = FACET_BY_ID[facet_id]
        if facet.query_field:
            setattr(self, facet.query_field, list(values))
        else:  # a new dict: a copy made by dataclasses.replace shares the old one
            self.filters = {**self.filters, facet_id: list(values)}


@dataclass(slots=True)
class ListEntry:
    """What a list adds to a result: the item's note, when it was added, and its place."""

    note: str
    added_at: str
    position: int
    in_directory: bool = True


@dataclass(slots=True)
class Hit:
    """One search result row: the resource and, with a location, its distance."""

    resource: Resource
    distance_km: float | None = None
    rank: float | None = None
    entry: ListEntry | None = None

    @property
    def in_directory(self) -> bool:
        return self.entry is None or self.entry.in_directory


@dataclass(slots=True)
class SearchPage:
    """A page of hits plus the total number of matches."""

    hits: list[Hit]
    total: int
    offset: int


@dataclass(slots=True)
class FacetValue:
    value: str
    label: str
    count: int
    group: str = ""  # focus sub-group (gene, syndrome, ...) or country for regions


Facets = dict[str, list[FacetValue]]
