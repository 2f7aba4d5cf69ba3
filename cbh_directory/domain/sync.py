"""Syncing with an agency's HSDS API: errors, limits, what a sync did, and the outbox's states."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import CBHError
from .exports import ExportCancelled
from .language import words

# Outbox states, in the order a proposal goes through them.
WAITING, SENT, APPROVED, REJECTED = "waiting", "sent", "approved", "rejected"
OUTBOX_STATES = (WAITING, SENT, APPROVED, REJECTED)


class SyncError(CBHError):
    """The directory could not be synced (unreachable, refused, a malformed or hostile
    response); nothing was changed."""


class SyncRefused(SyncError):
    """The server answered with an error status (`status`): a bad token, a refused proposal."""

    def __init__(self, message: str, status: int, /, **values: object) -> None:
        super().__init__(message, **values)
        self.status = status


class SyncCancelled(ExportCancelled):
    """The user cancelled a sync; nothing was merged."""


@dataclass(frozen=True, slots=True)
class SyncLimits:
    """What a sync accepts from a server before it gives up, changing nothing."""

    max_response_bytes: int = 64 * 1024 * 1024  # one JSON page
    max_line_bytes: int = 4 * 1024 * 1024  # one ndjson service
    max_text: int = 1024 * 1024  # one string anywhere in a service
    max_pages: int = 10_000
    max_services: int = 2_000_000
    max_total_bytes: int = 4 * 1024 * 1024 * 1024  # everything one sync downloads
    per_page: int = 1000
    timeout: float = 60.0  # seconds without a byte from the server
    overlap_seconds: int = 300  # modified_after is this much before the newest time seen


@dataclass(slots=True)
class SyncReport:
    """What one sync did."""

    url: str
    full: bool = False  # a full pull (first sync, or asked for)
    via: str = ""  # "ndjson" or "pages"
    deletions_via: str = ""  # "profile", "id list" or "" (none checked)
    received: int = 0
    staged: int = 0  # received and not known unchanged: read and merged
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    deactivated: list[str] = field(default_factory=list)  # the hub removed them
    conflicts: list[str] = field(default_factory=list)  # the id is a resource made here
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (service id, reason)
    kept_local: list[str] = field(default_factory=list)  # resources whose local edits stayed
    sent: int = 0
    send_failures: list[str] = field(default_factory=list)
    reviewed: int = 0  # outbox entries whose review came back
    checkups_added: int = 0  # check-ups of others the hub holds, new here
    notes: list[str] = field(default_factory=list)  # what was left out or not read, and why

    def summary(self) -> str:
        def say(text: str, count: int) -> str:
            return words(text).format(count=count)

        start = (
            "full sync from {url}: {count} services received"
            if self.full
            else "incremental sync from {url}: {count} services received"
        )
        parts = [
            words(start).format(url=self.url, count=self.received),
            say("{count} added", len(self.added)),
            say("{count} updated", len(self.updated)),
            say("{count} unchanged", self.unchanged),
            say("{count} removed by the hub (now inactive)", len(self.deactivated)),
        ]
        if self.conflicts:
            parts.append(say("{count} skipped (the id is an entry made here)", len(self.conflicts)))
        if self.rejected:
            parts.append(say("{count} not valid (left out)", len(self.rejected)))
        if self.kept_local:
            parts.append(say("{count} kept your local edits", len(self.kept_local)))
        if self.sent or self.send_failures:
            one = self.sent == 1
            parts.append(say("1 proposal sent" if one else "{count} proposals sent", self.sent))
        if self.send_failures:
            parts.append(say("{count} could not be sent", len(self.send_failures)))
        if self.checkups_added:
            one = self.checkups_added == 1
            received = "1 check-up received" if one else "{count} check-ups received"
            parts.append(say(received, self.checkups_added))
        if self.reviewed:
            one = self.reviewed == 1
            reviewed = "1 proposal reviewed" if one else "{count} proposals reviewed"
            parts.append(say(reviewed, self.reviewed))
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """A proposal made here and where it stands."""

    id: int
    action: str
    resource_id: str
    state: str
    created_at: str
    sent_at: str = ""
    reviewed_at: str = ""
    review_note: str = ""
    url: str = ""
    proposal_id: int | None = None
    changes: tuple[str, ...] = ()  # the fields an edit changes
