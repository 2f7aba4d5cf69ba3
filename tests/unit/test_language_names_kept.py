"""Languages no code is known for are kept as the source wrote them: stored, shown, exported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cbh_directory.domain.describe import detail_lines
from cbh_directory.domain.errors import ValidationError
from cbh_directory.domain.validation import normalise_resource
from cbh_directory.exchange.csv_export import write_csv
from cbh_directory.exchange.export_set import ExportEntry, ExportSet
from cbh_directory.exchange.hsds_read import read_hsds
from cbh_directory.exchange.hsds_write import write_hsds


def _resource(languages: list[str]) -> dict[str, object]:
    return {"id": "clinic", "name": "Clinic", "kind": "local_service", "languages": languages}


def test_codes_names_and_unknown_names_each_find_their_form() -> None:
    resource = normalise_resource(_resource(["ES", "English", "Karen", "Chin (Hakha)", "es"]))
    assert resource.languages == ["es", "en", "Karen", "Chin (Hakha)"]


@pytest.mark.parametrize("bad", ["2nd language", "English; Spanish", "x" * 61, "<b>"])
def test_what_cannot_be_a_language_is_still_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        normalise_resource(_resource([bad]), strict=True)


def test_a_kept_name_shows_in_details_and_survives_both_exports(tmp_path: Path) -> None:
    resource = normalise_resource(_resource(["en", "Karen"]))
    assert ("Languages", "English, Karen") in detail_lines(resource)

    write_hsds(tmp_path / "hsds", [resource])
    with (tmp_path / "hsds" / "languages.csv").open(encoding="utf-8") as f:
        rows = {r["name"]: r["code"] for r in csv.DictReader(f)}
    assert rows == {"English": "en", "Karen": ""}
    again = read_hsds(tmp_path / "hsds")
    assert again.resources[0].languages == ["en", "Karen"]

    write_csv(tmp_path / "out.csv", ExportSet("Clinics", "", [ExportEntry(resource)]))
    assert "Karen" in (tmp_path / "out.csv").read_text(encoding="utf-8")
