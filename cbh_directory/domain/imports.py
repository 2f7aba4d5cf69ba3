"""Import value types: options, a parsed file, the rows rejected, and the preview of changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .language import words
from .model import Resource

CountryLookup = Callable[[str], str | None]
IGNORE = ""  # a CSV column mapped to no field


@dataclass(frozen=True, slots=True)
class Rejection:
    """One row that could not be imported, and why (shown in the preview)."""

    row: str  # "services.csv row 12", "resource #3", "line 7"
    field: str  # the field at fault, or "" for the whole row
    reason: str

    def __str__(self) -> str:
        where = f"{self.row}, {self.field}" if self.field else self.row
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class ParsedImport:
    """A file read and validated, not yet compared with the database."""

    source: str  # the file's name, for messages
    kind: str  # json | csv | hsds
    resources: list[Resource] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things the user should know (version, guesses)
    origin: str = "imported"  # what the resources' origin becomes in the database
    checkups: list[Any] = field(default_factory=list)  # domain.checkups.Checkup (HSDS profile)
    # The id prefix every resource of this source has ("sunshine-211-"): an earlier import's
    # resource with it that this one lacks is gone from the source (made inactive, kept).
    source_prefix: str = ""


@dataclass(slots=True)
class ImportOptions:
    csv_mapping: dict[str, str] | None = None  # header -> field; None: guessed
    default_kind: str = "local_service"
    default_country: str = "US"
    country: CountryLookup | None = None  # "United States" -> "US"


class CsvRowSource(Protocol):
    """Rows of a CSV table: walked in order, tested for any, the first looked at."""

    def __iter__(self) -> Iterator[tuple[int, list[str]]]: ...
    def __bool__(self) -> bool: ...
    def __getitem__(self, index: int) -> tuple[int, list[str]]: ...


@dataclass(slots=True)
class CsvTable:
    """A CSV file read into rows, before its columns are mapped to fields."""

    source: str
    headers: list[str]
    rows: CsvRowSource  # (line number, cells); a file's rows are read as they are walked
    encoding: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(slots=True)
class ImportPreview:
    """What an import would do, field by field; `apply_import` does exactly this."""

    source: str
    kind: str
    new: list[Resource] = field(default_factory=list)
    changed: list[tuple[Resource, list[FieldChange]]] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    # (id, field, incoming value): fields edited here, which keep the local value
    kept_local: list[tuple[str, str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    origin: str = "imported"
    checkups: list[Any] = field(default_factory=list)  # check-ups of groups not yet here
    gone: list[str] = field(default_factory=list)  # ids no longer in the source: in `changed`

    @property
    def has_changes(self) -> bool:
        """Anything to write: resources, the source's values beside your local edits, or
        check-ups of groups."""
        return bool(self.new or self.changed or self.kept_local or self.checkups)

    def summary(self) -> str:
        parts = [
            words("{count} new").format(count=len(self.new)),
            words("{count} changed").format(count=len(self.changed) - len(self.gone)),
            words("{count} unchanged").format(count=self.unchanged),
        ]
        if self.gone:
            parts.append(words("{count} gone (made inactive)").format(count=len(self.gone)))
        parts.append(words("{count} rejected").format(count=len(self.rejected)))
        if self.checkups:
            parts.append(words("{count} new check-ups").format(count=len(self.checkups)))
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "new": [r.id for r in self.new],
            "changed": {
                r.id: [{"field": c.field, "old": c.old, "new": c.new} for c in changes]
                for r, changes in self.changed
            },
            "unchanged": self.unchanged,
            "gone": self.gone,
            "rejected": [
                {"row": x.row, "field": x.field, "reason": x.reason} for x in self.rejected
            ],
            "kept_local": [{"id": i, "field": f, "incoming": v} for i, f, v in self.kept_local],
            "notes": self.notes,
        }
