"""Writing through review on the real hub: tokens, roles, proposals, check-ups, deletions,
and hostile input that changes nothing."""

from __future__ import annotations

import datetime as dt
import json
import socket
import time

import httpx
import pytest

from cbh_directory.exchange.hsds_common import stable_uuid
from cbh_directory.hub import db

from .conftest import RunningHub, record

PROPOSALS = "/profile/proposals"


def _state(dsn: str) -> tuple:
    """Everything a refused write must leave as it was."""
    with db.connect(dsn) as conn:
        return tuple(
            conn.execute(sql).fetchone()["v"]
            for sql in (
                "SELECT count(*) AS v FROM hub_proposal",
                "SELECT count(*) AS v FROM service",
                "SELECT count(*) AS v FROM attribute",
                "SELECT count(*) AS v FROM metadata",
                "SELECT max(modified) AS v FROM hub_service",
                "SELECT md5(string_agg(resource::text, '' ORDER BY service_id)) AS v "
                "FROM hub_service",
            )
        )


def _service(client: httpx.Client, resource_id: str) -> httpx.Response:
    return client.get(f"/services/{stable_uuid('service', resource_id)}")


def _first_resource(client: httpx.Client) -> tuple[str, dict]:
    service = client.get("/services", params={"full": "true", "per_page": 1}).json()["contents"][0]
    id_term = stable_uuid("term", "field:id")
    rid = next(a["value"] for a in service["attributes"] if a["taxonomy_term_id"] == id_term)
    return rid, service


