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
    # Issue 11: paths that could lose a user's data or open something unsafe.
    "tests/reliability/test_backup_safety.py::test_backup_never_deletes_files_it_did_not_create": (
        "`db backup PATH` beside someone else's *.partial file"
    ),
    "tests/reliability/test_backup_safety.py::test_backup_never_overwrites_a_file_without_being_"
    "told": "`db backup` onto an existing file, without and with --force",
    "tests/reliability/test_backup_safety.py::test_backup_never_replaces_a_device_or_a_pipe": (
        "`db backup` onto a character device (a /dev/null node) and a FIFO, as root"
    ),
    "tests/reliability/test_backup_safety.py::test_backup_refuses_the_live_database_and_its_"
    "backups_folder": "`db backup` onto the live database, its -wal and the backups folder",
    "tests/reliability/test_backup_safety.py::test_two_databases_in_one_folder_keep_their_own_"
    "backups": "two databases in one folder: 12 backups of one, then restore --latest of the other",
    "tests/reliability/test_backup_safety.py::test_restore_refuses_a_file_that_only_has_the_"
    "migrations_table": "restore of a file holding only the migrations table (and the mark)",
    "tests/reliability/test_backup_safety.py::test_pruning_never_removes_the_newest_good_"
    "backup": "12 backups of a broken database after one good backup",
    "tests/reliability/test_backup_safety.py::test_restore_from_a_pipe_is_refused_at_once": (
        "`db restore` from a FIFO"
    ),
    "tests/reliability/test_backup_safety.py::test_a_full_disk_during_a_backup_says_so_and_"
    "leaves_nothing_behind": "a real full tmpfs during `db backup` and the pre-import backup",
    "tests/reliability/test_output_paths.py::test_saving_a_list_over_the_live_database_is_"
    "refused": "`lists export` and `export-hsds` onto the database, -wal, -shm, a backup, "
    "a folder and the backups folder",
    "tests/reliability/test_output_paths.py::test_an_export_never_replaces_a_database_or_a_"
    "device": "an export onto another SQLite database and onto a FIFO",
    "tests/reliability/test_output_paths.py::test_exports_follow_the_umask_and_keep_the_mode_"
    "of_a_file_they_replace": "HTML, CSV, vCard, JSON, zip and list exports under umask 022, "
    "and over a 0664 file",
    "tests/reliability/test_output_paths.py::test_a_pdf_that_does_not_fit_on_the_disk_leaves_"
    "the_old_handout": "a PDF handout exported over a good one on a real, nearly full tmpfs",
    "tests/reliability/test_hostile_text.py::test_a_website_with_a_line_break_never_forges_a_"
    "second_contact": "a CR/LF website through CSV import, `edit --set` and a shared list, "
    "exported as vCard",
    "tests/reliability/test_hostile_text.py::test_shared_lists_open_only_web_links_and_mail_"
    "and_phone_links_the_app_built": "mailto:?attach=, an email with ?attach= and "
    "tel:;phone-context= in a shared list's snapshot, shown in the details pane",
    "tests/reliability/test_hostile_text.py::test_an_email_with_a_query_never_becomes_a_link_"
    "in_a_handout": "an email a@b.org?attach=/etc/shadow imported, then a handout",
    "tests/reliability/test_hostile_text.py::test_the_terminal_never_receives_control_"
    "sequences_from_data": "OSC 52, OSC 0, CSI 2J and 8-bit CSI in names, descriptions and "
    "list names, through 10 commands' text, JSON and CSV output",
    "tests/reliability/test_hostile_text.py::test_a_website_with_control_characters_is_"
    "refused_by_edit": "websites with CR/LF, LF, tab, NUL, ESC and NEL given to edit",
    "tests/reliability/test_import_limits.py::test_a_folder_import_never_reads_through_a_"
    "symbolic_link": "an HSDS folder whose services.csv, then whose table subfolder, is a "
    "symbolic link out of it",
    "tests/reliability/test_import_limits.py::test_a_package_naming_one_part_a_thousand_times_"
    "is_refused": "a datapackage.json naming services.csv 1,000 times as parts of one table",
    "tests/reliability/test_import_limits.py::test_a_file_over_the_limit_is_refused_before_it_"
    "is_read": "3 GB (sparse) CSV and JSON files, in a child capped at 4 GB of address space",
    "tests/reliability/test_import_limits.py::test_an_import_from_a_pipe_is_refused_at_once": (
        "`import` and `lists import` from FIFOs"
    ),
    "tests/reliability/test_import_limits.py::test_hostile_json_gets_a_clear_message_"
    "everywhere": "JSON nested 100,000 deep and a 5,001-digit number, as app JSON, shared "
    "list and datapackage.json",
    "tests/reliability/test_import_limits.py::test_an_import_into_a_read_only_folder_says_"
    "read_only": "`import` into a database on a tmpfs remounted read-only",
    "tests/reliability/test_read_only_media.py::test_a_directory_on_read_only_media_can_be_"
    "searched_shown_and_exported": "search, show, lists show and export from read-only "
    "media; a list change and a backup there",
    "tests/reliability/test_silent_losses.py::test_a_misspelt_field_in_map_is_an_error_that_"
    "lists_the_fields": "`import --map Notes=descripton` and an unknown column",
    "tests/reliability/test_silent_losses.py::test_a_list_import_says_what_it_cut": (
        "a shared list with a 200-character name and 25,000- and 30,000-character notes"
    ),
    "tests/reliability/test_silent_losses.py::test_list_names_that_look_the_same_name_the_"
    "same_list": "list names differing only by NFC/NFD, non-ASCII case, ß/SS and spaces",
    "tests/reliability/test_silent_losses.py::test_a_list_name_that_cannot_be_seen_is_"
    "refused": "list names of zero-width, blank-letter, braille-blank and ESC characters",
}
SAFETY_RESULTS: dict[str, list[str]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and not (report.when == "setup" and report.skipped):
        return
    base = report.nodeid.split("[", 1)[0]
    if base in SAFETY_TESTS:
        SAFETY_RESULTS.setdefault(base, []).append(report.outcome)
