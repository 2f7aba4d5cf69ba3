"""Nothing is lost without a word: misspelt --map fields, cut list notes, look-alike list
names (issue 11, item 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cbh_directory.domain.errors import InputError
from cbh_directory.service import Directory

from ..cli.test_cli import run
from ..conftest import DATA


def test_a_misspelt_field_in_map_is_an_error_that_lists_the_fields(curated_db: Path) -> None:
    db = str(curated_db)
    source = str(DATA / "import" / "contacts.csv")
    result = run("--db", db, "import", source, "--map", "Notes=descripton")
    assert result.code == 2, result.err
    assert "descripton" in result.err and "description" in result.err, result.err
    assert run("--db", db, "show", "synthetic-iep-helpers").code != 0, "nothing imported"
    unknown = run("--db", db, "import", source, "--map", "Nots=description")
    assert unknown.code == 2 and "Organization" in unknown.err and "Notes" in unknown.err


def test_a_list_import_says_what_it_cut(synthetic_db: Path, tmp_path: Path) -> None:
    payload = {
        "format": "cbh-directory-list",
        "format_version": 1,
        "name": "R" * 200,
        "note": "n" * 25_000,
        "items": [{"id": "test-cask-peers", "note": "x" * 30_000}],
    }
    path = tmp_path / "long.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    result = run("--db", str(synthetic_db), "lists", "import", str(path))
    assert result.code == 0, result.err
    assert "list name was cut to 120" in result.out, result.out
    assert "cut to 20,000 characters" in result.out and "test-cask-peers" in result.out


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Café visits", "Cafe\u0301 visits"),  # NFC and NFD
        ("ÉCOLE", "école"),  # case beyond ASCII
        ("Straße", "STRASSE"),  # full case folding
        ("Rivera  family", " rivera family "),  # spaces
    ],
)
def test_list_names_that_look_the_same_name_the_same_list(
    synthetic: Directory, first: str, second: str
) -> None:
    synthetic.create_list(first)
    with pytest.raises(InputError, match="already a list"):
        synthetic.create_list(second)
    assert synthetic.list_info(second).name == " ".join(first.split())


@pytest.mark.parametrize("name", ["\u200b", " \u200b\u200c ", "\u2800", "\x1b", "\u3164"])
def test_a_list_name_that_cannot_be_seen_is_refused(synthetic: Directory, name: str) -> None:
    with pytest.raises(InputError):
        synthetic.create_list(name)


def test_list_names_are_stored_in_nfc(synthetic: Directory) -> None:
    created = synthetic.create_list("Cafe\u0301")
    assert created.name == "Café"
