"""`--format unknown` on the command line finds services whose source states no format."""

from __future__ import annotations

from pathlib import Path

from .test_cli import run

ILAO = Path(__file__).resolve().parents[1] / "data" / "hsds" / "real" / "ilao"


def test_format_unknown_finds_the_imported_services_of_no_stated_format(
    synthetic_db: Path,
) -> None:
    db = str(synthetic_db)
    done = run("--db", db, "import", str(ILAO))
    assert done.code == 0, done.err
    assert "the source does not state: 36" in done.out
    unstated = run("--db", db, "search", "--format", "unknown", "--json")
    assert unstated.code == 0, unstated.err
    assert {r["format"] for r in unstated.json()} == {"unknown"}
    assert len(unstated.json()) == 36
    online = run("--db", db, "search", "--format", "online", "--json", "--limit", "0")
    found = online.json()
    assert found and all(r["format"] == "online" and r["id"][:5] != "hsds-" for r in found)
