"""What every importer produces: validated resources, and the rows it had to reject."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.model import Resource


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
