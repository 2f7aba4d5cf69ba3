"""Dataset value types: a parsed dataset file, its version order, and what merging it did."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import DatasetError
from .model import Resource

_VERSION = re.compile(r"^\d+(\.\d+)*$")


@dataclass(slots=True)
class DatasetFile:
    """A parsed app-JSON file: its version, release date and validated resources."""

    version: str
    released: str
    resources: list[Resource]
    licence: str = ""
    rejected: list[tuple[int, str, str]] = field(default_factory=list)  # (index, field, reason)


def version_key(version: str) -> tuple[int, ...]:
    if not _VERSION.match(version or ""):
        raise DatasetError(
            "bad dataset version {version!r}: use numbers such as 2026.11.24", version=version
        )
    return tuple(int(part) for part in version.split("."))


@dataclass(slots=True)
class MergeReport:
    """What a dataset merge did."""

    version: str
    previous_version: str | None
    applied: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    kept_local: list[str] = field(default_factory=list)  # left the dataset but edited locally
    conflicts: list[str] = field(default_factory=list)  # id already used by a local resource

    def summary(self) -> str:
        if not self.applied:
            return f"dataset {self.previous_version} is current"
        return (
            f"dataset {self.previous_version or '(none)'} -> {self.version}: "
            f"{len(self.added)} added, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.removed)} removed"
        )
