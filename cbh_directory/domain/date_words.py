"""Partial dates in words, as precise as the source shows them ("2025", "April 2025")."""

from __future__ import annotations

from . import language
from .dates import is_partial_date
from .vocabulary_es import MONTHS as MONTHS_ES

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_words(text: str) -> str:
    """'2025-04-03' -> '3 April 2025', '2025-04' -> 'April 2025', '2025' -> '2025'; text that is
    not a partial date is returned as it is (never guessed)."""
    if not is_partial_date(text):
        return text
    year = text[:4]
    if len(text) == 4:
        return year
    spanish = language.current() == "es"
    month = (MONTHS_ES if spanish else MONTHS)[int(text[5:7]) - 1]
    joint = " de " if spanish else " "  # "3 de mayo de 2026"
    if len(text) == 7:
        return f"{month}{joint}{year}"
    return f"{int(text[8:10])}{joint}{month}{joint}{year}"


def month_words(text: str) -> str:
    """The month and year only ('2026-12-01' -> 'December 2026'), for when the project read
    something: the day adds nothing a reader needs."""
    return date_words(text[:7]) if is_partial_date(text) else text


def year_of(text: str) -> str:
    """The year of a partial date, or "" when there is none."""
    return text[:4] if is_partial_date(text) else ""
