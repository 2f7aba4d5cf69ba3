"""`cbh-directory hub init | load | user` on a real database, HSDS packages in, migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cbh_directory.cli.main import cli
from cbh_directory.exchange.appjson import read_app_json
from cbh_directory.exchange.hsds_write import write_hsds
from cbh_directory.hub import auth, db, load, migrate
from cbh_directory.hub.cluster import LocalCluster
from cbh_directory.paths import dataset_file

from .conftest import load_records, record

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "hsds" / "v3.0" / "examples"


@pytest.fixture
def empty_dsn(cluster: LocalCluster, request: pytest.FixtureRequest):
    name = f"empty_{abs(hash(request.node.nodeid)) % 10**9}"
    with db.connect(cluster.dsn()) as conn:
        conn.autocommit = True
        conn.execute(f"CREATE DATABASE {name}")
    yield cluster.dsn(name)
    with db.connect(cluster.dsn()) as conn:
        conn.autocommit = True
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def _hub(*args: str):
    return CliRunner().invoke(cli, ["hub", *args], catch_exceptions=False)


def test_init_load_and_users_from_the_command_line(empty_dsn: str) -> None:
    assert "0001_hsds.sql, 0002_hub.sql" in _hub("init", empty_dsn).output
    assert _hub("init", empty_dsn).output.strip() == "Schema: up to date"
    loaded = _hub("--dsn", empty_dsn, "load", str(dataset_file()))
    curated = len(read_app_json(dataset_file()).resources)
    assert loaded.exit_code == 0
    assert f"{curated} added, 0 updated, 0 unchanged" in loaded.output
    again = _hub("--dsn", empty_dsn, "load", str(dataset_file()))
    assert f"0 added, 0 updated, {curated} unchanged" in again.output

    added = _hub("--dsn", empty_dsn, "user", "add", "Maria Lopez", "--role", "editor")
    token = added.stdout.strip().splitlines()[-1]
    assert token.startswith("cbh_") and len(token) > 40
    with db.connect(empty_dsn) as conn:
        user = auth.authenticate(conn, token)
    assert user is not None and (user.name, user.role) == ("Maria Lopez", "editor")
    listed = _hub("--dsn", empty_dsn, "user", "list").output
    assert "Maria Lopez\teditor\t1 live token(s)" in listed
    assert "1 token(s) revoked" in _hub("--dsn", empty_dsn, "user", "revoke", "Maria Lopez").output
    with db.connect(empty_dsn) as conn:
        assert auth.authenticate(conn, token) is None


def test_command_line_errors_are_one_line(empty_dsn: str, tmp_path: Path) -> None:
    from cbh_directory.cli.main import main

    def run(*args: str) -> int:
        with pytest.raises(SystemExit) as exit_info:
            main(["hub", *args])
        return int(exit_info.value.code or 0)

    assert run("--dsn", empty_dsn, "load", str(dataset_file())) != 0  # not initialised
    assert run("--dsn", "host=/nonexistent dbname=x", "user", "list") != 0
    _hub("init", empty_dsn)
    assert run("--dsn", empty_dsn, "user", "add", "x", "--role", "emperor") == 2
    (tmp_path / "list.csv").write_text("name\nx\n", encoding="utf-8")
    assert run("--dsn", empty_dsn, "load", str(tmp_path / "list.csv")) == 2


def test_the_spec_example_package_loads(empty_dsn: str) -> None:
    _hub("init", empty_dsn)
    with db.connect(empty_dsn) as conn:
        result = load.load(conn, EXAMPLE)
        names = [r["name"] for r in conn.execute("SELECT name FROM service ORDER BY name")]
    assert result.report.added and names
    assert "Community Counselling" in names


def test_an_hsds_export_loads_to_the_same_documents_as_the_json(
    empty_dsn: str, hub_dsn: str, tmp_path: Path
) -> None:
    """The app's own HSDS export read back gives the same served services as its JSON."""
    _hub("init", empty_dsn)
    package = tmp_path / "export.zip"
    write_hsds(package, read_app_json(dataset_file()).resources)
    with db.connect(empty_dsn) as conn:
        load.load(conn, package)
        from_zip = {
            r["service_id"]: r["resource"]
            for r in conn.execute("SELECT service_id, resource FROM hub_service")
        }
    with db.connect(hub_dsn) as conn:
        from_json = {
            r["service_id"]: r["resource"]
            for r in conn.execute("SELECT service_id, resource FROM hub_service")
        }
    assert from_zip == from_json


def test_a_load_that_fails_midway_changes_nothing(
    hub_dsn: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cbh_directory.hub import writer

    def broken(self: writer.Writer, rows: list) -> None:
        raise RuntimeError("disk full")  # after the HSDS rows were copied in

    monkeypatch.setattr(writer.Writer, "_upsert_hub", broken)
    with db.connect(hub_dsn) as conn:
        before = conn.execute("SELECT count(*) AS n FROM service").fetchone()["n"]
        with pytest.raises(RuntimeError, match="disk full"):
            load.load(conn, _write(tmp_path, [record("new-one")]))
        conn.rollback()
        assert conn.execute("SELECT count(*) AS n FROM service").fetchone()["n"] == before


def test_reload_logs_changed_fields_and_prune_archives(hub_dsn: str, tmp_path: Path) -> None:
    load_records(hub_dsn, tmp_path, [record("one", phone="+16145550100"), record("two")])
    with db.connect(hub_dsn) as conn:
        result = load.load(conn, _write(tmp_path, [record("one", phone="+16145550199")]),
                           prune=True, by="curators")  # fmt: skip
        assert result.report.updated == ["one"]
        assert "two" in result.report.archived
        change = conn.execute(
            "SELECT previous_value, replacement_value, updated_by FROM metadata "
            "WHERE field_name = 'phone' ORDER BY last_action_date DESC LIMIT 1"
        ).fetchone()
        assert change == {"previous_value": "+16145550100", "replacement_value": "+16145550199",
                          "updated_by": "curators"}  # fmt: skip
        gone = {r["resource_id"] for r in conn.execute("SELECT resource_id FROM hub_deletion")}
        assert "two" in gone


def _write(folder: Path, records: list[dict]) -> Path:
    import json

    path = folder / "next.json"
    payload = {"format": "cbh-directory", "format_version": 1, "dataset_version": "2",
               "resources": records}  # fmt: skip
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def test_a_database_from_a_newer_hub_is_refused(empty_dsn: str) -> None:
    with db.connect(empty_dsn) as conn:
        migrate.migrate(conn)
        conn.execute("INSERT INTO hub_schema_migration (version, name) VALUES (9999, 'future')")
        conn.commit()
        with pytest.raises(migrate.MigrationError, match="newer hub"):
            migrate.migrate(conn)
