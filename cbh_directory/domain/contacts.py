"""The further phone numbers of a resource (beyond its main one), with what each is for."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .errors import InputError
from .phones import normalise_phone, phone_or_text

# HSDS 3.0 phone types, plus "hotline" for a helpline.
PHONE_TYPES: tuple[str, ...] = (
    "voice",
    "hotline",
    "fax",
    "text",
    "textphone",
    "cell",
    "video",
    "pager",
)
PHONE_KEYS: tuple[str, ...] = ("number", "ext", "type", "label")
MAX_PHONES = 20
_EXT = re.compile(r"^\d{1,8}$")


def normalise_phones(
    value: object, country: str, *, strict: bool = False
) -> tuple[list[dict[str, str]], list[str]]:
    """Clean a list of `{"number", "ext", "type", "label"}`; returns it and its problems.

    Numbers become E.164 where they parse; with `strict` one that cannot is a problem."""
    if value in (None, "", []):
        return [], []
    if not isinstance(value, list) or len(value) > MAX_PHONES:
        return [], [f"must be a list of at most {MAX_PHONES} phones"]
    phones: list[dict[str, str]] = []
    problems: list[str] = []
    for item in value:
        if not isinstance(item, Mapping) or any(
            not isinstance(item.get(k, ""), str) for k in PHONE_KEYS
        ):
            problems.append("each phone must be an object of text: number, ext, type, label")
            continue
        text = {k: str(item.get(k, "")).strip() for k in PHONE_KEYS}
        if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for v in text.values() for c in v):
            problems.append("a phone has control characters")
            continue
        if not text["number"]:
            continue
        if text["ext"] and not _EXT.match(text["ext"]):
            problems.append(f"extension {text['ext']!r} must be digits")
            continue
        kind = text["type"].lower() or "voice"
        if kind not in PHONE_TYPES:
            problems.append(f"phone type {text['type']!r} is not one of: {', '.join(PHONE_TYPES)}")
            continue
        try:
            number = (
                normalise_phone(text["number"], country)
                if strict
                else phone_or_text(text["number"], country)
            )
        except InputError as exc:
            problems.append(exc.message)
            continue
        phones.append(
            {"number": number, "ext": text["ext"], "type": kind, "label": text["label"][:200]}
        )
    return phones, problems
