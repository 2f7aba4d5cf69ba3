"""Control characters out of text: neutralised when it comes in and again when it leaves."""

from __future__ import annotations

# C0 controls, DEL and C1 controls. A single-line field turns tab, CR and LF into a space
# and drops the rest; a multi-line one keeps tab and LF (CR LF and lone CR become LF).
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_SINGLE_LINE = {code: None for code in _CONTROLS} | {0x09: " ", 0x0A: " ", 0x0D: " "}
_MULTI_LINE = {code: None for code in _CONTROLS if code not in (0x09, 0x0A)}


def single_line(text: str) -> str:
    """The text on one line, without control characters."""
    return text if text.isprintable() else text.translate(_SINGLE_LINE)


def multi_line(text: str) -> str:
    """The text with its line breaks and tabs, without any other control character."""
    if text.isprintable():
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_MULTI_LINE)


_CELL = {code: None for code in _CONTROLS if code not in (0x09, 0x0A, 0x0D)}


def cell_text(text: str) -> str:
    """A spreadsheet cell: tab and line breaks kept as they are, other controls dropped."""
    return text if text.isprintable() else text.translate(_CELL)
