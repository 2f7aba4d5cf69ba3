"""COVERAGE.md: current with the dataset, and no focus term or US state left uncovered
without a note saying none is known."""

from __future__ import annotations

import dataclasses

from cbh_directory.domain.coverage import (
    NoneKnown,
    states_without_early_intervention,
    uncovered_terms,
)
from cbh_directory.exchange.appjson import read_app_json
from cbh_directory.exchange.coverage_files import (
    REPORT,
    coverage_report,
    read_none_known,
    us_states,
    write_coverage_report,
)
from cbh_directory.paths import dataset_file


def test_coverage_md_is_up_to_date() -> None:
    """Run `python scripts/coverage_report.py` after changing the dataset or the notes."""
    written = (dataset_file().parent / REPORT).read_text(encoding="utf-8")
    assert written == coverage_report(), "COVERAGE.md is out of date"


def test_every_term_and_state_has_an_entry_or_a_none_known_note() -> None:
    resources = read_app_json(dataset_file()).resources
    notes = read_none_known(dataset_file().parent)
    assert uncovered_terms(resources, notes) == []
    states = us_states()
    assert len(states) >= 52 and {"US-OH", "US-DC", "US-PR"} <= set(states)
    assert states_without_early_intervention(resources, states, notes) == []


def test_a_gap_without_a_note_is_found() -> None:
    resources = read_app_json(dataset_file()).resources
    notes = read_none_known(dataset_file().parent)
    without_itpr1 = [r for r in resources if "ITPR1" not in r.focus]
    assert uncovered_terms(without_itpr1, notes) == []  # its note says none is known
    silent = dataclasses.replace(notes, focus={})
    assert uncovered_terms(without_itpr1, silent) == ["ITPR1"]
    closed = [
        dataclasses.replace(r, status="inactive") if "KIF1A" in r.focus else r for r in resources
    ]
    assert uncovered_terms(closed, notes) == ["KIF1A"]  # a closed entry covers nothing
    no_ohio = [r for r in resources if r.id != "ohio-early-intervention"]
    assert states_without_early_intervention(no_ohio, us_states(), NoneKnown()) == [
        code for code in us_states() if code == "US-OH" or code in notes.us_states
    ]


def test_the_report_is_written_beside_the_dataset(tmp_path) -> None:
    for name in ("directory.json", "none-known.json"):
        (tmp_path / name).write_bytes((dataset_file().parent / name).read_bytes())
    written = write_coverage_report(tmp_path / "directory.json")
    assert written == tmp_path / REPORT
    assert written.read_text(encoding="utf-8") == coverage_report()
