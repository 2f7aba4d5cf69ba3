"""`cbh-directory export`: the formats by file name, the search options, lists, errors."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
import vobject

from .test_cli import run


@pytest.fixture
def db(curated_db: Path) -> str:
    return str(curated_db)


def test_handout_pdf_near_columbus(db: str, tmp_path: Path, qapp) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "handout.pdf"
    result = run("--db", db, "export", str(path), "--near", "Columbus, OH", "--radius", "100mi")
    assert result.code == 0, result.err
    assert result.out.startswith("Wrote ") and "pages" in result.out
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Support resources" in text
    assert "within 100 miles of Columbus, OH, and groups that meet online" in text
    # Nothing is based within 100 miles, so the handout says so and lists online help.
    assert "Nothing in the directory is based within this distance" in text
    assert "Cure CASK" in text


def test_handout_notes_only_with_notes_and_prepared_by(db: str, tmp_path: Path) -> None:
    run("--db", db, "lists", "new", "Family A")
    run("--db", db, "lists", "add", "Family A", "cure-cask", "--note", "Called Tuesday")
    family = tmp_path / "family.html"
    result = run(
        "--db", db, "export", str(family), "--list", "Family A", "--prepared-by", "Ana Ruiz"
    )
    assert result.code == 0, result.err
    text = family.read_text(encoding="utf-8")
    assert "Called Tuesday" not in text and "Family A" not in text
    assert "Prepared by Ana Ruiz" in text
    staff = tmp_path / "staff.html"
    run("--db", db, "export", str(staff), "--list", "Family A", "--notes")
    text = staff.read_text(encoding="utf-8")
    assert "Called Tuesday" in text and "Prepared by" not in text
    assert "--notes / --no-notes" in run("export", "--help").out


def test_bookmarks_as_vcards(db: str, tmp_path: Path) -> None:
    run("--db", db, "lists", "add", "Bookmarks", "cure-cask", "naf")
    path = tmp_path / "contacts.vcf"
    result = run("--db", db, "export", str(path), "--list", "Bookmarks")
    assert result.out.strip() == f"Wrote 2 resources to {path}"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cards = list(vobject.readComponents(path.read_text(encoding="utf-8"), validate=True))
    assert [c.fn.value for c in cards] == ["Cure CASK", "National Ataxia Foundation"]


def test_csv_with_search_options_columns_and_excel(db: str, tmp_path: Path) -> None:
    path = tmp_path / "groups.csv"
    result = run(
        "--db",
        db,
        "export",
        str(path),
        "CASK",
        "--kind",
        "support_group",
        "--columns",
        "name,website,focus",
        "--excel",
    )
    assert result.code == 0, result.err
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["name", "website", "focus"]
    assert {r["name"] for r in rows} == {
        "Cure CASK",
        "CASK Research UK",
        "Project CASK",
        "Association Enfants CASK France",
    }


def test_html_and_json(db: str, tmp_path: Path) -> None:
    html_path = tmp_path / "handout.html"
    assert (
        run("--db", db, "export", str(html_path), "--focus", "CHARGE", "--title", "For Sam").code
        == 0
    )
    text = html_path.read_text(encoding="utf-8")
    assert "<h1>For Sam</h1>" in text and "CHARGE Syndrome Foundation" in text
    json_path = tmp_path / "data.json"
    assert run("--db", db, "export", str(json_path), "--kind", "school_guide").code == 0
    assert '"format": "cbh-directory"' in json_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "out.docx"], "cannot tell the format"),
        (["export", "out.csv", "--columns", "name,shoe"], "unknown column 'shoe'"),
        (["export", "out.csv", "--list", "Nobody"], "no list named 'Nobody'"),
        (["export", "out.pdf", "--near", "Qqqxxzz"], "unknown place"),
        (["export", "out.pdf", "--paper", "tabloid"], "tabloid"),
        (["export", "/no/such/folder/out.csv"], "cannot write"),
    ],
)
def test_export_errors(db: str, tmp_path: Path, args: list[str], message: str, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--db", db, *args)
    assert result.code in (1, 2)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.err
    assert not any(tmp_path.glob("out.*"))
