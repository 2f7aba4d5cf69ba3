"""Format from evidence only: a site, a virtual location or a stated way of delivery."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from cbh_directory.domain.model import Resource
from cbh_directory.domain.validation import normalise_resource
from cbh_directory.exchange.hsds_api_read import ApiTerms, read_services
from cbh_directory.exchange.hsds_read import read_hsds, read_hsds_json
from cbh_directory.exchange.hsds_write import write_hsds

ADDRESS = {"address_1": "1 Main St", "city": "Springfield", "state_province": "IL",
           "postal_code": "62701", "country": "US", "address_type": "physical"}  # fmt: skip


def _service(name: str, **fields: object) -> dict[str, object]:
    return {"id": name.lower().replace(" ", "-"), "name": name, **fields}


SERVICES = [
    _service("Website only", url="https://example.org/help"),
    _service("Nothing said"),
    _service(
        "Virtual",
        url="https://example.org/chat",
        service_at_locations=[{"location": {"id": "v1", "location_type": "virtual"}}],
    ),
    _service(
        "Walk in",
        url="https://example.org/office",
        service_at_locations=[
            {"location": {"id": "p1", "location_type": "physical", "addresses": [ADDRESS]}}
        ],
    ),
    _service("By phone", service_delivery=[{"id": "d1", "service_delivery": "telephone"}]),
    _service("Both ways", attending_type="Venue", delivery_methods=["Online"]),
    _service(
        "Postal only",
        service_at_locations=[
            {"location": {"id": "m1", "location_type": "postal", "addresses": [ADDRESS]}}
        ],
    ),
]
EXPECTED = {
    "Website only": "unknown",
    "Nothing said": "unknown",
    "Virtual": "online",
    "Walk in": "in_person",
    "By phone": "online",
    "Both ways": "hybrid",
    "Postal only": "unknown",
}


def _formats(resources: list[Resource]) -> dict[str, str]:
    return {r.name: r.format for r in resources}


def test_hsds_json_format_comes_from_evidence_not_a_website(tmp_path: Path) -> None:
    path = tmp_path / "services.json"
    text = json.dumps({"contents": SERVICES})
    parsed = read_hsds_json(path, text)
    assert not parsed.rejected
    assert _formats(parsed.resources) == EXPECTED
    stated = "services whose format (online or in person) the source does not state: 3"
    assert stated in parsed.notes


def test_the_sync_client_reads_format_the_same_way() -> None:
    found = read_services(SERVICES, ApiTerms(), prefix="hub", url="https://hub.example")
    assert {s.resource.name: s.resource.format for s in found if s.resource} == EXPECTED


def _write(folder: Path, name: str, rows: list[dict[str, str]]) -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_a_csv_package_reads_format_from_locations_and_service_delivery(tmp_path: Path) -> None:
    _write(tmp_path, "services.csv", [
        {"id": "s1", "name": "Website only", "url": "https://example.org", "organization_id": ""},
        {"id": "s2", "name": "Virtual", "url": "", "organization_id": ""},
        {"id": "s3", "name": "Online (ORUK)", "url": "", "organization_id": ""},
        {"id": "s4", "name": "Office and online", "url": "", "organization_id": ""},
    ])  # fmt: skip
    _write(tmp_path, "locations.csv", [
        {"id": "l1", "location_type": "virtual", "latitude": "", "longitude": ""},
        {"id": "l2", "location_type": "physical", "latitude": "41.88", "longitude": "-87.63"},
    ])  # fmt: skip
    _write(tmp_path, "service_at_location.csv", [
        {"id": "a1", "service_id": "s2", "location_id": "l1"},
        {"id": "a2", "service_id": "s4", "location_id": "l2"},
    ])  # fmt: skip
    _write(tmp_path, "service_delivery.csv", [
        {"id": "d1", "service_id": "s3", "service_delivery": "online"},
        {"id": "d2", "service_id": "s4", "service_delivery": "online"},
    ])  # fmt: skip
    parsed = read_hsds(tmp_path)
    assert not parsed.rejected
    assert _formats(parsed.resources) == {
        "Website only": "unknown",
        "Virtual": "online",
        "Online (ORUK)": "online",
        "Office and online": "hybrid",
    }


def test_an_unstated_format_is_exported_without_an_invented_site(tmp_path: Path) -> None:
    placed = normalise_resource(
        {"id": "placed", "name": "Placed", "kind": "local_service", "format": "unknown",
         "country": "US", "region": "IL", "city": "Chicago", "latitude": 41.88,
         "longitude": -87.63}
    )  # fmt: skip
    bare = normalise_resource({"id": "bare", "name": "Bare", "kind": "local_service"})
    assert bare.format == "unknown"  # a record that states no format is not filed online
    write_hsds(tmp_path / "out", [placed, bare])
    with (tmp_path / "out" / "locations.csv").open(encoding="utf-8", newline="") as stream:
        locations = list(csv.DictReader(stream))
    assert [(row["name"], row["location_type"]) for row in locations] == [("Placed", "postal")]
    back = read_hsds(tmp_path / "out").resources
    assert [(r.id, r.format, r.latitude) for r in back] == [
        ("placed", "unknown", 41.88),
        ("bare", "unknown", None),
    ]
    # Another tool reading the tables alone (no app attributes) finds no format either.
    (tmp_path / "out" / "attributes.csv").write_text("id,link_id,taxonomy_term_id\n", "utf-8")
    plain = read_hsds(tmp_path / "out").resources
    assert {r.name: r.format for r in plain} == {"Placed": "unknown", "Bare": "unknown"}
