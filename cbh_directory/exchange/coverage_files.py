"""The coverage report's inputs read from their files: the bundled dataset, its none-known
notes and the gazetteer's country and US state names; and the report written back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ..domain.coverage import NoneKnown, coverage_markdown
from ..paths import dataset_file, gazetteer_dir
from .appjson import read_app_json
from .atomic import atomic_writer

NONE_KNOWN = "none-known.json"
REPORT = "COVERAGE.md"


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def read_none_known(folder: Path) -> NoneKnown:
    return NoneKnown.from_json(json.loads((folder / NONE_KNOWN).read_text(encoding="utf-8")))


def country_names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in _tsv(gazetteer_dir() / "countries.tsv")}


def us_states() -> dict[str, str]:
    """Every US state, DC and territory the gazetteer knows ("US-OH" -> "Ohio"), without the
    armed forces' postal codes."""
    rows = _tsv(gazetteer_dir() / "regions.tsv")
    return {
        f"US-{r['code']}": r["name"]
        for r in rows
        if r["country_code"] == "US" and not r["name"].startswith("Armed Forces")
    }


def coverage_report(dataset: Path | None = None) -> str:
    """COVERAGE.md as it should read for the dataset file (the bundled one by default)."""
    path = dataset or dataset_file()
    parsed = read_app_json(path)
    return coverage_markdown(
        parsed.resources,
        version=parsed.version,
        notes=read_none_known(path.parent),
        country_names=country_names(),
        us_states=us_states(),
    )


def write_coverage_report(dataset: Path | None = None) -> Path:
    """Write COVERAGE.md beside the dataset file; returns its path."""
    path = (dataset or dataset_file()).parent / REPORT
    text = coverage_report(dataset)
    with atomic_writer(path, encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    return path
