"""Two desktops syncing from the real hub on real PostgreSQL: a full pull, then one proposes an
edit, an editor approves it, and the other receives it on its next sync; deletions, bad
tokens, and a sync interrupted at every step."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from cbh_directory.domain.errors import CBHError
from cbh_directory.domain.sync import SyncCancelled, SyncError
from cbh_directory.service import Directory

from .conftest import RunningHub, load_records, record

PROPOSALS = "/profile/proposals"


def _user_data(directory: Directory) -> tuple:
    """What a sync must never change: lists, list items and notes, local edits."""
    return tuple(
        directory.db.execute(sql).fetchall()
        for sql in (
            "SELECT id, name, note FROM lists ORDER BY id",
            "SELECT list_id, resource_id, note FROM list_items ORDER BY list_id, resource_id",
            "SELECT resource_id, field, value FROM local_edits ORDER BY resource_id, field",
        )
    )


def _directory_state(directory: Directory) -> tuple:
    """The whole directory as a user sees it, and the user's own data."""
    rows = directory.db.execute(
        "SELECT id, name, phone, status, origin, updated_at FROM resources ORDER BY id"
    ).fetchall()
    return rows, _user_data(directory)


@pytest.fixture
def desktops(curated_db: Path, tmp_path: Path) -> list[Directory]:
    """Two desktops, each its own database with the curated dataset."""
    opened = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        path = folder / "directory.sqlite3"
        shutil.copyfile(curated_db, path)
        opened.append(Directory.open(path))
    yield opened
    for directory in opened:
        directory.close()


def test_propose_approve_and_the_other_desktop_receives_it(
    hub: RunningHub, desktops: list[Directory]
) -> None:
    a, b = desktops
    alice = hub.user("alice", "contributor")
    bob = hub.user("bob", "reader")
    erin = hub.client(hub.user("erin", "editor"))
    total = erin.get("/services", params={"per_page": 1}).json()["total_items"]

    # Desktop B keeps a list with a note on an entry: syncing never touches it.
    listed = b.create_list("Rivera family", "March visit")
    b.add_to_list(listed.id, ["cure-cask"], note="call on Monday")
    before_b = _user_data(b)

    first_a = a.sync(hub.url, alice)
    first_b = b.sync(hub.url, bob)
    for report in (first_a, first_b):
        assert report.full and report.via == "ndjson"
        assert report.received == total
        assert not report.rejected and not report.conflicts
    assert a.resource("cure-cask").name == b.resource("cure-cask").name

    # Desktop A edits a phone and proposes it; it waits in the outbox until the next sync.
    a.edit_resource("cure-cask", {"phone": "+1 614-555-0142"})
    entry = a.propose("cure-cask", note="new number from their site")
    assert [(e.id, e.state, e.changes) for e in a.outbox()] == [(entry, "waiting", ("phone",))]

    second_a = a.sync(hub.url, alice)
    assert second_a.sent == 1 and not second_a.full and second_a.deletions_via == "profile"
    sent = a.outbox()[0]
    assert sent.state == "sent" and sent.proposal_id is not None

    pending = erin.get(PROPOSALS, params={"state": "pending"}).json()["contents"]
    assert [(p["resource_id"], p["payload"]) for p in pending] == [
        ("cure-cask", {"changes": {"phone": "+16145550142"}})
    ]
    approved = erin.post(f"{PROPOSALS}/{sent.proposal_id}/approve", json={"note": "checked"})
    assert approved.status_code == 200, approved.text

    # Desktop B has not synced yet: it still shows the old phone.
    assert b.resource("cure-cask").phone != "+16145550142"
    second_b = b.sync(hub.url, bob)
    assert not second_b.full and second_b.updated == ["cure-cask"]
    assert b.resource("cure-cask").phone == "+16145550142"
    assert _user_data(b) == before_b  # the list, its note: untouched

    # Desktop A hears the review; its local edit now agrees with the hub and stops being one.
    third_a = a.sync(hub.url, alice)
    assert third_a.reviewed == 1
    reviewed = a.outbox()[0]
    assert (reviewed.state, reviewed.review_note) == ("approved", "checked")
    assert a.local_edits("cure-cask") == {}
    assert a.resource("cure-cask").phone == "+16145550142"


