"""The OpenAPI description the hub serves: the official HSDS API 3.0 one, plus the profile."""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

from .. import __version__
from ..paths import hsds_openapi_file

PROFILE_PREFIX = "/profile"
PROFILE_FLAG = "x-cbh-directory-profile"

_POINT = [
    {
        "name": "lat",
        "in": "query",
        "required": False,
        "description": "Profile extension: latitude (WGS84) of the point `proximity` is "
        "measured from, instead of a postcode; give `long` and `proximity` too.",
        "schema": {"type": "number", "minimum": -90, "maximum": 90},
        PROFILE_FLAG: True,
    },
    {
        "name": "long",
        "in": "query",
        "required": False,
        "description": "Profile extension: longitude (WGS84) of that point.",
        "schema": {"type": "number", "minimum": -180, "maximum": 180},
        PROFILE_FLAG: True,
    },
]
_JSON_OBJECT = {"type": "object", "additionalProperties": True}
_ERROR = {
    "description": "The request was refused; `detail` says why.",
    "content": {"application/json": {"schema": _JSON_OBJECT}},
}
_BEARER: list[dict[str, list[str]]] = [{"bearerToken": []}]


def _operation(summary: str, op_id: str, **extra: Any) -> dict[str, Any]:
    responses = {
        "200": {"description": summary, "content": {"application/json": {"schema": _JSON_OBJECT}}},
        "401": _ERROR,
        "403": _ERROR,
        "404": _ERROR,
    }
    return {
        "summary": summary,
        "operationId": op_id,
        "tags": ["CBH Directory profile"],
        "security": _BEARER,
        PROFILE_FLAG: True,
        "responses": responses,
        **extra,
    }


def _body(description: str) -> dict[str, Any]:
    return {
        "required": True,
        "description": description,
        "content": {"application/json": {"schema": _JSON_OBJECT}},
    }


def _id_param() -> list[dict[str, Any]]:
    return [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]


def profile_paths() -> dict[str, Any]:
    p = PROFILE_PREFIX
    return {
        p: {"get": {**_operation("What this profile adds", "getProfile"), "security": []}},
        f"{p}/whoami": {"get": _operation("The user the token belongs to", "getWhoAmI")},
        f"{p}/deletions": {
            "get": _operation(
                "Services removed since a time (the standard API has no deletions)",
                "getDeletions",
                parameters=[
                    {
                        "name": "since",
                        "in": "query",
                        "required": False,
                        "description": "ISO 8601 date-time; every deletion when left out.",
                        "schema": {"type": "string", "format": "date-time"},
                    }
                ],
            )
        },
        f"{p}/proposals": {
            "get": _operation(
                "Proposals, newest first: your own, or all for editors",
                "listProposals",
                parameters=[
                    {
                        "name": "state",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["pending", "approved", "rejected"]},
                    },
                    {
                        "name": "ids",
                        "in": "query",
                        "description": "Comma-separated ids",
                        "schema": {"type": "string"},
                    },
                ],
            ),
            "post": _operation(
                "Propose a new resource, an edit, an archive or a check-up (contributor)",
                "createProposal",
                requestBody=_body(
                    '{"action": "new", "resource": {...}} | {"action": "edit", "resource_id": '
                    '"...", "changes": {...}} | {"action": "archive", "resource_id": "..."} | '
                    '{"action": "checkup", "resource_id": "...", "checkup": {...}}; "note" optional'
                ),
            ),
        },
        f"{p}/proposals/{{id}}": {
            "get": _operation("One proposal and its state", "getProposal", parameters=_id_param())
        },
        f"{p}/proposals/{{id}}/approve": {
            "post": _operation(
                "Approve and apply a pending proposal (editor)",
                "approveProposal",
                parameters=_id_param(),
            )
        },
        f"{p}/proposals/{{id}}/reject": {
            "post": _operation(
                "Reject a pending proposal (editor)", "rejectProposal", parameters=_id_param()
            )
        },
    }


@functools.cache
def official() -> dict[str, Any]:
    with open(hsds_openapi_file(), encoding="utf-8") as stream:
        return json.load(stream)


def served_openapi() -> dict[str, Any]:
    """The official description with this hub's info, the proximity extension and the profile."""
    doc = copy.deepcopy(official())
    doc["info"] = {
        "title": "CBH Directory hub: HSDS API 3.0",
        "version": __version__,
        "summary": "Support resources for families of children with cerebellar hypoplasia",
        "description": "Open Referral HSDS API 3.0 read endpoints, plus the CBH Directory "
        f"profile under {PROFILE_PREFIX} (writes through review, deletions); see docs/HUB.md.",
        "license": {"name": "Data: see each source; API description CC BY-SA 4.0 (Open Referral)"},
    }
    for path in ("/services", "/service_at_locations"):
        parameters = doc["paths"][path]["get"]["parameters"]
        names = {p.get("$ref", "").rsplit("/", 1)[-1] for p in parameters}
        for name in ("postcode", "proximity"):
            if name not in names:
                parameters.append({"$ref": f"#/components/parameters/{name}"})
        parameters.extend(copy.deepcopy(_POINT))
    doc["paths"].update(profile_paths())
    doc.setdefault("components", {})["securitySchemes"] = {
        "bearerToken": {
            "type": "http",
            "scheme": "bearer",
            "description": "A token from `cbh-directory hub user add`",
        }
    }
    return doc
