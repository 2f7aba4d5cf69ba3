"""Syncing with an agency's HSDS API: errors, limits, what a sync did, and the outbox's states."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import CBHError
from .exports import ExportCancelled

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
        parts = [
            f"{'full' if self.full else 'incremental'} sync from {self.url}: "
            f"{self.received} services received",
            f"{len(self.added)} added",
            f"{len(self.updated)} updated",
            f"{self.unchanged} unchanged",
            f"{len(self.deactivated)} removed by the hub (now inactive)",
        ]
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} skipped (the id is an entry made here)")
        if self.rejected:
            parts.append(f"{len(self.rejected)} not valid (left out)")
        if self.kept_local:
            parts.append(f"{len(self.kept_local)} kept your local edits")
        if self.sent or self.send_failures:
            parts.append(f"{self.sent} proposal{'' if self.sent == 1 else 's'} sent")
        if self.send_failures:
            parts.append(f"{len(self.send_failures)} could not be sent")
        if self.checkups_added:
            parts.append(
                f"{self.checkups_added} check-up{'' if self.checkups_added == 1 else 's'} received"
            )
        if self.reviewed:
            parts.append(f"{self.reviewed} proposal{'' if self.reviewed == 1 else 's'} reviewed")
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
