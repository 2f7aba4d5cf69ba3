"""Which language people read (English or Spanish) and the words of the app in it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import InputError
from .vocabulary_es import SPANISH

LANGUAGES = ("en", "es")
_default = "en"
# An export in another language than the window's sets this for its own thread only.
_override: ContextVar[str | None] = ContextVar("language", default=None)


def check(code: str) -> str:
    code = code.strip().lower()
    if code not in LANGUAGES:
        raise InputError(
            "unknown language {code!r}: use one of {languages}",
            code=code,
            languages=", ".join(LANGUAGES),
        )
    return code


def set_language(code: str) -> None:
    """The language of this process (the window's, or the CLI's --lang)."""
    global _default
    _default = check(code)


def from_environment(environ: Mapping[str, str]) -> str:
    """The language the locale asks for, as POSIX reads it: LC_ALL, else LC_MESSAGES, else
    LANG (es_US.UTF-8 → es); English when it is another language or unset."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].split("@")[0].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def process_language() -> str:
    """The language of this process, whatever one block of one thread may have chosen."""
    return _default


def current() -> str:
    return _override.get() or _default


@contextmanager
def using(code: str) -> Iterator[None]:
    """Everything said inside this block (in this thread) is in `code`."""
    token = _override.set(check(code))
    try:
        yield
    finally:
        _override.reset(token)


def in_english(text: str) -> str:
    """Text we only have in English (a source's note, a description not yet translated),
    marked as such when the reader chose another language."""
    if current() == "en" or not text:
        return text
    return f"{text} {words('(in English)')}"


def words(text: str) -> str:
    """`text` (the app's own English words) in the current language; names, data and anything
    without a translation stay as they are."""
    if current() == "en" or not text:
        return text
    return SPANISH.get(text, text)
