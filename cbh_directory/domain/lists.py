"""Data classes for the user's lists: Bookmarks and named lists of resources."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError
from .language import words
from .text_safety import single_line

BOOKMARKS = "bookmarks"
MAX_NAME = 120
MAX_NOTE = 20_000
# Letters that draw nothing, though Unicode files them as letters or symbols.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"})


def clean_list_name(name: str) -> str:
    """A list name as stored: NFC, on one line, spaces collapsed; never empty or invisible."""
    text = " ".join(unicodedata.normalize("NFC", single_line(name or "")).split())
    if not text:
        raise InputError("a list needs a name")
    if all(unicodedata.category(ch) in _INVISIBLE or ch in _BLANK_LETTERS for ch in text):
        raise InputError("a list name needs letters, digits or signs that can be seen")
    if len(text) > MAX_NAME:
        raise InputError("a list name can have at most {max_name} characters", max_name=MAX_NAME)
    return text


def list_name_key(name: str) -> str:
    """What makes two list names the same: Unicode normalisation and case do not count."""
    folded = unicodedata.normalize("NFC", " ".join(single_line(name or "").split())).casefold()
    return unicodedata.normalize("NFC", folded)


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
    warnings: list[str] = field(default_factory=list)  # what reading changed (cut, left out)
    checkups: list[Any] = field(default_factory=list)  # domain.checkups.Checkup of its groups


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
    warnings: list[str] = field(default_factory=list)  # what was cut or left out, and why
    checkups: int = 0  # check-ups the file carries (merged without duplicates)

    def summary(self) -> str:
        what = words("new list") if self.created else words("merged into your list")
        parts = [
            words("{count} added").format(count=len(self.added)),
            words("{count} already there").format(count=len(self.already)),
        ]
        if self.notes_filled:
            parts.append(words("{count} notes filled in").format(count=len(self.notes_filled)))
        if self.not_in_directory:
            parts.append(
                words("{count} not in this directory (kept with their details)").format(
                    count=len(self.not_in_directory)
                )
            )
        if self.checkups:
            parts.append(
                words("{count} check-ups of its groups (new ones added)").format(
                    count=self.checkups
                )
            )
        text = f"{self.list_name!r} ({what}): " + ", ".join(parts)
        note = words("note")
        return text + "".join(f"\n  {note}: {warning}" for warning in self.warnings)
