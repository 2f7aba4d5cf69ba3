"""JSON from files the user did not write: every way decoding can fail becomes a clear error."""

from __future__ import annotations

import json
from typing import Any

from ..domain.errors import DatasetError


def loads(text: str, name: str) -> Any:
    """Decode JSON text, refusing with a DatasetError what json.loads would raise on: bad
    syntax, nesting deep enough to exhaust the stack, and integers longer than Python
    converts (4,300 digits)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(
            f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except RecursionError:
        raise DatasetError(f"{name} is nested too deeply to be a data file") from None
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string ..."
        raise DatasetError(f"{name} holds a number too long to read ({exc})") from None
