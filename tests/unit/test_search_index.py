"""The in-memory search index and its saved copy: reused when current, never when stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.service.directory import saved_index_path
from cbh_directory.store.index import load_index, parse_numbers
from cbh_directory.store.search import _first

from ..conftest import DATA

CSV = DATA / "import" / "contacts.csv"


def names(directory: Directory, text: str) -> list[str]:
    return [h.resource.name for h in directory.search(SearchQuery(text=text)).hits]


def test_the_index_is_saved_and_reused(synthetic_db: Path) -> None:
    first = Directory.open(synthetic_db)
    expected = names(first, "ataxia")
    first.close()
    saved = saved_index_path(synthetic_db)
    assert saved.exists()
    stamp = saved.stat().st_mtime_ns

    again = Directory.open(synthetic_db)
    assert names(again, "ataxia") == expected
    again.close()
    assert saved.stat().st_mtime_ns == stamp  # read, not written again


def test_an_edit_makes_the_saved_index_stale(synthetic_db: Path) -> None:
    directory = Directory.open(synthetic_db)
    target = directory.search(SearchQuery(text="ataxia")).hits[0].resource
    directory.edit_resource(target.id, {"kind": "financial_aid"})
    directory.close()

    reopened = Directory.open(synthetic_db)
    found = reopened.search(SearchQuery(text="ataxia", kinds=["financial_aid"])).hits
    assert target.id in [h.resource.id for h in found]
    reopened.close()


def test_a_restored_backup_edited_as_often_is_not_confused_with_the_saved_index(
    synthetic_db: Path, tmp_path: Path
) -> None:
    """Two histories with the same number of changes must not share a saved index."""
    directory = Directory.open(synthetic_db)
    directory.search(SearchQuery())
    backup = tmp_path / "before.sqlite3"
    shutil.copyfile(synthetic_db, backup)
    target = directory.search(SearchQuery(text="ataxia")).hits[0].resource
    directory.edit_resource(target.id, {"kind": "financial_aid"})
    assert directory.count(SearchQuery(kinds=["financial_aid"], text="ataxia")) >= 1
    directory.close()  # the saved index now knows the edited kind

    directory = Directory.open(synthetic_db)
    directory.restore(backup)
    directory.edit_resource(target.id, {"kind": "clinical_finder"})  # one change, as before
    directory.close()

    reopened = Directory.open(synthetic_db)
    assert reopened.resource(target.id).kind == "clinical_finder"
    kinds = [h.resource.id for h in reopened.search(SearchQuery(kinds=["clinical_finder"])).hits]
    assert target.id in kinds
    assert target.id not in [
        h.resource.id for h in reopened.search(SearchQuery(kinds=["financial_aid"])).hits
    ]
    reopened.close()


def test_a_damaged_saved_index_is_ignored(synthetic_db: Path) -> None:
    directory = Directory.open(synthetic_db)
    expected = names(directory, "cask")
    directory.close()
    saved = saved_index_path(synthetic_db)
    saved.write_bytes(b"PK\x03\x04 not really a zip")
    again = Directory.open(synthetic_db)
    assert names(again, "cask") == expected
    again.close()


def test_positions_with_sparse_and_dense_keys(synthetic: Directory) -> None:
    index = load_index(synthetic.db)
    keys = index.pk.copy()
    np.testing.assert_array_equal(index.positions(keys[::-1]), np.arange(keys.size)[::-1])
    missing = np.array([-5, 0, int(keys[-1]) + 1, 10**12], dtype=np.int64)
    assert index.positions(missing).size == 0
    # Keys far apart (most rows deleted) use a binary search instead of a lookup table.
    index.pk = np.array([3, 10**9], dtype=np.int64)
    index.slot_table = None
    np.testing.assert_array_equal(index.positions(np.array([10**9, 3, 4])), [1, 0])


def test_parse_numbers() -> None:
    assert parse_numbers(None, np.int64).size == 0
    np.testing.assert_array_equal(parse_numbers("3,1,2", np.int64), [3, 1, 2])
    np.testing.assert_allclose(parse_numbers("1.5,-2e-05", np.float64), [1.5, -2e-05])


def test_the_first_entries_are_those_of_a_full_sort() -> None:
    """Ordering only what the page needs gives exactly the full sort's first entries."""
    rng = np.random.default_rng(5)
    names = rng.permutation(20_000).astype(np.int64)
    keys = {
        "few values, many ties": rng.integers(0, 5, 20_000).astype(np.int64),
        "floats with ties": np.round(rng.normal(size=20_000), 1),
        "unique": rng.permutation(20_000).astype(np.int64) * -1,
    }
    for label, primary in keys.items():
        full = np.lexsort((names, primary))
        for need in (1, 50, 100, 4999, 30_000):
            np.testing.assert_array_equal(
                _first((names, primary), need)[:need], full[:need], err_msg=f"{label}, {need}"
            )


def test_a_deep_page_follows_the_first_page(synthetic: Directory) -> None:
    for sort in ("relevance", "name", "kind", "focus", "verified"):
        everything = synthetic.search(SearchQuery(sort=sort, limit=None)).hits
        pages = []
        for offset in range(0, len(everything), 7):
            synthetic.engine._last = None  # each page from a fresh evaluation
            pages += synthetic.search(SearchQuery(sort=sort, offset=offset, limit=7)).hits
        assert [h.resource.id for h in pages] == [h.resource.id for h in everything], sort


def test_a_bulk_import_is_searchable_at_once_and_leaves_the_triggers_in_place(
    synthetic: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cbh_directory.store import resources

    monkeypatch.setattr(resources, "BULK_FTS_THRESHOLD", 2)  # the bulk path, on 3 rows
    synthetic.search(SearchQuery(text="ataxia"))  # the index is loaded before the import
    triggers = {r[0] for r in synthetic.db.execute("SELECT name FROM sqlite_master")}
    synthetic.apply_import(synthetic.preview_import(CSV))
    found = [h.resource.name for h in synthetic.search(SearchQuery(text="IEP helpers")).hits]
    assert found == ["SYNTHETIC IEP Helpers"]
    assert synthetic.count(SearchQuery(kinds=["school_guide"], text="helpers")) == 1
    assert {r[0] for r in synthetic.db.execute("SELECT name FROM sqlite_master")} == triggers
    hash_size = synthetic.db.execute(
        "SELECT v FROM resources_fts_config WHERE k = 'hashsize'"
    ).fetchone()
    assert hash_size is not None and hash_size[0] == resources.FTS_HASH_BYTES

    # A single new resource afterwards goes through the triggers again.
    created = synthetic.create_resource(
        {"name": "SYNTHETIC Zebrafish Club", "kind": "support_group"}
    )
    assert [h.resource.id for h in synthetic.search(SearchQuery(text="zebrafish")).hits] == [
        created.id
    ]
