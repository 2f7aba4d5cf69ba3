"""Export value types: the formats, the CSV columns, the options a user chooses, cancelling."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .errors import CBHError, InputError
from .handout import Handout
from .model import Resource

FORMATS = {
    ".csv": "csv",
    ".vcf": "vcard",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


class ExportCancelled(CBHError):
    """The user cancelled; no file was written."""


class ExportError(CBHError):
    """A file could not be written (no space, no permission, ...); nothing was left behind."""


class PdfRenderer(Protocol):
    """Paints a handout into a PDF file at `path` and returns its page count.

    The renderer uses Qt, so it lives in ui/ (ui/handout_pdf.py); whoever starts the app
    (the CLI, the window) hands it to the service, which never imports Qt itself.
    """

    def __call__(
        self,
        path: Path,
        handout: Handout,
        *,
        paper: str,
        progress: Callable[[float], None] | None = None,
    ) -> int: ...


@dataclass(slots=True)
class ExportOptions:
    columns: list[str] | None = None  # CSV only; None: every field
    excel: bool = False  # CSV only: byte-order mark and CRLF
    paper: str = "letter"  # PDF only: letter or a4


def format_for(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            "cannot tell the format from {name!r}: use a name ending in {endings}",
            name=path.name,
            endings=", ".join(sorted(set(FORMATS) - {".htm"})),
        )
    return fmt


# Every resource field, by its own name (so the file can be imported back), then extras.
RESOURCE_COLUMNS: tuple[str, ...] = tuple(Resource.field_names())
EXTRA_COLUMNS: tuple[str, ...] = ("distance_km", "distance_mi", "list_note", "added_at")
CONTACT_COLUMNS: tuple[str, ...] = (
    "name",
    "kind",
    "focus",
    "phone",
    "email",
    "website",
    "city",
    "region",
    "country",
    "description",
)
COLUMN_LABELS: dict[str, str] = {
    "id": "Id",
    "name": "Name",
    "kind": "Kind",
    "alternate_names": "Also known as",
    "focus": "Focus",
    "tags": "Tags",
    "description": "Description",
    "moderation": "Moderation",
    "moderation_note": "Moderation note",
    "activity": "Member activity",
    "activity_note": "Activity note",
    "format": "Format",
    "languages": "Languages",
    "cost": "Cost",
    "eligibility": "Who it is for",
    "ages": "Ages",
    "service_area": "Serves",
    "country": "Country",
    "region": "Region",
    "city": "City",
    "postal_code": "Postal code",
    "address": "Address",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "website": "Website",
    "email": "Email",
    "phone": "Phone",
    "sources": "Sources",
    "last_verified": "Last verified",
    "caveat": "Please note",
    "status": "Status",
    "description_es": "Description (Spanish)",
    "serves": "Serves areas",
    "phone_note": "Phone is for",
    "other_phones": "Other phones",
    "evidence": "Evidence",
    "status_note": "Status note",
    "successor": "Carried on by",
    "schedule": "Hours",
    "fees": "Fees",
    "application_process": "How to apply",
    "wait_time": "Wait time",
    "taxonomy": "Service types",
    "distance_km": "Distance (km)",
    "distance_mi": "Distance (miles)",
    "list_note": "Note",
    "added_at": "Added to list",
}


def check_columns(columns: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(columns))
    unknown = [c for c in chosen if c not in RESOURCE_COLUMNS and c not in EXTRA_COLUMNS]
    if unknown:
        raise InputError(
            "unknown column {column!r}; choose from: {columns}",
            column=unknown[0],
            columns=", ".join(RESOURCE_COLUMNS + EXTRA_COLUMNS),
        )
    return chosen
