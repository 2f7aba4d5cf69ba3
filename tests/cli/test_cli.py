"""Every CLI command, its output formats and its errors (one line on stderr, exit status 2)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cbh_directory.cli import cli, main

from ..conftest import BUNDLED, CURATED_ACTIVE

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


def run(*args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def db(curated_db: Path) -> str:
    return str(curated_db)


def test_search_cask_support_groups_lists_the_cask_family_organisations(db: str) -> None:
    result = run("--db", db, "search", "CASK", "--kind", "support_group", "--json")
    assert result.code == 0, result.err
    records = result.json()
    ids = {r["id"] for r in records}
    assert {"cure-cask", "cask-research", "project-cask", "enfants-cask-france"} <= ids
    for record in records:
        assert record["kind"] == "support_group"
        assert "CASK" in record["focus"]
        assert {"id", "name", "kind", "focus"} <= set(record)


def test_search_near_columbus_sorted_by_distance(db: str) -> None:
    result = run(
        "--db",
        db,
        "search",
        "--near",
        "Columbus, OH",
        "--radius",
        "600mi",
        "--sort",
        "distance",
        "--no-online",
        "--json",
    )
    assert result.code == 0, result.err
    records = result.json()
    assert len(records) >= 10
    distances = [r["distance_km"] for r in records]
    assert distances == sorted(distances)
    assert max(distances) <= 600 * 1.609344
    cities = {r["city"] for r in records}
    assert "Chicago" in cities and "Pittsburgh" in cities


def test_online_groups_serving_the_place_join_location_results_by_default(db: str) -> None:
    args = ("--db", db, "search", "--near", "43215", "--radius", "100mi", "--json")
    near = run(*args, "--no-online")
    with_online = run(*args)
    assert all(r["distance_km"] is not None for r in near.json())
    online_only = [r for r in with_online.json() if r["distance_km"] is None]
    assert online_only and all(r["format"] in ("online", "hybrid") for r in online_only)
    # Local means local: every online group kept serves the US, Ohio or the world.
    for record in online_only:
        assert {"world", "US", "US-OH"} & set(record["serves"]), record


def test_search_export_and_window_share_the_online_default() -> None:
    from cbh_directory.cli.main import cli
    from cbh_directory.domain.model import SearchQuery

    for command in ("search", "export"):
        option = next(p for p in cli.commands[command].params if p.name == "include_online")
        assert option.default is SearchQuery().include_online is True
        assert "share this default" in (option.help or "")
    help_text = run("search", "--help").out
    assert "--online / --no-online" in help_text
    assert "[default:" in help_text.split("--no-online")[1].split("--inactive")[0]


def test_places_43215(db: str) -> None:
    result = run("--db", db, "places", "43215", "--json")
    assert result.code == 0
    place = result.json()[0]
    assert place["latitude"] == pytest.approx(39.96, abs=0.01)
    assert place["longitude"] == pytest.approx(-83.00, abs=0.01)


def test_places_text_output_and_words(db: str) -> None:
    result = run("--db", db, "places", "columbus", "ohio")
    assert result.out.splitlines()[0].startswith("Columbus, OH, United States")


def test_search_table_output(db: str) -> None:
    result = run("--db", db, "search", "ataxia")
    assert result.code == 0
    assert result.out.splitlines()[0].startswith("Name")
    assert "National Ataxia Foundation" in result.out
    assert re.search(r"\d+-\d+ of \d+ matching resources", result.err)


def test_search_csv_output_is_parseable_and_safe(db: str) -> None:
    result = run("--db", db, "search", "--kind", "school_guide", "--csv", "--limit", "11")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 11
    assert rows[0].keys() >= {"id", "name", "kind", "focus", "website"}


def test_search_csv_neutralises_formulas(db: str) -> None:
    from cbh_directory.service import Directory

    with Directory.open(db) as directory:
        directory.create_resource(
            {"name": '=HYPERLINK("http://evil.example","Click")', "kind": "support_group"}
        )
    result = run("--db", db, "search", "HYPERLINK", "--csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["name"] for r in rows] == ['\'=HYPERLINK("http://evil.example","Click")']


def test_search_facets(db: str) -> None:
    facets = run(
        "--db", db, "search", "--facets", "--json", "--focus", "cerebellar-hypoplasia"
    ).json()
    kinds = {v["value"]: v["count"] for v in facets["kind"]}
    assert kinds["support_group"] >= 8
    assert kinds["school_guide"] == 0


def test_focus_accepts_labels_and_synonyms(db: str) -> None:
    by_id = {
        r["id"] for r in run("--db", db, "search", "--focus", "congenital-cmv", "--json").json()
    }
    by_synonym = {
        r["id"] for r in run("--db", db, "search", "--focus", "cytomegalovirus", "--json").json()
    }
    assert by_id == by_synonym == {"national-cmv-foundation", "cmv-action"}


def test_show_text_and_json(db: str) -> None:
    text = run("--db", db, "show", "cure-cask")
    assert text.code == 0
    assert text.out.startswith("Name:")
    assert "Moderation:" in text.out
    data = run("--db", db, "show", "cure-cask", "--json").json()
    assert data["id"] == "cure-cask" and data["focus"] == ["CASK"]


def test_stats(db: str) -> None:
    data = run("--db", db, "stats", "--json").json()
    assert data["resources"] == CURATED_ACTIVE
    assert data["by_kind"]["support_group"] == sum(
        r["kind"] == "support_group" and r["status"] == "active" for r in BUNDLED["resources"]
    )
    assert data["places"] > 70_000
    assert "Dataset:" in run("--db", db, "stats").out


def test_stats_give_what_the_entries_rest_on(db: str) -> None:
    """The closing-note numbers of a dataset release, over every entry (inactive too)."""
    evidence = run("--db", db, "stats", "--json").json()["evidence"]
    raw = BUNDLED["resources"]
    assert evidence["entries"] == len(raw) >= 280
    assert evidence["inactive"] == sum(r["status"] == "inactive" for r in raw)
    assert evidence["by_kind"]["condition_info"] == sum(r["kind"] == "condition_info" for r in raw)
    assert evidence["spanish"] == sum("es" in r["languages"] for r in raw) >= 15
    assert evidence["with_contacts"] == sum(
        bool(r["phone"] or r["other_phones"] or r["email"] or r["address"]) for r in raw
    )
    assert evidence["sourced_moderation"] == sum(
        r["moderation"] != "unknown" and bool(r["evidence"].get("moderation")) for r in raw
    )
    undated = sum(not any(i.get("date") for g in r["evidence"].values() for i in g) for r in raw)
    assert evidence["date_unknown"] == undated > 0
    text = run("--db", db, "stats").out
    assert re.search(rf"^\s+{undated}  Date unknown \(no source shows a date\)$", text, re.M)


def test_db_path_init_and_check(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "fresh.sqlite3"
    assert run("--db", str(path), "db", "path").out.strip() == str(path)
    assert not path.exists(), "db path does not create the database"
    init = run("--db", str(path), "db", "init")
    assert init.code == 0, init.err
    assert f"Ready: {CURATED_ACTIVE} resources" in init.out
    check = run("--db", str(path), "db", "check")
    assert check.code == 0 and check.out.startswith("ok")


def test_db_check_reports_damage(tmp_path: Path, curated_db: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(curated_db)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("INSERT INTO resources_fts (resources_fts, rank) VALUES ('integrity-check', 1)")
    conn.execute("DELETE FROM resources_fts_data WHERE id > 10")  # damage the full-text index
    conn.commit()
    conn.close()
    result = run("--db", str(curated_db), "db", "check")
    assert result.code == 1
    assert "full-text index" in result.out


def test_environment_variable_selects_the_database(
    curated_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CBH_DIRECTORY_DB", str(curated_db))
    assert run("db", "path").out.strip() == str(curated_db)
    assert run("stats", "--json").json()["resources"] == CURATED_ACTIVE


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "--kind", "charity"], "unknown kind 'charity'"),
        (["search", "--focus", "NOTAGENE"], "unknown focus 'NOTAGENE'"),
        (["search", "--near", "Atlantis, ZZ"], "unknown place"),
        (["search", "--near", "Columbus, OH", "--radius", "far"], "bad radius"),
        (["search", "--radius", "50mi"], "--radius needs --near"),
        (["search", "--sort", "distance"], "--sort distance needs --near"),
        (["search", "--sort", "popularity"], "popularity"),
        (["search", "--moderation", "strict"], "unknown moderation"),
        (["show", "no-such-resource"], "no resource with id 'no-such-resource'"),
        (["places", "Qqqxxzz"], "unknown place"),
        (["places"], "Missing argument"),
        (["nonsense"], "No such command"),
        (["search", "--json", "--csv"], "choose one of --json and --csv"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(db: str, args: list[str], message: str) -> None:
    result = run("--db", db, *args)
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("cbh-directory: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.err


def test_a_non_database_file_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "photo.sqlite3"
    bogus.write_bytes(b"\x89PNG not a database" * 50)
    result = run("--db", str(bogus), "stats")
    assert result.code == 1
    assert "not a CBH Directory database" in result.err
    assert len(result.err.strip().splitlines()) == 1


def _commands(group, prefix=()):
    import click

    for name, command in group.commands.items():
        path = (*prefix, name)
        yield path
        if isinstance(command, click.Group):
            yield from _commands(command, path)


@pytest.mark.parametrize("path", list(_commands(cli)), ids=lambda p: " ".join(p))
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = run(*path, "--help")
    assert result.code == 0
    assert result.out.startswith("Usage: cbh-directory " + " ".join(path))


@pytest.mark.parametrize("path", list(_commands(cli)), ids=lambda p: " ".join(p))
def test_every_command_is_in_the_readme(path: tuple[str, ...]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "cbh-directory " + " ".join(path) in readme


def test_the_installed_entry_point_runs() -> None:
    exe = Path(sys.executable).with_name("cbh-directory")
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("cbh-directory, version")


def test_search_facets_show_service_type_codes_under_their_parent(db: str) -> None:
    page = str(Path(__file__).resolve().parents[1] / "data" / "hsds" / "json" / "hsds3-page.json")
    assert run("--db", db, "import", page).code == 0
    text = run("--db", db, "search", "--facets", "--service-type", "bd-1800").out
    lines = text.splitlines()
    start = lines.index("service_type:")
    assert lines[start + 1 : start + 3] == [
        "       1  Basic Needs (B)",
        "       1    Food Pantries (BD-1800.2000)",
    ]
    facets = run("--db", db, "search", "--facets", "--json").json()
    codes = [v for v in facets["service_type"] if "parent" in v]
    assert {v["value"]: v["parent"] for v in codes} == {
        "BD-1800.2000": "B",
        "PN-8100.0200-600": "P",
    }


def test_the_table_says_online_and_names_focus_terms_as_the_window_does(db: str) -> None:
    english = run("--db", db, "search", "CASK", "--near", "Columbus, OH")
    assert english.code == 0, english.err
    cure = next(line for line in english.out.splitlines() if line.startswith("Cure CASK"))
    assert re.search(r"CASK\s+online\s+\d{4}", cure), cure
    learn = run("--db", db, "search", "--focus", "rare disease", "--limit", "200")
    assert "Rare disease" in learn.out and "rare-disease" not in learn.out, learn.out
    spanish = run("--db", db, "--lang", "es", "search", "CASK", "--near", "Columbus, OH")
    cure_es = next(line for line in spanish.out.splitlines() if line.startswith("Cure CASK"))
    assert re.search(r"CASK\s+en línea\s+\d{4}", cure_es), cure_es
