"""The service's check-ups of groups: record, change, delete, read, share, and what the
directory shows for moderation and activity because of them (issue 15)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import checkups as rules
from ..domain import vocabulary as vocab
from ..domain.checkups import Checkup
from ..domain.community_evidence import FACTS
from ..domain.describe import kind_label
from ..domain.errors import InputError, NotFoundError
from ..domain.model import Resource
from ..domain.verification import signature
from ..exchange.checkups_file import ReadCheckups, read_checkups_file, write_checkups_file
from ..store import checkups as table
from ..store.metadata import get_meta, set_meta
from ..store.resources import find_resource, iter_resources
from .base import ServiceBase

AUTHOR_KEY = "checkup_author"


@dataclass(slots=True)
class CheckupImport:
    """What importing check-ups did."""

    added: int
    already_here: int
    kept_ours: int
    rejected: list[str]


@dataclass(slots=True)
class NeedsCheckup:
    """A group with no check-up that still counts, and how much it is used."""

    resource: Resource
    latest: Checkup | None
    uses: int  # in Bookmarks or lists, counted per list


class CheckupService(ServiceBase):
    # -- recording

    def checkup_author(self) -> str:
        """The name or initials the last check-up here was signed with ("" before any)."""
        return get_meta(self.db, AUTHOR_KEY) or ""

    def record_checkup(
        self, resource_id: str, answers: dict[str, Any], by: str = "", today: dt.date | None = None
    ) -> Checkup:
        """Store a check-up of a group (validated; nothing is stored on a problem). `answers`
        holds the profile's keys (moderation, activity, last_activity, focus_ok, focus_note,
        note, evidence, on); `by` defaults to the name the last check-up was signed with."""
        resource = self._community(resource_id)
        author = signature(by) or self.checkup_author()
        if not author:
            raise InputError("say who made the check-up: initials or a name (--by)")
        checkup = rules.make_checkup(resource.id, {**answers, "by": author, "id": None}, today)
        table.add_checkup(self.db, checkup)
        if author != self.checkup_author():
            set_meta(self.db, AUTHOR_KEY, author)
        return checkup

    def edit_checkup(
        self, checkup_id: str, changes: dict[str, Any], me: str, today: dt.date | None = None
    ) -> Checkup:
        """Change the answers of one's own check-up."""
        current = self._own(checkup_id, me)
        return table.replace_checkup(self.db, rules.edited(current, changes, today))

    def delete_checkup(self, checkup_id: str, me: str) -> Checkup:
        """Delete one's own check-up."""
        current = self._own(checkup_id, me)
        table.delete_checkup(self.db, checkup_id)
        return current

    def _own(self, checkup_id: str, me: str) -> Checkup:
        current = table.get_checkup(self.db, checkup_id)
        if not me or current.by.casefold() != signature(me).casefold():
            raise InputError(
                "only {by}, who made this check-up, can change or delete it", by=current.by
            )
        return current

    def _community(self, resource_id: str) -> Resource:
        resource = find_resource(self.db, resource_id)
        if resource is None:
            raise NotFoundError("no resource with id {resource_id!r}", resource_id=resource_id)
        if not rules.applies_to(resource):
            raise InputError(
                "check-ups are for support groups and other communities; {id} is: {kind}",
                id=resource.id,
                kind=kind_label(resource.kind),
            )
        return resource

    # -- reading

    def checkups(self, resource_id: str) -> list[Checkup]:
        """A resource's check-ups, newest first (kept even when it left the directory)."""
        found = table.checkups_of(self.db, resource_id)
        if not found and find_resource(self.db, resource_id) is None:
            raise NotFoundError("no resource with id {resource_id!r}", resource_id=resource_id)
        return found

    def checkups_for(self, resource_ids: list[str]) -> dict[str, list[Checkup]]:
        return table.checkups_for(self.db, resource_ids)

    def checkup_max_age_days(self) -> int:
        return table.max_age_days(self.db)

    def set_checkup_max_age_days(self, days: int) -> None:
        table.set_max_age_days(self.db, days)

    def community_lines(
        self, resource: Resource, me: str = "", *, dated: bool = False
    ) -> dict[str, str]:
        """fact -> the line the details pane, `show` and the handout print, check-ups included
        ("Peer moderated — checked by you 3 weeks ago")."""
        found = table.checkups_of(self.db, resource.id)
        age = self.checkup_max_age_days()
        return {
            fact: rules.for_display(resource, fact, found, me=me, max_age_days=age, dated=dated)
            for fact in FACTS
        }

    def checked_lines(self, resources: list[Resource]) -> dict[str, dict[str, str]]:
        """The dated moderation and activity lines of the groups among `resources` that have
        check-ups (for handouts: "Peer moderated — checked by JS on 3 November 2026")."""
        groups = [r for r in resources if rules.applies_to(r)]
        found = table.checkups_for(self.db, [r.id for r in groups])
        age = self.checkup_max_age_days()
        return {
            r.id: {
                fact: rules.for_display(r, fact, found[r.id], max_age_days=age, dated=True)
                for fact in FACTS
            }
            for r in groups
            if r.id in found
        }

    def needs_checkup(self, limit: int | None = None) -> list[NeedsCheckup]:
        """Active groups without a check-up that still counts, most used first (in Bookmarks
        or lists), then by name."""
        uses = dict(
            self.db.execute("SELECT resource_id, count(*) FROM list_items GROUP BY resource_id")
        )
        today = dt.date.today()
        age = self.checkup_max_age_days()
        groups = self._groups()
        found = table.checkups_for(self.db, [r.id for r in groups])
        waiting = [
            NeedsCheckup(r, next(iter(found.get(r.id, [])), None), int(uses.get(r.id, 0)))
            for r in groups
            if not any(rules.counts(c, today, age) for c in found.get(r.id, []))
        ]
        waiting.sort(key=lambda n: (-n.uses, n.resource.name.casefold()))
        return waiting[:limit] if limit is not None else waiting

    def _groups(self) -> list[Resource]:
        """The active groups (communities), which check-ups are for."""
        kinds = sorted(vocab.COMMUNITY_KINDS)
        where = f"status = 'active' AND kind IN ({', '.join('?' * len(kinds))})"
        return list(iter_resources(self.db, where, kinds))

    def checkup_counts(self) -> dict[str, int]:
        """How many check-ups there are, how many groups have one that still counts, and how
        many groups need one (for `stats`)."""
        total = self.db.execute("SELECT count(*) FROM checkups").fetchone()[0]
        waiting = len(self.needs_checkup())
        groups = len(self._groups())
        return {"checkups": total, "groups_checked": groups - waiting, "groups_waiting": waiting}

    # -- sharing

    def checkups_to_send(self) -> list[Checkup]:
        """Every check-up held here, oldest first, for sending to a hub (desktop sync): each
        has a stable id, so sending one again is harmless."""
        return table.all_checkups(self.db)

    def receive_checkups(self, checkups: list[Checkup]) -> table.MergeResult:
        """Merge check-ups from elsewhere (a file, a hub): no duplicates, none of ours changed."""
        return table.merge_checkups(self.db, checkups)

    def export_checkups(self, path: Path, resource_ids: list[str] | None = None) -> int:
        """Write check-ups (all, or those of some resources) to a check-ups file."""
        self.check_output(path)
        chosen = table.all_checkups(self.db)
        if resource_ids is not None:
            wanted = set(resource_ids)
            chosen = [c for c in chosen if c.resource_id in wanted]
        write_checkups_file(chosen, path)
        return len(chosen)

    def import_checkups(self, path: Path) -> CheckupImport:
        """Merge a check-ups file: new ones added, the same ones skipped, ours never changed."""
        found: ReadCheckups = read_checkups_file(path)
        merged = self.receive_checkups(found.checkups)
        return CheckupImport(merged.added, merged.already_here, merged.kept_ours, found.rejected)
