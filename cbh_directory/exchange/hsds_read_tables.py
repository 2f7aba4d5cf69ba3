"""Finding and parsing an HSDS package's tables: datapackage.json, its CSV files, folder or zip."""

from __future__ import annotations

import contextlib
import csv
import os
import re
import stat
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from ..domain.errors import DatasetError
from .json_input import loads
from .safe_zip import SafeZip, human_size
from .text_files import MAX_TEXT_BYTES, decode_text, input_size

DATAPACKAGE = "datapackage.json"
MAX_CELL = 1024 * 1024
MAX_FILE_BYTES = MAX_TEXT_BYTES
MAX_PACKAGE_BYTES = MAX_TEXT_BYTES  # all files of a package together
MAX_DEPTH = 4  # folders below the package's own that are searched for its tables
MAX_LISTED = 5000  # files listed in a package folder before it is refused as not one

# The tables the reader uses, by their singular HSDS name; every other table is ignored.
USED_TABLES = (
    "organization",
    "service",
    "location",
    "service_at_location",
    "address",
    "physical_address",
    "postal_address",
    "phone",
    "taxonomy",
    "taxonomy_term",
    "attribute",
    "service_attribute",
    "other_attribute",
    "service_taxonomy",
    "language",
    "eligibility",
    "service_area",
    "cost_option",
    "regular_schedule",
    "schedule",
    "service_delivery",  # Open Referral UK: online, telephone, in person...
)
# Tables that only exist from 3.0 on, and those that only exist before it.
V3_TABLES = frozenset({"address", "attribute", "cost_option"})
V2_TABLES = frozenset({"physical_address", "postal_address", "service_attribute", "eligibility"})


@dataclass(slots=True)
class Table:
    """One CSV table: lowercase stripped column names and stripped text values."""

    name: str
    file: str
    columns: list[str]
    rows: list[dict[str, str]]
    numbers: Sequence[int]  # each row's record number in the file, the header being 1
    _indexes: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def where(self, row_index: int) -> str:
        return f"{self.file} row {self.numbers[row_index]}"

    def index(self, column: str) -> dict[str, list[int]]:
        """Row positions by the value of `column` (blank values left out), built once."""
        if column not in self._indexes:
            found: dict[str, list[int]] = {}
            for position, row in enumerate(self.rows):
                value = row.get(column, "")
                if value:
                    found.setdefault(value, []).append(position)
            self._indexes[column] = found
        return self._indexes[column]

    def lookup(self, column: str, value: str) -> list[dict[str, str]]:
        return [self.rows[i] for i in self.index(column).get(value, [])] if value else []


@dataclass(slots=True)
class RawPackage:
    """What a package holds before mapping: its name, version and the tables the reader uses."""

    source: str
    name: str
    version: str
    tables: dict[str, Table]
    notes: list[str]


class _Source(Protocol):
    def files(self) -> list[str]: ...

    def exists(self, relative: str) -> bool: ...

    def read(self, relative: str) -> bytes | None: ...


