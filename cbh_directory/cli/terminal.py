"""What the command line prints: text cleaned of terminal control sequences and characters.

Names, notes and descriptions come from imported files; printed raw, an OSC 52 sequence would
write the user's clipboard, OSC 0 retitle the window and CSI 2J clear the screen. Every print
of data in the CLI goes through `echo` (text) or `dumps` (JSON)."""

from __future__ import annotations

import json
import re
from typing import Any

import click

# Whole sequences first, so their parameters do not survive as stray text.
_SEQUENCE = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]?            # CSI ... final byte
    | \x1b\][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?   # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)?       # DCS, SOS, PM, APC ... ST
    | \x1b[ -/]*[0-~]?                     # any other escape
    | \x9b[0-?]*[ -/]*[@-~]?              # 8-bit CSI
    | \x9d[^\x07\x1b\x9c\n]*(?:\x07|\x9c)?  # 8-bit OSC
    | [\x90\x98\x9e\x9f][^\x1b\x9c\n]*\x9c?  # 8-bit DCS, SOS, PM, APC
    """,
    re.VERBOSE,
)
# C0 controls but tab and line feed, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def clean(text: str) -> str:
    """The text without escape sequences or control characters (tab and newline stay)."""
    if text.isprintable():
        return text
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def echo(message: Any = "", *, err: bool = False, nl: bool = True) -> None:
    """click.echo for anything that may hold data: control sequences never reach the tty."""
    click.echo(clean(str(message)), err=err, nl=nl)


def dumps(value: Any) -> str:
    """JSON for the terminal: the same data, with DEL and C1 controls written as \\u escapes
    (json already escapes C0), so a pretty-printed document cannot drive the terminal."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
