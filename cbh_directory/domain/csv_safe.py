"""CSV cells that spreadsheets will not run as formulas, with numbers left as numbers."""

from __future__ import annotations

import re

from ..domain.text_safety import cell_text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "|", "%")
# defusedcsv's rule: a cell starting with a formula character is escaped unless it is a plain
# number ("-80.1", "1,200.50"); widened to international phone numbers ("+1 614 555 0100",
# "+44 (0)20 7946 0000"), which hold nothing a spreadsheet could run: digits and punctuation.
_INERT = re.compile(r"^[+-]?\d[\d,. ]*$|^\+\d[\d ().-]*$")


def neutralise_cell(value: object) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with an apostrophe."""
    text = cell_text("" if value is None else str(value))
    if text.startswith(FORMULA_PREFIXES) and not _INERT.match(text):
        return "'" + text
    return text