class _FolderSource:
    """The files of a package folder. Every path is checked before it is read: it must stay
    inside the folder once resolved, and no part of it may be a symbolic link (a link could
    point anywhere: a zip's links are refused the same way). Reads share one byte budget."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = folder.resolve()
        self.budget = MAX_PACKAGE_BYTES

    def files(self) -> list[str]:
        """Every file's path relative to the folder, a few folders deep; links are listed (and
        refused when read) but never followed."""
        found: list[str] = []
        for root, folders, names in os.walk(self.folder, followlinks=False):
            parts = Path(root).relative_to(self.folder).parts
            folders[:] = sorted(f for f in folders if len(parts) < MAX_DEPTH)
            found += ["/".join((*parts, name)) for name in sorted(names)]
            if len(found) > MAX_LISTED:
                raise DatasetError(
                    "the folder holds more than {max_listed} files: choose the folder of the HSDS "
                    "tables themselves",
                    max_listed=MAX_LISTED,
                )
        return found

    def _checked(self, relative: str) -> Path:
        path = self.folder
        for part in PurePosixPath(relative).parts:
            path = path / part
            if path.is_symlink():
                raise DatasetError(
                    "{relative} in the package is a symbolic link; links are refused, as they can "
                    "point outside the package's folder",
                    relative=relative,
                )
        if not path.resolve().is_relative_to(self.root):
            raise DatasetError("{relative} is outside the package's folder", relative=relative)
        return path

    def exists(self, relative: str) -> bool:
        path = self._checked(relative)
        try:
            return stat.S_ISREG(path.lstat().st_mode)
        except OSError:
            return False

    def read(self, relative: str) -> bytes | None:
        path = self._checked(relative)
        try:
            info = path.lstat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DatasetError(
                "cannot read {relative}: {reason}", relative=relative, reason=exc
            ) from exc
        if not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                return None
            raise DatasetError(
                "{relative} is not a regular file (a device or a pipe)", relative=relative
            )
        if info.st_size > min(MAX_FILE_BYTES, self.budget):
            raise _too_large(relative)
        try:
            # O_NOFOLLOW: a link swapped in after the check is refused too.
            handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            with os.fdopen(handle, "rb") as stream:
                data = stream.read(self.budget + 1)
        except OSError as exc:
            raise DatasetError(
                "cannot read {relative}: {reason}", relative=relative, reason=exc
            ) from exc
        if len(data) > self.budget:
            raise _too_large(relative)
        self.budget -= len(data)
        return data


def _too_large(relative: str) -> DatasetError:
    return DatasetError(
        "the package is too large to import at {relative} (the limit is {limit} in all): "
        "split it into smaller packages",
        relative=relative,
        limit=human_size(MAX_PACKAGE_BYTES),
    )


class _ZipSource:
    def __init__(self, archive: SafeZip, prefix: str) -> None:
        self.archive = archive
        self.prefix = prefix
        self.members = {n[len(prefix) :]: n for n in archive.names if n.startswith(prefix)}

    def files(self) -> list[str]:
        return [name for name in self.members if name and not name.endswith("/")]

    def exists(self, relative: str) -> bool:
        return relative in self.members

    def read(self, relative: str) -> bytes | None:
        member = self.members.get(relative)
        return self.archive.read(member) if member else None


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    # The csv module's limit is process-wide: raise it only while reading, then put it back.
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def parse_csv(
    data: bytes, file: str, name: str, notes: list[str], shared: dict[str, str] | None = None
) -> Table:
    """Parse one CSV into a Table; malformed quoting or a gigantic cell is a DatasetError.

    Short cells are kept once in `shared` (ids, codes and terms repeat across a package's
    rows and tables): a 200 MB package then fits in well under 1 GB."""
    shared = {} if shared is None else shared
    text, encoding = decode_text(data, file)
    del data  # the caller passes its only reference: the text is enough from here
    if encoding != "utf-8":
        notes.append(f"{file} was read as {encoding} text")
    reader = csv.reader(_lines(text), strict=True)
    rows: list[dict[str, str]] = []
    numbers = array("l")
    with _field_limit(MAX_CELL):
        try:
            header = [h.strip().lstrip("\ufeff").strip().lower() for h in next(reader, [])]
            # Usually every column is named once: then a row is a plain zip.
            plain = all(header) and len(set(header)) == len(header)
            width = len(header)
            for number, record in enumerate(reader, start=2):
                if not "".join(record).strip():
                    continue
                if len(record) > width and "".join(record[width:]).strip():
                    raise DatasetError(
                        "{file} row {number} has {count} cells but the header has {width} columns",
                        file=file,
                        number=number,
                        count=len(record),
                        width=width,
                    )
                cells = [_shared(shared, cell.strip()) for cell in record]
                rows.append(
                    dict(zip(header, cells, strict=False)) if plain else _row(header, cells)
                )
                numbers.append(number)
        except csv.Error as exc:
            raise DatasetError(
                "{file} line {line_num}: {reason}",
                file=file,
                line_num=reader.line_num,
                reason=_csv_reason(exc),
            ) from exc
    columns = list(dict.fromkeys(h for h in header if h))
    return Table(name=name, file=file, columns=columns, rows=rows, numbers=numbers)


SHARED_MAX = 64  # cells up to this long are kept once per package


def _shared(shared: dict[str, str], cell: str) -> str:
    return shared.setdefault(cell, cell) if len(cell) <= SHARED_MAX else cell


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    """The text's lines, ends kept, as io.StringIO(text, newline="") gives them, without its
    copy of the whole text (StringIO stores four bytes a character: 800 MB for 200 MB)."""
    return (match.group() for match in _LINE.finditer(text))


def _row(header: list[str], record: list[str]) -> dict[str, str]:
    row: dict[str, str] = {}
    for column, cell in zip(header, record, strict=False):
        if column and column not in row:
            row[column] = cell.strip()
    return row


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "field limit" in text:
        return f"a cell is larger than {human_size(MAX_CELL)}; the file may be damaged"
    if "expected after" in text or "end of data" in text:
        return f"the quoting is broken ({text}); save the file again as CSV"
    return f"not a valid CSV file ({text})"


def canonical_table(name: str) -> str:
    """'Organizations', 'physical-addresses.csv', 'services_at_location' -> the singular name."""
    text = name.strip().lower().replace("-", "_").replace(" ", "_").removesuffix(".csv")
    if text in USED_TABLES:
        return text
    for table in USED_TABLES:
        if text in _plurals(table):
            return table
    return text


def _plurals(table: str) -> set[str]:
    words = table.split("_")
    return {
        "_".join([*words[:-1], _plural(words[-1])]),
        "_".join([_plural(words[0]), *words[1:]]),
    }


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _load_descriptor(data: bytes, where: str) -> dict[str, Any]:
    text, _ = decode_text(data, where)
    descriptor = loads(text, where)
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DatasetError('{where} has no "resources" list; it is not a data package', where=where)
    return descriptor


def _safe_relative(path: str) -> str:
    text = path.strip().replace("\\", "/")
    parts = PurePosixPath(text).parts
    if text.startswith("/") or ".." in parts or (len(text) > 1 and text[1] == ":"):
        raise DatasetError(
            "{datapackage} points to a file outside its folder: {path}",
            datapackage=DATAPACKAGE,
            path=path,
        )
    return "/".join(p for p in parts if p != ".")


class _Locator:
    """Finds each used table's file: the declared path (relative to datapackage.json), else the
    same file name elsewhere in the package, else '<name>.csv' and its plural variants."""

    def __init__(self, source: _Source, notes: list[str]) -> None:
        self.source = source
        self.notes = notes
        self.by_name: dict[str, list[str]] = {}
        for path in source.files():
            self.by_name.setdefault(PurePosixPath(path).name.lower(), []).append(path)

    def find(self, file_name: str) -> str | None:
        """The one file of that name: at the top if there is one there, else the only one
        anywhere; two or more elsewhere is an error naming them."""
        candidates = self.by_name.get(file_name.lower(), [])
        top = [c for c in candidates if "/" not in c]
        if top or len(candidates) <= 1:
            return next(iter(top or candidates), None)
        listed = ", ".join(sorted(candidates)[:5])
        raise DatasetError(
            "the package holds {count} files named {file_name} ({listed}); keep one, or name the "
            "right one in {datapackage}",
            count=len(candidates),
            file_name=file_name,
            listed=listed,
            datapackage=DATAPACKAGE,
        )

    def declared(self, name: str, path: object) -> list[str] | None:
        paths = [path] if isinstance(path, str) else path if isinstance(path, list) else []
        texts = [p.strip() for p in paths if isinstance(p, str) and p.strip()]
        if any(p.lower().startswith(("http://", "https://")) for p in texts):
            self.notes.append(f"table {name} is online ({texts[0]}) and was not read")
            return None
        wanted = [_safe_relative(p) for p in texts]
        if wanted and all(self.source.exists(p) for p in wanted):
            return wanted
        moved = [self.source_path(p) for p in wanted]
        if wanted and all(moved):
            found = [m for m in moved if m]
            self.notes.append(
                f"table {name}: {wanted[0]} is not where {DATAPACKAGE} says; read {found[0]}"
            )
            return found
        fallback = self.fallback(name)
        if fallback and wanted:
            self.notes.append(f"table {name}: {wanted[0]} is missing; read {fallback[0]}")
        elif fallback:
            self.notes.append(f"table {name} has no path in {DATAPACKAGE}; read {fallback[0]}")
        elif name == "service" and wanted:
            raise DatasetError(
                "{datapackage} names {wanted} for the services, but it is missing",
                datapackage=DATAPACKAGE,
                wanted=wanted[0],
            )
        elif wanted:
            self.notes.append(f"table {name}: {wanted[0]} is missing; left out")
        return fallback

    def source_path(self, wanted: str) -> str | None:
        return wanted if self.source.exists(wanted) else self.find(PurePosixPath(wanted).name)

    def fallback(self, name: str) -> list[str] | None:
        for candidate in (name, *sorted(_plurals(name))):
            found = self.find(f"{candidate}.csv")
            if found:
                return [found]
        return None


def _read_parts(source: _Source, parts: list[str]) -> bytes:
    # A multi-part table (Frictionless "path" list) is one CSV cut into chunks. A part listed
    # twice would be read (and held) twice: a datapackage.json naming one file a thousand
    # times is refused, not multiplied.
    if len(set(parts)) != len(parts):
        again = next(p for p in parts if parts.count(p) > 1)
        raise DatasetError(
            "{datapackage} lists the part {again} more than once for one table",
            datapackage=DATAPACKAGE,
            again=again,
        )
    return b"".join(source.read(p) or b"" for p in parts)


def _collect_tables(
    source: _Source, descriptor: dict[str, Any], notes: list[str]
) -> tuple[dict[str, Table], list[str]]:
    locator = _Locator(source, notes)
    shared: dict[str, str] = {}
    tables: dict[str, Table] = {}
    ignored: list[str] = []
    for entry in descriptor["resources"]:
        if not isinstance(entry, dict):
            continue
        path = entry.get("path")
        label = str(
            entry.get("name") or (PurePosixPath(path).stem if isinstance(path, str) else "")
        )
        name = canonical_table(label)
        if name not in USED_TABLES:
            if label:
                ignored.append(label)
            continue
        if name in tables:
            notes.append(f"table {name} is listed twice in {DATAPACKAGE}; the first was read")
            continue
        parts = locator.declared(name, path)
        if parts:
            tables[name] = parse_csv(_read_parts(source, parts), parts[0], name, notes, shared)
    for name in USED_TABLES:
        parts = None if name in tables else locator.fallback(name)
        if parts:
            notes.append(f"read {parts[0]}, which {DATAPACKAGE} does not list")
            tables[name] = parse_csv(_read_parts(source, parts), parts[0], name, notes, shared)
    return tables, ignored


def detect_version(descriptor: dict[str, Any], tables: dict[str, Table]) -> str:
    """'3.0' or '1.x/2.x', from the tables present, else the package's own version field."""
    names = set(tables)
    if names & V3_TABLES:
        return "3.0"
    if names & V2_TABLES:
        return "1.x/2.x"
    declared = str(descriptor.get("version") or "").strip()
    return "3.0" if declared.startswith("3") else "1.x/2.x"


