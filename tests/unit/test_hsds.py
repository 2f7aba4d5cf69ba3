"""HSDS import and export: the spec's example, old layouts, messy exports, bad input, round trip."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import struct
import zipfile
from pathlib import Path

import frictionless
import pytest

from cbh_directory import paths
from cbh_directory.domain import vocabulary as vocab
from cbh_directory.domain.errors import DatasetError, InputError
from cbh_directory.domain.imports import ParsedImport
from cbh_directory.domain.model import Resource
from cbh_directory.domain.validation import normalise_resource
from cbh_directory.exchange.appjson import read_app_json
from cbh_directory.exchange.atomic import ExportError
from cbh_directory.exchange.hsds_read import read_hsds
from cbh_directory.exchange.hsds_read_terms import classify
from cbh_directory.exchange.hsds_write import write_hsds
from cbh_directory.exchange.safe_zip import SafeZip

SPEC = Path(__file__).resolve().parents[2] / "resources" / "hsds"
EXAMPLE = SPEC / "v3.0" / "examples"
DATA = Path(__file__).resolve().parents[1] / "data" / "hsds"


def found_schedule(parsed: ParsedImport) -> dict[str, str]:
    return {r.name: r.schedule for r in parsed.resources if r.schedule}


def by_name(parsed: ParsedImport) -> dict[str, Resource]:
    return {r.name: r for r in parsed.resources}


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, prefix + file.relative_to(folder).as_posix())
    return target


def write_zip(target: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


# -- reading ------------------------------------------------------------------------------------


def test_spec_example_v3_imports() -> None:
    parsed = read_hsds(EXAMPLE)
    assert parsed.kind == "hsds" and not parsed.rejected
    [counselling] = parsed.resources
    assert counselling.name == "Community Counselling"
    assert counselling.id == "human-services-data-ac148810-d857-441c-9679-408f346de14b"
    assert counselling.alternate_names == [
        "MyCity Counselling Services",
        "Example Organization Inc.",
    ]
    assert (counselling.city, counselling.region, counselling.country) == (
        "MyCity",
        "MyState",
        "US",
    )
    assert counselling.address == "1-30 Main Street, MyVillage"
    assert counselling.postal_code == "ABC 1234"
    assert counselling.phone == "+441234234567 ext. 100"
    assert counselling.website == "http://example.com/counselling"
    assert counselling.email == "email@example.com"
    assert counselling.languages == ["ur"]
    # A physical location; its website is no evidence that it also helps online.
    assert (counselling.cost, counselling.format, counselling.ages) == (
        "paid",
        "in_person",
        "12–100",
    )
    assert counselling.last_verified == "2005-01-01"
    assert counselling.kind == "local_service"  # a general community service
    # The example's location sits at latitude 100, which does not exist: left out, with a note.
    assert counselling.latitude is None
    assert parsed.notes[0].startswith("HSDS 3.0 data package")
    assert any("coordinates" in note for note in parsed.notes)
    assert any(note.startswith("tables not used") and "funding" in note for note in parsed.notes)
    assert counselling.schedule.startswith("Thursday, Friday 10:00–18:00")  # kept since 0010
    assert read_hsds(EXAMPLE / "datapackage.json").resources == parsed.resources


def test_v2_layout_with_plural_files_and_integer_ids() -> None:
    parsed = read_hsds(DATA / "v2")
    assert not parsed.rejected
    assert "HSDS 1.x/2.x" in parsed.notes[0]
    assert any("phones.csv" in note for note in parsed.notes)  # no path in datapackage.json
    assert found_schedule(parsed) == {"Parent Support Group": "Monday 9:00–17:00"}  # since 0010
    assert any("Elvish" in note for note in parsed.notes)
    found = by_name(parsed)
    group = found["Parent Support Group"]
    assert group.id == "sunshine-211-10"
    assert (group.kind, group.focus, group.format, group.cost) == (
        "support_group",
        ["cerebellar-hypoplasia"],
        "in_person",  # a physical address; its website alone says nothing of online help
        "free",
    )
    assert (group.address, group.city, group.region, group.postal_code, group.country) == (
        "100 Main St, Suite 2",
        "Tampa",
        "FL",
        "33602",
        "US",
    )
    assert (group.latitude, group.longitude) == (27.9506, -82.4572)
    assert group.phone == "+18135550100"
    assert group.languages == ["en", "es"]
    assert group.eligibility.startswith("Parents and carers")
    assert group.service_area == "Florida"
    assert group.alternate_names == ["Sunshine Family Network"]  # a generic service name
    connect = found["Cerebellar Hypoplasia Family Connect"]
    assert connect.kind == "local_service" and connect.phone == "+18135550111"  # the org's phone
    assert connect.description.startswith("Statewide network")  # the org's description
    clinic = found["Pediatric Neurology Clinic"]
    assert (clinic.kind, clinic.focus, clinic.format, clinic.cost) == (
        "clinical_finder",
        ["ataxia"],
        "in_person",
        "paid",
    )
    assert clinic.phone == "+12515550199 ext. 12" and clinic.country == "US"  # blank country
    assert (
        clinic.website == "https://www.gulfcoast.example.org"
    )  # "www…" given https and clinic.languages == ["en", "vi"]
    respite = found["Old Respite Program"]
    assert respite.status == "inactive" and respite.focus == ["respite"]
    assert found["Medicaid Waiver Help"].kind == "financial_aid"
    assert found["Medicaid Waiver Help"].cost == "free"


def _check_messy(parsed: ParsedImport) -> None:
    assert not parsed.rejected
    cafe = by_name(parsed)["Café Parents’ Circle"]
    assert cafe.description == "Parents’ group that meets at the café."
    assert (cafe.address, cafe.city, cafe.region, cafe.country) == (
        "12 Bay Rd",
        "Tampa",
        "FL",
        "US",
    )
    assert (cafe.latitude, cafe.longitude, cafe.format) == (27.95, -82.46, "in_person")
    assert cafe.kind == "support_group" and cafe.last_verified == "2024-03-15"
    iep = by_name(parsed)["IEP Coaching"]
    assert (iep.kind, iep.last_verified, iep.phone) == (
        "school_guide",
        "2024-02-01",
        "+18135550142",
    )
    assert iep.website == "https://bayfamilies.example.org"
    assert any("windows-1252" in note for note in parsed.notes)


def test_messy_export_folder() -> None:
    _check_messy(read_hsds(DATA / "messy"))


@pytest.mark.parametrize("prefix", ["", "export/hsds/"])
def test_messy_export_zipped_with_csvs_in_a_subfolder(tmp_path: Path, prefix: str) -> None:
    _check_messy(read_hsds(zip_folder(DATA / "messy", tmp_path / "export.zip", prefix)))


@pytest.mark.parametrize(
    ("text", "kind", "focus", "tag"),
    [
        ("Support Groups", "support_group", (), None),
        ("Special Education Advocacy", "school_guide", (), None),
        ("Health Insurance", "financial_aid", (), None),
        ("Genetic Counseling", "clinical_finder", (), None),
        ("Pontocerebellar Hypoplasia", None, ("pch",), None),
        ("CMV Support Groups", "support_group", ("congenital-cmv",), None),
        ("fa", None, (), "fa"),  # abbreviations match only with their case
        ("Respite Care", None, ("respite",), None),  # a focus term since dataset 2
    ],
)
def test_taxonomy_terms_give_kind_focus_or_tag(
    text: str, kind: str | None, focus: tuple[str, ...], tag: str | None
) -> None:
    meaning = classify({"id": "1", "name": text})
    assert (meaning.kind, meaning.focus, meaning.tag) == (kind, focus, tag)


# -- bad input ----------------------------------------------------------------------------------


def _v2_with(tmp_path: Path, services: str) -> Path:
    folder = tmp_path / "package"
    shutil.copytree(DATA / "v2", folder)
    (folder / "services.csv").write_text(services, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("services", "message"),
    [
        ('id,name\n1,Good\n2,"Broken"quote\n', r"services\.csv line 3: the quoting is broken"),
        ("id,description\n1,No name column\n", r"services\.csv has no “name” column"),
        ("name\nNo id column\n", r"services\.csv has no “id” column"),
        ("id,name\n1,One,extra,cells\n", r"services\.csv row 2 has 4 cells but the header has 2"),
        ("id,name\n1," + "x" * (2 * 1024 * 1024) + "\n", r"services\.csv line 2: a cell is larger"),
    ],
)
def test_bad_services_file_is_refused(tmp_path: Path, services: str, message: str) -> None:
    with pytest.raises(DatasetError, match=message):
        read_hsds(_v2_with(tmp_path, services))


def test_duplicate_and_nameless_services_are_rejected(tmp_path: Path) -> None:
    parsed = read_hsds(_v2_with(tmp_path, "id,name\n7,First\n7,Second\n8,\n"))
    assert [r.name for r in parsed.resources] == ["First"]
    first, second = parsed.rejected
    assert str(first) == "services.csv row 3, id: the service id '7' is used again (first on row 2)"
    assert (second.row, second.field, second.reason) == (
        "services.csv row 4",
        "name",
        "is required",
    )


def test_not_a_package(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"has no datapackage\.json"):
        read_hsds(tmp_path)
    with pytest.raises(DatasetError, match="not an HSDS package"):
        read_hsds(tmp_path / "notes.txt")
    (tmp_path / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"datapackage\.json is not valid JSON \(line 1"):
        read_hsds(tmp_path)
    listed = '{"resources": [{"name": "services", "path": "services.csv"}]}'
    (tmp_path / "datapackage.json").write_text(listed, encoding="utf-8")
    with pytest.raises(DatasetError, match=r"names services\.csv for the services, but it is"):
        read_hsds(tmp_path)
    (tmp_path / "datapackage.json").write_text('{"resources": []}', encoding="utf-8")
    with pytest.raises(DatasetError, match="no service table"):
        read_hsds(tmp_path)
    with pytest.raises(InputError, match="unknown kind"):
        read_hsds(DATA / "v2", default_kind="club")


def test_text_file_named_zip(tmp_path: Path) -> None:
    fake = tmp_path / "export.zip"
    fake.write_text("id,name\n1,Not a zip\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"export\.zip is not a zip file"):
        read_hsds(fake)


def test_zip_path_traversal(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "evil.zip", {"datapackage.json": b"{}", "../evil.csv": b"x"})
    with pytest.raises(DatasetError, match=r"a path outside its folder: \.\./evil\.csv"):
        read_hsds(archive)
    absolute = write_zip(tmp_path / "abs.zip", {"/etc/evil.csv": b"x"})
    with pytest.raises(DatasetError, match="outside its folder"):
        read_hsds(absolute)


def test_zip_symlink(tmp_path: Path) -> None:
    link = zipfile.ZipInfo("datapackage.json")
    link.external_attr = (0o120777 << 16) | 0x20
    with zipfile.ZipFile(tmp_path / "link.zip", "w") as archive:
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(DatasetError, match=r"symbolic link: datapackage\.json"):
        read_hsds(tmp_path / "link.zip")


def test_zip_bomb(tmp_path: Path) -> None:
    # 8 MB of one byte compresses about 1000:1: over the ratio limit and over a few MB.
    members = {"datapackage.json": b'{"resources": []}', "big.csv": b"0" * (8 * 1024 * 1024)}
    with pytest.raises(DatasetError, match=r"big\.csv would unpack to 8 MB .* zip bomb"):
        read_hsds(write_zip(tmp_path / "bomb.zip", members))


def test_zip_limits_on_count_and_total_size(tmp_path: Path) -> None:
    many = write_zip(tmp_path / "many.zip", {f"f{n}.csv": b"" for n in range(2001)})
    with pytest.raises(DatasetError, match="holds 2,001 files, more than the limit of 2,000"):
        read_hsds(many)
    big = write_zip(tmp_path / "big.zip", {"a.csv": os.urandom(3000)})
    with pytest.raises(DatasetError, match=r"would unpack to 2\.9 KB, more than the 2 KB limit"):
        SafeZip(big, max_total=2048)


def test_zip_member_larger_than_declared(tmp_path: Path) -> None:
    data = bytearray(write_zip(tmp_path / "lie.zip", {"a.csv": b"x" * 5000}).read_bytes())
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)  # claim 10 bytes uncompressed
    (tmp_path / "lie.zip").write_bytes(bytes(data))
    with SafeZip(tmp_path / "lie.zip") as archive, pytest.raises(DatasetError, match=r"a\.csv"):
        archive.read("a.csv")


# -- writing and round trip ---------------------------------------------------------------------


def edge_cases() -> list[Resource]:
    """Awkward values for the round trip: unicode, separators, quotes, newlines, places."""
    every_focus = [t.id for t in vocab.FOCUS_TERMS]
    items: list[dict[str, object]] = [
        {
            "id": "edge-unicode",
            "name": "Asociación “Niños” — Ñandú, 東京",
            "kind": "support_group",
            "alternate_names": ["A, B", 'Say "hi"', "semi; colon", "Ünïcödé"],
            "focus": every_focus,
            "tags": ["café", "two words", "iep"],
            "description": 'Line one,\nline two with "quotes"\r\nand a comma, too.',
            "moderation": "peer",
            "moderation_note": "Rules posted; moderators reply\nwithin a day.",
            "activity": "high",
            "activity_note": "Dozens of posts a week (2026).",
            "format": "hybrid",
            "languages": ["es", "en", "zh"],
            "cost": "low",
            "eligibility": 'Families, carers, and "friends".',
            "ages": "5–18",
            "service_area": "Worldwide, online",
            "country": "GB",
            "region": "Greater London",
            "city": "London",
            "postal_code": "SW1A 1AA",
            "address": "10 Downing St,\nWestminster",
            "latitude": 51.503364,
            "longitude": -0.127625,
            "website": 'https://example.org/path?q=a,b&x="y"',
            "email": "hello+cbh@example.org",
            "phone": "+44 20 7946 0958 ext. 12",
            "sources": ["https://example.org/a", "http://example.org/b?c=d"],
            "last_verified": "2026-01-31",
            "caveat": "Unconfirmed — check “before” you go.",
            "status": "inactive",
        },
        {"id": "edge-minimal", "name": "Minimal", "kind": "national_org"},
        {
            "id": "edge-in-person-city",
            "name": "City only, in person",
            "kind": "clinical_finder",
            "format": "in_person",
            "country": "US",
            "region": "Ohio",
            "city": "Columbus",
            "latitude": 39.96,
            "longitude": -83.0,
            "phone": "call the front desk",
            "cost": "paid",
            "ages": "up to 21 (18 at some houses)",
        },
        {
            "id": "edge-postal-online",
            "name": "Online with a mailing address",
            "kind": "financial_aid",
            "format": "online",
            "country": "US",
            "region": "FL",
            "city": "Tampa",
            "postal_code": "33602",
            "address": "PO Box 1",
            "description": "",
            "alternate_names": ["Only one"],
            "cost": "free",
        },
        {"id": "edge-region-only", "name": "Region", "kind": "school_guide", "region": "Bavaria"},
        {
            "id": "edge-format-not-stated",
            "name": "Placed, format not stated",
            "kind": "local_service",
            "format": "unknown",
            "country": "US",
            "region": "IL",
            "city": "Chicago",
            "latitude": 41.88,
            "longitude": -87.63,
        },
    ]
    return [normalise_resource(item) for item in items]


def varied_resources() -> list[Resource]:
    return read_app_json(paths.dataset_file()).resources + edge_cases()


def check_required_fields(folder: Path) -> None:
    """Every field the 3.0 JSON Schemas require is present and non-empty in every row."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        schema = json.loads((SPEC / "v3.0/schema" / f"{resource['name']}.json").read_text("utf-8"))
        with open(folder / resource["path"], newline="", encoding="utf-8") as stream:
            rows = list(csv.DictReader(stream))
        for number, row in enumerate(rows, start=2):
            for name in schema["required"]:
                assert (row.get(name) or "").strip(), f"{resource['path']} row {number}: {name}"


