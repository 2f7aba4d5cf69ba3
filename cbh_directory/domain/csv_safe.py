"""CSV cells that spreadsheets will not run as formulas."""

from __future__ import annotations

from ..domain.text_safety import cell_text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with an apostrophe."""
    text = cell_text("" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text
