"""Check-ups in files: a check-ups file of their own, and the entries a shared list file or an
HSDS package carries (each check-up as the hub profile's JSON, with its resource id)."""

from __future__ import annotations

import datetime as dt
import json
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.checkups import Checkup, make_checkup
from ..domain.errors import DatasetError, InputError
from ..domain.language import words
from ..domain.validation import ID_PATTERN
from .atomic import write_text_atomic
from .json_input import loads
from .safe_zip import human_size

FORMAT_NAME = "cbh-directory-checkups"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_CHECKUPS = 100_000


@dataclass(slots=True)
class ReadCheckups:
    """Check-ups read from a file, and those left out with the reason."""

    checkups: list[Checkup] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


def entries(checkups: Iterable[Checkup]) -> list[dict[str, Any]]:
    """The check-ups as file entries: the resource id, then the profile's keys."""
    return [{"resource_id": c.resource_id, **c.profile()} for c in checkups]


def parse_entries(raw: Any, today: dt.date | None = None) -> ReadCheckups:
    """Validated check-ups from file entries; a bad entry is left out and said why."""
    found = ReadCheckups()
    if raw is None:
        return found
    if not isinstance(raw, list):
        raise DatasetError('"checkups" must be a list')
    if len(raw) > MAX_CHECKUPS:
        raise DatasetError("more than {max_checkups:,} check-ups", max_checkups=MAX_CHECKUPS)
    for number, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            found.rejected.append(words("check-up {number}: not an object").format(number=number))
            continue
        data = dict(entry)
        resource_id = data.pop("resource_id", None)
        if not isinstance(resource_id, str) or not ID_PATTERN.match(resource_id):
            found.rejected.append(
                words("check-up {number}: a bad resource id {rid!r}").format(
                    number=number, rid=resource_id
                )
            )
            continue
        if not data.get("id"):
            found.rejected.append(words("check-up {number}: no id").format(number=number))
            continue
        try:
            found.checkups.append(make_checkup(resource_id, data, today))
        except InputError as exc:
            found.rejected.append(
                words("check-up {number}: {reason}").format(number=number, reason=exc.message)
            )
    return found


def checkups_to_json(checkups: Iterable[Checkup]) -> str:
    payload = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "exported_by": f"CBH Directory {__version__}",
        "checkups": entries(checkups),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def write_checkups_file(checkups: Iterable[Checkup], path: Path) -> None:
    write_text_atomic(path, checkups_to_json(checkups))


def read_checkups_file(path: Path, today: dt.date | None = None) -> ReadCheckups:
    """A check-ups file, checked; DatasetError when it is not one."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DatasetError(
                "{name} is not a regular file (a folder, device or pipe)", name=path.name
            )
        if info.st_size > MAX_FILE_BYTES:
            raise DatasetError(
                "{name} is too large for a check-ups file ({st_size:,} bytes; the limit is "
                "{limit})",
                name=path.name,
                st_size=info.st_size,
                limit=human_size(MAX_FILE_BYTES),
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError("no such file: {path}", path=path) from None
    except UnicodeDecodeError as exc:
        raise DatasetError(
            "{name} is not a valid check-ups file: {reason}", name=path.name, reason=exc
        ) from exc
    except OSError as exc:
        raise DatasetError("cannot read {path}: {reason}", path=path, reason=exc) from exc
    try:
        payload = loads(text, path.name)
    except DatasetError as exc:
        raise DatasetError(
            "{name} is not a valid check-ups file: {reason}", name=path.name, reason=exc
        ) from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise DatasetError(
            '{name} is not a check-ups file (expected "format": "{format_name}")',
            name=path.name,
            format_name=FORMAT_NAME,
        )
    try:
        version = int(payload.get("format_version", 0))
    except (TypeError, ValueError):
        raise DatasetError("the check-ups file has a bad format_version") from None
    if version > FORMAT_VERSION:
        raise DatasetError("these check-ups were saved by a newer version of CBH Directory")
    return parse_entries(payload.get("checkups", []), today)
