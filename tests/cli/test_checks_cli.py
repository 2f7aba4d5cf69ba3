"""`check` and `checks` (issue 15): record, list, share; bad input is one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_cli import run


@pytest.fixture
def db(curated_db: Path) -> str:
    return str(curated_db)


def test_check_then_checks_and_show(db: str) -> None:
    done = run(
        "--db",
        db,
        "check",
        "cure-cask",
        "--moderation",
        "peer",
        "--activity",
        "high",
        "--note",
        "Two moderators answered within hours",
        "--by",
        "JS",
        "--evidence",
        "https://example.org/forum",
    )
    assert done.code == 0, done.err
    assert "Moderation: Peer moderated — checked by you today" in done.out
    listed = run("--db", db, "checks", "cure-cask", "--json").json()
    assert [(c["by"], c["moderation"], c["activity"]) for c in listed] == [("JS", "peer", "high")]
    assert listed[0]["evidence"] == "https://example.org/forum"
    text = run("--db", db, "checks", "cure-cask").out
    assert "Peer moderated; Very active." in text and "Two moderators" in text
    shown = run("--db", db, "show", "cure-cask").out
    assert "Moderation:      Peer moderated — checked by you today" in shown
    facets = run("--db", db, "search", "--moderation", "peer", "--json").json()
    assert "cure-cask" in [r["id"] for r in facets]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["check", "no-such-id", "--moderation", "peer", "--activity", "high", "--by", "JS"],
            "no resource with id",
        ),
        (
            ["check", "cure-cask", "--moderation", "strict", "--activity", "high", "--by", "JS"],
            "--moderation",
        ),
        (
            [
                "check",
                "cure-cask",
                "--moderation",
                "peer",
                "--activity",
                "high",
                "--by",
                "JS",
                "--on",
                "2999-01-01",
            ],
            "in the future",
        ),
        (
            [
                "check",
                "cure-cask",
                "--moderation",
                "peer",
                "--activity",
                "high",
                "--by",
                "JS",
                "--evidence",
                "ftp://example.org",
            ],
            "http",
        ),
        (["check", "cure-cask", "--moderation", "peer", "--activity", "high"], "--by"),
    ],
)
def test_bad_input_is_one_line_and_stores_nothing(db: str, args: list[str], words: str) -> None:
    result = run("--db", db, *args)
    assert result.code == 2 and words in result.err and len(result.err.splitlines()) == 1
    assert run("--db", db, "checks", "cure-cask", "--json").json() == []


def test_export_and_import_between_two_databases(
    db: str, curated_template: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    other.write_bytes(curated_template.read_bytes())
    run("--db", db, "check", "cure-cask", "--moderation", "peer", "--activity", "low", "--by", "JS")
    assert run("--db", db, "checks", "export", str(tmp_path / "c.json")).code == 0
    first = run("--db", str(other), "checks", "import", str(tmp_path / "c.json"))
    assert first.code == 0 and "Added 1 check-ups; 0 were already here" in first.out
    again = run("--db", str(other), "checks", "import", str(tmp_path / "c.json"))
    assert "Added 0 check-ups; 1 were already here" in again.out
    assert run("--db", str(other), "checks", "cure-cask", "--json").json()[0]["by"] == "JS"


def test_needed_lists_bookmarked_groups_first(db: str) -> None:
    assert run("--db", db, "lists", "add", "Bookmarks", "sibs-uk").code == 0
    needed = run("--db", db, "checks", "needed", "--json").json()
    assert needed[0]["id"] == "sibs-uk" and needed[0]["uses"] == 1
    run("--db", db, "check", "sibs-uk", "--moderation", "peer", "--activity", "high", "--by", "J")
    assert "sibs-uk" not in [n["id"] for n in run("--db", db, "checks", "needed", "--json").json()]


def test_stats_count_check_ups(db: str) -> None:
    before = run("--db", db, "stats", "--json").json()["checkups"]
    assert before["checkups"] == 0 and before["groups_checked"] == 0
    run("--db", db, "check", "cure-cask", "--moderation", "peer", "--activity", "high", "--by", "J")
    after = run("--db", db, "stats", "--json").json()["checkups"]
    assert after == {
        "checkups": 1,
        "groups_checked": 1,
        "groups_waiting": before["groups_waiting"] - 1,
    }
    assert "Check-ups:      1 (1 groups checked recently" in run("--db", db, "stats").out
