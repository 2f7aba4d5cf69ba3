"""Format from evidence only (a site, a virtual location, a stated way of delivery), and an
unstated format kept as such by every export and import."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from cbh_directory.domain import phrases
from cbh_directory.domain.model import Resource
from cbh_directory.domain.validation import normalise_resource
from cbh_directory.exchange.appjson import read_app_json
from cbh_directory.exchange.csv_export import write_csv
from cbh_directory.exchange.csv_import import guess_mapping, parse_rows, read_table
from cbh_directory.exchange.export_set import ExportEntry, ExportSet
from cbh_directory.exchange.exporter import app_json
from cbh_directory.exchange.handout import handout_html
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
        "Video calls",
        attributes=[
            {
                "id": "a1",
                "taxonomy_term": {
                    "id": "dm-video",
                    "code": "video",
                    "name": "Video call",
                    "taxonomy_detail": {"id": "dm", "name": "Delivery methods"},
                },
            }
        ],
    ),
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
    "Video calls": "online",
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


def test_csv_and_app_json_keep_an_unstated_format(tmp_path: Path) -> None:
    unstated = normalise_resource(
        {"id": "unstated", "name": "Unstated", "kind": "local_service", "format": "unknown"}
    )
    export = ExportSet("t", "", [ExportEntry(unstated)])
    write_csv(tmp_path / "out.csv", export)
    table = read_table(tmp_path / "out.csv")
    [back] = parse_rows(table, guess_mapping(table.headers)).resources
    assert back.format == "unknown"
    (tmp_path / "out.json").write_text(app_json(export), encoding="utf-8")
    [again] = read_app_json(tmp_path / "out.json").resources
    assert again.format == "unknown"


def test_a_handout_near_a_place_does_not_file_an_unstated_format_as_online() -> None:
    def entry(name: str, fmt: str, km: float | None) -> ExportEntry:
        data = {"id": name.lower(), "name": name, "kind": "local_service", "format": fmt}
        return ExportEntry(normalise_resource(data), distance_km=km)

    entries = [entry("Nearby", "in_person", 3.0), entry("Helpline", "online", None)]
    entries.append(entry("Unstated", "unknown", None))
    text = handout_html(ExportSet("t", "", entries, location="Chicago, IL"))
    online = text.index("Online, by phone, and nationwide")
    unstated = text.index("No place given, and not said to meet online")
    assert online < text.index("Helpline") < unstated < text.index("Unstated")


def test_online_in_a_typed_search_does_not_mean_an_unstated_format() -> None:
    [online] = phrases.read("legal aid online").phrases
    assert online.values == ("online", "hybrid")
    [unstated] = phrases.read("legal aid format not stated").phrases
    assert (unstated.values, unstated.label) == (("unknown",), "Format: Format not stated")
