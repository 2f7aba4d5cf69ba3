"""HSDS 3.0 JSON services (the API's form, a saved page, NDJSON) and Open Referral UK /services
pages, flattened into the tables the HSDS reader maps: one reader for every form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..domain.errors import DatasetError
from .hsds_read_tables import RawPackage, Table
from .json_input import loads

# Where a saved page keeps its services: HSDS API 3.0 "contents", ORUK "content", others.
_PAGE_KEYS = ("contents", "content", "items", "services", "data", "results")
_SERVICE_COLUMNS = (
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "eligibility_description",
    "application_process",
    "fees_description",
    "fees",
    "wait_time",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "last_modified",
)


def is_hsds_json(payload: Any) -> bool:
    """True for a list of services, a page holding one, or one service (never the app's JSON)."""
    if isinstance(payload, dict) and "format" in payload:
        return False
    try:
        services = service_list(payload)
    except DatasetError:
        return False
    return bool(services) and all(isinstance(s, dict) and "name" in s for s in services[:50])


def service_list(payload: Any) -> list[Any]:
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        for key in _PAGE_KEYS:
            if isinstance(payload.get(key), list):
                return list(payload[key])
        if "name" in payload and ("id" in payload or "organization" in payload):
            return [payload]
    raise DatasetError("the JSON holds no HSDS services (a list, or a page with “contents”)")


def read_payloads(path: Path, text: str) -> list[Any]:
    """The services of a .json document or of an .ndjson file (one service or page a line)."""
    if path.suffix.lower() != ".ndjson":
        return service_list(loads(text, path.name))
    services: list[Any] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            services += service_list(loads(line, f"{path.name} line {number}"))
    return services


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _objects(value: Any) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def delivery_words(service: Mapping[str, Any]) -> list[str]:
    """How a nested service says it is delivered: ORUK `service_delivery` objects and
    `attending_type`, or a `delivery_methods` list (each a word such as online or in person)."""
    found: list[str] = []
    for key in ("service_delivery", "delivery_methods", "attending_type"):
        value = service.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Mapping):
                item = item.get("service_delivery") or item.get("delivery_method")
            text = _text(item)
            if text:
                found.append(text)
    return found