def _build(source: _Source, descriptor: dict[str, Any] | None, label: str) -> RawPackage:
    """The package's tables; without a descriptor (None) they are recognised by file name."""
    notes: list[str] = []
    tables, ignored = _collect_tables(source, descriptor or {"resources": []}, notes)
    if descriptor is None:
        notes = [n for n in notes if not n.endswith(f"which {DATAPACKAGE} does not list")]
        descriptor = {}
    version = detect_version(descriptor, tables)
    declared = str(descriptor.get("version") or "").strip()
    name = str(descriptor.get("name") or "").strip()
    heading = f"HSDS {version} data package"
    if name:
        heading += f" “{name}”"
    if declared:
        heading += f" (datapackage.json version {declared})"
    if not descriptor:
        files = ", ".join(sorted(t.file for t in tables.values()))
        heading = (
            f"HSDS tables without a {DATAPACKAGE}, recognised by their file names and columns: "
            f"{files}; version {version}, inferred from the tables present"
        )
    notes.insert(0, heading)
    if ignored:
        notes.append("tables not used by the directory: " + ", ".join(sorted(set(ignored))))
    return RawPackage(source=label, name=name, version=version, tables=tables, notes=notes)


def _zip_descriptor(archive: SafeZip) -> tuple[str, bool]:
    """The zip's datapackage.json, perhaps in a subfolder (the shallowest one wins), else its
    shallowest services table; and whether it is a descriptor."""
    found = [n for n in archive.names if PurePosixPath(n).name.lower() == DATAPACKAGE]
    if found:
        return min(found, key=lambda n: (n.count("/"), n)), True
    tables = [n for n in archive.names if _is_services_file(PurePosixPath(n).name)]
    if not tables:
        raise DatasetError(
            "the zip has no {datapackage} and no services table (services.csv); it is not an HSDS "
            "data package",
            datapackage=DATAPACKAGE,
        )
    return min(tables, key=lambda n: (n.count("/"), n)), False


