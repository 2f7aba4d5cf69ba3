"""Syncing with an agency's HSDS API: send the outbox, download, merge in one transaction,
then hear how proposals were reviewed."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..domain.checkups import Checkup
from ..domain.errors import InputError
from ..domain.language import words
from ..domain.sync import (
    OutboxEntry,
    SyncCancelled,
    SyncError,
    SyncLimits,
    SyncRefused,
    SyncReport,
)
from ..domain.validation import slugify
from ..exchange.hsds_api_read import ApiTerms, read_services
from ..store import checkups as checkup_table
from ..store import outbox
from ..store import sync as store
from ..store.database import write_transaction
from ..store.edits import local_edits_of
from ..store.metadata import get_meta
from ..store.resources import get_origin, get_resource
from .bulk import collector_paused
from .checkups_service import AUTHOR_KEY
from .importing import ImportService

if TYPE_CHECKING:  # httpx is imported when a sync starts: half a second off every start-up
    import httpx

    from ..exchange.hsds_api import HsdsApi

Progress = Callable[[int, int], None]


def _since(cursor: str, overlap: int) -> str:
    """A little before the newest change seen: writes may commit out of order on a server."""
    try:
        moment = dt.datetime.fromisoformat(cursor.replace("Z", "+00:00"))
    except ValueError:
        return ""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    moment = (moment - dt.timedelta(seconds=overlap)).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class SyncService(ImportService):
    """Sync and propose; a sync is all or nothing for the directory."""

    def sync(
        self,
        url: str,
        token: str | None = None,
        *,
        full: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        limits: SyncLimits | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> SyncReport:
        """Bring the directory up to date with the HSDS API at `url`. Waiting proposals go up
        first when there is a token. Until the final merge nothing but the download area and
        the outbox changes; the merge is one transaction."""
        from ..exchange.hsds_api import HsdsApi, base_url

        url = base_url(url)
        prefix = slugify(urlsplit(url).hostname or "hub", 24)
        known = store.find_source(self.db, url)
        report = SyncReport(url, full=full or known is None or not known.cursor)
        with HsdsApi(url, token, limits=limits, cancelled=cancelled, transport=transport) as api:
            root = api.root()
            profile = api.profile_path(root)
            if token and profile:
                self._send_outbox(api, profile, report)
            terms = ApiTerms.read(api.taxonomy_terms(), api.taxonomies())
            source = known or store.source(self.db, url, prefix)
            since = "" if report.full else _since(source.cursor, api.limits.overlap_seconds)
            try:
                self._download(api, source.id, since, report, progress)
                removed_ids, removed_resources = self._deletions(
                    api, profile, source, since, report
                )
                self._merge(
                    source, terms, report, removed_ids, removed_resources, progress, cancelled
                )
            except BaseException:
                with contextlib.suppress(Exception):  # never hide why the sync stopped
                    store.clear_staged(self.db, source.id)  # the directory is as it was
                raise
            if token and profile:
                # The merge is done: a failure now only leaves the reviews for next time.
                try:
                    self._follow_reviews(api, profile, url, report)
                except (SyncError, SyncCancelled) as exc:
                    report.notes.append(
                        words("the reviews were not read: {reason}").format(reason=exc.message)
                    )
        return report

    def _deletions(
        self,
        api: HsdsApi,
        profile: str | None,
        source: store.SyncSource,
        since: str,
        report: SyncReport,
    ) -> tuple[set[str], set[str]]:
        """Services the server removed: from the profile's list, else by comparing every id
        it lists (a full pull finds them itself, from what it did not receive)."""
        if report.full:
            return set(), set()
        if profile:
            report.deletions_via = "profile"
            found = api.deletions(profile, since)
            return {sid for sid, _ in found}, {rid for _, rid in found if rid}
        report.deletions_via = "id list"
        return set(store.merged_times(self.db, source.id)) - api.service_ids(), set()

    def _download(
        self,
        api: HsdsApi,
        source_id: int,
        since: str,
        report: SyncReport,
        progress: Progress | None,
    ) -> None:
        """Stage what the server sends. A service sent again with the last_modified it had
        when merged (the overlap of modified_after) is counted unchanged and not staged."""
        store.clear_staged(self.db, source_id)
        merged = {} if report.full else store.merged_times(self.db, source_id)
        batch: list[str] = []
        for via, service in api.services(since, progress):
            report.via = via
            report.received += 1
            stamp = service.get("last_modified")
            if stamp and isinstance(stamp, str) and merged.get(str(service.get("id"))) == stamp:
                report.unchanged += 1
                continue
            batch.append(json.dumps(service, ensure_ascii=False, separators=(",", ":")))
            if len(batch) >= store.STAGE_BATCH:
                self._stage(source_id, batch, report)
                batch = []
        self._stage(source_id, batch, report)
        if progress:
            progress(report.received, 0)

    def _stage(self, source_id: int, batch: list[str], report: SyncReport) -> None:
        if batch:
            store.stage(self.db, source_id, report.staged, batch)
            report.staged += len(batch)

    def _merge(
        self,
        source: store.SyncSource,
        terms: ApiTerms,
        report: SyncReport,
        removed_ids: set[str],
        removed_resources: set[str],
        progress: Progress | None,
        cancelled: Callable[[], bool],
    ) -> None:
        if cancelled():
            raise SyncCancelled("the sync was cancelled; nothing was changed")
        if self.path is not None and report.full and report.staged:
            # A full pull may change every entry: keep the directory as it was. Later syncs
            # change what the agency changed, like a dataset update (the daily backup covers them).
            self.backup("before-sync")
        done = 0
        with collector_paused(), write_transaction(self.db):
            merge = store.SyncMerge(self.db, source, report)
            for texts in store.staged_batches(self.db, source.id):
                if cancelled():
                    raise SyncCancelled("the sync was cancelled; nothing was changed")
                services = [json.loads(text) for text in texts]
                read = read_services(services, terms, prefix=source.prefix, url=source.url)
                located = [r.resource for r in read if r.resource is not None]
                self._locate_missing(located)
                by_id = iter(located)
                checkups: list[Checkup] = []
                with merge.batch():
                    for item in read:
                        if item.resource is None:
                            report.rejected.append((item.service_id, item.problem))
                            continue
                        rid = merge.add(item.service_id, item.last_modified, next(by_id))
                        if rid is not None:
                            checkups += [replace(c, resource_id=rid) for c in item.checkups]
                            report.notes += item.notes
                report.checkups_added += checkup_table.merge_checkups(self.db, checkups).added
                done += len(texts)
                if progress:
                    progress(done, report.staged)
            if report.full:
                removed_ids |= merge.missing_after_full_pull()
            merge.removed(removed_ids, removed_resources)
            merge.finish(full=report.full)

    # -- proposals ---------------------------------------------------------------------------

    def propose(self, resource_id: str, note: str = "") -> int:
        """Queue this resource's local changes for the hub: a resource made here is proposed
        as new, an archived one as archived, other local edits as an edit. Lists and notes
        never go."""
        resource = get_resource(self.db, resource_id)
        origin = get_origin(self.db, resource_id)
        body: dict[str, Any]
        if origin == "local":
            body = {"action": "new", "resource": resource.to_dict()}
        else:
            edits = {
                name: value for name, (value, _) in local_edits_of(self.db, resource_id).items()
            }
            if not edits:
                raise InputError(
                    "{resource_id!r} has no local edits to propose", resource_id=resource_id
                )
            if edits == {"status": "inactive"}:
                body = {"action": "archive", "resource_id": resource_id}
            else:
                body = {"action": "edit", "resource_id": resource_id, "changes": edits}
        if note:
            body["note"] = note
        return outbox.queue(self.db, body["action"], resource_id, body)

    def propose_checkup(self, resource_id: str, checkup: dict[str, Any], note: str = "") -> int:
        """Queue a check-up the user chose to send (the hub's check-up JSON: id, on, by,
        moderation, activity, …). Check-ups stay on this desktop unless sent this way."""
        get_resource(self.db, resource_id)
        body: dict[str, Any] = {"action": "checkup", "resource_id": resource_id}
        body["checkup"] = dict(checkup)
        if note:
            body["note"] = note
        return outbox.queue(self.db, "checkup", resource_id, body)

    def propose_checkups(self) -> int:
        """Queue the check-ups recorded here under the user's name (the one check-ups here are
        signed with) that are not in the outbox yet; returns how many. Check-ups received from
        the hub, signed by others, are not sent back."""
        me = get_meta(self.db, AUTHOR_KEY) or ""
        queued = outbox.checkup_ids(self.db)
        count = 0
        for checkup in checkup_table.all_checkups(self.db):
            if me and checkup.by == me and checkup.id not in queued:
                self.propose_checkup(checkup.resource_id, checkup.profile())
                count += 1
        return count

    def outbox(self, state: str = "") -> list[OutboxEntry]:
        return outbox.entries(self.db, state)

    def withdraw_proposal(self, entry_id: int) -> None:
        outbox.withdraw(self.db, entry_id)

    def sync_sources(self) -> list[str]:
        """Addresses synced before, the latest first."""
        return [s.url for s in store.sources(self.db)]

    def _send_outbox(self, api: HsdsApi, profile: str, report: SyncReport) -> None:
        for entry in reversed(outbox.entries(self.db, "waiting")):
            body = outbox.payload(self.db, entry.id)
            try:
                sent = api.propose(profile, body)
            except SyncRefused as exc:
                if exc.status == 401:  # no valid token: reading will not work either
                    raise
                if exc.status == 403:  # a reader's token: keep them waiting, sync the rest
                    report.send_failures.append(exc.message)
                    return
                if 400 <= exc.status < 500:  # the hub refused this one (invalid, conflict)
                    outbox.mark_refused(self.db, entry.id, api.url, exc.message)
                report.send_failures.append(f"{entry.action} {entry.resource_id}: {exc.message}")
                continue
            outbox.mark_sent(self.db, entry.id, api.url, sent["id"])
            report.sent += 1

    def _follow_reviews(self, api: HsdsApi, profile: str, url: str, report: SyncReport) -> None:
        waiting = {e.proposal_id: e for e in outbox.entries(self.db, "sent") if e.url == url}
        ids = [pid for pid in waiting if pid is not None]
        for start in range(0, len(ids), 500):
            for row in api.proposals(profile, ids[start : start + 500]):
                entry = waiting.get(row.get("id"))
                state = row.get("state")
                if entry is None or state not in ("approved", "rejected"):
                    continue
                note = row.get("review_note")
                at = row.get("reviewed_at")
                outbox.mark_reviewed(
                    self.db,
                    entry.id,
                    state == "approved",
                    at if isinstance(at, str) else "",
                    note if isinstance(note, str) else "",
                )
                report.reviewed += 1
