"""`cbh-directory lists` and its subcommands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli import run


@pytest.fixture
def db(curated_db: Path) -> str:
    return str(curated_db)


def test_a_list_from_new_to_show(db: str) -> None:
    assert run("--db", db, "lists").out.split() == ["0", "Bookmarks"]
    assert run("--db", db, "lists", "new", "Rivera family", "--note", "March visit").code == 0
    added = run("--db", db, "lists", "add", "Rivera family", "cure-cask", "national-cmv-foundation")
    assert added.out.strip() == "Added 2 to 'Rivera family'"
    again = run("--db", db, "lists", "add", "rivera family", "cure-cask")
    assert "already there" in again.out
    assert (
        run("--db", db, "lists", "note", "Rivera family", "call Monday", "--item", "cure-cask").code
        == 0
    )
    shown = run("--db", db, "lists", "show", "Rivera family", "--json").json()
    assert shown["name"] == "Rivera family" and shown["note"] == "March visit"
    assert [(i["id"], i["name"], i["note"]) for i in shown["items"]] == [
        ("cure-cask", "Cure CASK", "call Monday"),
        ("national-cmv-foundation", "National CMV Foundation", ""),
    ]
    text = run("--db", db, "lists", "show", "Rivera family").out
    assert text.splitlines()[0] == "Rivera family — March visit"
    assert "1. Cure CASK (cure-cask)" in text and "note: call Monday" in text
    listing = run("--db", db, "lists", "--json").json()
    assert {"name": "Rivera family", "note": "March visit", "count": 2, "kind": "user"} in listing
    removed = run("--db", db, "lists", "remove", "Rivera family", "cure-cask")
    assert removed.out.strip() == "Removed 1 from 'Rivera family'"


def test_rename_and_delete(db: str) -> None:
    run("--db", db, "lists", "new", "Old name")
    assert run("--db", db, "lists", "rename", "Old name", "New name").code == 0
    assert (
        run("--db", db, "lists", "delete", "New name", "--yes").out.strip() == "Deleted 'New name'"
    )
    assert run("--db", db, "lists").out.split() == ["0", "Bookmarks"]


def test_export_and_import_round_trip(db: str, tmp_path: Path) -> None:
    run("--db", db, "lists", "new", "Chen family")
    run("--db", db, "lists", "add", "Chen family", "pacer", "wrightslaw")
    path = tmp_path / "chen.json"
    assert run("--db", db, "lists", "export", "Chen family", str(path)).code == 0
    fresh = str(tmp_path / "fresh.sqlite3")
    dry = run("--db", fresh, "lists", "import", str(path), "--dry-run")
    assert dry.out.startswith("Would import 'Chen family' (new list): 2 added")
    assert run("--db", fresh, "lists").out.split() == ["0", "Bookmarks"]
    done = run("--db", fresh, "lists", "import", str(path))
    assert done.out.startswith("Imported 'Chen family' (new list): 2 added")
    shown = run("--db", fresh, "lists", "show", "Chen family", "--json").json()
    assert [i["id"] for i in shown["items"]] == ["pacer", "wrightslaw"]
    assert json.loads(path.read_text())["items"][0]["name"] == "PACER Center"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lists", "show", "Nobody"], "no list named 'Nobody'"),
        (["lists", "add", "Nobody", "cure-cask"], "no list named 'Nobody'"),
        (["lists", "add", "Bookmarks", "not-a-resource"], "no resource with id 'not-a-resource'"),
        (
            ["lists", "remove", "Bookmarks", "cure-cask"],
            "'cure-cask' is not in the list 'Bookmarks'",
        ),
        (["lists", "new", "bookmarks"], "already a list named"),
        (["lists", "new", "  "], "needs a name"),
        (["lists", "delete", "Bookmarks", "--yes"], "cannot be deleted"),
        (["lists", "rename", "Bookmarks", "Stars"], "cannot be renamed"),
        (["lists", "import", "/no/such/file.json"], "no such file"),
        (["lists", "note", "Bookmarks", "hi", "--item", "cure-cask"], "not in this list"),
        (["lists", "add", "Bookmarks"], "Missing argument"),
    ],
)
def test_list_errors_are_one_line_and_exit_2(db: str, args: list[str], message: str) -> None:
    result = run("--db", db, *args)
    assert result.code == 2, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.err


def test_an_unknown_id_adds_nothing(db: str) -> None:
    run("--db", db, "lists", "new", "Family")
    result = run("--db", db, "lists", "add", "Family", "cure-cask", "typo-id")
    assert result.code == 2
    assert run("--db", db, "lists", "show", "Family", "--json").json()["items"] == []
