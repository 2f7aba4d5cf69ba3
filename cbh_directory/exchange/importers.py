"""Which importer reads a file: HSDS packages (folder, zip, datapackage.json), app JSON, CSV."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import DatasetError
from ..domain.imports import CsvTable, ImportOptions, ParsedImport, Rejection
from .appjson import parse_app_json
from .csv_import import guess_mapping, parse_rows, read_table
from .hsds_json import is_hsds_json
from .json_input import load_streaming
from .text_files import MAX_TEXT_BYTES, decode_text, input_size

MAX_JSON_BYTES = MAX_TEXT_BYTES


def import_kind(path: Path) -> str:
    if path.is_dir() or path.suffix.lower() == ".zip" or path.name == "datapackage.json":
        return "hsds"
    if path.suffix.lower() == ".json":
        return "json"
    if path.suffix.lower() == ".ndjson":
        return "hsds_json"
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        return "csv"
    raise DatasetError(
        "cannot tell how to import {name!r}: use a .csv, .json or .ndjson file, or an HSDS data "
        "package (a folder or .zip of its tables)",
        name=path.name,
    )


def read_import(
    path: Path, options: ImportOptions | None = None, *, table: CsvTable | None = None
) -> ParsedImport:
    """Read and validate a file; a CSV `table` already read from `path` is used as it is."""
    options = options or ImportOptions()
    if not path.exists():
        raise DatasetError("no such file or folder: {path}", path=path)
    kind = import_kind(path)
    if kind == "hsds":
        from .hsds_read import read_hsds

        return read_hsds(
            path, default_country=options.default_country, default_kind=options.default_kind
        )
    if kind in ("json", "hsds_json"):
        return read_json_import(path, options)
    table = table or read_table(path)
    mapping = options.csv_mapping or guess_mapping(table.headers)
    return parse_rows(table, mapping, default_kind=options.default_kind, country=options.country)


def read_json_import(path: Path, options: ImportOptions | None = None) -> ParsedImport:
    """The app's own JSON (an export or a dataset file): bad resources are rejected one by one.
    HSDS JSON (services, a page of them, NDJSON, ORUK) goes to the HSDS reader."""
    input_size(path, MAX_JSON_BYTES)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DatasetError("cannot read {path}: {reason}", path=path, reason=exc) from exc
    text, _encoding = decode_text(data, path.name)
    del data  # the text is all that is needed: do not hold the file twice
    if path.suffix.lower() == ".ndjson" or text.lstrip().startswith("["):
        return _hsds_json(path, text, options)
    payload, items = load_streaming(text, path.name, "resources")
    if is_hsds_json(payload):  # a page of services or one service (no "resources" list)
        return _hsds_json(path, text, options)
    if "" in payload:
        payload = payload[""]  # not an object: parse_app_json says what is wrong with it
    if isinstance(payload, dict) and payload.get("profile") == "tabular-data-package":
        raise DatasetError(
            "{name} is an HSDS datapackage.json: import its folder or zip", name=path.name
        )
    dataset = parse_app_json(payload, strict=False, items=items)
    parsed = ParsedImport(source=path.name, kind="json", resources=dataset.resources)
    parsed.rejected = [
        Rejection(f"resource #{index + 1}", name, reason)
        for index, name, reason in dataset.rejected
    ]
    return parsed


def _hsds_json(path: Path, text: str, options: ImportOptions | None) -> ParsedImport:
    from .hsds_read import read_hsds_json

    options = options or ImportOptions()
    return read_hsds_json(
        path, text, default_country=options.default_country, default_kind=options.default_kind
    )