def _is_services_file(file_name: str) -> bool:
    stem = file_name.lower().removesuffix(".csv")
    return file_name.lower().endswith(".csv") and canonical_table(stem) == "service"


def load_package(path: Path) -> RawPackage:
    """Open a folder, a datapackage.json or a .zip and parse the tables the reader uses.

    A folder or zip without a datapackage.json is read when it holds a services table."""
    path = Path(path)
    if path.suffix.lower() == ".zip" and not path.is_dir():
        input_size(path)  # a pipe or device named .zip would block the zip reader
        with SafeZip(path) as archive:
            member, described = _zip_descriptor(archive)
            source = _ZipSource(archive, member[: member.rfind("/") + 1])
            if not described:
                return _build(source, None, path.name)
            descriptor = _load_descriptor(archive.read(member), DATAPACKAGE)
            return _build(source, descriptor, path.name)
    folder = path if path.is_dir() else path.parent
    if not path.is_dir() and path.name.lower() != DATAPACKAGE:
        if not path.exists():
            raise DatasetError("no such file or folder: {path}", path=path)
        raise DatasetError(
            "{name} is not an HSDS package: choose its folder, its {datapackage} or a .zip",
            name=path.name,
            datapackage=DATAPACKAGE,
        )
    folder_source = _FolderSource(folder)
    data = folder_source.read(DATAPACKAGE if path.is_dir() else path.name)
    if data is None:
        if any(_is_services_file(PurePosixPath(f).name) for f in folder_source.files()):
            return _build(folder_source, None, folder.name)
        raise DatasetError(
            "{folder} has no {datapackage} and no services table (services.csv); it is not an "
            "HSDS data package",
            folder=folder,
            datapackage=DATAPACKAGE,
        )
    return _build(folder_source, _load_descriptor(data, DATAPACKAGE), folder.name)
