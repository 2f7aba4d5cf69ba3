"""The official OpenAPI description made checkable offline: its remote schema references are
replaced by the HSDS 3.0 schemas in resources/hsds, compiled here (references inlined)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from cbh_directory.hub.openapi_doc import served_openapi

SCHEMAS = Path(__file__).resolve().parents[2] / "resources" / "hsds" / "v3.0" / "schema"
REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def _load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


def _inline(node: Any, chain: tuple[str, ...]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.endswith(".json") and "/" not in ref:
            name = ref[: -len(".json")]
            if name in chain:  # a cycle: the spec's own compiled files stop there too
                return {"type": "object"}
            return _inline(_load(name), (*chain, name))
        return {key: _inline(value, chain) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, chain) for item in node]
    return node


def compiled(name: str) -> dict[str, Any]:
    """A schema with every reference to a sibling file inlined (as the spec's compiled/ has)."""
    return _inline(_load(name), (name,))


def _one_to_one(schema: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(schema)
    properties = {}
    for key, value in out.get("properties", {}).items():
        if value.get("type") == "array":
            continue
        if value.get("type") == "object" or "properties" in value:
            value = _one_to_one(value)
        properties[key] = value
    out["properties"] = properties
    return out


def listed(name: str) -> dict[str, Any]:
    """The '_list' form: only one-to-one fields (nested arrays left out), as compiled/*_list."""
    return _one_to_one(compiled(name))


def _service_at_location_list() -> dict[str, Any]:
    schema = listed("service_at_location")
    schema["properties"]["service"] = listed("service")
    return schema


def local_schemas() -> dict[str, dict[str, Any]]:
    return {
        REMOTE + "compiled/service.json": compiled("service"),
        REMOTE + "compiled/service_list.json": listed("service"),
        REMOTE + "compiled/organization.json": compiled("organization"),
        REMOTE + "compiled/organization_list.json": listed("organization"),
        REMOTE + "compiled/service_at_location_list.json": _service_at_location_list(),
        REMOTE + "taxonomy.json": compiled("taxonomy"),
        REMOTE + "taxonomy_term.json": compiled("taxonomy_term"),
    }


def _replace(node: Any, table: dict[str, dict[str, Any]], seen: set[str]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("https://"):
            seen.add(ref)
            return table[ref]
        return {key: _replace(value, table, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [_replace(item, table, seen) for item in node]
    return node


def checkable_openapi() -> tuple[dict[str, Any], set[str]]:
    """The served description with local schemas in place of the remote ones; and which
    remote references were replaced (all of them must have been)."""
    seen: set[str] = set()
    return _replace(served_openapi(), local_schemas(), seen), seen