def test_propose_approve_then_visible_to_modified_after(hub: RunningHub) -> None:
    alice = hub.client(hub.user("alice", "contributor"))
    erin = hub.client(hub.user("erin", "editor"))
    rid, before = _first_resource(erin)
    since = erin.get("/services", params={"minimal": "true", "per_page": 1000}).json()
    newest = max(item["last_modified"] for item in since["contents"])
    # modified_after is "on or after": a client asks from just past the newest change it saw
    after = (dt.datetime.fromisoformat(newest) + dt.timedelta(milliseconds=1)).isoformat()
    assert erin.get("/services", params={"modified_after": newest}).json()["total_items"] > 0
    assert erin.get("/services", params={"modified_after": after}).json()["total_items"] == 0
    time.sleep(0.01)

    changes = {"phone": "+1 614-555-0142", "country": "US"}
    made = alice.post(
        PROPOSALS,
        json={"action": "edit", "resource_id": rid, "note": "new phone", "changes": changes},
    )
    assert made.status_code == 201, made.text
    proposal = made.json()
    assert proposal["state"] == "pending" and proposal["proposed_by"] == "alice"
    # nothing changes until an editor approves
    assert erin.get("/services", params={"modified_after": after}).json()["total_items"] == 0
    assert alice.post(f"{PROPOSALS}/{proposal['id']}/approve").status_code == 403

    approved = erin.post(f"{PROPOSALS}/{proposal['id']}/approve", json={"note": "checked"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["state"] == "approved" and approved.json()["reviewed_by"] == "erin"

    changed = erin.get("/services", params={"modified_after": after, "full": "true"}).json()
    assert [s["id"] for s in changed["contents"]] == [before["id"]]
    assert changed["contents"][0]["phones"][0]["number"] == "+16145550142"
    assert changed["contents"][0]["last_modified"] > newest
    history = _service(erin, rid).json()["metadata"]
    phone = [m for m in history if m["field_name"] == "phone"]
    assert phone[-1]["previous_value"] == "" or phone[-1]["previous_value"] != "+16145550142"
    assert phone[-1]["replacement_value"] == "+16145550142"
    assert phone[-1]["updated_by"] == "alice, approved by erin"
    # the author sees the state of their own proposals; another contributor does not
    mine = alice.get(PROPOSALS, params={"ids": str(proposal["id"])}).json()["contents"]
    assert mine[0]["state"] == "approved"
    bob = hub.client(hub.user("bob", "contributor"))
    assert bob.get(f"{PROPOSALS}/{proposal['id']}").status_code == 404
    assert bob.get(PROPOSALS).json()["contents"] == []
    # a reviewed proposal cannot be reviewed again
    assert erin.post(f"{PROPOSALS}/{proposal['id']}/reject").status_code == 409


def test_new_resource_in_spanish_is_found_by_spanish_words(hub: RunningHub) -> None:
    alice = hub.client(hub.user("alice", "contributor"))
    erin = hub.client(hub.user("erin", "editor"))
    new = record("grupo-familias-columbus", description="Grupo de apoyo para familias de niños "
                 "con hipoplasia cerebelosa; reuniones mensuales.", languages=["es"],
                 country="US", format="in_person")  # fmt: skip
    made = alice.post(PROPOSALS, json={"action": "new", "resource": new}).json()
    assert erin.post(f"{PROPOSALS}/{made['id']}/approve").status_code == 200
    found = erin.get("/services", params={"search": "familia apoyos"}).json()
    # (the curated data has Spanish descriptions too: other family groups match as well)
    assert "Grupo Familias Columbus" in [s["name"] for s in found["contents"]]
    found = erin.get("/services", params={"search": "reuniones mensuales"}).json()
    assert [s["name"] for s in found["contents"]] == ["Grupo Familias Columbus"]
    # the same id again is a conflict
    again = alice.post(PROPOSALS, json={"action": "new", "resource": new})
    assert again.status_code == 409


def test_rejected_changes_nothing(hub: RunningHub) -> None:
    alice = hub.client(hub.user("alice", "contributor"))
    erin = hub.client(hub.user("erin", "editor"))
    rid, _ = _first_resource(erin)
    made = alice.post(PROPOSALS, json={"action": "archive", "resource_id": rid}).json()
    before = _state(hub.dsn)
    rejected = erin.post(f"{PROPOSALS}/{made['id']}/reject", json={"note": "still active"})
    assert rejected.json()["state"] == "rejected"
    assert rejected.json()["review_note"] == "still active"
    assert _state(hub.dsn)[1:] == before[1:]
    assert _service(erin, rid).status_code == 200


def test_archive_is_reported_as_a_deletion(hub: RunningHub) -> None:
    alice = hub.client(hub.user("alice", "contributor"))
    erin = hub.client(hub.user("erin", "editor"))
    rid, service = _first_resource(erin)
    start = dt.datetime.now(dt.UTC).isoformat()
    made = alice.post(PROPOSALS, json={"action": "archive", "resource_id": rid,
                                       "note": "the group closed"}).json()  # fmt: skip
    erin.post(f"{PROPOSALS}/{made['id']}/approve")
    assert _service(erin, rid).status_code == 404
    gone = erin.get("/profile/deletions", params={"since": start}).json()["contents"]
    assert [(d["service_id"], d["resource_id"]) for d in gone] == [(service["id"], rid)]
    assert (
        erin.get("/profile/deletions", params={"since": "2999-01-01T00:00:00Z"}).json()["contents"]
        == []
    )
    # editing what is gone is refused
    edit = alice.post(PROPOSALS, json={"action": "edit", "resource_id": rid,
                                       "changes": {"name": "Back"}})  # fmt: skip
    assert edit.status_code == 404


def test_checkup_travels_as_a_field_checkup_attribute(hub: RunningHub) -> None:
    alice = hub.client(hub.user("alice", "contributor"))
    erin = hub.client(hub.user("erin", "editor"))
    rid, _ = _first_resource(erin)
    checkup = {"id": "c-2026-0001", "on": "2026-11-20", "by": "AB", "moderation": "peer",
               "activity": "high", "last_activity": "2026-11-19", "focus_ok": True,
               "focus_note": "", "note": "Replies within hours",
               "evidence": "https://example.org/g"}  # fmt: skip
    body = {"action": "checkup", "resource_id": rid, "checkup": checkup}
    made = alice.post(PROPOSALS, json=body)
    assert made.status_code == 201, made.text
    erin.post(f"{PROPOSALS}/{made.json()['id']}/approve")
    term = stable_uuid("term", "field:checkup")
    values = [a["value"] for a in _service(erin, rid).json()["attributes"]
              if a["taxonomy_term_id"] == term]  # fmt: skip
    assert len(values) == 1
    assert values[0] == json.dumps(checkup, separators=(",", ":"), ensure_ascii=False)
    assert list(json.loads(values[0])) == ["id", "on", "by", "moderation", "activity",
        "last_activity", "focus_ok", "focus_note", "note", "evidence"]  # fmt: skip
    assert erin.get(f"/taxonomy_terms/{term}").json()["code"] == "field:checkup"
    # an edit of the same resource keeps the check-up
    changes = {"caveat": "Checked by a member"}
    body = {"action": "edit", "resource_id": rid, "changes": changes}
    edit = alice.post(PROPOSALS, json=body).json()
    erin.post(f"{PROPOSALS}/{edit['id']}/approve")
    after = _service(erin, rid).json()["attributes"]
    assert sum(a["taxonomy_term_id"] == term for a in after) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"action": "edit", "resource_id": "x", "changes": {"phone": "123"}},  # unknown id
        {"action": "new", "resource": {"id": "Bad Id", "name": "x", "kind": "support_group"}},
        {"action": "new", "resource": {"id": "ok-id", "name": "x", "kind": "spaceship"}},
        {"action": "new", "resource": {"id": "ok-id", "name": ["x"], "kind": "support_group"}},
        {
            "action": "new",
            "resource": {
                "id": "ok-id",
                "name": "x",
                "kind": "support_group",
                "website": "javascript:alert(1)",
            },
        },
        {"action": "new", "resource": "not an object"},
        {"action": "edit", "resource_id": "@@", "changes": {}},
        {"action": "checkup", "resource_id": "EDIT", "checkup": {"id": "x"}},
        {"action": "drop table"},
        {
            "action": "new",
            "resource": {"id": "ok-id", "name": "x", "kind": "support_group", "latitude": "north"},
        },
        ["a", "list"],
        "a string",
        42,
    ],
)
def test_wrong_types_and_values_are_4xx_and_change_nothing(hub: RunningHub, body: object) -> None:
    alice = hub.client(hub.user("alice", "contributor"))
    before = _state(hub.dsn)
    response = alice.post(PROPOSALS, json=body)
    assert 400 <= response.status_code < 500, response.text
    assert _state(hub.dsn) == before


