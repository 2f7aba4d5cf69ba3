"""Shared list files: one list with its notes, as JSON, to move between computers."""

from __future__ import annotations

import datetime as dt
import json
import stat
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.checkups import Checkup
from ..domain.errors import DatasetError, InputError
from ..domain.language import words
from ..domain.lists import MAX_NAME, MAX_NOTE, ListDump, SharedList, clean_list_name
from ..domain.text_safety import multi_line, single_line
from ..domain.validation import ID_PATTERN, clean_snapshot
from .atomic import write_text_atomic
from .checkups_file import entries, parse_entries
from .json_input import loads
from .safe_zip import human_size

FORMAT_NAME = "cbh-directory-list"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ITEMS = 100_000


def list_to_json(dump: ListDump, checkups: Iterable[Checkup] = ()) -> str:
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
    shared = entries(checkups)
    if shared:
        payload["checkups"] = shared
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def write_list_file(dump: ListDump, path: Path, checkups: Iterable[Checkup] = ()) -> None:
    write_text_atomic(path, list_to_json(dump, checkups))


def _text(value: Any, limit: int, cut: list[str] | None = None, what: str = "") -> str:
    """Text from the file without control characters (line breaks kept); a value longer than
    `limit` is cut, and when `cut` is given that is recorded so the import can say so."""
    text = multi_line(value) if isinstance(value, str) else ""
    if len(text) > limit:
        if cut is not None:
            cut.append(what)
        text = text[:limit]
    return text


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
    warnings: list[str] = []
    raw_name = payload.get("name")
    raw_name = " ".join(single_line(raw_name).split()) if isinstance(raw_name, str) else ""
    if len(raw_name) > MAX_NAME:
        warnings.append(words("the list name was cut to {count} characters").format(count=MAX_NAME))
        raw_name = raw_name[:MAX_NAME]
    if not raw_name:
        raise DatasetError("the list file has no list name")
    try:
        name = clean_list_name(raw_name)
    except InputError as exc:
        raise DatasetError("the list file's name cannot be used: {reason}", reason=exc) from None
    raw_items = payload.get("items")
    if not isinstance(raw_items, list):
        raise DatasetError('the list file has no "items" list')
    if len(raw_items) > MAX_ITEMS:
        raise DatasetError("the list file has more than {max_items} items", max_items=MAX_ITEMS)
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    cut: list[str] = []
    left_out: Counter[str] = Counter()
    for number, raw in enumerate(raw_items, 1):
        if not isinstance(raw, dict):
            raise DatasetError("item {number} is not an object", number=number)
        rid = raw.get("id")
        if not isinstance(rid, str) or not ID_PATTERN.match(rid):
            raise DatasetError("item {number} has a bad id {rid!r}", number=number, rid=rid)
        if rid in seen:
            continue
        seen.add(rid)
        given = raw.get("snapshot")
        snapshot, dropped = clean_snapshot(given if isinstance(given, dict) else {})
        left_out.update(dropped)
        snapshot["name"] = snapshot["name"] or _text(raw.get("name"), 500).strip() or rid
        items.append(
            {
                "resource_id": rid,
                "note": _text(raw.get("note"), MAX_NOTE, cut, f"the note on {rid}"),
                "added_at": _text(raw.get("added_at"), 40),
                "position": len(items),
                "snapshot": snapshot,
            }
        )
    note = _text(payload.get("note"), MAX_NOTE, cut, "the list's note")
    if cut:
        shown = ", ".join(cut[:5]) + (f" and {len(cut) - 5} more" if len(cut) > 5 else "")
        warnings.append(
            words("cut to {count:,} characters: {shown}").format(count=MAX_NOTE, shown=shown)
        )
    if left_out:
        fields = ", ".join(f"{field} ({count})" for field, count in sorted(left_out.items()))
        warnings.append(
            words("details of items not in the directory left out as not valid: {fields}").format(
                fields=fields
            )
        )
    found = parse_entries(payload.get("checkups"))
    if found.rejected:
        warnings.append(
            words("check-ups left out: {rejected}").format(rejected="; ".join(found.rejected[:5]))
        )
    return SharedList(name=name, note=note, items=items, warnings=warnings, checkups=found.checkups)


def read_list_file(path: Path) -> SharedList:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DatasetError(
                "{name} is not a regular file (a folder, device or pipe)", name=path.name
            )
        if info.st_size > MAX_FILE_BYTES:
            raise DatasetError(
                "{name} is too large for a list file ({st_size:,} bytes; the limit is {limit})",
                name=path.name,
                st_size=info.st_size,
                limit=human_size(MAX_FILE_BYTES),
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError("no such file: {path}", path=path) from None
    except UnicodeDecodeError as exc:
        raise DatasetError(
            "{name} is not a valid list file: {reason}", name=path.name, reason=exc
        ) from exc
    except OSError as exc:
        raise DatasetError("cannot read {path}: {reason}", path=path, reason=exc) from exc
    try:
        payload = loads(text, path.name)
    except DatasetError as exc:
        raise DatasetError(
            "{name} is not a valid list file: {reason}", name=path.name, reason=exc
        ) from exc
    return parse_list(payload)