def check_fields_match_spec(folder: Path) -> None:
    """Each written table has the spec datapackage's fields, in order, with the same types."""
    ours = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    spec = json.loads((EXAMPLE / "datapackage.json").read_text(encoding="utf-8"))
    spec_tables = {r["name"]: r for r in spec["resources"]}
    for resource in ours["resources"]:
        expected = spec_tables[resource["name"]]
        assert resource["path"] == expected["path"]
        shape = [
            (f["name"], f["type"], f.get("format"), f["constraints"]["required"])
            for f in expected["schema"]["fields"]
        ]
        assert [
            (f["name"], f["type"], f.get("format"), f["constraints"]["required"])
            for f in resource["schema"]["fields"]
        ] == shape


def test_round_trip_through_a_folder(tmp_path: Path) -> None:
    resources = varied_resources()
    folder = tmp_path / "export"
    write_hsds(folder, resources, country_names={"US": "United States", "GB": "United Kingdom"})
    parsed = read_hsds(folder)
    assert not parsed.rejected
    assert parsed.resources == resources
    assert any("read exactly" in note for note in parsed.notes)
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    check_required_fields(folder)
    check_fields_match_spec(folder)


def test_round_trip_through_a_zip(tmp_path: Path) -> None:
    resources = varied_resources()
    write_hsds(tmp_path / "export.zip", resources)
    assert read_hsds(tmp_path / "export.zip").resources == resources
    with zipfile.ZipFile(tmp_path / "export.zip") as archive:
        assert "datapackage.json" in archive.namelist()
        assert "taxonomy_terms.csv" in archive.namelist()
    assert [p.name for p in tmp_path.iterdir()] == ["export.zip"]  # no temporary file left


