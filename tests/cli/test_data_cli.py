"""`import`, `edit`, `db backup|backups|restore` and `search --needs-review`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from cbh_directory.domain.date_words import date_words
from cbh_directory.domain.dates import period_start

from ..conftest import CURATED_ACTIVE, DATA
from .test_cli import run


@pytest.fixture
def db(curated_db: Path) -> str:
    return str(curated_db)


def test_import_csv_dry_run_then_for_real(db: str) -> None:
    csv_file = str(DATA / "import" / "contacts.csv")
    dry = run("--db", db, "import", csv_file, "--dry-run")
    assert dry.code == 0, dry.err
    assert dry.out.splitlines()[0] == "contacts.csv: 3 new, 0 changed, 0 unchanged, 1 rejected"
    assert "rejected: line 5, name: is required" in dry.out
    assert "Dry run: nothing was changed." in dry.err
    assert run("--db", db, "stats", "--json").json()["resources"] == CURATED_ACTIVE
    done = run("--db", db, "import", csv_file, "--map", "Notes=description")
    assert "Imported: 3 resources written." in done.err
    shown = run("--db", db, "show", "synthetic-iep-helpers", "--json").json()
    assert shown["description"] == "Helps with IEPs, 504 plans" and shown["kind"] == "school_guide"
    again = run("--db", db, "import", csv_file, "--json", "--dry-run").json()
    assert again["unchanged"] == 3 and again["new"] == []


def test_import_errors(db: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("city\nColumbus\n")
    result = run("--db", db, "import", str(bad))
    assert result.code == 2 and "no column is mapped to the name" in result.err
    result = run("--db", db, "import", str(DATA / "import" / "contacts.csv"), "--map", "Nope=name")
    assert result.code == 2 and "--map 'Nope=name'" in result.err


def test_edit_verify_archive_and_revert(db: str) -> None:
    result = run(
        "--db",
        db,
        "edit",
        "cure-cask",
        "--set",
        "phone=(614) 555-0100",
        "--set",
        "tags=cask;research",
    )
    assert result.code == 0, result.err
    assert "phone: yours '+16145550100'; directory ''" in result.out
    shown = run("--db", db, "show", "cure-cask", "--json").json()
    assert shown["phone"] == "+16145550100" and shown["tags"] == ["cask", "research"]
    assert re.search(r"^Phone:\s+\(614\) 555-0100$", run("--db", db, "show", "cure-cask").out, re.M)
    run("--db", db, "edit", "cure-cask", "--revert", "phone")
    assert run("--db", db, "show", "cure-cask", "--json").json()["phone"] == ""
    run("--db", db, "edit", "project-cask", "--verified")
    review = run("--db", db, "search", "--needs-review", "--json").json()
    assert "project-cask" not in {r["id"] for r in review}
    dates = [r["last_verified"] for r in review]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, key=period_start)  # oldest first ...
    assert dates == dated + [""] * (len(dates) - len(dated))  # ... then "date unknown"
    run("--db", db, "edit", "project-cask", "--archive")
    assert run("--db", db, "stats", "--json").json()["resources"] == CURATED_ACTIVE - 1
    bad = run("--db", db, "edit", "cure-cask", "--set", "email=nope")
    assert bad.code == 2 and "email" in bad.err


def test_a_check_from_the_command_line_is_signed(db: str) -> None:
    today = date_words(dt.date.today().isoformat())
    done = run("--db", db, "edit", "fnd-family-star", "--verified", "--by", "J. D.")
    assert done.code == 0, done.err
    assert f"  Checked by J. D. on {today}" in done.out.splitlines()
    assert "evidence" not in done.out  # the edit is the check, not a dump of the evidence
    shown = run("--db", db, "show", "fnd-family-star").out
    assert re.search(rf"^\s+Checked by J\. D\. on {today}$", shown, re.M)
    assert re.search(r"^Verified:\s+Date unknown — the sources show no date", shown, re.M)
    assert re.search(r"^Phone:\s+\(800\) 825-5736 — Toll-free line \(the source", shown, re.M)
    lonely = run("--db", db, "edit", "fnd-family-star", "--by", "JD")
    assert lonely.code == 2 and "--by goes with --verified" in lonely.err
    long = run("--db", db, "edit", "fnd-family-star", "--verified", "--by", "x" * 61)
    assert long.code == 2 and "at most 60 characters" in long.err


def test_db_backup_backups_and_restore(db: str, tmp_path: Path) -> None:
    made = run("--db", db, "db", "backup")
    assert made.code == 0 and made.out.startswith("Backed up to ")
    run("--db", db, "lists", "new", "After the backup")
    listed = run("--db", db, "db", "backups").out.splitlines()
    assert listed and listed[0].endswith(".sqlite3")
    restored = run("--db", db, "db", "restore", "--latest")
    assert restored.code == 0, restored.err
    assert "After the backup" not in run("--db", db, "lists").out
    to_file = tmp_path / "copy.sqlite3"
    assert run("--db", db, "db", "backup", str(to_file)).code == 0 and to_file.exists()
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database")
    refused = run("--db", db, "db", "restore", str(bogus))
    assert refused.code == 2 and "not an SQLite database" in refused.err


def test_a_damaged_database_points_to_the_latest_backup(db: str) -> None:
    run("--db", db, "db", "backup")
    path = Path(db)
    data = bytearray(path.read_bytes())
    data[100 : 4096 * 6] = b"\x00" * (4096 * 6 - 100)
    path.write_bytes(bytes(data))
    result = run("--db", db, "stats")
    assert result.code == 1
    assert "cbh-directory db restore --latest" in result.err
    assert len(result.err.strip().splitlines()) == 1
    fixed = run("--db", db, "db", "restore", "--latest")
    assert fixed.code == 0, fixed.err
    assert "the damaged database was moved to" in fixed.out
    assert run("--db", db, "stats", "--json").json()["resources"] == CURATED_ACTIVE
