"""`hub load`: an HSDS package or the app's JSON read by the desktop's importers, then written."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import DatasetError
from ..domain.imports import ImportOptions, ParsedImport
from ..exchange.importers import import_kind, read_import
from .db import Conn
from .writer import Writer, WriteReport


@dataclass
class LoadResult:
    parsed: ParsedImport
    report: WriteReport


def read_source(path: Path, *, default_country: str = "US") -> ParsedImport:
    """Read an HSDS package (folder, .zip, datapackage.json) or app JSON into resources."""
    path = Path(path)
    if path.exists() and import_kind(path) not in ("hsds", "json"):
        raise DatasetError(
            f"cannot load {path.name!r}: give an HSDS data package (a folder, .zip or "
            "datapackage.json) or a CBH Directory JSON file such as the curated dataset"
        )
    parsed = read_import(path, ImportOptions(default_country=default_country))
    twice = [rid for rid, count in Counter(r.id for r in parsed.resources).items() if count > 1]
    if twice:
        raise DatasetError(f"{parsed.source}: ids used twice: {', '.join(sorted(twice)[:5])}")
    return parsed


def load(
    conn: Conn,
    path: Path,
    *,
    by: str = "hub load",
    prune: bool = False,
    default_country: str = "US",
) -> LoadResult:
    """Load a file in one transaction: all of it or, on any error, nothing.

    With `prune`, resources the hub holds that the file lacks are archived (and reported to
    syncing desktops as deletions)."""
    parsed = read_source(path, default_country=default_country)
    with conn.transaction():
        writer = Writer(conn, by)
        report = writer.save(parsed.resources)
        if prune:
            keep = [r.id for r in parsed.resources]
            rows = conn.execute(
                "SELECT resource_id FROM hub_service WHERE archived_at IS NULL "
                "AND NOT (resource_id = ANY(%s)) ORDER BY resource_id",
                (keep,),
            ).fetchall()
            gone = [row["resource_id"] for row in rows]
            report.archived = writer.archive(gone, reason=f"not in {parsed.source}").archived
    return LoadResult(parsed, report)