def test_hostile_sizes_and_bodies_change_nothing(hub: RunningHub) -> None:
    alice = hub.client(hub.user("alice", "contributor"))
    erin = hub.client(hub.user("erin", "editor"))
    rid, _ = _first_resource(erin)
    before = _state(hub.dsn)
    huge = "x" * (10 * 1024 * 1024)
    big = alice.post(PROPOSALS, json={"action": "edit", "resource_id": rid,
                                      "changes": {"description": huge}})  # fmt: skip
    assert big.status_code == 413
    chunked = alice.post(  # no Content-Length: the hub counts as it reads
        PROPOSALS, content=(b"x" * 65536 for _ in range(200)),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    assert chunked.status_code == 413
    assert alice.post(PROPOSALS, content=b"{not json").status_code == 400
    assert alice.post(PROPOSALS, content=b"\xff\xfe\x00").status_code == 400
    checkup = {"id": "c1", "on": "2999-01-01", "by": "AB", "moderation": "peer",
               "activity": "high", "evidence": "ftp://x"}  # fmt: skip
    future = alice.post(
        PROPOSALS, json={"action": "checkup", "resource_id": rid, "checkup": checkup}
    )
    assert future.status_code == 422
    problems = {p["field"] for p in future.json()["detail"]}
    assert problems == {"on", "evidence"}
    long_query = alice.get("/services", params={"search": "y" * 60_000})
    assert long_query.status_code == 400
    port = int(hub.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:  # a 4 MB request line
        try:
            raw.sendall(b"GET /services?search=" + b"y" * (4 * 1024 * 1024) + b" HTTP/1.1\r\n")
            reply = raw.recv(100)
        except (ConnectionResetError, BrokenPipeError):
            reply = b""  # refused mid-way: the server closed the connection
    assert reply.startswith(b"HTTP/1.1 4") or reply == b""
    assert alice.get("/services", params={"per_page": 1}).status_code == 200  # still serving
    assert _state(hub.dsn) == before


def test_tokens_roles_and_revocation(hub: RunningHub) -> None:
    from click.testing import CliRunner

    from cbh_directory.cli.main import cli

    reader = hub.client(hub.user("rita", "reader"))
    assert reader.get("/profile/whoami").json() == {"name": "rita", "role": "reader"}
    before = _state(hub.dsn)
    assert reader.post(PROPOSALS, json={"action": "archive", "resource_id": "x"}).status_code == 403
    assert hub.client().post(PROPOSALS, json={}).status_code == 401
    assert hub.client("cbh_" + "A" * 43).post(PROPOSALS, json={}).status_code == 401
    basic = hub.client()
    assert basic.get("/services", headers={"Authorization": "Basic eDp5"}).status_code == 401
    assert _state(hub.dsn) == before

    token = hub.user("carl", "contributor")
    carl = hub.client(token)
    assert carl.get(PROPOSALS).status_code == 200
    result = CliRunner().invoke(cli, ["hub", "--dsn", hub.dsn, "user", "revoke", "carl"])
    assert result.exit_code == 0 and "1 token(s) revoked" in result.output
    assert carl.get(PROPOSALS).status_code == 401
    with db.connect(hub.dsn) as conn:
        stored = conn.execute("SELECT token_hash FROM hub_token").fetchall()
    assert all(token.encode() not in bytes(row["token_hash"]) for row in stored)
