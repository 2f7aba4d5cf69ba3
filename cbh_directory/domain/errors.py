"""The application's own exceptions: every error a user can see is one of these, with a message."""

from __future__ import annotations


class CBHError(Exception):
    """Base class for errors that carry a message meant for the user."""

    exit_code = 1

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


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
        text = f"unknown place: {query!r}"
        if self.suggestions:
            text += " (did you mean: " + "; ".join(self.suggestions) + "?)"
        else:
            text += " (try a US ZIP code, 'City, ST' or 'City, Country')"
        super().__init__(text)


class ValidationError(InputError):
    """A record failed validation; `problems` lists (field, reason) pairs."""

    def __init__(self, problems: list[tuple[str, str]], what: str = "record") -> None:
        self.problems = list(problems)
        detail = "; ".join(f"{f}: {r}" for f, r in self.problems)
        super().__init__(f"invalid {what}: {detail}")


class DatabaseError(CBHError):
    """The database cannot be opened or used (damaged, too new, locked for too long)."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of the app."""


class DatasetError(InputError):
    """A data file (dataset, shared list, import) cannot be read; nothing was changed."""
