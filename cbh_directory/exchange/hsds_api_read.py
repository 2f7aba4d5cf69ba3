"""Nested HSDS 3.0 services (as an API sends them) into validated resources, through the same
mapping as an HSDS package: the objects are laid out as the package's tables first."""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..domain.checkups import Checkup, make_checkup
from ..domain.errors import InputError, ValidationError
from ..domain.model import Resource
from ..domain.sync import SyncError
from ..domain.validation import normalise_resource
from .hsds_common import FIELD_PREFIX, TAXONOMY_NAME
from .hsds_json import delivery_words
from .hsds_read import _Reader
from .hsds_read_tables import RawPackage, Table

# Nested arrays (under a service, a location or an organization) and the table they fill.
_ARRAYS = {
    "phones": "phone",
    "languages": "language",
    "service_areas": "service_area",
    "cost_options": "cost_option",
    "schedules": "schedule",
    "regular_schedules": "regular_schedule",  # before 3.0
}


@dataclass(slots=True)
class ApiTerms:
    """What the server's /taxonomy_terms and /taxonomies say, read once per sync."""

    terms: list[dict[str, str]] = field(default_factory=list)
    taxonomies: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def read(cls, terms: Iterable[Any], taxonomies: Iterable[Any]) -> ApiTerms:
        found = cls()
        for term in terms:
            if isinstance(term, dict):
                found.add_term(term, "a taxonomy term")
        for taxonomy in taxonomies:
            if isinstance(taxonomy, dict):
                found.taxonomies.append(_scalars(taxonomy, "a taxonomy"))
        return found

    def add_term(self, term: dict[str, Any], where: str) -> str:
        row = _scalars(term, where)
        detail = term.get("taxonomy_detail")
        if isinstance(detail, dict) and detail.get("id"):
            self.taxonomies.append(_scalars(detail, where))
            row.setdefault("taxonomy_id", _text(detail["id"], where, "id"))
        self.terms.append(row)
        return row.get("id", "")


@dataclass(slots=True)
class ApiService:
    """One service read: its server id, its newest change time, and a resource or a reason."""

    service_id: str
    last_modified: str
    resource: Resource | None
    problem: str = ""
    checkups: list[Checkup] = field(default_factory=list)  # the profile's field:checkup
    notes: list[str] = field(default_factory=list)  # check-ups left out, and why


def _text(value: Any, where: str, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float):
        return str(value)
    raise SyncError(
        "{where}: {key} should be text or a number, not {type}",
        where=where,
        key=key,
        type=type(value).__name__,
    )


def _scalars(obj: dict[str, Any], where: str) -> dict[str, str]:
    """The object's plain values as table cells; nested objects and arrays are read apart."""
    cells = {}
    for key, value in obj.items():
        kind = type(value)
        if kind is str:
            cells[str(key).lower()] = value.strip()
        elif kind is not dict and kind is not list:
            cells[str(key).lower()] = _text(value, where, key)
    return cells


