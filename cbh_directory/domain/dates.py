"""Dates as sources show them: a day, a month or only a year ("2025-04-12", "2025-04", "2025")."""

from __future__ import annotations

import datetime as dt
import re

PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def is_partial_date(text: str) -> bool:
    """True for YYYY, YYYY-MM or a real YYYY-MM-DD."""
    if not PARTIAL_DATE.match(text):
        return False
    return len(text) < 10 or period_start(text) is not None


def period_start(text: str) -> dt.date | None:
    """The first day a partial date can mean (a source dated "2023" may be from January)."""
    if not text:
        return None
    try:
        if len(text) == 4:
            return dt.date(int(text), 1, 1)
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
