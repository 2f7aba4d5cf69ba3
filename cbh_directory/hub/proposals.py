"""Changes through review: contributors propose, editors approve (applied) or reject."""

from __future__ import annotations

from typing import Any

from psycopg.types.json import Jsonb

from ..domain.errors import CBHError, InputError, NotFoundError, ValidationError
from ..domain.model import Resource
from ..domain.validation import ID_PATTERN, MAX_TEXT, normalise_resource
from .auth import User
from .checkups import normalise_checkup
from .db import Conn
from .writer import Writer

ACTIONS = ("new", "edit", "archive", "checkup")
STATES = ("pending", "approved", "rejected")
_EDITABLE = frozenset(Resource.field_names()) - {"id"}


class ConflictError(CBHError):
    """The proposal no longer fits the directory (the resource exists, or is gone)."""


def _live(conn: Conn, resource_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT resource FROM hub_service WHERE resource_id = %s AND archived_at IS NULL",
        (resource_id,),
    ).fetchone()
    return None if row is None else row["resource"]


def _resource_id(body: dict[str, Any]) -> str:
    rid = body.get("resource_id")
    if not isinstance(rid, str) or not ID_PATTERN.match(rid) or len(rid) > 200:
        raise ValidationError([("resource_id", "must be a resource id such as cure-cask")])
    return rid


def _edited(current: dict[str, Any], changes: Any) -> Resource:
    if not isinstance(changes, dict) or not changes:
        raise ValidationError([("changes", "must be an object of field: new value")])
    unknown = sorted(set(changes) - _EDITABLE)
    if unknown:
        raise ValidationError([("changes", "unknown or fixed field(s): " + ", ".join(unknown))])
    return normalise_resource({**current, **changes}, strict=True)


def validate(conn: Conn, body: Any) -> tuple[str, str, dict[str, Any], str]:
    """Check a proposal against the desktop's rules: (action, resource id, payload, note)."""
    if not isinstance(body, dict):
        raise ValidationError([("proposal", "must be a JSON object")])
    action = body.get("action")
    if action not in ACTIONS:
        raise ValidationError([("action", f"must be one of: {', '.join(ACTIONS)}")])
    note = body.get("note", "")
    if not isinstance(note, str) or len(note) > MAX_TEXT:
        raise ValidationError([("note", f"must be text of at most {MAX_TEXT:,} characters")])
    if action == "new":
        data = body.get("resource")
        if not isinstance(data, dict):
            raise ValidationError([("resource", "must be an object with the resource's fields")])
        resource = normalise_resource(data, strict=True)
        if _live(conn, resource.id) is not None:
            raise ConflictError(f"a resource with the id {resource.id!r} already exists")
        return action, resource.id, {"resource": resource.to_dict()}, note
    rid = _resource_id(body)
    current = _live(conn, rid)
    if current is None:
        raise NotFoundError(f"no resource {rid!r} in the directory")
    if action == "edit":
        edited = _edited(current, body.get("changes"))
        changes = {k: v for k, v in edited.to_dict().items() if k in body["changes"]}
        return action, rid, {"changes": changes}, note
    if action == "checkup":
        return action, rid, {"checkup": normalise_checkup(body.get("checkup"))}, note
    return action, rid, {}, note


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "action": row["action"],
        "resource_id": row["resource_id"],
        "payload": row["payload"],
        "note": row["note"],
        "state": row["state"],
        "proposed_by": row["proposed_by_name"],
        "proposed_at": row["proposed_at"].isoformat(),
        "reviewed_by": row["reviewed_by_name"],
        "reviewed_at": row["reviewed_at"].isoformat() if row["reviewed_at"] else None,
        "review_note": row["review_note"],
    }


_SELECT = (
    "SELECT p.*, a.name AS proposed_by_name, r.name AS reviewed_by_name FROM hub_proposal p "
    "JOIN hub_user a ON a.id = p.proposed_by LEFT JOIN hub_user r ON r.id = p.reviewed_by "
)


def propose(conn: Conn, user: User, body: Any) -> dict[str, Any]:
    with conn.transaction():
        action, rid, payload, note = validate(conn, body)
        row = conn.execute(
            "INSERT INTO hub_proposal (action, resource_id, payload, note, proposed_by) "
            "VALUES (%s, %s, %s, %s, %s) RETURNING id",
            (action, rid, Jsonb(payload), note, user.id),
        ).fetchone()
        assert row is not None
        return get(conn, user, row["id"])


def get(conn: Conn, user: User, proposal_id: int) -> dict[str, Any]:
    """One proposal: its author sees it, and editors see every one."""
    row = conn.execute(_SELECT + "WHERE p.id = %s", (proposal_id,)).fetchone()
    if row is None or not (user.can("editor") or row["proposed_by"] == user.id):
        raise NotFoundError(f"no proposal {proposal_id}")
    return _public(row)


def listing(
    conn: Conn, user: User, *, state: str = "", ids: list[int] | None = None
) -> list[dict[str, Any]]:
    """Proposals newest first: a contributor's own, or every one for editors."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if state:
        if state not in STATES:
            raise InputError(f"state must be one of: {', '.join(STATES)}")
        clauses.append("p.state = %s")
        params.append(state)
    if ids is not None:
        clauses.append("p.id = ANY(%s)")
        params.append(ids)
    if not user.can("editor"):
        clauses.append("p.proposed_by = %s")
        params.append(user.id)
    rows = conn.execute(
        _SELECT + "WHERE " + " AND ".join(clauses) + " ORDER BY p.id DESC LIMIT 1000",
        params,
    ).fetchall()
    return [_public(row) for row in rows]


def _apply(conn: Conn, row: dict[str, Any], by: str) -> None:
    writer = Writer(conn, by)
    payload, rid = row["payload"], row["resource_id"]
    if row["action"] == "new":
        if _live(conn, rid) is not None:
            raise ConflictError(f"a resource with the id {rid!r} was added meanwhile")
        writer.save([normalise_resource(payload["resource"], strict=True)])
        return
    current = _live(conn, rid)
    if current is None:
        raise ConflictError(f"the resource {rid!r} is no longer in the directory")
    if row["action"] == "edit":
        writer.save([_edited(current, payload["changes"])])
    elif row["action"] == "archive":
        writer.archive([rid], reason=row["note"] or "archived through review")
    else:
        writer.add_checkup(rid, normalise_checkup(payload["checkup"]))


def review(
    conn: Conn, editor: User, proposal_id: int, *, approve: bool, note: str = ""
) -> dict[str, Any]:
    """Approve (apply, in the same transaction) or reject a pending proposal."""
    if not isinstance(note, str) or len(note) > MAX_TEXT:
        raise ValidationError([("note", f"must be text of at most {MAX_TEXT:,} characters")])
    with conn.transaction():
        row = conn.execute(_SELECT + "WHERE p.id = %s FOR UPDATE OF p", (proposal_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no proposal {proposal_id}")
        if row["state"] != "pending":
            raise ConflictError(f"proposal {proposal_id} is already {row['state']}")
        if approve:
            author = row["proposed_by_name"]
            by = author if author == editor.name else f"{author}, approved by {editor.name}"
            _apply(conn, row, by)
        conn.execute(
            "UPDATE hub_proposal SET state = %s, reviewed_by = %s, reviewed_at = now(), "
            "review_note = %s WHERE id = %s",
            ("approved" if approve else "rejected", editor.id, note, proposal_id),
        )
    return get(conn, editor, proposal_id)
