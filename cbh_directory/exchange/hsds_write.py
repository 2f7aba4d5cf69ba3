"""Writing resources as an Open Referral HSDS 3.0 data package: a folder or a .zip, atomically."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import shutil
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.checkups import Checkup
from ..domain.model import Resource
from .atomic import ExportError, atomic_writer, verify_zip
from .hsds_common import ALL_TABLES_V3, table_columns, table_schema
from .hsds_write_tables import TableBuilder, Tables

DATAPACKAGE = "datapackage.json"
HSDS_VERSION = "3.0.0"
# Marks packages written by this app, so that exporting again may replace one.
MARKER = "cbh_directory"


def write_hsds(
    path: Path,
    resources: list[Resource],
    *,
    country_names: dict[str, str] | None = None,
    package_name: str = "cbh-directory",
    checkups: Mapping[str, Iterable[Checkup]] | None = None,
) -> None:
    """Write an HSDS 3.0 package: a .zip, or a folder (new, empty, or an earlier export of ours).

    Raises ExportError, leaving nothing behind, when the target cannot be written."""
    path = Path(path)
    builder = TableBuilder(country_names or {})
    for resource in resources:
        builder.add(resource, (checkups or {}).get(resource.id, ()))
    files = render(builder.tables(), package_name)
    if path.suffix.lower() == ".zip":
        _write_zip(path, files)
    else:
        _write_folder(path, files)


# The format's home: the package itself has no web page of its own.
HSDS_HOMEPAGE = "https://docs.openreferral.org/"


def _package_name(text: str) -> str:
    name = re.sub(r"[^a-z0-9._-]+", "-", text.strip().lower()).strip("-._")
    return name or "cbh-directory"


def descriptor(package_name: str) -> dict[str, Any]:
    """The datapackage.json: each table's file and its 3.0 Table Schema."""
    return {
        "profile": "tabular-data-package",
        "name": _package_name(package_name),
        "title": "Support resources from CBH Directory",
        "description": "Human Services Data Specification (HSDS) 3.0 data package written by "
        "CBH Directory. Fields HSDS has no column for are attributes of the "
        "'cbh-directory' taxonomy.",
        "version": HSDS_VERSION,
        "homepage": HSDS_HOMEPAGE,
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 (CBH Directory's curated entries; "
                "entries imported from elsewhere keep their source's terms)",
            }
        ],
        MARKER: {"writer": "hsds", "app_version": __version__},
        "resources": [
            {
                "name": name,
                "path": file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(name),
            }
            for name, (file, _fields) in ALL_TABLES_V3.items()
        ],
    }


def _csv_bytes(columns: list[str], rows: Iterable[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return buffer.getvalue().encode("utf-8")


def render(tables: Tables, package_name: str) -> dict[str, bytes]:
    """File name -> contents: datapackage.json first, then one CSV per table."""
    files = {DATAPACKAGE: (json.dumps(descriptor(package_name), indent=2) + "\n").encode("utf-8")}
    for name, (file, _fields) in ALL_TABLES_V3.items():  # a table with no rows: its header
        files[file] = _csv_bytes(table_columns(name), tables.get(name, []))
    return files


def _write_zip(path: Path, files: dict[str, bytes]) -> None:
    with (
        atomic_writer(path, mode="wb", verify=verify_zip(list(files))) as stream,
        zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for name, data in files.items():
            archive.writestr(name, data)


def _our_package(folder: Path, entries: list[Path]) -> bool:
    """True when the folder holds only an earlier export of this app (and nothing else)."""
    try:
        existing = json.loads((folder / DATAPACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(existing, dict) or not isinstance(existing.get(MARKER), dict):
        return False
    listed = {DATAPACKAGE} | {
        str(r.get("path")) for r in existing.get("resources", []) if isinstance(r, dict)
    }
    return all(entry.is_file() and entry.name in listed for entry in entries)


def _check_target(path: Path) -> None:
    if not path.exists():
        return
    if not path.is_dir():
        raise ExportError(
            "{path} exists and is not a folder; choose a new folder or a .zip name", path=path
        )
    entries = list(path.iterdir())
    if entries and not _our_package(path, entries):
        raise ExportError(
            "the folder {path} is not empty; choose an empty folder, a new folder name or a .zip "
            "name (only an earlier HSDS export of CBH Directory is replaced)",
            path=path,
        )


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        with open(folder / name, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())


def _swap(temp: Path, path: Path) -> None:
    """Put the finished folder in place; an earlier export is moved aside, then removed."""
    if not path.exists():
        os.replace(temp, path)
        return
    old = path.parent / f".{path.name}.{secrets.token_hex(4)}.old"
    os.replace(path, old)
    try:
        os.replace(temp, path)
    except OSError:
        os.replace(old, path)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_folder(path: Path, files: dict[str, bytes]) -> None:
    _check_target(path)
    temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.partial"
    try:
        temp.mkdir()
    except OSError as exc:
        raise ExportError(
            "cannot write in {parent}: {reason}", parent=path.parent, reason=exc
        ) from exc
    try:
        _write_files(temp, files)
        _swap(temp, path)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise ExportError("cannot write {path}: {reason}", path=path, reason=exc) from exc
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
