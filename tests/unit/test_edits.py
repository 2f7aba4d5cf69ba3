"""Editing by hand: validation, local edits kept apart from curated values, verification."""

from __future__ import annotations

import datetime as dt

import pytest

from cbh_directory.domain.errors import InputError, ValidationError
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

from ..conftest import SYNTHETIC_V2


def test_a_new_resource_is_validated_and_placed(synthetic: Directory) -> None:
    made = synthetic.create_resource(
        {
            "name": "Columbus CASK Parents",
            "kind": "support_group",
            "focus": ["CASK"],
            "phone": "(614) 555-0100",
            "email": "hello@example.org",
            "website": "https://example.org/cask",
            "city": "Columbus",
            "region": "Ohio",
            "country": "US",
            "postal_code": "43215",
            "moderation": "peer",
        }
    )
    assert made.id == "columbus-cask-parents"
    assert made.phone == "+16145550100"  # stored E.164
    assert made.latitude == pytest.approx(39.96, abs=0.05)  # from the gazetteer
    again = synthetic.create_resource({"name": "Columbus CASK Parents", "kind": "support_group"})
    assert again.id == "columbus-cask-parents-2"
    assert "columbus-cask-parents" in [
        h.resource.id for h in synthetic.search(SearchQuery(text="CASK")).hits
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "call us", "not a phone number"),
        ("email", "not-an-email", "not an email"),
        ("website", "javascript:alert(1)", "http"),
        ("website", "ftp://example.org", "http"),
        ("postal_code", "ABCDE", "not a postal code for US"),
        ("kind", "charity", "is not one of"),
        ("focus", ["GENE-X"], "unknown term"),
        ("moderation", "strict", "is not one of"),
        ("last_verified", "yesterday", "date"),
    ],
)
def test_bad_values_are_named(
    synthetic: Directory, field: str, value: object, message: str
) -> None:
    values = {"name": "X", "kind": "support_group", "country": "US", field: value}
    with pytest.raises(ValidationError, match=message) as caught:
        synthetic.create_resource(values)
    assert caught.value.problems[0][0] == field


def test_an_unknown_country_is_refused(synthetic: Directory) -> None:
    with pytest.raises(InputError, match="unknown country code 'XX'"):
        synthetic.create_resource({"name": "X", "kind": "support_group", "country": "XX"})


def test_edits_to_curated_resources_are_kept_apart_and_survive_an_update(
    synthetic: Directory,
) -> None:
    synthetic.edit_resource("test-cask-peers", {"phone": "614 555 0199", "activity": "low"})
    edits = synthetic.local_edits("test-cask-peers")
    assert edits["phone"] == ("+16145550199", "")
    assert edits["activity"] == ("low", "high")
    report = synthetic.merge_bundled_dataset(SYNTHETIC_V2)  # v2 changes activity to moderate
    assert report is not None and "test-cask-peers" in report.updated
    resource = synthetic.resource("test-cask-peers")
    assert resource.activity == "low" and resource.phone == "+16145550199"  # yours kept
    assert "version 2" in resource.description  # other curated changes arrive
    assert synthetic.local_edits("test-cask-peers")["activity"] == ("low", "moderate")  # beside
    reverted = synthetic.revert_field("test-cask-peers", "activity")
    assert reverted.activity == "moderate"
    assert "activity" not in synthetic.local_edits("test-cask-peers")


def test_editing_back_to_the_curated_value_drops_the_local_edit(synthetic: Directory) -> None:
    synthetic.edit_resource("test-uk-aid", {"cost": "paid"})
    synthetic.edit_resource("test-uk-aid", {"cost": "free"})
    assert synthetic.local_edits("test-uk-aid") == {}


def test_ids_never_change(synthetic: Directory) -> None:
    with pytest.raises(InputError, match="id cannot change"):
        synthetic.edit_resource("test-uk-aid", {"id": "renamed"})


def test_archive_hides_and_brings_back(synthetic: Directory) -> None:
    assert synthetic.archive(["test-iep-guide"]) == ["test-iep-guide"]
    assert synthetic.total() == 6
    assert synthetic.resource("test-iep-guide").status == "inactive"
    synthetic.archive(["test-iep-guide"], archived=False)
    assert synthetic.total() == 7


def test_mark_verified_and_needs_review(synthetic: Directory) -> None:
    cutoff = synthetic.stale_cutoff(dt.date(2026, 11, 24))
    assert cutoff == "2025-11-24"
    stale = synthetic.search(SearchQuery(verified_before=cutoff, limit=None)).hits
    assert {h.resource.id for h in stale} == {"test-chicago-hybrid", "test-columbus-ataxia"}
    synthetic.mark_verified(["test-chicago-hybrid"], dt.date(2026, 11, 24))
    assert synthetic.resource("test-chicago-hybrid").last_verified == "2026-11-24"
    synthetic.set_stale_after_days(30)
    assert synthetic.stale_after_days() == 30
    with pytest.raises(InputError):
        synthetic.set_stale_after_days(0)


def test_a_later_curated_check_wins_over_an_older_local_one(synthetic: Directory) -> None:
    synthetic.mark_verified(["test-uk-aid"], dt.date(2025, 1, 1))
    synthetic.merge_bundled_dataset(SYNTHETIC_V2)  # curated date 2026-01-01
    assert synthetic.resource("test-uk-aid").last_verified == "2026-01-01"


def test_only_local_resources_can_be_deleted(synthetic: Directory) -> None:
    mine = synthetic.create_resource({"name": "Mine", "kind": "support_group"})
    synthetic.delete_local_resource(mine.id)
    with pytest.raises(InputError, match="archive this one instead"):
        synthetic.delete_local_resource("test-uk-aid")