def _objects(obj: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise SyncError("{where}: {key} should be a list of objects", where=where, key=key)
    return value


def _object(obj: dict[str, Any], key: str, where: str) -> dict[str, Any] | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise SyncError("{where}: {key} should be an object", where=where, key=key)
    return value


class _Tables:
    """The rows of a package's tables, filled from nested objects."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, str]]] = {}

    def add(self, table: str, row: dict[str, str]) -> None:
        self.rows.setdefault(table, []).append(row)

    def arrays(self, obj: dict[str, Any], where: str, link: dict[str, str]) -> None:
        for key, table in _ARRAYS.items():
            for item in _objects(obj, key, where):
                self.add(table, {**_scalars(item, where), **link})

    def service(self, service: dict[str, Any], terms: ApiTerms) -> dict[str, str]:
        sid = _text(service.get("id"), "a service", "id")
        if not sid:
            raise SyncError("a service has no id")
        where = f"the service {sid[:80]}"
        row = _scalars(service, where)
        organization = _object(service, "organization", where)
        if organization is not None:
            org = _scalars(organization, where)
            org.setdefault("id", f"org-of-{sid}")
            row.setdefault("organization_id", org["id"])
            self.add("organization", org)
            self.arrays(organization, where, {"organization_id": org["id"]})
        self.arrays(service, where, {"service_id": sid})
        for word in delivery_words(service):
            self.add("service_delivery", {"service_id": sid, "service_delivery": word})
        for number, link in enumerate(_objects(service, "service_at_locations", where)):
            location = _object(link, "location", where) or {}
            loc = _scalars(location, where)
            location_id = loc.get("id") or link.get("location_id") or f"{sid}-location-{number}"
            loc["id"] = _text(location_id, where, "location_id")
            self.add("service_at_location", {"service_id": sid, "location_id": loc["id"]})
            self.add("location", loc)
            for address in _objects(location, "addresses", where):
                self.add("address", {**_scalars(address, where), "location_id": loc["id"]})
            self.arrays(location, where, {"location_id": loc["id"]})
        for attribute in _objects(service, "attributes", where):
            cells = _scalars(attribute, where)
            term = _object(attribute, "taxonomy_term", where)
            if term is not None:
                cells.setdefault("taxonomy_term_id", terms.add_term(term, where))
            cells.update(link_id=sid, link_entity="service")
            self.add("attribute", cells)
        self.add("service", row)
        return row

    def table(self, name: str, source: str) -> Table:
        rows = self.rows.get(name, [])
        columns = list(dict.fromkeys(k for row in rows for k in row))
        return Table(name, f"{source} {name}", columns, rows, array("l", range(len(rows))))


def read_services(
    services: list[dict[str, Any]], terms: ApiTerms, *, prefix: str, url: str
) -> list[ApiService]:
    """Map services sent by an HSDS API to resources. A service the desktop's rules refuse
    comes back with its problem; a service of the wrong shape is a SyncError."""
    tables = _Tables()
    rows = [tables.service(service, terms) for service in services]
    built = {name: tables.table(name, url) for name in tables.rows}
    built["taxonomy_term"] = Table("taxonomy_term", url, [], terms.terms, array("l"))
    built["taxonomy"] = Table("taxonomy", url, [], terms.taxonomies, array("l"))
    reader = _Reader(RawPackage(url, prefix, "3.0", built, []), "US", "national_org")
    found = []
    for row in rows:
        sid = row["id"]
        try:
            resource: Resource | None = normalise_resource(reader.map_service(row))
            problem = ""
        except ValidationError as exc:
            resource, problem = None, str(exc)
        item = ApiService(sid, row.get("last_modified", ""), resource, problem)
        if resource is not None:
            _read_checkups(reader, item, resource.id)
        found.append(item)
    return found


_CHECKUP_CODE = f"{FIELD_PREFIX}:checkup"


def _read_checkups(reader: _Reader, item: ApiService, resource_id: str) -> None:
    """The service's check-ups (attributes of the profile's field:checkup term), validated by
    the desktop's rules; one without an id or with a problem is left out with a note."""
    for attribute in reader.rows("attribute", "link_id", item.service_id):
        term = reader.terms.get(attribute.get("taxonomy_term_id", ""))
        if term is None or term.get("code") != _CHECKUP_CODE:
            continue
        ours = term.get("taxonomy_id", "") in reader.own_taxonomies
        if not ours and term.get("taxonomy", "").casefold() != TAXONOMY_NAME:
            continue
        try:
            data = json.loads(attribute.get("value", ""))
        except ValueError:
            data = None
        try:
            if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
                raise InputError("not a check-up object with an id")
            item.checkups.append(make_checkup(resource_id, data))
        except InputError as exc:
            item.notes.append(f"service {item.service_id}: a check-up left out: {exc.message}")
