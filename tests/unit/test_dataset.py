"""The curated dataset: its content rules, and merging new versions without touching user data."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from cbh_directory.domain import evidence
from cbh_directory.domain import vocabulary as vocab
from cbh_directory.domain.dataset import version_key
from cbh_directory.domain.errors import DatasetError
from cbh_directory.domain.model import SearchQuery
from cbh_directory.exchange.appjson import parse_app_json, read_app_json
from cbh_directory.paths import dataset_file
from cbh_directory.service import Directory
from cbh_directory.store.database import write_transaction

from ..conftest import CURATED_ACTIVE, SYNTHETIC_V2

PHONE_LIKE = re.compile(r"\(?\d{3}\)?[ .-]\d{3}[ .-]?\d{3,4}")


@pytest.fixture(scope="module")
def curated_file():
    return read_app_json(dataset_file())


def test_curated_dataset_is_complete_and_valid(curated_file) -> None:
    assert len(curated_file.resources) >= 280
    kinds = {k.id: 0 for k in vocab.KINDS}
    for resource in curated_file.resources:
        kinds[resource.kind] += 1
    # Local services are what 211 imports bring; the curated data has none of its own.
    assert all(n for kind, n in kinds.items() if kind != "local_service"), kinds
    assert curated_file.version and curated_file.released


def test_every_curated_fact_group_names_its_sources(curated_file) -> None:
    for r in curated_file.resources:
        assert r.evidence.get("entry"), f"{r.id}: no source for the entry"
        if r.phone or r.other_phones or r.email or r.address:
            assert r.evidence.get("contacts"), f"{r.id}: a contact without a source"
        if r.moderation != "unknown":
            assert r.evidence.get("moderation") and r.moderation_note, r.id
        if r.activity != "unknown":
            assert r.evidence.get("activity") and r.activity_note, r.id
        for item in evidence.items(r.evidence):
            assert item["url"].startswith(("http://", "https://")), (r.id, item)
            assert "checked_on" in item, (r.id, item)
        assert r.sources == evidence.source_urls(r.evidence), r.id
        assert not PHONE_LIKE.search(r.description), r.id
        assert r.website == "" or r.website.startswith("https://"), r.id
        if r.status == "inactive":
            assert r.status_note, r.id


def test_last_verified_is_the_newest_dated_evidence_never_the_release(curated_file) -> None:
    undated = 0
    for r in curated_file.resources:
        assert r.last_verified == evidence.newest_date(r.evidence), r.id
        undated += not r.last_verified
    assert undated, "entries whose sources show no date must read as 'date unknown'"
    assert sum(r.last_verified == curated_file.released for r in curated_file.resources) <= 5


def test_no_two_entries_share_a_website_without_a_reason() -> None:
    raw = json.loads(dataset_file().read_text(encoding="utf-8"))["resources"]
    by_site: dict[str, list[dict]] = {}
    for entry in raw:
        if entry["website"]:
            by_site.setdefault(entry["website"].rstrip("/").lower(), []).append(entry)
    for site, entries in by_site.items():
        if len(entries) > 1:
            assert all(e.get("website_note") for e in entries), site


def test_the_dataset_version_rises_when_its_content_changes() -> None:
    """resources/dataset/released.json records the last release; changed content must carry a
    higher version than it (update released.json when you release)."""
    raw = json.loads(dataset_file().read_text(encoding="utf-8"))
    released = json.loads((dataset_file().parent / "released.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(
        json.dumps(raw["resources"], sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
    if digest != released["sha256"]:
        assert version_key(raw["dataset_version"]) > version_key(released["version"])


def test_closed_and_merged_organisations_are_kept_and_point_on(curated_file) -> None:
    by_id = {r.id: r for r in curated_file.resources}
    assert by_id["madisons-foundation"].status == "inactive"
    assert "2016" in by_id["madisons-foundation"].status_note
    pan = by_id["pan-foundation"]
    assert pan.successor in by_id and by_id[pan.successor].status == "active"
    for r in curated_file.resources:
        assert not r.successor or r.successor in by_id, r.id


def test_curated_dataset_uses_the_vocabulary(curated_file) -> None:
    for resource in curated_file.resources:
        assert set(resource.focus) <= set(vocab.FOCUS_BY_ID), resource.id
    ids = [r.id for r in curated_file.resources]
    assert len(ids) == len(set(ids))
    cask = {r.id for r in curated_file.resources if "CASK" in r.focus}
    assert {"cure-cask", "cask-research", "project-cask", "enfants-cask-france"} <= cask


def test_entries_with_known_doubts_are_stale_with_a_caveat(curated_file) -> None:
    doubtful = {"dandy-walker-alliance", "madisons-foundation", "project-cask", "swan-australia"}
    by_id = {r.id: r for r in curated_file.resources}
    for rid in doubtful:
        assert by_id[rid].is_stale(), rid
        assert by_id[rid].caveat or by_id[rid].status_note, rid


def test_bad_dataset_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not a CBH Directory file"):
        parse_app_json({"resources": []})
    with pytest.raises(DatasetError, match="duplicate id"):
        parse_app_json(
            {
                "format": "cbh-directory",
                "dataset_version": "1",
                "resources": [
                    {"id": "a", "name": "A", "kind": "support_group"},
                    {"id": "a", "name": "A again", "kind": "support_group"},
                ],
            }
        )
    with pytest.raises(DatasetError, match="kind"):
        parse_app_json(
            {
                "format": "cbh-directory",
                "dataset_version": "1",
                "resources": [{"id": "a", "name": "A", "kind": "charity"}],
            }
        )
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"\xff\xfe not json")
    with pytest.raises(DatasetError, match="not valid UTF-8 JSON"):
        read_app_json(broken)


def test_first_run_loads_the_curated_dataset_with_coordinates(curated: Directory) -> None:
    assert curated.total() == CURATED_ACTIVE
    naf = curated.resource("naf")
    assert naf.latitude is not None  # located from its city by the offline gazetteer
    stats = curated.stats()
    assert stats["dataset_version"] == read_app_json(dataset_file()).version


def _add_user_data(directory: Directory) -> None:
    db = directory.db
    with write_transaction(db):
        db.execute("INSERT INTO lists (name, note) VALUES ('Rivera family', 'March visit')")
        list_id = db.execute("SELECT id FROM lists WHERE name = 'Rivera family'").fetchone()[0]
        for rid, note in [
            ("test-to-remove", "called them"),
            ("test-cask-peers", "trusted"),
            ("test-uk-aid", ""),
        ]:
            db.execute(
                "INSERT INTO list_items (list_id, resource_id, note) VALUES (?, ?, ?)",
                [list_id, rid, note],
            )
        db.execute(
            "INSERT INTO local_edits (resource_id, field, value) VALUES (?, ?, ?)",
            ["test-uk-aid", "description", json.dumps("Our own notes on this grant.")],
        )
        db.execute(
            "UPDATE resources SET description = 'Our own notes on this grant.' "
            "WHERE id = 'test-uk-aid'"
        )


def test_a_newer_dataset_merges_and_keeps_lists_notes_and_local_edits(synthetic: Directory) -> None:
    _add_user_data(synthetic)
    lists_before = synthetic.db.execute("SELECT * FROM lists ORDER BY id").fetchall()

    report = synthetic.merge_bundled_dataset(SYNTHETIC_V2)
    assert report is not None and report.applied
    assert report.added == ["test-new-in-v2"]
    assert "test-cask-peers" in report.updated
    assert report.removed == ["test-to-remove"]

    # Lists and notes are untouched, including the item whose resource left the directory.
    assert synthetic.db.execute("SELECT * FROM lists ORDER BY id").fetchall() == lists_before
    items = {
        r[0]: (r[1], json.loads(r[2]))
        for r in synthetic.db.execute("SELECT resource_id, note, snapshot FROM list_items")
    }
    assert set(items) == {"test-to-remove", "test-cask-peers", "test-uk-aid"}
    assert items["test-to-remove"][0] == "called them"
    assert items["test-to-remove"][1]["name"] == "Test Soon Removed"  # last known name

    # The changed resource shows the new curated text; the locally edited one keeps the edit.
    assert "version 2" in synthetic.resource("test-cask-peers").description
    assert synthetic.resource("test-uk-aid").description == "Our own notes on this grant."
    curated_value = synthetic.db.execute(
        "SELECT curated_value FROM local_edits WHERE resource_id = 'test-uk-aid'"
    ).fetchone()[0]
    assert json.loads(curated_value) == "Synthetic grants programme."

    # Search sees the new state.
    hits = synthetic.search(SearchQuery(text="PCH")).hits
    assert [h.resource.id for h in hits] == ["test-new-in-v2"]


def test_an_older_or_equal_dataset_is_not_merged(synthetic: Directory) -> None:
    from ..conftest import SYNTHETIC_V1

    assert synthetic.merge_bundled_dataset(SYNTHETIC_V1) is None
    assert synthetic.merge_bundled_dataset(SYNTHETIC_V2) is not None
    assert synthetic.merge_bundled_dataset(SYNTHETIC_V1) is None  # no downgrade
    assert synthetic.stats()["dataset_version"] == "9000.2.1"


def test_a_removed_resource_with_local_edits_stays_as_local(synthetic: Directory) -> None:
    with write_transaction(synthetic.db):
        synthetic.db.execute(
            "INSERT INTO local_edits (resource_id, field, value) VALUES (?, ?, ?)",
            ["test-to-remove", "phone", json.dumps("+16145550100")],
        )
    report = synthetic.merge_bundled_dataset(SYNTHETIC_V2)
    assert report is not None and report.kept_local == ["test-to-remove"]
    assert synthetic.resource("test-to-remove").name == "Test Soon Removed"


def test_a_local_resource_with_the_same_id_is_not_overwritten(synthetic: Directory) -> None:
    synthetic.db.execute(
        "INSERT INTO resources (id, name, kind, origin) "
        "VALUES ('test-new-in-v2', 'Mine', 'support_group', 'local')"
    )
    report = synthetic.merge_bundled_dataset(SYNTHETIC_V2)
    assert report is not None and report.conflicts == ["test-new-in-v2"]
    assert synthetic.resource("test-new-in-v2").name == "Mine"
