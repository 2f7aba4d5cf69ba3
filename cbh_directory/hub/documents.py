"""Fully nested HSDS 3.0 objects (service, organization, service_at_location) from table rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..exchange.hsds_common import TABLES_V3, table_columns

Row = Mapping[str, Any]
Document = dict[str, Any]
# Nested arrays of a service; a list page leaves them out ("one-to-one fields only").
SERVICE_ARRAYS = (
    "phones",
    "schedules",
    "service_areas",
    "service_at_locations",
    "languages",
    "funding",
    "cost_options",
    "required_documents",
    "contacts",
    "attributes",
    "metadata",
)


def _numeric_columns() -> dict[str, frozenset[str]]:
    numeric = {}
    for table, (_file, specs) in TABLES_V3.items():
        numeric[table] = frozenset(
            spec.rstrip("!").partition(":")[0]
            for spec in specs.split()
            if spec.rstrip("!").partition(":")[2] == "number"
        )
    return numeric


_NUMERIC = _numeric_columns()
_COLUMNS = {table: table_columns(table) for table in TABLES_V3}


def _number(value: Any) -> float | int | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def clean(table: str, row: Row) -> Document:
    """One table row as an HSDS object: the table's columns, typed, empty values left out."""
    numeric = _NUMERIC.get(table, frozenset())
    out: Document = {}
    for column in _COLUMNS.get(table, list(row)):
        value = row.get(column)
        if value is None or value == "":
            continue
        if column in numeric:
            value = _number(value)
            if value is None:
                continue
        elif not isinstance(value, str):
            value = value.isoformat() if hasattr(value, "isoformat") else str(value)
        out[column] = value
    return out


def service_document(tables: Mapping[str, list[dict[str, Any]]], last_modified: str) -> Document:
    """The fully nested service of one resource, from the rows the table builder made for it.

    Attributes carry their taxonomy_term_id only: the terms are few and served once by
    /taxonomy_terms, while nesting each one would multiply the size of a full pull."""
    service = clean("service", tables["service"][0])
    service["last_modified"] = last_modified
    organizations = tables.get("organization", [])
    if organizations:
        service["organization"] = clean("organization", organizations[0])
    service["phones"] = [clean("phone", row) for row in tables.get("phone", [])]
    service["languages"] = [clean("language", row) for row in tables.get("language", [])]
    service["service_areas"] = [
        clean("service_area", row) for row in tables.get("service_area", [])
    ]
    locations = {row["id"]: row for row in tables.get("location", [])}
    addresses: dict[str, list[Document]] = {}
    for row in tables.get("address", []):
        addresses.setdefault(row["location_id"], []).append(clean("address", row))
    links = []
    for row in tables.get("service_at_location", []):
        link = clean("service_at_location", row)
        location = locations.get(row["location_id"])
        if location is not None:
            link["location"] = {
                **clean("location", location),
                "addresses": addresses.get(location["id"], []),
            }
        links.append(link)
    service["service_at_locations"] = links
    service["attributes"] = [clean("attribute", row) for row in tables.get("attribute", [])]
    return service


def list_item(document: Document) -> Document:
    """A service as a list page shows it: without its nested arrays."""
    item = {key: value for key, value in document.items() if key not in SERVICE_ARRAYS}
    return item


def location_item(location: Document) -> Document:
    """A location without its nested arrays (for list pages)."""
    return {key: value for key, value in location.items() if not isinstance(value, list)}
