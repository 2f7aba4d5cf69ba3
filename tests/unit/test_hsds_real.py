"""Real HSDS exports nobody here wrote, and packages laid out the ways real ones are."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from cbh_directory.domain.errors import DatasetError
from cbh_directory.domain.facets import FACET_BY_ID
from cbh_directory.domain.imports import ImportOptions
from cbh_directory.domain.model import SearchQuery
from cbh_directory.exchange.hsds_read import read_hsds
from cbh_directory.service import Directory

DATA = Path(__file__).resolve().parents[1] / "data" / "hsds"
REAL = DATA / "real"


def _zip(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, prefix + file.relative_to(folder).as_posix())
    return target


def _descriptor_at_top_tables_in_data(tmp_path: Path) -> Path:
    """The shape of a real 211 export: datapackage.json names 'services.csv' while the
    archive keeps every table under data/."""
    folder = tmp_path / "export"
    shutil.copytree(REAL / "healthleads", folder / "data")
    resources = ", ".join(
        f'{{"name": "{name}", "path": "{name}.csv"}}'
        for name in ("services", "organizations", "locations", "phones", "taxonomy")
    )
    (folder / "datapackage.json").write_text(
        f'{{"name": "export", "resources": [{resources}]}}', encoding="utf-8"
    )
    return folder


def test_declared_paths_missing_read_the_same_file_elsewhere(tmp_path: Path) -> None:
    folder = _descriptor_at_top_tables_in_data(tmp_path)
    for source in (folder, _zip(folder, tmp_path / "export.zip", "211-export/")):
        parsed = read_hsds(source)
        assert len(parsed.resources) == 6 and not parsed.rejected
        assert (
            "table service: services.csv is not where datapackage.json says; read data/services.csv"
        ) in parsed.notes
        assert any(r.city == "Concord" for r in parsed.resources)


def test_two_files_of_the_wanted_name_is_an_error_naming_them(tmp_path: Path) -> None:
    folder = _descriptor_at_top_tables_in_data(tmp_path)
    shutil.copytree(folder / "data", folder / "old")
    with pytest.raises(
        DatasetError,
        match=r"2 files named services\.csv \(data/services\.csv, "
        r"old/services\.csv\)",
    ):
        read_hsds(folder)


@pytest.mark.parametrize("name", ["healthleads", "ilao"])
def test_a_folder_of_tables_without_datapackage_json(tmp_path: Path, name: str) -> None:
    expected = {"healthleads": 6, "ilao": 36}[name]
    for source in (REAL / name, _zip(REAL / name, tmp_path / f"{name}.zip", "upload/")):
        parsed = read_hsds(source)
        assert len(parsed.resources) == expected and not parsed.rejected
        heading = parsed.notes[0]
        assert heading.startswith("HSDS tables without a datapackage.json")
        assert "services.csv" in heading and "version 1.x/2.x, inferred" in heading


def test_a_folder_without_services_is_still_refused(tmp_path: Path) -> None:
    (tmp_path / "organizations.csv").write_text("id,name\n1,Org\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"no datapackage\.json and no services table"):
        read_hsds(tmp_path)


# -- kinds, websites, text ------------------------------------------------------------------------


def _package(tmp_path: Path, services: str, terms: str = "", links: str = "") -> Path:
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "services.csv").write_text(services, encoding="utf-8")
    if terms:
        (folder / "taxonomy_terms.csv").write_text(terms, encoding="utf-8")
        (folder / "service_attributes.csv").write_text(links, encoding="utf-8")
    return folder


def test_kinds_come_from_the_airs_table_and_the_rest_are_local_services(tmp_path: Path) -> None:
    terms = (
        "id,code,name\n"
        "t1,BD-1800.2000,Food Pantries\n"
        "t2,PN-8100.0200-180,Domestic Violence Support Groups\n"
        "t3,NL-6000.2000,Food Stamps/SNAP\n"
        "t4,YB-8000,Scout Troops\n"
        "t5,,Food Assistance\n"
        "t6,,Special Education Advocacy\n"
    )
    links = (
        "id,service_id,taxonomy_term_id\na,1,t1\nb,2,t1\nc,2,t2\nd,3,t3\ne,4,t4\nf,5,t5\ng,6,t6\n"
    )
    services = (
        "id,name\n1,Pantry\n2,Safe Place\n3,SNAP help\n4,Troop 12\n5,Food bank\n6,IEP\n7,Plain\n"
    )
    parsed = read_hsds(_package(tmp_path, services, terms, links))
    kinds = {r.name: r.kind for r in parsed.resources}
    assert kinds == {
        "Pantry": "local_service",
        "Safe Place": "support_group",  # a specific kind wins over a local-service term
        "SNAP help": "financial_aid",
        "Troop 12": "local_service",  # a scout troop is not a national organization
        "Food bank": "local_service",  # "assistance" alone no longer means financial aid
        "IEP": "school_guide",
        "Plain": "local_service",
    }
    [note] = [n for n in parsed.notes if n.startswith("kinds of the 7 services")]
    assert "Local services 2 (211/AIRS code)" in note
    assert "Support group 1 (211/AIRS code)" in note
    assert "Local services 2 (no term naming a kind)" in note


def test_websites_without_a_scheme_are_kept_and_bad_ones_dropped_per_field(
    tmp_path: Path,
) -> None:
    services = (
        "id,name,url,email\n"
        "1,Bare,www.example.org/help,\n"
        "2,Upper,WWW.EXAMPLE.ORG,\n"
        "3,Nonsense,call us,\n"
        "4,Mail in url,info@example.org,info@example.org\n"
    )
    parsed = read_hsds(_package(tmp_path, services))
    sites = {r.name: r.website for r in parsed.resources}
    assert sites == {
        "Bare": "https://www.example.org/help",
        "Upper": "https://WWW.EXAMPLE.ORG",
        "Nonsense": "",
        "Mail in url": "",
    }
    assert "websites written without http(s)://, given https://: 2" in parsed.notes
    assert any(n.startswith("websites that cannot be web addresses") for n in parsed.notes)
    assert next(r for r in parsed.resources if r.name == "Mail in url").email


def test_escapes_entities_and_html_become_clean_text(tmp_path: Path) -> None:
    services = (
        "id,name,description\n"
        '1,Tom &amp; Jerry Club,"Meets weekly.\\nBring ID.<br>Free &amp; open.<p>Call first.</p>"\n'
    )
    [club] = read_hsds(_package(tmp_path, services)).resources
    assert club.name == "Tom & Jerry Club"
    assert club.description == "Meets weekly.\nBring ID.\nFree & open.\nCall first."


# -- the Health Leads export, imported whole and found right after ---------------------------------


def test_health_leads_export_imports_whole_and_is_found_by_term_code_and_place(
    synthetic: Directory,
) -> None:
    preview = synthetic.preview_import(REAL / "healthleads")
    assert len(preview.new) == 6 and not preview.rejected and not preview.changed
    assert "services placed by their location's own latitude and longitude: 6" in preview.notes
    assert synthetic.apply_import(preview) == 6

    concord = synthetic.resource("hsds-a0ja000000bhngciap")  # Concord Library
    assert concord.kind == "local_service" and concord.city == "Concord"
    assert concord.website == "http://abcdef.org/locations/concord.html"
    assert concord.languages == ["en"] and concord.phone == "+19145354344"
    assert concord.schedule.splitlines()[0] == "Monday 12:00 pm - 9:00 pm"  # x_schedule kept
    assert concord.application_process.startswith("To get a library card:")
    assert "\n\n\n" not in concord.application_process
    assert concord.application_process.endswith("convenient for both of you")  # whole, 700+
    assert concord.eligibility.startswith("-Anyone can visit the library")
    assert concord.taxonomy == [
        {"code": "", "name": "GED and Adult Basic Education", "taxonomy": "Health Leads SOS"}
    ]
    assert concord.tags == []  # the term is kept whole above, not repeated as a tag

    found = synthetic.search(SearchQuery(text="Pantries Soup Kitchens"))
    assert {r.resource.name for r in found.hits} == {"Lunch at the Library"}
    [concord_place] = [p for p in synthetic.places("Concord, CA") if p.region_code == "CA"][:1]
    near = synthetic.search(SearchQuery(near=concord_place, radius_km=5, include_online=False))
    assert {r.resource.city for r in near.hits} == {"Concord"}


def test_a_211_term_code_is_searchable(synthetic: Directory, tmp_path: Path) -> None:
    folder = _package(
        tmp_path,
        "id,name\n1,Eastside Pantry\n2,Other\n",
        "id,code,name\nt1,BD-1800.2000,Food Pantries\n",
        "id,service_id,taxonomy_term_id\na,1,t1\n",
    )
    synthetic.apply_import(synthetic.preview_import(folder))
    for text in ("BD-1800", "BD-1800.2000", "food pantries"):
        page = synthetic.search(SearchQuery(text=text))
        assert [r.resource.name for r in page.hits] == ["Eastside Pantry"], text


def test_a_211_code_written_as_the_term_name_is_read_as_the_code(
    synthetic: Directory, tmp_path: Path
) -> None:
    # The shape of 2.x exports that keep the AIRS code in `term`, with a link as the taxonomy.
    folder = _package(
        tmp_path,
        "id,name\n1,Eastside Pantry\n2,Parents Together\n",
        "id,term,description,parent_id,taxonomy\n"
        "t1,BD-1800.2000,,,https://211taxonomy.org/search/record?code=BD-1800.2000\n"
        "t2,PN-8100.6500,,,https://211taxonomy.org/search/record?code=PN-8100.6500\n",
        "id,service_id,taxonomy_term_id\na,1,t1\nb,2,t2\n",
    )
    preview = synthetic.preview_import(folder)
    assert "taxonomy terms whose name is a 211/AIRS code, read as the code: 2" in preview.notes
    pantry, group = preview.new
    assert pantry.taxonomy == [
        {
            "code": "BD-1800.2000",
            "name": "",
            "taxonomy": "https://211taxonomy.org/search/record?code=BD-1800.2000",
        }
    ]
    assert (pantry.kind, group.kind) == ("local_service", "support_group")  # by the table
    synthetic.apply_import(preview)
    page = synthetic.search(SearchQuery(text="BD-1800"))
    assert [h.resource.name for h in page.hits] == ["Eastside Pantry"]
    found = synthetic.facets(SearchQuery())["service_type"]
    assert {v.value: (v.group, v.count) for v in found} == {
        "B": ("", 1),  # under their top level, as a code and not as a name of their own
        "P": ("", 1),
        "BD-1800.2000": ("B", 1),
        "PN-8100.6500": ("P", 1),
    }
    assert {v.label for v in found if v.group} == {"BD-1800.2000", "PN-8100.6500"}  # no name


def test_locations_tied_only_to_organizations_place_their_services(tmp_path: Path) -> None:
    # Some 2.x exports have no service_at_location: a location names its organization only.
    folder = _package(
        tmp_path,
        "id,organization_id,name\n1,o1,Food Bank\n2,o2,Play groups\n3,,Helpline\n",
    )
    (folder / "organizations.csv").write_text(
        "id,name\no1,Blaine Food Bank\no2,Schools\n", encoding="utf-8"
    )
    (folder / "locations.csv").write_text(
        "id,organization_id,name,latitude,longitude\n"
        'l1,o1,"500 C St, Blaine",48.999551,-122.7458921\n'
        'l2,o2,"Birch Bay, Blaine",48.9077376,-122.7257093\n'
        'l3,o2,"3326 E Badger Rd, Everson",48.9646433,-122.3078201\n',
        encoding="utf-8",
    )
    parsed = read_hsds(folder)
    placed = {r.name: (r.latitude, r.longitude) for r in parsed.resources}
    assert placed == {
        "Food Bank": (48.999551, -122.745892),  # its organization's only location
        "Play groups": (None, None),  # two locations: which one is not said
        "Helpline": (None, None),
    }
    assert "services without a location link, given their organization's only location: 1" in (
        parsed.notes
    )


def test_the_full_text_table_is_one_sqlite_utils_and_datasette_find(synthetic_db: Path) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(synthetic_db)
    assert db["resources"].detect_fts() == "resources_fts"
    rows = list(db["resources"].search("ataxia", columns=["id"], limit=3))
    assert rows, "sqlite-utils' search (what Datasette's ?_search= runs) finds rows"


def test_every_phone_of_a_service_is_kept_with_its_type_and_extension(tmp_path: Path) -> None:
    folder = _package(tmp_path, "id,name\n1,Crisis Line\n")
    (folder / "phones.csv").write_text(
        "id,service_id,number,extension,type,description\n"
        "p1,1,(614) 555-0100,,voice,Main line\n"
        "p2,1,614-555-0101,12.0,voice,Spanish speakers\n"
        "p3,1,614-555-0102,,TTY,\n"
        "p4,1,614-555-0103,,fax,\n",
        encoding="utf-8",
    )
    [line] = read_hsds(folder).resources
    assert line.phone == "+16145550100"
    assert line.other_phones == [
        {"number": "+16145550101", "ext": "12", "type": "voice", "label": "Spanish speakers"},
        {"number": "+16145550102", "ext": "", "type": "textphone", "label": ""},
        {"number": "+16145550103", "ext": "", "type": "fax", "label": ""},
    ]


def test_a_newer_export_updates_in_place_and_gone_services_become_inactive(
    synthetic: Directory, tmp_path: Path
) -> None:
    synthetic.apply_import(synthetic.preview_import(REAL / "healthleads"))
    newer = tmp_path / "healthleads"
    shutil.copytree(REAL / "healthleads", newer)
    with (newer / "services.csv").open(encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.reader(stream) if row[0] != "a0j2K00000CXsArQAL"]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    text = out.getvalue()
    (newer / "services.csv").write_text(text, encoding="utf-8")

    preview = synthetic.preview_import(newer)
    assert preview.summary() == "0 new, 0 changed, 5 unchanged, 1 gone (made inactive), 0 rejected"
    assert preview.gone == ["hsds-a0j2k00000cxsarqal"]
    synthetic.apply_import(preview)
    gone = synthetic.resource("hsds-a0j2k00000cxsarqal")  # still there, never deleted
    assert gone.status == "inactive" and gone.status_note.startswith("No longer in the export")

    (newer / "services.csv").write_text(
        text.replace("The Concord Library is offering", "Concord Library offers"), encoding="utf-8"
    )
    again = synthetic.preview_import(newer)
    assert again.summary() == "0 new, 1 changed, 4 unchanged, 0 rejected"
    [(changed, changes)] = again.changed
    assert changed.id == "hsds-a0j2k00000cxsahqal"
    assert [c.field for c in changes] == ["description"]


# -- export that others accept --------------------------------------------------------------------


def test_the_export_validates_against_the_official_descriptor(
    synthetic: Directory, tmp_path: Path
) -> None:
    import frictionless

    from cbh_directory.exchange.hsds_write import write_hsds

    synthetic.apply_import(synthetic.preview_import(REAL / "healthleads"))
    resources = [synthetic.resource(h.resource.id) for h in synthetic.search(SearchQuery()).hits]
    folder = tmp_path / "export"
    write_hsds(folder, resources)
    ours = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert ours["licenses"][0]["name"] == "CC-BY-4.0"
    assert ours["homepage"].startswith("https://")
    official = DATA.parents[1].parent / "resources" / "hsds" / "v3.0" / "examples"
    shutil.copy(official / "datapackage.json", folder / "datapackage.json")
    spec = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert len(spec["resources"]) == 21
    assert all((folder / r["path"]).is_file() for r in spec["resources"])  # every table
    assert (folder / "funding.csv").read_text(encoding="utf-8").count("\n") == 1  # header only
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    again = read_hsds(tmp_path / "export")  # the official descriptor, our tables
    kept = {r.name: r for r in again.resources}
    assert kept["Concord Library"].schedule.startswith("Monday 12:00 pm - 9:00 pm")


def test_languages_written_as_words_map_to_codes_sign_languages_included(tmp_path: Path) -> None:
    folder = _package(tmp_path, "id,name\n1,Deaf services\n2,Clinic\n")
    (folder / "languages.csv").write_text(
        "id,service_id,language\n"
        "a,1,American Sign Language\nb,1,English\n"
        'c,2,"English, Spanish"\nd,2,Vietnamese\ne,2,Chuukese\nf,2,Karen\ng,2,Other\n',
        encoding="utf-8",
    )
    parsed = read_hsds(folder)
    langs = {r.name: r.languages for r in parsed.resources}
    # langcodes would guess "Karen" is Kari (kbj): a guess is not stored, the name is kept as
    # written and reported; "Other" names no language and is not kept.
    assert langs == {"Deaf services": ["ase", "en"], "Clinic": ["en", "es", "vi", "chk", "Karen"]}
    assert "languages kept as written (no code known): Karen" in parsed.notes


# -- HSDS JSON and Open Referral UK pages ---------------------------------------------------------


def test_an_hsds_api_page_of_services_imports(tmp_path: Path) -> None:
    from cbh_directory.exchange.importers import read_import

    parsed = read_import(DATA / "json" / "hsds3-page.json")
    assert parsed.kind == "hsds" and not parsed.rejected
    assert parsed.notes[0] == "HSDS 3.0 JSON services: 2 in hsds3-page.json"
    pantry, group = parsed.resources
    assert (pantry.kind, group.kind) == ("local_service", "support_group")
    assert pantry.website == "https://www.eastside-pantry.example.org"
    assert pantry.description == "Groceries once a week.\nBring a bag & ID."
    assert pantry.phone == "+16145550100"
    assert pantry.other_phones == [
        {"number": "+16145550101", "ext": "7", "type": "text", "label": "Texts in Spanish"}
    ]
    assert pantry.schedule == "Monday, Wednesday 9:00–12:00"
    assert (pantry.fees, pantry.wait_time) == ("Free", "About 20 minutes")
    assert pantry.languages == ["en", "es"] and pantry.city == "Columbus"
    assert (pantry.latitude, pantry.longitude) == (39.9612, -82.9988)
    assert pantry.taxonomy == [
        {"code": "BD-1800.2000", "name": "Food Pantries", "taxonomy": "211 HSIS"}
    ]

    lines = "\n".join(
        json.dumps(s)
        for s in json.loads((DATA / "json" / "hsds3-page.json").read_text())["contents"]
    )
    (tmp_path / "services.ndjson").write_text(lines + "\n", encoding="utf-8")
    assert [r.name for r in read_import(tmp_path / "services.ndjson").resources] == [
        pantry.name,
        group.name,
    ]


def test_an_open_referral_uk_services_page_imports() -> None:
    from cbh_directory.exchange.importers import read_import

    parsed = read_import(DATA / "json" / "oruk-services.json", ImportOptions(default_country="GB"))
    assert parsed.notes[0] == "Open Referral UK services: 1 in oruk-services.json"
    [carers] = parsed.resources
    assert carers.name == "Carers' Drop-in"
    assert carers.description == "A friendly drop-in for unpaid carers.\n\nTea & advice."
    assert carers.phone == "+442079460000"  # from the contact, as ORUK keeps phones
    assert (carers.latitude, carers.longitude) == (51.5072, -0.1276)  # GeoJSON is lon, lat
    assert carers.country == "GB" and carers.city == "London"
    assert carers.schedule == "Tuesday 10:00–13:00"
    assert carers.taxonomy == [{"code": "", "name": "Carers support", "taxonomy": "esdNeeds"}]


def test_json_that_is_neither_is_refused_clearly(tmp_path: Path) -> None:
    from cbh_directory.exchange.importers import read_import

    (tmp_path / "page.ndjson").write_text('{"contents": [{"name": "A"}]}\n{oops\n', "utf-8")
    with pytest.raises(DatasetError, match=r"page\.ndjson line 2 is not valid JSON"):
        read_import(tmp_path / "page.ndjson")
    (tmp_path / "other.json").write_text('[{"title": "not a service"}]', "utf-8")
    with pytest.raises(DatasetError, match="holds no HSDS services: no object in it has a “name”"):
        read_import(tmp_path / "other.json")


def test_illinois_legal_aid_export_imports_whole(synthetic: Directory) -> None:
    preview = synthetic.preview_import(REAL / "ilao")
    assert len(preview.new) == 36 and not preview.rejected
    assert "kinds of the 36 services: Local services 36 (no term naming a kind)" in preview.notes
    assert "services without a location, given their organization's address: 8" in preview.notes
    synthetic.apply_import(preview)
    clinic = synthetic.resource("hsds-132741")  # North Lawndale legal clinic, run by LAF
    assert clinic.website == "http://www.lafchicago.org"  # the organization's, kept
    assert clinic.cost == "free" and clinic.fees == "Free to eligible persons/entities"
    assert clinic.application_process.startswith("Telephone\n\n    Walk-inAll clinics")
    assert (clinic.region, clinic.postal_code) == ("IL", "60603")
    assert clinic.latitude == pytest.approx(41.88, abs=0.05)  # the gazetteer, from the ZIP code
    assert clinic.alternate_names == ["LAF"]
    with (REAL / "ilao" / "organizations.csv").open(encoding="utf-8", newline="") as stream:
        org_sites = {row["id"]: row["url"] for row in csv.DictReader(stream)}
    with (REAL / "ilao" / "services.csv").open(encoding="utf-8", newline="") as stream:
        given = [
            r["url"] or org_sites.get(r["organization_id"], "") for r in csv.DictReader(stream)
        ]
    assert [bool(r.website) for r in preview.new] == [bool(g) for g in given]  # none dropped
    assert sum(bool(g) for g in given) == 28


def test_service_types_are_a_filter_group_with_counts(synthetic: Directory) -> None:
    synthetic.apply_import(synthetic.preview_import(DATA / "json" / "hsds3-page.json"))
    synthetic.apply_import(synthetic.preview_import(REAL / "healthleads"))
    found = synthetic.facets(SearchQuery())["service_type"]
    counts = {v.value: v.count for v in found if not v.group}  # the top level
    below = {v.value: (v.label, v.group, v.count) for v in found if v.group}
    assert below == {  # the AIRS codes open below their letter; other taxonomies are flat
        "BD-1800.2000": ("Food Pantries", "B", 1),
        "PN-8100.0200-600": ("Disability Support Groups", "P", 1),
    }
    assert counts == {
        "B": 1,  # Food Pantries, BD-1800.2000: Basic Needs
        "P": 1,  # Disability Support Groups, PN-8100…: Individual and Family Life
        "ESL, ESOL": 1,  # Health Leads' own taxonomy: its term names
        "GED and Adult Basic Education": 2,
        "Pantries & Soup Kitchens": 2,
        "Tutoring": 1,
    }
    page = synthetic.search(SearchQuery(filters={"service_type": ["B"]}))
    assert [h.resource.name for h in page.hits] == ["Eastside Food Pantry"]
    assert FACET_BY_ID["service_type"].label_of("B") == "Basic Needs"


def test_the_command_line_imports_a_page_and_shows_what_it_kept(synthetic_db: Path) -> None:
    from click.testing import CliRunner

    from cbh_directory.cli.main import cli

    runner = CliRunner()
    page = str(DATA / "json" / "hsds3-page.json")
    done = runner.invoke(cli, ["--db", str(synthetic_db), "import", page])
    assert done.exit_code == 0, done.output
    assert "hsds3-page.json: 2 new, 0 changed, 0 unchanged, 0 rejected" in done.output
    shown = runner.invoke(
        cli, ["--db", str(synthetic_db), "show", "hsds3-page-6d2f3c1e-1111-4c5a-9a39-000000000001"]
    )
    lines = shown.output.splitlines()
    assert "Hours:           Monday, Wednesday 9:00–12:00" in lines
    assert "Service types:   Food Pantries (BD-1800.2000)" in lines
    for typed in ("B", "b", "Basic Needs"):
        found = runner.invoke(cli, ["--db", str(synthetic_db), "search", "--service-type", typed])
        assert "Eastside Food Pantry" in found.output, typed
