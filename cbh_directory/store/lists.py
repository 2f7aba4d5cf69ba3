"""The user's lists: Bookmarks and named lists of resources, with notes, order and dates.

Items are keyed by the resource's stable text id, never by a foreign key, so nothing that
happens to the directory (updates, merges, re-imports) can delete or change them. Each item
keeps a snapshot of the resource's name and contact details for when it leaves the directory.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from ..domain.errors import InputError, NotFoundError
from ..domain.lists import (
    BOOKMARKS,
    MAX_NOTE,
    ListDump,
    ListImportReport,
    ListInfo,
    ListItem,
    SharedList,
    clean_list_name,
    list_name_key,
)
from ..domain.text_safety import multi_line
from .database import now_iso, write_transaction
from .resources import find_resource, snapshot_of


def clean_name(name: str) -> str:
    return clean_list_name(name)


def _clean_note(note: str) -> str:
    """A note as stored: without control characters (line breaks kept). A note longer than
    the limit is refused, never cut without a word (list files report what they cut)."""
    text = multi_line(note or "")
    if len(text) > MAX_NOTE:
        raise InputError(
            "a note can have at most {max_note:,} characters ({count:,} given)",
            max_note=MAX_NOTE,
            count=len(text),
        )
    return text


_LIST_SQL = """
SELECT l.id, l.name, l.kind, l.note, l.created_at, l.updated_at,
       (SELECT count(*) FROM list_items i WHERE i.list_id = l.id) AS count
