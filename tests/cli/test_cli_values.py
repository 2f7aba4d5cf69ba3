"""Values typed on the command line as people type them: labels, synonyms, codes, any case;
an unknown value is an error with close suggestions, never a silent empty result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli import run


@pytest.fixture
def db(curated_db: Path) -> str:
    return str(curated_db)


def _total(db: str, *args: str) -> int:
    result = run("--db", db, "search", *args, "--json")
    assert result.code == 0, result.err
    return len(result.json())


@pytest.mark.parametrize(
    ("option", "spellings"),
    [
        ("--language", ["es", "Spanish", "español", "ES", "espanol"]),
        ("--country", ["US", "USA", "United States", "us"]),
        ("--region", ["US/Kentucky", "Kentucky", "KY", "US-KY", "kentucky"]),
        ("--moderation", ["peer", "Peer", "PEER", "Peer moderated"]),
        ("--kind", ["support_group", "Support group", "support groups"]),
        ("--focus", ["dandy-walker", "Dandy Walker", "Dandy-Walker malformation"]),
    ],
)
def test_every_spelling_finds_the_same(db: str, option: str, spellings: list[str]) -> None:
    counts = {s: _total(db, option, s) for s in spellings}
    assert len(set(counts.values())) == 1, counts
    assert next(iter(counts.values())) > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--focus", "Dandy Walkr"), "did you mean: Dandy-Walker?"),
        (("--language", "Spanosh"), "did you mean: Spanish"),
        (("--country", "Frnace"), "did you mean: France?"),
        (("--region", "Kentuky"), "did you mean: Kentucky"),
        (("--region", "WA"), "AU-WA (Western Australia), US-WA (Washington)"),
        (("--moderation", "moderated by cats"), "unknown moderation"),
    ],
)
def test_an_unknown_value_is_an_error_with_suggestions(
    db: str, args: tuple[str, ...], message: str
) -> None:
    result = run("--db", db, "search", *args)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


def test_list_names_match_in_any_case_and_unknown_ones_suggest(db: str) -> None:
    assert run("--db", db, "lists", "new", "Family A").code == 0
    assert run("--db", db, "lists", "add", "family a", "cure-cask").code == 0
    shown = run("--db", db, "lists", "show", "FAMILY A")
    assert shown.code == 0 and "Cure CASK" in shown.out
    wrong = run("--db", db, "lists", "show", "Famly A")
    assert wrong.code == 2 and "did you mean: Family A?" in wrong.err


def test_an_unknown_resource_id_suggests_names(db: str) -> None:
    result = run("--db", db, "show", "cure-cas")
    assert result.code != 0
    assert "did you mean: cure-cask (Cure CASK)" in result.err
    by_name = run("--db", db, "show", "joubert")
    assert "jsrdf (Joubert Syndrome & Related Disorders Foundation)" in by_name.err


def test_the_bare_command_prints_the_help() -> None:
    result = run()
    assert result.code == 0
    assert result.out.startswith("Usage: cbh-directory")
    assert "search" in result.out and "Missing command" not in result.out + result.err


def test_edit_set_with_an_unknown_field_lists_the_fields(db: str) -> None:
    result = run("--db", db, "edit", "cure-cask", "--set", "fone=555-0100")
    assert result.code == 2
    assert "unknown field 'fone' (did you mean phone" in result.err
    assert "the fields are: name, kind," in result.err and "website, email, phone" in result.err


def test_search_echoes_how_it_read_the_words_and_explains_nothing(db: str) -> None:
    read = run("--db", db, "search", "CASK", "support", "group")
    assert 'Searching for: text "CASK" + Kind: Support group' in read.err
    assert "Cure CASK" in read.out
    empty = run("--db", db, "search", "CASK", "--moderation", "peer", "--near", "Columbus, OH")
    assert "No resources match all of: CASK; Peer moderated; near Columbus, OH" in empty.err
    assert 'Without "Peer moderated": ' in empty.err and 'Without "CASK": ' in empty.err
    assert "Closest partial matches" in empty.out and "Cure CASK" in empty.out
    assert "0 of 0 matching" not in empty.err


def test_a_place_handout_leaves_out_groups_serving_only_another_country(
    db: str, tmp_path: Path
) -> None:
    target = tmp_path / "columbus.json"
    result = run("--db", db, "export", str(target), "--near", "Columbus, OH", "--radius", "100mi")
    assert result.code == 0, result.err
    exported = json.loads(target.read_text("utf-8"))["resources"]
    online = [r for r in exported if r["format"] in ("online", "hybrid") and r["serves"]]
    assert online, "online groups serving Ohio stay in"
    for record in online:
        assert {"world", "US", "US-OH"} & set(record["serves"]) or record["latitude"], record["id"]
    assert not {"cask-research", "swan-uk", "swan-australia", "pch-familie"} & {
        r["id"] for r in exported
    }