class _Flattener:
    """Collects table rows from nested service objects; ids are made up where none is given."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, str]]] = {}
        self.numbers: dict[str, list[int]] = {}
        self.oruk = False
        self.made = 0
        self.named = False  # any service object with a "name" at all

    def add(self, table: str, row: dict[str, str], number: int) -> None:
        self.rows.setdefault(table, []).append(row)
        self.numbers.setdefault(table, []).append(number)

    def own_id(self, value: Mapping[str, Any], kind: str) -> str:
        given = _text(value.get("id"))
        if given:
            return given
        self.made += 1
        return f"{kind}-{self.made}"

    def service(self, s: Mapping[str, Any], number: int) -> None:
        self.named = self.named or "name" in s
        sid = self.own_id(s, "service")
        org = s.get("organization")
        if not isinstance(org, Mapping) and isinstance(s.get("organisation"), Mapping):
            org, self.oruk = s["organisation"], True
        org_id = ""
        if isinstance(org, Mapping):
            org_id = self.own_id(org, "organization")
            self.add(
                "organization",
                {
                    "id": org_id,
                    "name": _text(org.get("name")),
                    "description": _text(org.get("description")),
                    "website": _text(org.get("website") or org.get("url")),
                    "email": _text(org.get("email")),
                },
                number,
            )
            self.phones(org.get("phones"), "organization_id", org_id, number)
        row = {"id": sid, "organization_id": org_id}
        row.update({c: _text(s.get(c)) for c in _SERVICE_COLUMNS})
        self.add("service", row, number)
        for word in delivery_words(s):
            self.add("service_delivery", {"service_id": sid, "service_delivery": word}, number)
        self.phones(s.get("phones"), "service_id", sid, number)
        for contact in _objects(s.get("contacts")):
            self.oruk = self.oruk or "phones" in contact
            self.phones(contact.get("phones"), "service_id", sid, number)
        self.schedules(s, "service_id", sid, number)
        self.languages(s.get("languages"), "service_id", sid, number)
        self.terms(s, sid, number)
        for area in _objects(s.get("service_areas")):
            name = _text(area.get("name") or area.get("service_area") or area.get("description"))
            self.add("service_area", {"service_id": sid, "name": name}, number)
        for option in _objects(s.get("cost_options")):
            self.add(
                "cost_option",
                {
                    "service_id": sid,
                    "option": _text(option.get("option")),
                    "amount": _text(option.get("amount")),
                    "amount_description": _text(option.get("amount_description")),
                },
                number,
            )
        links = _objects(s.get("service_at_locations")) + [
            {"location": loc} for loc in _objects(s.get("locations"))
        ]
        for link in links:
            location = link.get("location") if isinstance(link.get("location"), Mapping) else link
            self.location(location, sid, number)

    def location(self, loc: Mapping[str, Any], sid: str, number: int) -> None:
        lid = self.own_id(loc, "location")
        latitude, longitude = _text(loc.get("latitude")), _text(loc.get("longitude"))
        point = loc.get("geometry") or loc.get("geojson") or loc.get("point")
        if not (latitude and longitude) and isinstance(point, Mapping):
            coordinates = point.get("coordinates")
            if isinstance(coordinates, list) and len(coordinates) >= 2:
                # GeoJSON gives longitude first.
                longitude, latitude = _text(coordinates[0]), _text(coordinates[1])
        self.add(
            "location",
            {
                "id": lid,
                "name": _text(loc.get("name")),
                "location_type": _text(loc.get("location_type")),
                "latitude": latitude,
                "longitude": longitude,
            },
            number,
        )
        self.add("service_at_location", {"service_id": sid, "location_id": lid}, number)
        kinds = (
            ("addresses", ""),
            ("physical_addresses", "physical"),
            ("postal_addresses", "postal"),
        )
        for key, kind in kinds:
            for address in _objects(loc.get(key)):
                row = {k: _text(address.get(k)) for k in _ADDRESS_COLUMNS}
                row.update(location_id=lid, address_type=kind or row["address_type"])
                self.add("address", row, number)
        self.phones(loc.get("phones"), "location_id", lid, number)
        self.languages(loc.get("languages"), "location_id", lid, number)
        self.schedules(loc, "location_id", lid, number)

    def phones(self, phones: Any, column: str, owner: str, number: int) -> None:
        for phone in _objects(phones):
            self.add(
                "phone",
                {
                    column: owner,
                    "number": _text(phone.get("number")),
                    "extension": _text(phone.get("extension")),
                    "type": _text(phone.get("type")),
                    "description": _text(phone.get("description")),
                },
                number,
            )

    def schedules(self, owner: Mapping[str, Any], column: str, key: str, number: int) -> None:
        found = _objects(owner.get("schedules")) + _objects(owner.get("regular_schedules"))
        for schedule in found:
            row = {k: _text(schedule.get(k)) for k in _SCHEDULE_COLUMNS}
            row[column] = key
            self.add("schedule", row, number)

    def languages(self, languages: Any, column: str, owner: str, number: int) -> None:
        for language in languages if isinstance(languages, list) else []:
            if isinstance(language, Mapping):
                name = _text(
                    language.get("code") or language.get("language") or language.get("name")
                )
            else:
                name = _text(language)
            if name:
                self.add("language", {column: owner, "language": name}, number)

    def terms(self, s: Mapping[str, Any], sid: str, number: int) -> None:
        found: list[tuple[Mapping[str, Any], str]] = []
        for attribute in _objects(s.get("attributes")):
            term = attribute.get("taxonomy_term")
            if isinstance(term, Mapping):
                found.append((term, _text(attribute.get("value"))))
        for link in _objects(s.get("service_taxonomys")):
            term = link.get("taxonomy")
            if isinstance(term, Mapping):
                self.oruk = True
                found.append((term, ""))
        for term, value in found:
            tid = self.own_id(term, "term")
            detail = term.get("taxonomy_detail") or term.get("taxonomy")
            taxonomy = detail.get("name") if isinstance(detail, Mapping) else detail
            self.add(
                "taxonomy_term",
                {
                    "id": tid,
                    "code": _text(term.get("code")),
                    "name": _text(term.get("name") or term.get("term")),
                    "taxonomy": _text(taxonomy or term.get("vocabulary")),
                },
                number,
            )
            self.add(
                "attribute",
                {"link_id": sid, "taxonomy_term_id": tid, "link_entity": "service", "value": value},
                number,
            )

    def tables(self, label: str) -> dict[str, Table]:
        tables: dict[str, Table] = {}
        for name, rows in self.rows.items():
            columns = list(dict.fromkeys(k for row in rows for k in row))
            for row in rows:
                for column in columns:
                    row.setdefault(column, "")
            tables[name] = Table(
                name=name, file=f"{label}: service", columns=columns, rows=rows,
                numbers=self.numbers[name],
            )  # fmt: skip
        return tables


_ADDRESS_COLUMNS = (
    "address_1",
    "address_2",
    "city",
    "region",
    "state_province",
    "postal_code",
    "country",
    "address_type",
)
_SCHEDULE_COLUMNS = ("weekday", "byday", "opens_at", "closes_at", "description")


def flatten(path: Path, services: Iterable[Any]) -> RawPackage:
    """The services as the HSDS tables the reader maps; a row's number is its service's."""
    flat = _Flattener()
    count = 0
    for number, service in enumerate(services, start=1):
        if not isinstance(service, Mapping):
            raise DatasetError(
                "{name}: service #{number} is not a JSON object", name=path.name, number=number
            )
        flat.service(service, number)
        count += 1
    if not count or not flat.named:
        raise DatasetError(
            "{name} holds no HSDS services: no object in it has a “name” (the app's own JSON, a "
            "list of services or a page with “contents” is expected)",
            name=path.name,
        )
    what = "Open Referral UK services" if flat.oruk else "HSDS 3.0 JSON services"
    notes = [f"{what}: {count} in {path.name}"]
    return RawPackage(
        source=path.name, name=path.stem, version="3.0", tables=flat.tables(path.name), notes=notes
    )
