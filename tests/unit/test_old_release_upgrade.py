"""A user's database from the 2026.11.24 release (lists, notes, bookmarks, local edits, a
check, an archived entry, a resource of their own) upgrades and takes dataset 2 in, leaving
all of that untouched. The database was made by that release's own code
(tests/data/old_release/README.md)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cbh_directory.domain.model import SearchQuery
from cbh_directory.domain.verification import verification
from cbh_directory.exchange.appjson import read_app_json
from cbh_directory.paths import dataset_file
from cbh_directory.service import Directory

from ..conftest import DATA

OLD_RELEASE = DATA / "old_release" / "directory-2026.11.24.sqlite3"


def _user_data(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What belongs to the user, read with plain SQLite (no app code)."""
    db = sqlite3.connect(path)
    try:
        return {
            "lists": db.execute("SELECT * FROM lists ORDER BY id").fetchall(),
            "items": db.execute(
                "SELECT list_id, resource_id, position, note, added_at FROM list_items "
                "ORDER BY list_id, position"
            ).fetchall(),
            "edits": db.execute(
                "SELECT resource_id, field, value, edited_at FROM local_edits "
                "ORDER BY resource_id, field"
            ).fetchall(),
            "own": db.execute(
                "SELECT id, name, kind, description, city, country, status FROM resources "
                "WHERE origin = 'local' ORDER BY id"
            ).fetchall(),
            "settings": db.execute(
                "SELECT key, value FROM metadata WHERE key = 'stale_after_days'"
            ).fetchall(),
        }
    finally:
        db.close()


@pytest.fixture
def upgraded(tmp_path: Path) -> Any:
    path = tmp_path / "directory.sqlite3"
    shutil.copyfile(OLD_RELEASE, path)
    before = _user_data(path)
    directory = Directory.open(path)
    yield before, path, directory
    directory.close()


def test_the_old_database_is_what_the_release_made() -> None:
    db = sqlite3.connect(OLD_RELEASE)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 7
        meta = dict(db.execute("SELECT key, value FROM metadata").fetchall())
        assert meta["dataset_version"] == "2026.11.24"
        assert db.execute("SELECT count(*) FROM resources").fetchone()[0] == 88
    finally:
        db.close()


def test_it_upgrades_and_merges_dataset_2_leaving_the_users_data_untouched(upgraded) -> None:
    before, path, directory = upgraded
    report = directory.startup_report
    assert report is not None and report.backup is not None and report.backup.exists()
    assert [name[:4] for name in report.migrations][:2] == ["0008", "0009"]
    merge = report.merge
    bundled = read_app_json(dataset_file())
    assert merge is not None and merge.applied and merge.previous_version == "2026.11.24"
    assert merge.version == bundled.version and merge.removed == [] and merge.conflicts == []
    assert len(merge.added) == len(bundled.resources) - 87
    assert directory.check() == []

    assert _user_data(path) == before  # lists, items, notes, edits, own entry, settings

    # What the user sees: their values over the new curated ones, the new facts beside.
    cure = directory.resource("cure-cask")
    assert cure.phone == "+16145550100" and cure.evidence.get("entry")
    ha = directory.resource("hydrocephalus-association")
    assert ha.description == "Our notes: the helpline was kind."
    assert ha.phone == "+18885983789" and ha.moderation == "peer"  # new, not edited here
    naf = directory.resource("naf")
    assert naf.email == "groups@example.org" and naf.tags == ["ours"]
    assert directory.resource("swan-australia").status == "inactive"
    assert directory.resource("columbus-cask-parents").status == "active"
    assert directory.bookmarked_ids() == {"naf", "hydrocephalus-association"}
    assert directory.stale_after_days() == 180

    # The check made in the old release is kept, and said to be one made in this copy.
    checked = directory.resource("project-cask")
    assert checked.last_verified == "2026-11-30"
    assert verification(checked).checks == ("Marked verified in this copy on 30 November 2026",)

    # A list still holds the organisations that closed or merged, shown as such.
    rivera = next(x for x in directory.lists() if x.name == "Rivera family")
    hits = directory.search(SearchQuery(list_id=rivera.id, sort="list", limit=None)).hits
    assert [h.resource.id for h in hits] == [
        "cure-cask",
        "national-cmv-foundation",
        "pan-foundation",
        "madisons-foundation",
    ]
    pan = directory.resource("pan-foundation")
    assert pan.status == "inactive" and pan.successor == "patient-advocate-foundation"


def test_the_curated_values_are_recorded_beside_the_users_edits(upgraded) -> None:
    _before, _path, directory = upgraded
    bundled = {r.id: r for r in read_app_json(dataset_file()).resources}
    edits = directory.local_edits("hydrocephalus-association")
    assert edits["description"] == (
        "Our notes: the helpline was kind.",
        bundled["hydrocephalus-association"].description,
    )
