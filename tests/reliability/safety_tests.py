"""Safety tests from the rest of the suite that `make stress` runs again and RELIABILITY.md
lists; the hook below is imported by tests/conftest.py so that it sees every directory."""

from __future__ import annotations

import pytest

# Safety tests elsewhere in the suite, run again by `make stress` and listed in the report.
SAFETY_TESTS: dict[str, str] = {
    "tests/unit/test_hsds.py::test_zip_path_traversal": "zips with a ../ member and an "
    "absolute /etc path",
    "tests/unit/test_hsds.py::test_zip_symlink": "a zip whose datapackage.json is a symbolic "
    "link to /etc/passwd",
    "tests/unit/test_hsds.py::test_zip_bomb": "a zip bomb: 8 MB of one byte compressed about "
    "1000:1",
    "tests/unit/test_hsds.py::test_zip_limits_on_count_and_total_size": "a zip of 2,001 "
    "files, and one larger in all than the limit",
    "tests/unit/test_hsds.py::test_zip_member_larger_than_declared": "a member that unpacks to "
    "more than its header declares",
    "tests/unit/test_exports.py::test_csv_neutralises_formulas": "=HYPERLINK(, +, - and @ "
    "cells in a CSV export",
    "tests/unit/test_exports.py::test_every_formula_start_is_neutralised": "each formula start "
    "(=, +, -, @, tab, CR)",
    "tests/cli/test_cli.py::test_search_csv_neutralises_formulas": "a =HYPERLINK( name in "
    "`search --csv` output",
    "tests/unit/test_exports.py::test_handout_html_is_escaped_self_contained_and_complete": "<b>,"
    " <script> and javascript: links in the fields of a handout",
    "tests/ui/test_main_window.py::test_hostile_data_is_shown_as_plain_text": "<b>, <img "
    "src=file:...>, <script> and javascript: links in fields shown by the window",
    "tests/ui/test_main_window.py::test_only_safe_links_open": "javascript:, file:, data:, "
    "ftp:, smb:, vbscript: and malformed links given to the link opener",
    "tests/reliability/test_privacy.py::test_only_safe_links_would_ever_open": "six unsafe "
    "link schemes, in lower and upper case",
    "tests/unit/test_search.py::test_any_typed_text_is_searched_safely": "FTS5 syntax, SQL, "
    "quotes, control and bidi characters typed as search text",
    "tests/unit/test_search.py::test_sql_injection_through_filters_changes_nothing": "SQL "
    "through the country, region and language filters",
}
SAFETY_RESULTS: dict[str, list[str]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and not (report.when == "setup" and report.skipped):
        return
    base = report.nodeid.split("[", 1)[0]
    if base in SAFETY_TESTS:
        SAFETY_RESULTS.setdefault(base, []).append(report.outcome)
