"""What an export holds: the chosen resources, in order, with what the user chose them by."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..domain.model import Hit, Resource


@dataclass(slots=True)
class ExportEntry:
    resource: Resource
    distance_km: float | None = None
    note: str = ""  # the list item's note, when exporting a list
    added_at: str = ""
    in_directory: bool = True

    @classmethod
    def from_hit(cls, hit: Hit) -> ExportEntry:
        entry = hit.entry
        return cls(
            resource=hit.resource,
            distance_km=hit.distance_km,
            note=entry.note if entry else "",
            added_at=entry.added_at if entry else "",
            in_directory=hit.in_directory,
        )


@dataclass(slots=True)
class ExportSet:
    """The entries to write and the words that explain them (for handouts)."""

    title: str
    criteria: str
    entries: list[ExportEntry]
    created: dt.date = field(default_factory=dt.date.today)
    units: str = "mi"
    location: str = ""  # e.g. "Columbus, OH" when the search had a place
    list_name: str = ""
    country_names: dict[str, str] = field(default_factory=dict)
    successor_names: dict[str, str] = field(default_factory=dict)  # id -> name (merged entries)
    # id -> fact -> moderation or activity line with check-ups (service.community_lines)
    community: dict[str, dict[str, str]] = field(default_factory=dict)
    include_notes: bool = False  # a staff copy: the caseworker's notes on list items
    prepared_by: str = ""  # "Ana Ruiz, (614) 555-0100": who to ask about the handout

    @property
    def has_distances(self) -> bool:
        return any(e.distance_km is not None for e in self.entries)

    def country(self, code: str) -> str:
        return self.country_names.get(code, code)


def progress_interval(total: int) -> int:
    """Report progress about a hundred times per export, and at least every 200 rows."""
    return max(1, min(200, total // 100))
