"""Classic SQL-injection payloads through every filter and every field a user or a file can
fill: stored and searched as plain text, never run; nothing else changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cbh_directory.domain.errors import CBHError
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

from .conftest import Ledger

PAYLOADS = [
    "'; DROP TABLE resources; --",
    "x' OR '1'='1",
    '" OR ""="',
    "1; DELETE FROM list_items",
    "') UNION SELECT name, sql FROM sqlite_master --",
    "Robert'); DROP TABLE lists;--",
    "%' AND 1=0 UNION SELECT 1 --",
    "*/ DROP TABLE metadata; /*",
    "resources_fts MATCH '*'",
    "\\'; ATTACH DATABASE '/tmp/evil.db' AS evil; --",
]
TEXT_FIELDS = ["name", "description", "city", "eligibility", "service_area", "caveat"]


def schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT type, name FROM sqlite_master ORDER BY 1, 2").fetchall()
    finally:
        conn.close()


def test_payloads_through_every_field_filter_and_list(
    curated: Directory, curated_db: Path, ledger: Ledger
) -> None:
    tables_before = schema(curated_db)
    total_before = curated.total()
    tried = 0
    for number, payload in enumerate(PAYLOADS):
        # Fields, by the editing service (as the edit dialog and `cbh-directory edit` do).
        values = {name: payload for name in TEXT_FIELDS}
        created = curated.create_resource({**values, "kind": "support_group", "country": "US"})
        stored = curated.resource(created.id)
        assert all(getattr(stored, name) == payload for name in TEXT_FIELDS)
        curated.edit_resource(created.id, {"description": payload + " (edited)"})
        tried += len(TEXT_FIELDS) + 1
        # Full text and every filter group.
        assert created.id in curated.matching_ids(SearchQuery(text=payload))
        for group in ("countries", "regions", "languages"):
            assert curated.count(SearchQuery(**{group: [payload]})) == 0
            tried += 1
        for group in ("kinds", "focus", "moderation", "activity", "formats", "costs"):
            with pytest.raises(CBHError):
                curated.search(SearchQuery(**{group: [payload]}))
            tried += 1
        # Places, lists and notes.
        with pytest.raises(CBHError):
            curated.resolve_place(payload)
        family = curated.create_list(f"{payload} {number}", note=payload)
        curated.add_to_list(family.id, ["pacer", created.id], note=payload)
        curated.set_item_note(family.id, "pacer", payload)
        assert curated.item_note(family.id, "pacer") == payload
        assert curated.list_info(f"{payload} {number}").note == payload
        tried += 5
    assert curated.total() == total_before + len(PAYLOADS)
    assert [row for row in schema(curated_db) if row[1] != "sqlite_stat1"] == [
        row for row in tables_before if row[1] != "sqlite_stat1"
    ], "no table or index was added or dropped"
    assert curated.quick_check() is None
    ledger.record(
        "test_injection.py::test_payloads_through_every_field_filter_and_list",
        f"{len(PAYLOADS)} classic SQL-injection payloads through every text field (new and "
        "edited resources), full-text search, every filter group, place lookup, list names, "
        "list notes and item notes",
        tried,
        "all stored and found as plain text; schema, counts and integrity unchanged",
    )


def test_payloads_through_an_import(curated: Directory, tmp_path: Path) -> None:
    rows = ["name,kind,city,description"]
    for payload in PAYLOADS:
        quoted = payload.replace('"', '""')
        rows.append(f'"{quoted}",support_group,"{quoted}","{quoted}"')
    path = tmp_path / "payloads.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = curated.total()
    preview = curated.preview_import(path)
    assert len(preview.new) == len(PAYLOADS)
    curated.apply_import(preview)
    assert curated.total() == before + len(PAYLOADS)
    names = {curated.resource(r.id).name for r in preview.new}
    assert names == set(PAYLOADS)
