"""JSON from files the user did not write: every way decoding can fail becomes a clear error."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
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
            "{name} is not valid JSON (line {lineno}, column {colno}: {msg})",
            name=name,
            lineno=exc.lineno,
            colno=exc.colno,
            msg=exc.msg,
        ) from exc
    except RecursionError:
        raise DatasetError("{name} is nested too deeply to be a data file", name=name) from None
    except ValueError as exc:  # "Exceeds the limit (4300 digits) for integer string ..."
        raise DatasetError(
            "{name} holds a number too long to read ({reason})", name=name, reason=exc
        ) from None


_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Cursor:
    """Walks one JSON document with the C decoder, a value at a time."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.at = 0

    def skip(self) -> str:
        """Skip whitespace; the next character ('' at the end)."""
        self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]
        return self.text[self.at : self.at + 1]

    def expect(self, char: str) -> None:
        if self.skip() != char:
            self.fail(f"expected {char!r}")
        self.at += 1

    def value(self) -> Any:
        self.skip()
        try:
            value, self.at = _DECODER.raw_decode(self.text, self.at)
        except json.JSONDecodeError as exc:
            raise DatasetError(
                "{name} is not valid JSON (line {lineno}, column {colno}: {msg})",
                name=self.name,
                lineno=exc.lineno,
                colno=exc.colno,
                msg=exc.msg,
            ) from exc
        except RecursionError:
            raise DatasetError(
                "{name} is nested too deeply to be a data file", name=self.name
            ) from None
        except ValueError as exc:
            raise DatasetError(
                "{name} holds a number too long to read ({reason})", name=self.name, reason=exc
            ) from None
        return value

    def fail(self, what: str) -> None:
        line = self.text.count("\n", 0, self.at) + 1
        raise DatasetError(
            "{name} is not valid JSON (line {line}: {what})", name=self.name, line=line, what=what
        )


def load_streaming(text: str, name: str, key: str) -> tuple[dict[str, Any], Iterator[Any]]:
    """A JSON object whose `key` holds a long array: (the other members, the array's items one
    at a time). The items are decoded as they are asked for, so a 200 MB file never becomes
    200 MB of dicts at once. Anything but an object at the top is decoded whole and returned
    as {"": value} with no items."""
    cursor = _Cursor(text, name)
    if cursor.skip() != "{":
        return {"": cursor.value()}, iter(())
    cursor.at += 1
    members: dict[str, Any] = {}
    span: int | None = None
    while True:
        if cursor.skip() == "}":
            cursor.at += 1
            break
        if members or span is not None:
            cursor.expect(",")
        member = cursor.value()
        if not isinstance(member, str):
            cursor.fail("expected a member name")
        cursor.expect(":")
        if member == key and cursor.skip() == "[":
            span = cursor.at
            for _item in _items(cursor):  # checked now; decoded again when asked for
                pass
            members[key] = []  # a list stands in for the array
        else:
            members[member] = cursor.value()
    if cursor.skip():
        cursor.fail("extra data after the document")
    if span is None:
        return members, iter(())
    again = _Cursor(text, name)
    again.at = span
    return members, _items(again)


def _items(cursor: _Cursor) -> Iterator[Any]:
    cursor.expect("[")
    if cursor.skip() == "]":
        cursor.at += 1
        return
    while True:
        yield cursor.value()
        following = cursor.skip()
        cursor.at += 1
        if following == "]":
            return
        if following != ",":
            cursor.at -= 1
            cursor.fail("expected ',' or ']' in the list")
