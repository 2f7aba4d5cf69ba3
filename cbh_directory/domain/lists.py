"""Data classes for the user's lists: Bookmarks and named lists of resources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BOOKMARKS = "bookmarks"


@dataclass(slots=True)
class ListInfo:
    id: int
    name: str
    kind: str
    note: str
    count: int
    created_at: str
    updated_at: str

    @property
    def is_bookmarks(self) -> bool:
        return self.kind == BOOKMARKS


@dataclass(slots=True)
class ListItem:
    resource_id: str
    name: str
    note: str
    added_at: str
    position: int
    in_directory: bool
    snapshot: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.resource_id,
            "name": self.name,
            "note": self.note,
            "added_at": self.added_at,
            "in_directory": self.in_directory,
            "snapshot": self.snapshot,
        }


@dataclass(slots=True)
class ListDump:
    """Everything about one list, enough to recreate it exactly (undo, sharing)."""

    id: int | None
    name: str
    kind: str
    note: str
    created_at: str
    items: list[dict[str, Any]]


@dataclass(slots=True)
class SharedList:
    """A list read from a shared file, ready to merge."""

    name: str
    note: str
    items: list[dict[str, Any]]  # resource_id, note, added_at, position, snapshot


@dataclass(slots=True)
class ListImportReport:
    """What importing a shared list does (as a preview) or did."""

    list_name: str
    created: bool
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    notes_filled: list[str] = field(default_factory=list)
    not_in_directory: list[str] = field(default_factory=list)
    list_note_set: bool = False

    def summary(self) -> str:
        what = "new list" if self.created else "merged into your list"
        parts = [f"{len(self.added)} added", f"{len(self.already)} already there"]
        if self.notes_filled:
            parts.append(f"{len(self.notes_filled)} notes filled in")
        if self.not_in_directory:
            parts.append(
                f"{len(self.not_in_directory)} not in this directory (kept with their details)"
            )
        return f"{self.list_name!r} ({what}): " + ", ".join(parts)
