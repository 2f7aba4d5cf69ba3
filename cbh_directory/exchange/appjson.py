"""The app's own JSON format: the curated dataset and full exports share it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..domain.dataset import DatasetFile, version_key
from ..domain.errors import DatasetError, ValidationError
from ..domain.model import Resource
from ..domain.validation import normalise_resource
from .json_input import loads

FORMAT_NAME = "cbh-directory"
# 2: dataset 2's fields (evidence, serves, description_es, further phones, status_note,
# successor). Version 1 files read unchanged: the new fields take their defaults.
FORMAT_VERSION = 2


def parse_app_json(
    payload: Any, *, strict: bool = True, items: Iterable[Any] | None = None
) -> DatasetFile:
    """Validate a decoded app-JSON document. With strict, any invalid resource is an error.
    `items`, when given, are the resources decoded one at a time (see load_streaming), and
    the payload's own "resources" list only marks that the document has one."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise DatasetError('not a CBH Directory file (expected "format": "cbh-directory")')
    format_version = payload.get("format_version", 0)
    if isinstance(format_version, bool) or not isinstance(format_version, int | str):
        raise DatasetError("bad format_version {format_version!r}", format_version=format_version)
    try:
        newer = int(format_version) > FORMAT_VERSION
    except ValueError:
        raise DatasetError(
            "bad format_version {format_version!r}", format_version=format_version
        ) from None
    if newer:
        raise DatasetError("this file was written by a newer version of CBH Directory")
    if not isinstance(payload.get("resources"), list):
        raise DatasetError('the file has no "resources" list')
    if items is None:
        items = payload["resources"]
    resources: list[Resource] = []
    rejected: list[tuple[int, str, str]] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        try:
            if not isinstance(item, dict):
                raise DatasetError("not an object")
            resource = normalise_resource(item)
            if resource.id in seen:
                raise DatasetError("duplicate id {id!r}", id=resource.id)
            seen.add(resource.id)
            resources.append(resource)
        except ValidationError as exc:
            if strict:
                raise DatasetError(
                    "resource #{number}: {reason}", number=index + 1, reason=exc
                ) from exc
            for name, reason in exc.problems:
                rejected.append((index, name, reason))
        except DatasetError as exc:
            if strict:
                raise DatasetError(
                    "resource #{number}: {reason}", number=index + 1, reason=exc
                ) from exc
            rejected.append((index, "", str(exc)))
    version = str(payload.get("dataset_version", "0"))
    version_key(version)
    return DatasetFile(
        version=version,
        released=str(payload.get("released", "")),
        resources=resources,
        licence=str(payload.get("licence", "")),
        rejected=rejected,
    )


def read_app_json(path: Path, *, strict: bool = True) -> DatasetFile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DatasetError("no such file: {path}", path=path) from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(
            "{name} is not valid UTF-8 JSON: {reason}", name=path.name, reason=exc
        ) from exc
    return parse_app_json(loads(text, path.name), strict=strict)


def dataset_header(path: Path) -> tuple[str, str]:
    """The (version, released) of a dataset file without validating its resources."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        return str(payload["dataset_version"]), str(payload.get("released", ""))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DatasetError(
            "cannot read the dataset {path}: {reason}", path=path, reason=exc
        ) from exc