def test_written_package_reads_as_plain_hsds(tmp_path: Path) -> None:
    """Other systems see standard fields: a location, a full address, a phone, languages."""
    [edge] = [r for r in edge_cases() if r.id == "edge-unicode"]
    write_hsds(tmp_path / "out", [edge])
    services = list(csv.DictReader(io.StringIO((tmp_path / "out/services.csv").read_text("utf-8"))))
    assert services[0]["name"] == edge.name and services[0]["minimum_age"] == "5"
    addresses = (tmp_path / "out/addresses.csv").read_text("utf-8")
    assert "SW1A 1AA" in addresses and ",GB," in addresses
    phones = list(csv.DictReader(io.StringIO((tmp_path / "out/phones.csv").read_text("utf-8"))))
    assert (phones[0]["number"], phones[0]["extension"]) == ("+442079460958", "12")


def test_exports_are_stable(tmp_path: Path) -> None:
    resources = edge_cases()
    write_hsds(tmp_path / "a", resources)
    write_hsds(tmp_path / "b", resources)
    for file in (tmp_path / "a").iterdir():
        assert file.read_bytes() == (tmp_path / "b" / file.name).read_bytes(), file.name


def test_folder_target_rules(tmp_path: Path) -> None:
    resources = edge_cases()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportError, match="is not empty"):
        write_hsds(foreign, resources)
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]

    target = tmp_path / "export"
    target.mkdir()  # an empty folder is fine
    write_hsds(target, resources[:1])
    write_hsds(target, resources)  # an earlier export of ours is replaced
    assert len(read_hsds(target).resources) == len(resources)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export", "mine"]

    (target / "extra.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="is not empty"):
        write_hsds(target, resources)


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_hsds(tmp_path / "missing" / "export.zip", edge_cases())
    with pytest.raises(ExportError):
        write_hsds(tmp_path / "missing" / "export", edge_cases())
    duplicated = edge_cases()[:1] * 2
    with pytest.raises(ExportError, match="share the id"):
        write_hsds(tmp_path / "dup.zip", duplicated)
    assert list(tmp_path.iterdir()) == []


# -- a large package ----------------------------------------------------------------------------


def _csv(path: Path, header: str, rows: list[str]) -> None:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def build_synthetic_package(folder: Path, count: int) -> None:
    """A SYNTHETIC 3.0 package: `count` fictional services, each with a location and links."""
    folder.mkdir()
    tables = ["organization", "service", "location", "service_at_location", "address", "phone"]
    tables += ["taxonomy_term", "attribute", "language"]
    descriptor = {
        "name": "synthetic",
        "version": "3.0.0",
        "resources": [{"name": t, "path": f"{t}.csv"} for t in tables],
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    n = range(count)
    _csv(folder / "organization.csv", "id,name,description", [f"o{i},Org {i},SYNTHETIC" for i in n])
    _csv(
        folder / "service.csv",
        "id,organization_id,name,description,status",
        [f"s{i},o{i},Service {i},SYNTHETIC service {i},active" for i in n],
    )
    _csv(
        folder / "location.csv",
        "id,location_type,latitude,longitude",
        [f"l{i},physical,{i % 80}.5,-{i % 170}.25" for i in n],
    )
    _csv(
        folder / "service_at_location.csv",
        "id,service_id,location_id",
        [f"x{i},s{i},l{i}" for i in n],
    )
    _csv(
        folder / "address.csv",
        "id,location_id,address_1,city,state_province,postal_code,country,address_type",
        [f"a{i},l{i},{i} Main St,City {i % 50},ST,{10000 + i},US,physical" for i in n],
    )
    _csv(folder / "phone.csv", "id,service_id,number", [f"p{i},s{i},555-{i:04d}" for i in n])
    terms = ["Support Groups", "Special Education", "Ataxia", "Medicaid", "Respite Care"]
    _csv(
        folder / "taxonomy_term.csv",
        "id,name,description",
        [f"t{k},{t}," for k, t in enumerate(terms)],
    )
    _csv(
        folder / "attribute.csv",
        "id,link_id,taxonomy_term_id,link_entity",
        [f"b{i}-{j},s{i},t{(i + j) % 5},service" for i in n for j in (0, 2)],
    )
    _csv(folder / "language.csv", "id,service_id,name", [f"g{i},s{i},Spanish" for i in n])


def test_five_thousand_services(tmp_path: Path) -> None:
    build_synthetic_package(tmp_path / "big", 5000)
    parsed = read_hsds(tmp_path / "big")
    assert len(parsed.resources) == 5000 and not parsed.rejected
    last = parsed.resources[-1]
    assert last.id == "synthetic-s4999" and last.city == "City 49" and last.languages == ["es"]
    assert (last.latitude, last.longitude) == (39.5, -69.25)
    kinds = {r.kind for r in parsed.resources}
    assert kinds == {"support_group", "school_guide", "financial_aid", "local_service"}
    assert sum("ataxia" in r.focus for r in parsed.resources) == 2000
