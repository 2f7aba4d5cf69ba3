"""CSV export: chosen columns, UTF-8 with a header, optionally for Excel; formula-safe cells."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import IO

from ..domain.csv_safe import neutralise_cell
from ..domain.exports import RESOURCE_COLUMNS, check_columns
from ..domain.model import JSON_FIELDS, LIST_FIELDS
from .atomic import atomic_writer
from .export_set import ExportEntry, ExportSet, progress_interval

Progress = Callable[[int], None]


def default_columns(export: ExportSet) -> list[str]:
    columns = list(RESOURCE_COLUMNS)
    if export.has_distances:
        columns += ["distance_km", "distance_mi"]
    if export.list_name:
        columns += ["list_note", "added_at"]
    return columns


def cell(entry: ExportEntry, column: str) -> str:
    """The text of one cell, before formula neutralising."""
    if column == "distance_km":
        return "" if entry.distance_km is None else f"{entry.distance_km:.1f}"
    if column == "distance_mi":
        return "" if entry.distance_km is None else f"{entry.distance_km / 1.609344:.1f}"
    if column == "list_note":
        return entry.note
    if column == "added_at":
        return entry.added_at
    value = getattr(entry.resource, column)
    if column in LIST_FIELDS:
        return "; ".join(value)
    if column in JSON_FIELDS:
        return json.dumps(value, ensure_ascii=False) if value else ""
    return "" if value is None else str(value)


def write_rows(
    stream: IO[str],
    export: ExportSet,
    columns: list[str],
    *,
    excel: bool,
    progress: Progress | None = None,
) -> None:
    writer = csv.writer(stream, lineterminator="\r\n" if excel else "\n")
    writer.writerow(columns)
    every = progress_interval(len(export.entries))
    for number, entry in enumerate(export.entries, 1):
        writer.writerow([neutralise_cell(cell(entry, c)) for c in columns])
        if progress is not None and (number % every == 0 or number == len(export.entries)):
            progress(number)


def write_csv(
    path: Path,
    export: ExportSet,
    columns: list[str] | None = None,
    *,
    excel: bool = False,
    progress: Progress | None = None,
) -> None:
    """Write atomically. `excel` adds a byte-order mark and CRLF line ends, as Excel expects."""
    chosen = check_columns(columns or default_columns(export))
    encoding = "utf-8-sig" if excel else "utf-8"
    with atomic_writer(path, encoding=encoding, newline="") as stream:
        write_rows(stream, export, chosen, excel=excel, progress=progress)