def test_hub_removal_makes_the_entry_inactive_and_local_edits_stay(
    hub: RunningHub, desktops: list[Directory], tmp_path: Path
) -> None:
    a, _ = desktops
    reader = hub.user("reader", "reader")
    load_records(hub.dsn, tmp_path, [record("county-parents-group", city="Columbus")])
    a.sync(hub.url, reader)
    assert a.resource("county-parents-group").status == "active"
    a.edit_resource("cure-cask", {"description": "My own words for this group."})

    # The hub drops the county group (a load with --prune archives what a file lacks).
    erin = hub.client(hub.user("erin", "editor"))
    made = erin.post(PROPOSALS, json={"action": "archive", "resource_id": "county-parents-group"})
    assert erin.post(f"{PROPOSALS}/{made.json()['id']}/approve").status_code == 200

    report = a.sync(hub.url, reader)
    assert report.deactivated == ["county-parents-group"]
    assert a.resource("county-parents-group").status == "inactive"
    assert a.resource("cure-cask").description == "My own words for this group."


def test_a_bad_token_changes_nothing(hub: RunningHub, desktops: list[Directory]) -> None:
    a, _ = desktops
    before = _directory_state(a)
    with pytest.raises(SyncError, match="needs a valid token"):
        a.sync(hub.url, "not-a-real-token")
    with pytest.raises(SyncError, match="needs a valid token"):
        a.sync(hub.url, None)
    assert _directory_state(a) == before
    assert a.db.execute("SELECT count(*) FROM sync_staged").fetchone()[0] == 0


def test_a_readers_token_cannot_send_proposals_but_still_syncs(
    hub: RunningHub, desktops: list[Directory]
) -> None:
    a, _ = desktops
    token = hub.user("alice", "contributor")
    a.sync(hub.url, token)
    a.edit_resource("cure-cask", {"phone": "+1 614-555-0142"})
    a.propose("cure-cask")
    reader = hub.user("rita", "reader")
    erin = hub.client(hub.user("erin", "editor"))
    erin.post(PROPOSALS, json={"action": "archive", "resource_id": "project-cask"})
    approved = erin.get(PROPOSALS).json()["contents"][0]["id"]
    assert erin.post(f"{PROPOSALS}/{approved}/approve").status_code == 200
    report = a.sync(hub.url, reader)  # a reader may read but not propose
    assert report.sent == 0 and len(report.send_failures) == 1
    assert "refused the token" in report.send_failures[0]
    assert [e.state for e in a.outbox()] == ["waiting"]  # sent with a contributor's token later
    assert report.deactivated == ["project-cask"]  # the rest of the sync went on


