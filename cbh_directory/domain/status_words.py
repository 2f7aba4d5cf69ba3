"""What became of an inactive entry: closed or merged, the source's date, the successor."""

from __future__ import annotations

from dataclasses import dataclass

from .date_words import date_words
from .evidence import newest_date
from .language import words
from .model import Resource


@dataclass(frozen=True, slots=True)
class StatusLine:
    """An inactive entry's status as the details pane, the handout and `show` say it."""

    heading: str  # "Closed — reported by a source dated November 2016"
    note: str  # the curated status note (what became of it), "" when none
    date: str  # the date of the source that reports it ("" when none shows one)
    successor: str  # the id of the entry that carries on its work, or ""


def status_line(resource: Resource) -> StatusLine | None:
    """None for an active entry. A closure or merger is dated by the newest activity evidence
    (where the dataset records it), else by the newest evidence of the entry itself."""
    if resource.status == "active":
        return None
    if not resource.status_note and not resource.successor:
        return StatusLine(
            words("Inactive: no longer operating, or archived by staff."),
            "",
            "",
            resource.successor,
        )
    date = newest_date(resource.evidence, "activity") or newest_date(resource.evidence, "entry")
    what = words("Merged" if resource.successor else "Closed")
    when = (
        words(" — reported by a source dated {date}").format(date=date_words(date)) if date else ""
    )
    return StatusLine(f"{what}{when}.", resource.status_note, date, resource.successor)


def successor_words(name: str) -> str:
    """The line that points to the successor, by its name."""
    return words("Its work continues at: {name}").format(name=name)
