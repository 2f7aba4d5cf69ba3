"""Shared list files: one list with its notes, as JSON, to move between computers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.errors import DatasetError
from ..domain.lists import ListDump, SharedList
from ..domain.validation import ID_PATTERN
from .atomic import write_text_atomic

FORMAT_NAME = "cbh-directory-list"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ITEMS = 100_000
SNAPSHOT_KEYS = ("name", "kind", "website", "email", "phone", "city", "region", "country")


def list_to_json(dump: ListDump) -> str:
    payload = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "exported_by": f"CBH Directory {__version__}",
        "name": dump.name,
        "note": dump.note,
        "items": [
            {
                "id": item["resource_id"],
                "name": item["snapshot"].get("name", ""),
                "note": item["note"],
                "added_at": item["added_at"],
                "snapshot": item["snapshot"],
            }
            for item in dump.items
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def write_list_file(dump: ListDump, path: Path) -> None:
    write_text_atomic(path, list_to_json(dump))


def _text(value: Any, limit: int) -> str:
    return value.replace("\x00", "")[:limit] if isinstance(value, str) else ""


def parse_list(payload: Any) -> SharedList:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise DatasetError(
            'not a CBH Directory list file (expected "format": "cbh-directory-list")'
        )
    try:
        version = int(payload.get("format_version", 0))
    except (TypeError, ValueError):
        raise DatasetError("the list file has a bad format_version") from None
    if version > FORMAT_VERSION:
        raise DatasetError("this list was saved by a newer version of CBH Directory")
    name = _text(payload.get("name"), 120).strip()
    if not name:
        raise DatasetError("the list file has no list name")
    raw_items = payload.get("items")
    if not isinstance(raw_items, list):
        raise DatasetError('the list file has no "items" list')
    if len(raw_items) > MAX_ITEMS:
        raise DatasetError(f"the list file has more than {MAX_ITEMS} items")
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_items, 1):
        if not isinstance(raw, dict):
            raise DatasetError(f"item {number} is not an object")
        rid = raw.get("id")
        if not isinstance(rid, str) or not ID_PATTERN.match(rid):
            raise DatasetError(f"item {number} has a bad id {rid!r}")
        if rid in seen:
            continue
        seen.add(rid)
        given = raw.get("snapshot")
        snapshot_in: dict[str, Any] = given if isinstance(given, dict) else {}
        snapshot = {k: _text(snapshot_in.get(k), 500) for k in SNAPSHOT_KEYS}
        snapshot["name"] = snapshot["name"] or _text(raw.get("name"), 500) or rid
        items.append(
            {
                "resource_id": rid,
                "note": _text(raw.get("note"), 20_000),
                "added_at": _text(raw.get("added_at"), 40),
                "position": len(items),
                "snapshot": snapshot,
            }
        )
    return SharedList(name=name, note=_text(payload.get("note"), 20_000), items=items)


def read_list_file(path: Path) -> SharedList:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DatasetError(f"{path.name} is too large for a list file ({size:,} bytes)")
        payload = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"no such file: {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatasetError(f"{path.name} is not a valid list file: {exc}") from exc
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return parse_list(payload)