@pytest.mark.parametrize("stop_after", [0, 1, 3, 10])
def test_an_interrupted_sync_leaves_the_directory_as_it_was(
    hub: RunningHub, desktops: list[Directory], stop_after: int
) -> None:
    """The connection drops (or the user cancels) after N services: nothing is merged, and
    the next sync completes."""
    a, _ = desktops
    token = hub.user("alice", "contributor")
    before = _directory_state(a)
    calls = {"n": 0}

    class Dropping(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if request.url.params.get("format") != "ndjson":
                return response
            inner = response.stream

            class Stream(httpx.SyncByteStream):
                def __iter__(self):  # type: ignore[override]
                    for chunk in inner:  # type: ignore[union-attr]
                        for line in chunk.splitlines(keepends=True):
                            calls["n"] += 1
                            if calls["n"] > stop_after:
                                raise httpx.ReadError("connection reset by peer")
                            yield line

                def close(self) -> None:
                    inner.close()  # type: ignore[union-attr]

            return httpx.Response(response.status_code, headers=response.headers, stream=Stream())

    with pytest.raises(SyncError, match="connection failed"):
        a.sync(hub.url, token, transport=Dropping())
    assert _directory_state(a) == before

    with pytest.raises(SyncCancelled):
        a.sync(hub.url, token, cancelled=lambda: True)
    assert _directory_state(a) == before

    report = a.sync(hub.url, token)
    assert report.full and report.received > 0
    assert _directory_state(a) != before


def test_errors_are_cbh_errors(hub: RunningHub, desktops: list[Directory]) -> None:
    """The CLI and the window show the message: every sync failure is one of the app's."""
    a, _ = desktops
    with pytest.raises(CBHError, match="not an http"):
        a.sync("ftp://example.org/")
    with pytest.raises(CBHError, match="could not reach"):
        a.sync("http://127.0.0.1:9/")


def test_a_new_entry_and_a_checkup_go_up_and_the_new_entry_comes_back_as_the_hubs(
    hub: RunningHub, desktops: list[Directory]
) -> None:
    a, b = desktops
    alice = hub.user("alice", "contributor")
    erin = hub.client(hub.user("erin", "editor"))
    a.sync(hub.url, alice)
    made = a.create_resource(
        {"name": "Franklin County CH Parents", "kind": "support_group", "city": "Columbus",
         "region": "OH", "country": "US", "email": "parents@example.org"}
    )  # fmt: skip
    a.propose(made.id)
    checkup = {"id": "desk-a-1", "on": "2026-11-20", "by": "AB", "moderation": "peer",
               "activity": "high"}  # fmt: skip
    a.propose_checkup("cure-cask", checkup)
    assert a.sync(hub.url, alice).sent == 2
    for proposal in erin.get(PROPOSALS, params={"state": "pending"}).json()["contents"]:
        assert erin.post(f"{PROPOSALS}/{proposal['id']}/approve").status_code == 200

    report = a.sync(hub.url, alice)
    assert report.reviewed == 2 and not report.conflicts
    assert {e.state for e in a.outbox()} == {"approved"}
    # The entry made here is now the hub's: its edits are tracked apart from here on.
    assert a.db.execute("SELECT origin FROM resources WHERE id = ?", [made.id]).fetchone() == (
        "hub",
    )
    b.sync(hub.url, alice)
    assert b.resource(made.id).email == "parents@example.org"


def test_an_entry_made_here_is_never_overwritten_by_the_hub(
    hub: RunningHub, desktops: list[Directory], tmp_path: Path
) -> None:
    a, _ = desktops
    token = hub.user("alice", "contributor")
    mine = a.create_resource({"name": "County Parents Group", "kind": "support_group"})
    load_records(hub.dsn, tmp_path, [record(mine.id, description="The hub's own group.")])
    report = a.sync(hub.url, token)
    assert report.conflicts == [mine.id]
    assert a.resource(mine.id).description == ""


def test_the_cli_syncs_proposes_and_lists_the_outbox(
    hub: RunningHub, curated_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ..cli.test_cli import run

    token = hub.user("alice", "contributor")
    db = str(curated_db)
    first = run("--db", db, "sync", hub.url, "--token", token)
    assert first.code == 0, first.err
    assert "full sync from" in first.out and "services received" in first.out
    assert run("--db", db, "edit", "cure-cask", "--set", "phone=+1 614-555-0142").code == 0
    proposed = run("--db", db, "propose", "cure-cask", "--note", "their new line")
    assert proposed.code == 0 and "waiting in the outbox" in proposed.out
    assert "waiting" in run("--db", db, "outbox").out
    monkeypatch.setenv("CBH_HUB_TOKEN", token)
    again = run("--db", db, "sync")  # the last address, the token from the environment
    assert again.code == 0, again.err
    assert "incremental sync" in again.out and "1 proposal sent" in again.out
    listed = run("--db", db, "outbox", "--json").json()
    assert [(e["state"], e["changes"]) for e in listed] == [("sent", ["phone"])]
    full = run("--db", db, "sync", "--full", "--json")
    assert full.code == 0, full.err
    assert full.json()["full"] is True and full.json()["via"] == "ndjson"
    assert "0 check-ups of yours" in run("--db", db, "propose", "--checkups").out
    assert run("--db", db, "propose").code == 2  # neither an id nor --checkups
    nothing = run("--db", db, "propose", "cask-research")
    assert nothing.code == 2 and "no local edits" in nothing.err


def test_a_sync_killed_at_any_moment_leaves_the_directory_whole(
    hub: RunningHub, curated_db: Path, tmp_path: Path
) -> None:
    """kill -9 during start-up, the download or the merge: the directory is as it was before
    the sync or as after it, never in between; the next sync finishes."""
    token = hub.user("alice", "contributor")
    reference = tmp_path / "reference.sqlite3"
    shutil.copyfile(curated_db, reference)
    started = time.monotonic()
    assert _cli_sync(reference, hub.url, token).wait() == 0
    whole = time.monotonic() - started
    with Directory.open(reference) as done:
        after = _visible(done)
    with Directory.open(curated_db) as directory:
        before = _visible(directory)
    assert before != after
    outcomes = []
    for fraction in (0.3, 0.5, 0.7, 0.8, 0.9, 0.95):
        process = _cli_sync(curated_db, hub.url, token)
        time.sleep(whole * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with Directory.open(curated_db, prepare=False) as directory:
            assert directory.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            state = _visible(directory)
        assert state in (before, after), f"half-merged when killed at {fraction:.0%}"
        outcomes.append(state == after)
        if state == after:
            break
    with Directory.open(curated_db) as directory:
        directory.sync(hub.url, token)
        assert _visible(directory) == after
    assert outcomes[0] is False  # at least one kill landed before the merge committed


def _cli_sync(path: Path, url: str, token: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "cbh_directory", "--db", str(path), "sync", url],
        env={**os.environ, "CBH_HUB_TOKEN": token},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _visible(directory: Directory) -> list[tuple]:
    return directory.db.execute(
        "SELECT id, name, phone, status, origin FROM resources ORDER BY id"
    ).fetchall()


def test_a_checkup_sent_by_one_desktop_reaches_the_other_once_approved(
    hub: RunningHub, desktops: list[Directory]
) -> None:
    a, b = desktops
    alice = hub.user("alice", "contributor")
    erin = hub.client(hub.user("erin", "editor"))
    a.sync(hub.url, alice)
    b.sync(hub.url, alice)
    made = a.record_checkup(
        "cure-cask", {"moderation": "peer", "activity": "high", "on": "2026-11-20"}, by="AB"
    )
    assert b.checkups("cure-cask") == []  # check-ups stay on the desktop until sent
    assert a.sync(hub.url, alice).sent == 0
    assert a.propose_checkups() == 1
    assert a.propose_checkups() == 0  # already in the outbox
    assert a.sync(hub.url, alice).sent == 1
    pending = erin.get(PROPOSALS, params={"state": "pending"}).json()["contents"]
    assert [p["action"] for p in pending] == ["checkup"]
    assert erin.post(f"{PROPOSALS}/{pending[0]['id']}/approve").status_code == 200

    report = b.sync(hub.url, alice)
    assert report.checkups_added == 1 and "1 check-up received" in report.summary()
    [received] = b.checkups("cure-cask")
    assert (received.id, received.by, received.moderation, received.activity) == (
        made.id, "AB", "peer", "high",
    )  # fmt: skip
    assert b.propose_checkups() == 0  # another's check-up is not sent back
    assert a.sync(hub.url, alice).checkups_added == 0  # its own came back: not twice
    assert len(a.checkups("cure-cask")) == 1


def test_after_a_sync_the_hub_not_the_bundled_dataset_keeps_its_entries(
    hub: RunningHub, desktops: list[Directory], tmp_path: Path
) -> None:
    """The agency's hub is the source of truth for what it holds: a later bundled dataset
    leaves those entries to it."""
    import json

    a, _ = desktops
    a.sync(hub.url, hub.user("reader", "reader"))
    name = a.resource("cure-cask").name
    dataset = tmp_path / "newer.json"
    records = [{**a.resource("cure-cask").to_dict(), "name": "Renamed By The Curators"}]
    dataset.write_text(
        json.dumps({"format": "cbh-directory", "format_version": 1,
                    "dataset_version": "2999.1.1", "released": "2999-01-01",
                    "resources": records}),
        encoding="utf-8",
    )  # fmt: skip
    report = a.merge_bundled_dataset(dataset, force=True)
    assert report is not None and report.conflicts == ["cure-cask"]
    assert a.resource("cure-cask").name == name
