"""Write resources/dataset/COVERAGE.md: the entries covering each focus term, country and US
state, with the none-known notes (resources/dataset/none-known.json)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cbh_directory.domain.coverage import states_without_early_intervention, uncovered_terms
from cbh_directory.exchange.appjson import read_app_json
from cbh_directory.exchange.coverage_files import (
    REPORT,
    coverage_report,
    read_none_known,
    us_states,
    write_coverage_report,
)
from cbh_directory.paths import dataset_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=None, help="default: the bundled file")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; fail if the report is out of date"
    )
    args = parser.parse_args()
    dataset = args.dataset or dataset_file()
    resources = read_app_json(dataset).resources
    notes = read_none_known(dataset.parent)
    gaps = uncovered_terms(resources, notes)
    gaps += states_without_early_intervention(resources, us_states(), notes)
    for gap in gaps:
        print(f"no entry and no none-known note: {gap}", file=sys.stderr)
    report = dataset.parent / REPORT
    if args.check:
        current = report.exists() and report.read_text(encoding="utf-8") == coverage_report(dataset)
        print(f"{report}: {'up to date' if current else 'out of date'}")
        return 0 if current and not gaps else 1
    print(write_coverage_report(dataset))
    return 1 if gaps else 0


if __name__ == "__main__":
    raise SystemExit(main())
