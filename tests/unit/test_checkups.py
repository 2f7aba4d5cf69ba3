"""Check-ups in the database (issue 15): filters and counts, durability, sharing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from cbh_directory.domain.errors import InputError, NotFoundError, ValidationError
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

from ..conftest import SYNTHETIC_V2

GROUP = "test-columbus-ataxia"  # professional / moderate in the synthetic dataset
ANSWERS = {"moderation": "peer", "activity": "low", "note": "Nobody answered in March"}


def count(directory: Directory, facet: str, value: str) -> int:
    found = directory.facets(SearchQuery())[facet]
    return next((v.count for v in found if v.value == value), 0)


def test_a_check_up_changes_filters_and_counts_at_once(synthetic: Directory) -> None:
    peer_before = count(synthetic, "moderation", "peer")
    assert GROUP not in synthetic.matching_ids(SearchQuery(moderation=["peer"]))
    synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    assert count(synthetic, "moderation", "peer") == peer_before + 1
    assert GROUP in synthetic.matching_ids(SearchQuery(moderation=["peer"]))
    assert GROUP in synthetic.matching_ids(SearchQuery(activity=["low"]))
    assert GROUP not in synthetic.matching_ids(SearchQuery(moderation=["professional"]))
    lines = synthetic.community_lines(synthetic.resource(GROUP), me="JS")
    assert lines == {
        "moderation": "Peer moderated — checked by you today",
        "activity": "Quiet — checked by you today",
    }


def test_an_old_check_up_stops_counting_in_the_filters(synthetic: Directory) -> None:
    old = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    synthetic.record_checkup(GROUP, {**ANSWERS, "on": old}, by="JS")
    assert GROUP not in synthetic.matching_ids(SearchQuery(moderation=["peer"]))
    assert GROUP in [n.resource.id for n in synthetic.needs_checkup()]
    synthetic.set_checkup_max_age_days(500)
    assert GROUP in synthetic.matching_ids(SearchQuery(moderation=["peer"]))
    assert GROUP not in [n.resource.id for n in synthetic.needs_checkup()]


def test_moderation_counts_only_communities(synthetic: Directory) -> None:
    groups = synthetic.count(SearchQuery(kinds=["support_group"]))
    counted = sum(v.count for v in synthetic.facets(SearchQuery())["moderation"])
    assert counted == groups < synthetic.count(SearchQuery())
    national = SearchQuery(kinds=["national_org"], moderation=["unknown"])
    assert synthetic.count(national) == 0


def test_only_groups_take_check_ups_and_bad_input_stores_nothing(synthetic: Directory) -> None:
    other = synthetic.matching_ids(SearchQuery(kinds=["national_org"]))[0]
    with pytest.raises(InputError, match="support groups"):
        synthetic.record_checkup(other, ANSWERS, by="JS")
    with pytest.raises(NotFoundError):
        synthetic.record_checkup("no-such-group", ANSWERS, by="JS")
    with pytest.raises(ValidationError):
        synthetic.record_checkup(GROUP, {**ANSWERS, "evidence": "file:///etc/passwd"}, by="JS")
    with pytest.raises(ValidationError):
        synthetic.record_checkup(GROUP, {**ANSWERS, "on": "2999-01-01"}, by="JS")
    assert synthetic.checkups(GROUP) == []


def test_only_the_author_edits_or_deletes(synthetic: Directory) -> None:
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    with pytest.raises(InputError, match="only JS"):
        synthetic.delete_checkup(made.id, "AB")
    changed = synthetic.edit_checkup(made.id, {"activity": "high"}, "js")
    assert changed.activity == "high" and changed.id == made.id and changed.by == "JS"
    assert GROUP in synthetic.matching_ids(SearchQuery(activity=["high"]))
    synthetic.delete_checkup(made.id, "JS")
    assert synthetic.checkups(GROUP) == []
    assert GROUP not in synthetic.matching_ids(SearchQuery(activity=["high"]))


def test_check_ups_survive_a_dataset_update(synthetic: Directory) -> None:
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    assert synthetic.merge_bundled_dataset(SYNTHETIC_V2) is not None
    assert synthetic.checkups(GROUP) == [made]
    assert GROUP in synthetic.matching_ids(SearchQuery(moderation=["peer"]))


def test_round_trip_between_two_databases(synthetic: Directory, tmp_path: Path) -> None:
    other_path = tmp_path / "other" / "directory.sqlite3"
    other_path.parent.mkdir()
    shutil.copyfile(synthetic.path, other_path)  # type: ignore[arg-type]
    with Directory.open(other_path, prepare=False) as other:
        shared = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
        synthetic.export_checkups(tmp_path / "mine.json")
        first = other.import_checkups(tmp_path / "mine.json")
        assert (first.added, first.already_here) == (1, 0)
        theirs = other.record_checkup("test-cask-peers", {"moderation": "unmoderated"}, by="AB")
        other.export_checkups(tmp_path / "theirs.json")
        back = synthetic.import_checkups(tmp_path / "theirs.json")
        assert (back.added, back.already_here, back.kept_ours) == (1, 1, 0)
        again = synthetic.import_checkups(tmp_path / "theirs.json")
        assert (again.added, again.already_here) == (0, 2)
        assert synthetic.checkups("test-cask-peers") == [theirs]
        assert other.checkups(GROUP) == [shared]
        assert "test-cask-peers" in synthetic.matching_ids(SearchQuery(moderation=["unmoderated"]))


def test_an_import_never_overwrites_a_check_up_here(synthetic: Directory, tmp_path: Path) -> None:
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    synthetic.export_checkups(tmp_path / "c.json")
    payload = json.loads((tmp_path / "c.json").read_text("utf-8"))
    payload["checkups"][0]["moderation"] = "professional"  # someone changed it elsewhere
    payload["checkups"].append({**payload["checkups"][0], "id": "x1", "evidence": "ftp://no"})
    (tmp_path / "c.json").write_text(json.dumps(payload), "utf-8")
    report = synthetic.import_checkups(tmp_path / "c.json")
    assert (report.added, report.kept_ours) == (0, 1)
    assert len(report.rejected) == 1 and "evidence" in report.rejected[0]
    assert synthetic.checkups(GROUP) == [made]


def test_check_ups_travel_with_a_shared_list(synthetic: Directory, tmp_path: Path) -> None:
    other_path = tmp_path / "other" / "directory.sqlite3"
    other_path.parent.mkdir()
    shutil.copyfile(synthetic.path, other_path)  # type: ignore[arg-type]
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    family = synthetic.create_list("Rivera family")
    synthetic.add_to_list(family.id, [GROUP])
    synthetic.export_list(family.id, tmp_path / "rivera.json")
    with Directory.open(other_path, prepare=False) as other:
        report = other.import_list(tmp_path / "rivera.json")
        assert report.checkups == 1 and "1 check-ups" in report.summary()
        assert other.checkups(GROUP) == [made]
        assert GROUP in other.matching_ids(SearchQuery(moderation=["peer"]))
        other.import_list(tmp_path / "rivera.json")  # again: no duplicate
        assert len(other.checkups(GROUP)) == 1


def test_check_ups_go_into_the_hsds_export_under_the_profile(
    synthetic: Directory, tmp_path: Path
) -> None:
    import csv

    from cbh_directory.exchange.hsds_common import stable_uuid

    made = synthetic.record_checkup(GROUP, {**ANSWERS, "last_activity": "2026-11-01"}, by="JS")
    synthetic.export_hsds(tmp_path / "hsds")

    def table(name: str) -> list[dict[str, str]]:
        text = (tmp_path / "hsds" / name).read_text(encoding="utf-8")
        return list(csv.DictReader(text.splitlines()))

    terms = table("taxonomy_terms.csv")
    term = next(t for t in terms if t["code"] == "field:checkup")
    assert term["id"] == stable_uuid("term", "field:checkup")  # the hub's term id
    rows = table("attributes.csv")
    found = [json.loads(r["value"]) for r in rows if r["taxonomy_term_id"] == term["id"]]
    assert found == [made.profile()]
    assert list(found[0]) == [
        "id", "on", "by", "moderation", "activity", "last_activity",
        "focus_ok", "focus_note", "note", "evidence",
    ]  # fmt: skip
    # the package still imports as before: the check-up attribute is not taken for a tag
    preview = synthetic.preview_import(tmp_path / "hsds")
    assert [r.id for r, _ in preview.changed if r.id == GROUP] == []
    assert not preview.rejected


def test_restoring_an_older_backup_keeps_the_check_ups(synthetic: Directory) -> None:
    saved = synthetic.backup("manual")
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    synthetic.restore(saved)
    assert synthetic.checkups(GROUP) == [made]
    assert GROUP in synthetic.matching_ids(SearchQuery(moderation=["peer"]))


def test_restoring_a_backup_from_before_check_ups_keeps_them(
    synthetic: Directory, tmp_path: Path
) -> None:
    from cbh_directory.store.database import open_database
    from cbh_directory.store.migrations import apply_migrations, migration_files

    files = migration_files()
    before = files[: [p.stem.endswith("_checkups") for p in files].index(True)]
    older = open_database(tmp_path / "older.sqlite3")  # as the app made it before check-ups
    apply_migrations(older, before)
    older.close()
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    synthetic.restore(tmp_path / "older.sqlite3")
    assert synthetic.checkups(GROUP) == [made]


def test_the_handout_says_the_check_up_with_its_date_and_origin(
    synthetic: Directory, tmp_path: Path
) -> None:
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    synthetic.export_file(tmp_path / "h.html", resource_ids=[GROUP, "test-uk-aid"])
    text = (tmp_path / "h.html").read_text(encoding="utf-8")
    day = dt.date.fromisoformat(made.on)
    when = f"{day.day} {day.strftime('%B')} {day.year}"
    assert f"Peer moderated — checked by JS on {when}" in text
    assert f"Quiet — checked by JS on {when}" in text
    assert "We do not know how this group is moderated" not in text


def test_an_hsds_package_carries_check_ups_to_a_second_database(
    synthetic: Directory, tmp_path: Path
) -> None:
    other_path = tmp_path / "other" / "directory.sqlite3"
    other_path.parent.mkdir()
    shutil.copyfile(synthetic.path, other_path)  # type: ignore[arg-type]
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    synthetic.export_hsds(tmp_path / "package.zip")
    with Directory.open(other_path, prepare=False) as other:
        preview = other.preview_import(tmp_path / "package.zip")
        assert [c.id for c in preview.checkups] == [made.id]
        assert "1 new check-ups" in preview.summary() and preview.has_changes
        other.apply_import(preview)
        assert other.checkups(GROUP) == [made]
        assert GROUP in other.matching_ids(SearchQuery(moderation=["peer"]))
        again = other.preview_import(tmp_path / "package.zip")
        assert again.checkups == [] and not again.has_changes


def test_a_bad_check_up_in_a_package_is_left_out_with_a_note(
    synthetic: Directory, tmp_path: Path
) -> None:
    made = synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    synthetic.export_hsds(tmp_path / "hsds")
    attributes = tmp_path / "hsds" / "attributes.csv"
    text = attributes.read_text(encoding="utf-8")
    assert made.id in text
    attributes.write_text(text.replace(made.on, "2999-01-01"), encoding="utf-8")
    synthetic.delete_checkup(made.id, "JS")
    preview = synthetic.preview_import(tmp_path / "hsds")
    assert preview.checkups == []
    assert any("check-up 1 left out" in note and "future" in note for note in preview.notes)


def test_a_contact_card_says_the_check_up(synthetic: Directory, tmp_path: Path) -> None:
    synthetic.record_checkup(GROUP, ANSWERS, by="JS")
    synthetic.export_file(tmp_path / "c.vcf", resource_ids=[GROUP])
    card = (tmp_path / "c.vcf").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "Moderation: Peer moderated — checked by JS on" in card
