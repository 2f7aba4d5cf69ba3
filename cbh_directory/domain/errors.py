"""The application's own exceptions: every error a user can see is one of these, with a message."""

from __future__ import annotations

import errno
from collections.abc import Mapping


class CBHError(Exception):
    """Base class for errors that carry a message meant for the user.

    The message is an English template with `{name}` placeholders and their values
    (`InputError("{name} is empty", name=path.name)`): `str()` is the English text (logs,
    tests), `message` is the text in the reader's language, read when it is shown.
    """

    exit_code = 1

    def __init__(self, text: str = "", /, **values: object) -> None:
        self.text = text
        self.values = values
        super().__init__(fill(text, values, translate=False) if text else None)

    @property
    def message(self) -> str:
        if not self.text:
            return self.__class__.__name__
        from .language import words  # language imports this module

        return fill(words(self.text), self.values) or fill(self.text, self.values)

    def __str__(self) -> str:
        return fill(self.text, self.values, translate=False) if self.text else ""


def fill(template: str, values: Mapping[str, object], *, translate: bool = True) -> str:
    """`template` with its placeholders filled; an error among the values gives its message,
    a system error its reason. "" when a translation's placeholders do not fit."""
    if not values:
        return template
    shown = {key: _shown(value, translate) for key, value in values.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return ""


def _shown(value: object, translate: bool) -> object:
    if isinstance(value, CBHError):
        return value.message if translate else str(value)
    if isinstance(value, Phrase):
        return value.said(translate)
    if isinstance(value, OSError):
        return os_reason(value, translate=translate)
    return value


# The reasons the system gives most often, for readers of another language than English
# (strerror is always English).
_OS_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EEXIST: "the file already exists",
    errno.EIO: "the disk could not be read or written",
    errno.ENAMETOOLONG: "the file name is too long",
}


def os_reason(exc: OSError, *, translate: bool = True) -> str:
    """Why the system refused: its own words in English, plain words in another language."""
    english = exc.strerror or str(exc)
    plain = _OS_REASONS.get(exc.errno or 0)
    if not translate or plain is None:
        return english
    from .language import current, words

    return english if current() == "en" else words(plain)


class InputError(CBHError, ValueError):
    """The user gave a value the app cannot use (unknown kind, bad radius, ...)."""

    exit_code = 2


class NotFoundError(InputError):
    """A named thing (resource, list) does not exist."""


class PlaceNotFoundError(InputError):
    """A place lookup found nothing; `suggestions` holds close matches."""

    def __init__(self, query: str, suggestions: list[str] | None = None) -> None:
        self.query = query
        self.suggestions = list(suggestions or [])
        if self.suggestions:
            super().__init__(
                "unknown place: {query!r} (did you mean: {suggestions}?)",
                query=query,
                suggestions="; ".join(self.suggestions),
            )
        else:
            super().__init__(
                "unknown place: {query!r} (try a US ZIP code, 'City, ST' or 'City, Country')",
                query=query,
            )


class ValidationError(InputError):
    """A record failed validation; `problems` lists (field, reason) pairs."""

    def __init__(self, problems: list[tuple[str, str]], what: str | Phrase = "record") -> None:
        self.problems = list(problems)
        super().__init__(
            "invalid {what}: {detail}",
            what=what if isinstance(what, Phrase) else Phrase(what),
            detail=_Problems(problems),
        )


class Phrase:
    """Words of the app with placeholders (as an error's message), for a value of a message
    that is itself to be translated ("resource {id}")."""

    def __init__(self, text: str, /, **values: object) -> None:
        self.text = text
        self.values = values

    def said(self, translate: bool = True) -> str:
        if not translate:
            return fill(self.text, self.values, translate=False)
        from .language import words

        return fill(words(self.text), self.values) or fill(self.text, self.values)

    def __str__(self) -> str:
        return self.said(translate=False)


class _Problems(Phrase):
    """(field, reason) pairs, each reason in the reader's language."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("")
        self.problems = list(problems)

    def said(self, translate: bool = True) -> str:
        from .language import words

        say = words if translate else str
        return "; ".join(f"{f}: {say(r)}" for f, r in self.problems)


class DatabaseError(CBHError):
    """The database cannot be opened or used (damaged, too new, locked for too long)."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of the app."""


class DatasetError(InputError):
    """A data file (dataset, shared list, import) cannot be read; nothing was changed."""
