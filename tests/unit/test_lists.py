"""Lists: Bookmarks and named lists, their notes and order, durability, sharing, concurrency."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cbh_directory.domain.errors import DatasetError, InputError, NotFoundError
from cbh_directory.domain.model import Resource, SearchQuery
from cbh_directory.service import Directory
from cbh_directory.store.database import write_transaction
from cbh_directory.store.resources import upsert_resource

from ..conftest import SYNTHETIC_V2


def test_bookmarks_always_exist_and_are_protected(synthetic: Directory) -> None:
    bookmarks = synthetic.bookmarks()
    assert bookmarks.name == "Bookmarks" and bookmarks.is_bookmarks
    with pytest.raises(InputError, match="cannot be deleted"):
        synthetic.delete_list(bookmarks.id)
    with pytest.raises(InputError, match="cannot be renamed"):
        synthetic.rename_list(bookmarks.id, "Favourites")
    synthetic.db.execute("DELETE FROM lists")  # even if someone removes it by hand
    synthetic.prepare()
    assert synthetic.bookmarks().is_bookmarks


def test_create_rename_duplicate_delete_and_restore(synthetic: Directory) -> None:
    rivera = synthetic.create_list("  Rivera   family ", note="March visit")
    assert rivera.name == "Rivera family" and rivera.note == "March visit"
    with pytest.raises(InputError, match="already a list named"):
        synthetic.create_list("rivera FAMILY")
    with pytest.raises(InputError, match="needs a name"):
        synthetic.create_list("   ")
    synthetic.add_to_list(rivera.id, ["test-cask-peers", "test-uk-aid"])
    synthetic.set_item_note(rivera.id, "test-uk-aid", "applied in March")
    renamed = synthetic.rename_list(rivera.id, "Rivera family — March")
    assert renamed.id == rivera.id and renamed.name == "Rivera family — March"

    copy = synthetic.duplicate_list(rivera.id, "Chen family")
    assert copy.count == 2 and copy.note == "March visit"
    assert synthetic.item_note(copy.id, "test-uk-aid") == "applied in March"

    dump = synthetic.delete_list(rivera.id)
    with pytest.raises(NotFoundError):
        synthetic.list_info(rivera.id)
    restored = synthetic.restore_list(dump)
    assert restored.id == rivera.id and restored.count == 2
    assert synthetic.item_note(rivera.id, "test-uk-aid") == "applied in March"
    assert [x.name for x in synthetic.lists()] == [
        "Bookmarks",
        "Chen family",
        "Rivera family — March",
    ]


def test_adding_is_all_or_nothing_and_skips_duplicates(synthetic: Directory) -> None:
    family = synthetic.create_list("Family")
    with pytest.raises(NotFoundError, match="no-such-id"):
        synthetic.add_to_list(family.id, ["test-cask-peers", "no-such-id"])
    assert synthetic.list_info(family.id).count == 0
    assert synthetic.add_to_list(family.id, ["test-cask-peers", "test-uk-aid"]) == [
        "test-cask-peers",
        "test-uk-aid",
    ]
    assert synthetic.add_to_list(family.id, ["test-uk-aid", "test-iep-guide"]) == ["test-iep-guide"]
    items = synthetic.list_items(family.id)
    assert [i.resource_id for i in items] == ["test-cask-peers", "test-uk-aid", "test-iep-guide"]
    assert all(i.added_at.endswith("Z") for i in items)


def test_remove_and_put_back_with_notes_and_order(synthetic: Directory) -> None:
    family = synthetic.create_list("Family")
    synthetic.add_to_list(family.id, ["test-cask-peers", "test-uk-aid", "test-iep-guide"])
    synthetic.set_item_note(family.id, "test-uk-aid", "ring back Friday")
    removed = synthetic.remove_from_list(family.id, ["test-uk-aid"])
    assert [i.resource_id for i in synthetic.list_items(family.id)] == [
        "test-cask-peers",
        "test-iep-guide",
    ]
    synthetic.restore_items(family.id, removed)
    items = synthetic.list_items(family.id)
    assert [i.resource_id for i in items] == ["test-cask-peers", "test-uk-aid", "test-iep-guide"]
    assert items[1].note == "ring back Friday"


def test_reorder_and_move(synthetic: Directory) -> None:
    family = synthetic.create_list("Family")
    synthetic.add_to_list(family.id, ["test-cask-peers", "test-uk-aid", "test-iep-guide"])
    before = synthetic.move_item(family.id, "test-iep-guide", -2)
    assert before == ["test-cask-peers", "test-uk-aid", "test-iep-guide"]
    order = [i.resource_id for i in synthetic.list_items(family.id)]
    assert order == ["test-iep-guide", "test-cask-peers", "test-uk-aid"]
    synthetic.move_item(family.id, "test-iep-guide", -1)  # already first: stays
    synthetic.reorder_list(family.id, before)
    assert [i.resource_id for i in synthetic.list_items(family.id)] == before


def test_lists_persist_across_restarts(synthetic_db: Path) -> None:
    with Directory.open(synthetic_db, prepare=False) as first:
        family = first.create_list("Rivera family", "March visit")
        first.add_to_list(family.id, ["test-cask-peers"])
        first.set_item_note(family.id, "test-cask-peers", "trusted")
        first.add_to_list(first.bookmarks().id, ["test-uk-aid"])
    with Directory.open(synthetic_db) as again:
        assert again.list_info("Rivera family").note == "March visit"
        assert again.item_note(again.list_info("Rivera family").id, "test-cask-peers") == "trusted"
        assert again.bookmarked_ids() == {"test-uk-aid"}


def test_lists_survive_a_dataset_update_that_removes_and_changes(synthetic: Directory) -> None:
    family = synthetic.create_list("Rivera family", "March visit")
    synthetic.add_to_list(family.id, ["test-to-remove", "test-cask-peers"])
    synthetic.set_item_note(family.id, "test-to-remove", "called them")
    synthetic.add_to_list(synthetic.bookmarks().id, ["test-to-remove"])

    report = synthetic.merge_bundled_dataset(SYNTHETIC_V2)
    assert report is not None and report.removed == ["test-to-remove"]

    items = {i.resource_id: i for i in synthetic.list_items(family.id)}
    assert set(items) == {"test-to-remove", "test-cask-peers"}
    gone = items["test-to-remove"]
    assert not gone.in_directory
    assert gone.name == "Test Soon Removed" and gone.note == "called them"
    assert synthetic.bookmarked_ids() == {"test-to-remove"}
    assert synthetic.list_info(family.id).note == "March visit"

    # In the list view the gone resource still shows, rebuilt from what was remembered.
    page = synthetic.search(SearchQuery(list_id=family.id, sort="list"))
    assert [h.resource.id for h in page.hits] == ["test-to-remove", "test-cask-peers"]
    assert not page.hits[0].in_directory and page.hits[0].resource.name == "Test Soon Removed"
    assert page.hits[0].entry is not None and page.hits[0].entry.note == "called them"
    assert page.hits[1].in_directory and "version 2" in page.hits[1].resource.description


def test_search_can_be_limited_to_a_list(synthetic: Directory) -> None:
    family = synthetic.create_list("Family")
    synthetic.add_to_list(family.id, ["test-uk-aid", "test-cask-peers", "test-iep-guide"])

    def ids(**kw: object) -> list[str]:
        query = SearchQuery(list_id=family.id, limit=None, **kw)  # type: ignore[arg-type]
        return [h.resource.id for h in synthetic.search(query).hits]

    assert ids(sort="list") == ["test-uk-aid", "test-cask-peers", "test-iep-guide"]
    assert set(ids(text="synthetic")) == {"test-uk-aid", "test-cask-peers", "test-iep-guide"}
    assert ids(text="CASK") == ["test-cask-peers"]
    assert ids(kinds=["school_guide"]) == ["test-iep-guide"]
    facets = synthetic.facets(SearchQuery(list_id=family.id))
    kinds = {v.value: v.count for v in facets["kind"]}
    assert kinds["support_group"] == 1 and kinds["national_org"] == 0
    assert synthetic.count(SearchQuery(list_id=family.id)) == 3


def test_share_a_list_and_import_it_on_a_fresh_database(
    synthetic: Directory, tmp_path: Path
) -> None:
    family = synthetic.create_list("Rivera family", "March visit")
    synthetic.add_to_list(family.id, ["test-cask-peers", "test-uk-aid"])
    synthetic.set_item_note(family.id, "test-uk-aid", "applied")
    path = tmp_path / "rivera.json"
    assert synthetic.export_list(family.id, path) == 2
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["format"] == "cbh-directory-list" and payload["name"] == "Rivera family"

    with Directory.open(tmp_path / "other.sqlite3") as other:  # the real curated directory
        preview = other.import_list(path, apply=False)
        assert preview.created and preview.added == ["test-cask-peers", "test-uk-aid"]
        assert preview.not_in_directory == ["test-cask-peers", "test-uk-aid"]
        assert [x.name for x in other.lists()] == ["Bookmarks"], "the preview changed nothing"
        report = other.import_list(path)
        imported = other.list_info("Rivera family")
        assert imported.note == "March visit" and imported.count == 2
        items = other.list_items(imported.id)
        assert [(i.resource_id, i.name, i.note, i.in_directory) for i in items] == [
            ("test-cask-peers", "Test CASK Family Circle", "", False),
            ("test-uk-aid", "Test UK Grants", "applied", False),
        ]
        assert report.added == ["test-cask-peers", "test-uk-aid"]
        # Importing again merges: nothing is duplicated.
        again = other.import_list(path)
        assert again.added == [] and again.already == ["test-cask-peers", "test-uk-aid"]
        assert other.list_info("Rivera family").count == 2
        # Round trip: exporting from here gives the same items and notes.
        back = tmp_path / "back.json"
        other.export_list(imported.id, back)
        original = [(i["id"], i["note"]) for i in payload["items"]]
        assert [(i["id"], i["note"]) for i in json.loads(back.read_text())["items"]] == original


def test_import_merges_into_an_existing_list(synthetic: Directory, tmp_path: Path) -> None:
    family = synthetic.create_list("Family")
    synthetic.add_to_list(family.id, ["test-cask-peers", "test-uk-aid"])
    synthetic.set_item_note(family.id, "test-cask-peers", "mine")
    path = tmp_path / "theirs.json"
    path.write_text(
        json.dumps(
            {
                "format": "cbh-directory-list",
                "format_version": 1,
                "name": "FAMILY",
                "note": "from a colleague",
                "items": [
                    {"id": "test-cask-peers", "note": "theirs"},
                    {"id": "test-uk-aid", "note": "fill me"},
                    {"id": "test-iep-guide", "note": "new one"},
                    {"id": "test-iep-guide", "note": "duplicate in file"},
                ],
            }
        )
    )
    report = synthetic.import_list(path)
    assert not report.created
    assert report.added == ["test-iep-guide"] and report.notes_filled == ["test-uk-aid"]
    notes = {i.resource_id: i.note for i in synthetic.list_items(family.id)}
    assert notes == {
        "test-cask-peers": "mine",
        "test-uk-aid": "fill me",
        "test-iep-guide": "new one",
    }
    assert synthetic.list_info(family.id).note == "from a colleague"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "not a valid list file"),
        (b"\xff\xfe\x00garbage", "not a valid list file"),
        (b'{"format": "cbh-directory", "resources": []}', "not a CBH Directory list file"),
        (b'{"format": "cbh-directory-list", "name": "x"}', 'no "items" list'),
        (b'{"format": "cbh-directory-list", "name": "", "items": []}', "no list name"),
        (b'{"format": "cbh-directory-list", "name": "x", "items": [{"id": "../etc"}]}', "bad id"),
        (b'{"format": "cbh-directory-list", "name": "x", "items": [7]}', "not an object"),
        (
            b'{"format": "cbh-directory-list", "format_version": 99, "name": "x", "items": []}',
            "newer",
        ),
    ],
)
def test_bad_list_files_are_refused_and_change_nothing(
    synthetic: Directory, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = [(x.name, x.count) for x in synthetic.lists()]
    with pytest.raises(DatasetError, match=message):
        synthetic.import_list(path)
    assert [(x.name, x.count) for x in synthetic.lists()] == before


def test_an_export_to_an_unwritable_place_leaves_no_file(
    synthetic: Directory, tmp_path: Path
) -> None:
    from cbh_directory.domain.errors import CBHError

    family = synthetic.create_list("Family")
    with pytest.raises(CBHError, match="cannot write"):
        synthetic.export_list(family.id, tmp_path / "no-such-folder" / "x.json")
    assert not (tmp_path / "no-such-folder").exists()
    assert list(tmp_path.glob(".*partial")) == []


WRITER = textwrap.dedent(
    """
    import sys
    from cbh_directory.service import Directory
    path, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with Directory.open(path, prepare=False) as d:
        family = d.list_info("Shared")
        for n in range(start, start + count):
            d.add_to_list(family.id, [f"gen-{n:03d}"])
            d.set_item_note(family.id, f"gen-{n:03d}", f"written by {start}")
    print("done")
    """
)


def test_two_processes_adding_at_once_lose_no_write(
    synthetic: Directory, synthetic_db: Path
) -> None:
    with write_transaction(synthetic.db):
        for n in range(200):
            upsert_resource(
                synthetic.db,
                Resource(id=f"gen-{n:03d}", name=f"SYNTHETIC generated {n}", kind="support_group"),
                origin="local",
            )
    synthetic.create_list("Shared")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(synthetic_db), str(start), "100"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for start in (0, 100)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for (out, err), proc in zip(results, procs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
        assert out.strip() == "done"
    items = synthetic.list_items(synthetic.list_info("Shared").id)
    assert len(items) == 200
    assert {i.resource_id for i in items} == {f"gen-{n:03d}" for n in range(200)}
    assert all(i.note for i in items)
