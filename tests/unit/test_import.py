"""Importing: CSV with a column mapping, the app's JSON; preview first, then all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cbh_directory.domain.errors import DatasetError
from cbh_directory.domain.imports import ImportOptions
from cbh_directory.exchange.csv_import import guess_mapping, header_key
from cbh_directory.exchange.exporter import export
from cbh_directory.service import Directory

from ..conftest import CURATED_ACTIVE, DATA

CSV = DATA / "import" / "contacts.csv"


def test_column_names_are_guessed() -> None:
    mapping = guess_mapping(["Organization", "Type", "Web", "Zip", "E-mail", "Notes", "Lat", "Lng"])
    assert mapping == {
        "Organization": "name",
        "Type": "kind",
        "Web": "website",
        "Zip": "postal_code",
        "E-mail": "email",
        "Notes": "",
        "Lat": "latitude",
        "Lng": "longitude",
    }


def test_csv_preview_then_apply(synthetic: Directory) -> None:
    preview = synthetic.preview_import(CSV)
    assert [r.name for r in preview.new] == [
        "SYNTHETIC Parents of Ataxia Kids",
        "SYNTHETIC IEP Helpers",
        "SYNTHETIC No Name Row",
    ]
    assert [(x.row, x.field) for x in preview.rejected] == [("line 5", "name")]
    ataxia, iep, _ = preview.new
    assert ataxia.kind == "support_group" and ataxia.focus == ["ataxia", "friedreich-ataxia"]
    assert ataxia.phone == "+16145550101" and ataxia.country == "US" and ataxia.region == "Ohio"
    assert iep.kind == "school_guide" and iep.phone == "+19375550102"  # apostrophe undone
    assert iep.description == ""  # "Notes" is not mapped unless the user says so
    assert synthetic.total() == 7, "the preview wrote nothing"

    assert synthetic.apply_import(preview) == 3
    assert synthetic.total() == 10
    # No coordinates in the file: they come from the ZIP code, so "near" searches find it.
    assert synthetic.resource(ataxia.id).latitude == pytest.approx(39.967, abs=0.01)
    assert "places found for 2 resources" in " ".join(preview.notes)  # the third has no place
    again = synthetic.preview_import(CSV)
    assert again.unchanged == 3 and not again.new and not again.changed


def test_a_chosen_mapping_is_used_and_remembered(synthetic: Directory) -> None:
    headers = synthetic.csv_headers(CSV)
    mapping = synthetic.csv_mapping(headers)
    mapping["Notes"] = "description"
    preview = synthetic.preview_import(CSV, ImportOptions(csv_mapping=mapping))
    assert preview.new[1].description == "Helps with IEPs, 504 plans"
    synthetic.apply_import(preview, csv_mapping=mapping)
    assert synthetic.csv_mapping(headers)["Notes"] == "description"
    assert header_key(headers) != header_key(headers[:-1])  # another file, another memory


def test_changes_are_listed_field_by_field(synthetic: Directory, tmp_path: Path) -> None:
    path = tmp_path / "changed.json"
    payload = {
        "format": "cbh-directory",
        "format_version": 1,
        "dataset_version": "0",
        "resources": [
            {
                **synthetic.resource("test-uk-aid").to_dict(),
                "phone": "+44 161 496 0000",
                "cost": "low",
            },
            {**synthetic.resource("test-iep-guide").to_dict()},
            {"id": "Bad Id!", "name": "x", "kind": "support_group"},
        ],
    }
    path.write_text(json.dumps(payload), encoding="utf-8")
    preview = synthetic.preview_import(path)
    assert preview.unchanged == 1 and not preview.new
    ((changed, changes),) = preview.changed
    assert changed.id == "test-uk-aid"
    assert {(c.field, c.old, c.new) for c in changes} == {
        ("phone", "", "+441614960000"),
        ("cost", "free", "low"),
    }
    assert (preview.rejected[0].row, preview.rejected[0].field) == ("resource #3", "id")
    synthetic.apply_import(preview)
    # A correction to a curated entry is kept as a local edit, so a dataset update keeps it.
    assert synthetic.local_edits("test-uk-aid")["cost"] == ("low", "free")


def test_local_edits_win_over_an_import(synthetic: Directory, tmp_path: Path) -> None:
    synthetic.edit_resource("test-iep-guide", {"description": "Our own words."})
    path = tmp_path / "data.json"
    export(path, synthetic.export_set())
    payload = json.loads(path.read_text())
    for item in payload["resources"]:
        if item["id"] == "test-iep-guide":
            item["description"] = "The source's new words."
    path.write_text(json.dumps(payload))
    preview = synthetic.preview_import(path)
    assert ("test-iep-guide", "description", "The source's new words.") in preview.kept_local
    synthetic.apply_import(preview)
    assert synthetic.resource("test-iep-guide").description == "Our own words."
    assert synthetic.local_edits("test-iep-guide")["description"][1] == "The source's new words."


def test_export_then_import_csv_round_trips(curated: Directory, tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    export(path, curated.export_set())
    preview = curated.preview_import(path)
    assert (
        preview.unchanged == CURATED_ACTIVE
        and not preview.new
        and not preview.changed
        and not preview.rejected
    )


def test_export_for_excel_then_import_round_trips(curated: Directory, tmp_path: Path) -> None:
    from cbh_directory.domain.exports import ExportOptions

    path = tmp_path / "excel.csv"
    export(path, curated.export_set(), ExportOptions(excel=True))
    preview = curated.preview_import(path)
    assert preview.unchanged == CURATED_ACTIVE and not preview.changed


def test_windows_1252_text_is_read(synthetic: Directory) -> None:
    mapping = {"Nom": "name", "Ville": "city"}
    preview = synthetic.preview_import(
        DATA / "import" / "cp1252.csv", ImportOptions(csv_mapping=mapping)
    )
    assert [r.name for r in preview.new] == [
        "SYNTHETIC Café des Parents",
        "SYNTHETIC Groupe d’entraide",
    ]
    assert preview.new[0].city == "Montréal"
    assert "windows-1252" in preview.notes[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "not a text file"),
        (b"city,phone\nColumbus,1\n", "no column is mapped to the name"),
        (b'name,kind\n"unclosed,support_group\n', "line"),
        (b"name,name\nA,B\n", "same name"),
        (b"name\n" + b"x" * 1_100_000 + b"\n", "field larger than field limit"),
    ],
)
def test_bad_csv_files_give_a_clear_error_and_change_nothing(
    synthetic: Directory, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(DatasetError, match=message):
        synthetic.preview_import(path)
    assert synthetic.total() == 7


def test_duplicate_ids_in_a_file_are_rejected(synthetic: Directory, tmp_path: Path) -> None:
    path = tmp_path / "dupes.csv"
    path.write_text("id,name,kind\nsame,First,support_group\nsame,Second,support_group\n")
    preview = synthetic.preview_import(path)
    assert [r.name for r in preview.new] == ["First"]
    assert preview.rejected[0].reason == "'same' appears twice"


def test_an_import_backs_up_first_and_is_all_or_nothing(
    synthetic: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cbh_directory.store import importer

    preview = synthetic.preview_import(CSV)

    def fail_after_the_inserts(*args, **kwargs):
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(importer, "refresh_snapshots", fail_after_the_inserts)
    before = len(synthetic.backups())
    with pytest.raises(RuntimeError):
        synthetic.apply_import(preview)
    assert synthetic.total() == 7, "nothing of the failed import remains"
    assert len(synthetic.backups()) == before + 1


def test_unknown_file_types_are_refused(synthetic: Directory, tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK")
    with pytest.raises(DatasetError, match="cannot tell how to import"):
        synthetic.preview_import(path)
    with pytest.raises(DatasetError, match="no such file"):
        synthetic.preview_import(tmp_path / "missing.csv")


def test_wrong_json_types_are_rejected_by_field(synthetic: Directory, tmp_path: Path) -> None:
    """Found by the import fuzzer: a JSON value of the wrong type is a rejection, not a crash."""
    good = {"id": "synthetic-typed", "name": "SYNTHETIC Typed", "kind": "support_group"}
    bad = [
        {**good, "id": "a", "alternate_names": False},
        {**good, "id": "b", "latitude": True, "longitude": 3},
        {**good, "id": "c", "description": {"nested": 1}},
        {**good, "id": "d", "focus": [["cask"]]},
        {**good, "id": "e", "latitude": 10**400, "longitude": 1},
    ]
    path = tmp_path / "typed.json"
    path.write_text(json.dumps({"format": "cbh-directory", "resources": [good, *bad]}))
    preview = synthetic.preview_import(path)
    assert [r.id for r in preview.new] == ["synthetic-typed"]
    fields = {x.field for x in preview.rejected}
    assert {"alternate_names", "latitude", "description", "focus"} <= fields
