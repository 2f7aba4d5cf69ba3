"""The whole Illinois Legal Aid Online export (430 rows), through the import preview once."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cbh_directory.domain.imports import ImportPreview
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

REAL = Path(__file__).resolve().parents[1] / "data" / "hsds" / "real" / "ilao_full"
OFFICIAL = Path(__file__).resolve().parents[2] / "resources" / "hsds" / "v3.0" / "examples"


def _rows(name: str) -> list[dict[str, str]]:
    with (REAL / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def imported(
    synthetic_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Directory, ImportPreview, Path]]:
    """One import of the whole export, as the preview dialog does it: preview, then apply."""
    path = tmp_path_factory.mktemp("ilao_full") / "directory.sqlite3"
    shutil.copyfile(synthetic_template, path)
    directory = Directory.open(path, prepare=False)
    preview = directory.preview_import(REAL)
    directory.apply_import(preview)
    yield directory, preview, path
    directory.close()


def test_every_service_with_an_id_or_a_name_is_imported(
    imported: tuple[Directory, ImportPreview, Path],
) -> None:
    _, preview, _ = imported
    services = _rows("services.csv")
    assert len(services) == 430
    blank = [n for n, r in enumerate(services, start=2) if not r["id"] and not r["name"]]
    assert blank == [431]  # the export's last row: an organization id and nothing else
    assert len(preview.new) == len(services) - len(blank) == 429
    [refused] = preview.rejected
    assert (refused.row, refused.field) == ("services.csv row 431", "id")
    assert refused.reason == "is empty, and so is the name: a blank row"
    assert preview.summary() == "429 new, 0 changed, 0 unchanged, 1 rejected"


def test_websites_are_kept_and_kinds_come_from_the_table(
    imported: tuple[Directory, ImportPreview, Path],
) -> None:
    directory, preview, _ = imported
    org_sites = {r["id"]: r["url"] for r in _rows("organizations.csv")}
    given = {
        f"hsds-{r['id']}": r["url"] or org_sites.get(r["organization_id"], "")
        for r in _rows("services.csv")
        if r["id"]
    }
    kept = {r.id: r.website for r in preview.new}
    assert kept.keys() == given.keys()
    assert [i for i, url in given.items() if url and not kept[i]] == []  # none dropped
    assert sum(bool(url) for url in given.values()) == 237
    assert "kinds of the 429 services: Local services 429 (no term naming a kind)" in (
        preview.notes
    )
    assert {directory.resource(i).kind for i in kept} == {"local_service"}


def test_found_by_place_and_words_right_after(
    imported: tuple[Directory, ImportPreview, Path],
) -> None:
    directory, preview, _ = imported
    assert "services without a location, given their organization's address: 89" in (preview.notes)
    [chicago] = [p for p in directory.places("Chicago, IL") if p.region_code == "IL"][:1]
    query = SearchQuery(near=chicago, radius_km=25, include_online=False, limit=None)
    ours = {h.resource.id for h in directory.search(query).hits if h.resource.id[:5] == "hsds-"}
    # The services of the organizations with a Chicago (606xx) postal address, placed by ZIP code.
    post = {r["organization_id"]: r["postal_code"] for r in _rows("postal_addresses.csv")}
    chicago_zip = {
        f"hsds-{r['id']}"
        for r in _rows("services.csv")
        if r["id"] and post.get(r["organization_id"], "").startswith("606")
    }
    assert len(chicago_zip) == 78
    assert ours == chicago_zip | {"hsds-84526"}  # and Pro Bono Network, Oak Park (60302)
    assert "hsds-132741" in ours  # North Lawndale legal clinic (LAF, 60603)
    words = directory.search(SearchQuery(text="expungement"))
    assert {"hsds-29881", "hsds-77276"} <= {h.resource.id for h in words.hits}


def test_the_database_and_its_hsds_export_work_with_other_tools(
    imported: tuple[Directory, ImportPreview, Path], tmp_path: Path
) -> None:
    import frictionless
    import sqlite_utils

    directory, _, path = imported
    assert sqlite_utils.Database(path)["resources"].detect_fts() == "resources_fts"

    folder = tmp_path / "export"
    written = directory.export_hsds(folder)
    assert written >= 429
    shutil.copy(OFFICIAL / "datapackage.json", folder / "datapackage.json")
    spec = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert all((folder / r["path"]).is_file() for r in spec["resources"])
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_a_service_whose_source_states_no_format_is_not_filed_online(
    imported: tuple[Directory, ImportPreview, Path],
) -> None:
    # ILAO gives no location and no way of delivery for any service (340 have no place at all,
    # 89 only their organization's postal address): a website does not make one "Online".
    directory, preview, _ = imported
    assert {r.format for r in preview.new} == {"unknown"}
    assert (
        "services whose format (online or in person) the source does not state: 429"
        in preview.notes
    )
    values = {v.value: v for v in directory.facets(SearchQuery(text="legal")).get("format", [])}
    matching = directory.search(SearchQuery(text="legal", limit=None)).hits
    stated = sum(h.resource.format == "unknown" for h in matching)
    assert stated > 0 and values["unknown"].count == stated
    assert values["unknown"].label == "Format not stated"


def test_a_place_search_leaves_out_unplaced_services_of_no_stated_format(
    imported: tuple[Directory, ImportPreview, Path],
) -> None:
    directory, _, _ = imported
    [chicago] = [p for p in directory.places("Chicago, IL") if p.region_code == "IL"][:1]
    query = SearchQuery(near=chicago, radius_km=25, include_online=True, limit=None)
    hits = [h for h in directory.search(query).hits if h.resource.id[:5] == "hsds-"]
    assert len(hits) == 79  # the 78 with a Chicago ZIP code and Pro Bono Network, Oak Park
    assert all(h.distance_km is not None for h in hits)
