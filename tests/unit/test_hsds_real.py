"""Real HSDS exports nobody here wrote, and packages laid out the ways real ones are."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from cbh_directory.domain.errors import DatasetError
from cbh_directory.exchange.hsds_read import read_hsds

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