FROM lists l
"""


def _info(row: Any) -> ListInfo:
    return ListInfo(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        note=row["note"],
        count=row["count"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def ensure_bookmarks(db: sqlite_utils.Database) -> None:
    """The Bookmarks list always exists."""
    if db.execute("SELECT 1 FROM lists WHERE kind = ?", [BOOKMARKS]).fetchone() is None:
        with write_transaction(db):
            name = "Bookmarks"
            if db.execute("SELECT 1 FROM lists WHERE name = ?", [name]).fetchone():
                name = "Bookmarks (starred)"
            db.execute(
                "INSERT INTO lists (name, kind, position) VALUES (?, ?, 0)", [name, BOOKMARKS]
            )


def all_lists(db: sqlite_utils.Database) -> list[ListInfo]:
    """Bookmarks first, then the other lists by name."""
    sql = _LIST_SQL + " ORDER BY l.kind <> 'bookmarks', l.name COLLATE NOCASE"
    return [_info(row) for row in db.query(sql)]


def get_list(db: sqlite_utils.Database, name_or_id: str | int) -> ListInfo:
    if isinstance(name_or_id, int):
        rows = list(db.query(_LIST_SQL + " WHERE l.id = ?", [name_or_id]))
    else:
        found = _id_by_name(db, name_or_id)
        rows = [] if found is None else list(db.query(_LIST_SQL + " WHERE l.id = ?", [found]))
    if not rows:
        names = [str(r[0]) for r in db.execute("SELECT name FROM lists ORDER BY name")]
        by_key = {list_name_key(n): n for n in names}
        close = difflib.get_close_matches(list_name_key(str(name_or_id)), list(by_key), 3, 0.5)
        hint = [by_key[k] for k in close] or names[:10]
        if not hint:
            raise NotFoundError("no list named {name!r}", name=name_or_id)
        raise NotFoundError(
            "no list named {name!r}; did you mean: {lists}?"
            if close
            else "no list named {name!r}; the lists are: {lists}",
            name=name_or_id,
            lists=", ".join(hint),
        )
    return _info(rows[0])


def bookmarks(db: sqlite_utils.Database) -> ListInfo:
    rows = list(db.query(_LIST_SQL + " WHERE l.kind = ?", [BOOKMARKS]))
    if not rows:
        ensure_bookmarks(db)
        rows = list(db.query(_LIST_SQL + " WHERE l.kind = ?", [BOOKMARKS]))
    return _info(rows[0])


def _id_by_name(db: sqlite_utils.Database, name: str) -> int | None:
    """The list whose name is this one up to Unicode normalisation and case (any script)."""
    key = list_name_key(name)
    for list_id, stored in db.execute("SELECT id, name FROM lists ORDER BY id"):
        if list_name_key(stored) == key:
            return int(list_id)
    return None


def _unique_name(db: sqlite_utils.Database, name: str, exclude: int | None = None) -> None:
    found = _id_by_name(db, name)
    if found is not None and found != exclude:
        raise InputError("there is already a list named {name!r}", name=name)


def create_list(db: sqlite_utils.Database, name: str, note: str = "") -> ListInfo:
    name = clean_name(name)
    with write_transaction(db):
        _unique_name(db, name)
        cursor = db.execute(
            "INSERT INTO lists (name, note, kind) VALUES (?, ?, 'user')", [name, _clean_note(note)]
        )
        list_id = int(cursor.lastrowid or 0)
    return get_list(db, list_id)


def rename_list(db: sqlite_utils.Database, list_id: int, name: str) -> ListInfo:
    name = clean_name(name)
    with write_transaction(db):
        current = get_list(db, list_id)
        if current.is_bookmarks:
            raise InputError("the Bookmarks list cannot be renamed")
        _unique_name(db, name, exclude=list_id)
        db.execute(
            "UPDATE lists SET name = ?, updated_at = ? WHERE id = ?", [name, now_iso(), list_id]
        )
    return get_list(db, list_id)


def set_list_note(db: sqlite_utils.Database, list_id: int, note: str) -> None:
    with write_transaction(db):
        get_list(db, list_id)
        db.execute(
            "UPDATE lists SET note = ?, updated_at = ? WHERE id = ?",
            [_clean_note(note), now_iso(), list_id],
        )


def dump_list(db: sqlite_utils.Database, list_id: int) -> ListDump:
    info = get_list(db, list_id)
    return ListDump(
        id=info.id,
        name=info.name,
        kind=info.kind,
        note=info.note,
        created_at=info.created_at,
        items=[_item_dump(row) for row in _item_rows(db, list_id)],
    )


def delete_list(db: sqlite_utils.Database, list_id: int) -> ListDump:
    """Delete a list and its items; returns what is needed to restore it."""
    with write_transaction(db):
        dump = dump_list(db, list_id)
        if dump.kind == BOOKMARKS:
            raise InputError("the Bookmarks list cannot be deleted")
        db.execute("DELETE FROM lists WHERE id = ?", [list_id])
    return dump


def restore_list(db: sqlite_utils.Database, dump: ListDump) -> ListInfo:
    """Recreate a deleted list with its id, items, notes, order and dates."""
    with write_transaction(db):
        _unique_name(db, dump.name)
        taken = (
            dump.id is not None
            and db.execute("SELECT 1 FROM lists WHERE id = ?", [dump.id]).fetchone()
        )
        cursor = db.execute(
            "INSERT INTO lists (id, name, kind, note, created_at) VALUES (?, ?, ?, ?, ?)",
            [None if taken else dump.id, dump.name, dump.kind, dump.note, dump.created_at],
        )
        list_id = int(cursor.lastrowid or 0)
        _insert_items(db, list_id, dump.items)
    return get_list(db, list_id)


def duplicate_list(db: sqlite_utils.Database, list_id: int, name: str) -> ListInfo:
    name = clean_name(name)
    with write_transaction(db):
        source = dump_list(db, list_id)
        _unique_name(db, name)
        cursor = db.execute(
            "INSERT INTO lists (name, kind, note) VALUES (?, 'user', ?)", [name, source.note]
        )
        new_id = int(cursor.lastrowid or 0)
        _insert_items(db, new_id, source.items)
    return get_list(db, new_id)


# ---------------------------------------------------------------- items


def _item_rows(db: sqlite_utils.Database, list_id: int) -> list[Any]:
    return list(
        db.query(
            "SELECT i.resource_id, i.note, i.added_at, i.position, i.snapshot, "
            "r.name AS current_name, r.pk IS NOT NULL AS present "
            "FROM list_items i LEFT JOIN resources r ON r.id = i.resource_id "
            "WHERE i.list_id = ? ORDER BY i.position, i.added_at, i.resource_id",
            [list_id],
        )
    )


def _item_dump(row: Any) -> dict[str, Any]:
    return {
        "resource_id": row["resource_id"],
        "note": row["note"],
        "added_at": row["added_at"],
        "position": row["position"],
        "snapshot": json.loads(row["snapshot"] or "{}"),
    }


def list_items(db: sqlite_utils.Database, list_id: int) -> list[ListItem]:
    get_list(db, list_id)
    items = []
    for row in _item_rows(db, list_id):
        snapshot = json.loads(row["snapshot"] or "{}")
        items.append(
            ListItem(
                resource_id=row["resource_id"],
                name=row["current_name"] or snapshot.get("name") or row["resource_id"],
                note=row["note"],
                added_at=row["added_at"],
                position=row["position"],
                in_directory=bool(row["present"]),
                snapshot=snapshot,
            )
        )
    return items


def item_ids(db: sqlite_utils.Database, list_id: int) -> set[str]:
    rows = db.execute("SELECT resource_id FROM list_items WHERE list_id = ?", [list_id])
    return {row[0] for row in rows}


def _next_position(db: sqlite_utils.Database, list_id: int) -> int:
    row = db.execute(
        "SELECT coalesce(max(position), -1) + 1 FROM list_items WHERE list_id = ?", [list_id]
    ).fetchone()
    return int(row[0])


def _insert_items(db: sqlite_utils.Database, list_id: int, items: Iterable[dict[str, Any]]) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO list_items"
        " (list_id, resource_id, note, added_at, position, snapshot) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                list_id,
                item["resource_id"],
                _clean_note(item.get("note", "")),
                item.get("added_at") or now_iso(),
                int(item.get("position", 0)),
                json.dumps(item.get("snapshot") or {}, ensure_ascii=False),
            )
            for item in items
        ],
    )


def add_items(
    db: sqlite_utils.Database, list_id: int, resource_ids: Iterable[str], note: str = ""
) -> list[str]:
    """Add resources (which must exist in the directory) at the end; returns the ids added.

    Ids already in the list are left as they are. All or nothing: an unknown id adds none.
    """
    ids = list(dict.fromkeys(resource_ids))
    with write_transaction(db):
        get_list(db, list_id)
        resources = []
        for rid in ids:
            resource = find_resource(db, rid)
            if resource is None:
                raise NotFoundError("no resource with id {rid!r}", rid=rid)
            resources.append(resource)
        present = item_ids(db, list_id)
        position = _next_position(db, list_id)
        added: list[str] = []
        now = now_iso()
        for resource in resources:
            if resource.id in present:
                continue
            db.execute(
                "INSERT INTO list_items (list_id, resource_id, note, added_at, position, snapshot)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [list_id, resource.id, _clean_note(note), now, position, snapshot_of(resource)],
            )
            position += 1
            added.append(resource.id)
        if added:
            _touch(db, list_id)
    return added


def remove_items(
    db: sqlite_utils.Database, list_id: int, resource_ids: Iterable[str]
) -> list[dict[str, Any]]:
    """Remove items; returns their full records so they can be put back (undo)."""
    ids = list(dict.fromkeys(resource_ids))
    with write_transaction(db):
        get_list(db, list_id)
        removed = [
            _item_dump(row) for row in _item_rows(db, list_id) if row["resource_id"] in set(ids)
        ]
        db.conn.executemany(
            "DELETE FROM list_items WHERE list_id = ? AND resource_id = ?",
            [(list_id, rid) for rid in ids],
        )
        if removed:
            _touch(db, list_id)
    return removed


def restore_items(db: sqlite_utils.Database, list_id: int, items: list[dict[str, Any]]) -> None:
    """Put removed items back with their notes, dates and places in the order."""
    with write_transaction(db):
        get_list(db, list_id)
        _insert_items(db, list_id, items)
        _touch(db, list_id)


def set_item_note(db: sqlite_utils.Database, list_id: int, resource_id: str, note: str) -> None:
    with write_transaction(db):
        cursor = db.execute(
            "UPDATE list_items SET note = ? WHERE list_id = ? AND resource_id = ?",
            [_clean_note(note), list_id, resource_id],
        )
        if cursor.rowcount == 0:
            raise NotFoundError("{resource_id!r} is not in this list", resource_id=resource_id)
        _touch(db, list_id)


def get_item_note(db: sqlite_utils.Database, list_id: int, resource_id: str) -> str:
    row = db.execute(
        "SELECT note FROM list_items WHERE list_id = ? AND resource_id = ?", [list_id, resource_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("{resource_id!r} is not in this list", resource_id=resource_id)
    return str(row[0])


def reorder(db: sqlite_utils.Database, list_id: int, ordered_ids: list[str]) -> None:
    """Set the order of the list: the given ids first in that order, then the rest as they were."""
    with write_transaction(db):
        current = [row["resource_id"] for row in _item_rows(db, list_id)]
        wanted = [rid for rid in dict.fromkeys(ordered_ids) if rid in set(current)]
        final = wanted + [rid for rid in current if rid not in set(wanted)]
        db.conn.executemany(
            "UPDATE list_items SET position = ? WHERE list_id = ? AND resource_id = ?",
            [(position, list_id, rid) for position, rid in enumerate(final)],
        )
        _touch(db, list_id)


def move_item(db: sqlite_utils.Database, list_id: int, resource_id: str, offset: int) -> list[str]:
    """Move one item up (negative) or down (positive); returns the previous order."""
    with write_transaction(db):
        order = [row["resource_id"] for row in _item_rows(db, list_id)]
        if resource_id not in order:
            raise NotFoundError("{resource_id!r} is not in this list", resource_id=resource_id)
        index = order.index(resource_id)
        target = max(0, min(len(order) - 1, index + offset))
        new = order[:index] + order[index + 1 :]
        new.insert(target, resource_id)
        reorder(db, list_id, new)
    return order


def _touch(db: sqlite_utils.Database, list_id: int) -> None:
    db.execute("UPDATE lists SET updated_at = ? WHERE id = ?", [now_iso(), list_id])


# ---------------------------------------------------------------- sharing


def import_shared_list(
    db: sqlite_utils.Database, shared: SharedList, *, apply: bool
) -> ListImportReport:
    """Merge a shared list into the list of the same name (or a new one), without duplicates.

    Items already in the list keep their place and note; an empty local note takes the
    shared one. With `apply` False nothing is written: the report is the preview.
    """
    with write_transaction(db):
        report = _plan_import(db, shared)
        report.warnings = list(shared.warnings)
        if not apply:
            return report  # the preview: nothing written
        if report.created:
            cursor = db.execute(
                "INSERT INTO lists (name, kind, note) VALUES (?, 'user', ?)",
                [shared.name, _clean_note(shared.note)],
            )
            list_id = int(cursor.lastrowid or 0)
        else:
            list_id = get_list(db, shared.name).id
            if report.list_note_set:
                db.execute(
                    "UPDATE lists SET note = ? WHERE id = ?", [_clean_note(shared.note), list_id]
                )
        by_id = {item["resource_id"]: item for item in shared.items}
        position = _next_position(db, list_id)
        new_items = []
        for rid in report.added:
            item = dict(by_id[rid])
            item["position"] = position
            position += 1
            present = find_resource(db, rid)
            if present is not None:
                item["snapshot"] = json.loads(snapshot_of(present))
            new_items.append(item)
        _insert_items(db, list_id, new_items)
        for rid in report.notes_filled:
            db.execute(
                "UPDATE list_items SET note = ? WHERE list_id = ? AND resource_id = ?",
                [_clean_note(by_id[rid]["note"]), list_id, rid],
            )
        _touch(db, list_id)
    return report


def _plan_import(db: sqlite_utils.Database, shared: SharedList) -> ListImportReport:
    try:
        target: ListInfo | None = get_list(db, shared.name)
    except NotFoundError:
        target = None
    report = ListImportReport(list_name=shared.name, created=target is None)
    local: dict[str, str] = {}
    if target is not None:
        local = {
            row[0]: row[1]
            for row in db.execute(
                "SELECT resource_id, note FROM list_items WHERE list_id = ?", [target.id]
            )
        }
        report.list_note_set = bool(shared.note) and not target.note
    else:
        report.list_note_set = bool(shared.note)
    wanted = [item["resource_id"] for item in shared.items]
    known: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        known.update(
            r[0] for r in db.execute(f"SELECT id FROM resources WHERE id IN ({marks})", chunk)
        )
    for item in shared.items:
        rid = item["resource_id"]
        if rid not in known:
            report.not_in_directory.append(rid)
        if rid in local:
            report.already.append(rid)
            if item["note"] and not local[rid]:
                report.notes_filled.append(rid)
        else:
            report.added.append(rid)
    return report


def lists_holding(db: sqlite_utils.Database, resource_id: str) -> list[ListInfo]:
    """The lists (Bookmarks included) that hold a resource."""
    sql = _LIST_SQL + (
        " WHERE l.id IN (SELECT list_id FROM list_items WHERE resource_id = ?)"
        " ORDER BY l.kind <> 'bookmarks', l.name COLLATE NOCASE"
    )
    return [_info(row) for row in db.query(sql, [resource_id])]
