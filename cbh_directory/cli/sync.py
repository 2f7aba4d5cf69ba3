"""Syncing with an agency's HSDS API from the command line: sync, propose, outbox."""

from __future__ import annotations

import dataclasses

import click

from ..domain.language import words
from ..domain.sync import OUTBOX_STATES
from .context import AppContext, pass_app
from .terminal import dumps, echo

TOKEN_ENV = "CBH_HUB_TOKEN"
SHOWN = 20


@click.command("sync")
@click.argument("url", required=False)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    help=f"Your token on the hub (or set {TOKEN_ENV}); needed to send proposals.",
)
@click.option("--full", is_flag=True, help="Download everything again, not only what changed.")
@click.option("--json", "as_json", is_flag=True, help="Print what the sync did as JSON.")
@pass_app
def sync_command(
    app: AppContext, url: str | None, token: str | None, full: bool, as_json: bool
) -> None:
    """Sync with the agency directory at URL (any HSDS API 3.0 address; default: the last one
    synced).

    The first sync downloads everything, later ones only what changed. Entries the hub removed
    become inactive here. Your lists, notes and local edits are kept; nothing changes if the
    sync fails or is interrupted. With a token, proposals waiting in the outbox are sent first
    and the review of those sent before is read back.
    """
    directory = app.directory()
    if not url:
        known = directory.sync_sources()
        if not known:
            raise click.UsageError("give the address of the agency directory (URL)")
        url = known[0]
    report = directory.sync(url, token or None, full=full)
    if as_json:
        echo(dumps(dataclasses.asdict(report)))
        return
    echo(report.summary())
    for label, ids in (
        (words("removed by the hub"), report.deactivated),
        (words("skipped"), report.conflicts),
    ):
        if ids:
            echo(f"{label}: " + ", ".join(ids[:SHOWN]) + (" …" if len(ids) > SHOWN else ""))
    for service_id, reason in report.rejected[:SHOWN]:
        echo(words("not valid: service {id}: {reason}").format(id=service_id, reason=reason))
    for failure in report.send_failures:
        echo(f"{words('not sent')}: {failure}")
    for note in report.notes[:SHOWN]:
        echo(f"{words('note')}: {note}")


@click.command("propose")
@click.argument("resource_id", required=False)
@click.option("--note", default="", help="A word for the editor who reviews it.")
@click.option(
    "--checkups", is_flag=True, help="Send your check-ups (those signed with your name) too."
)
@pass_app
def propose_command(app: AppContext, resource_id: str | None, note: str, checkups: bool) -> None:
    """Put RESOURCE_ID's local changes in the outbox for the agency's editors: an entry made
    here goes as new, an archived one as archived, other local edits as an edit. With
    --checkups, your check-ups not sent yet join them. They are sent on the next sync with a
    token. Lists and notes never leave this computer; check-ups only this way."""
    if not resource_id and not checkups:
        raise click.UsageError("give a RESOURCE_ID, or --checkups")
    directory = app.directory()
    if resource_id:
        entry_id = directory.propose(resource_id, note)
        said = words("proposal {id} is waiting in the outbox; it goes with the next sync")
        echo(said.format(id=entry_id))
    if checkups:
        count = directory.propose_checkups()
        said = (
            words("1 check-up of yours waiting in the outbox")
            if count == 1
            else words("{count} check-ups of yours waiting in the outbox")
        )
        echo(said.format(count=count))


@click.command("outbox")
@click.option("--state", type=click.Choice(OUTBOX_STATES), help="Only proposals in this state.")
@click.option("--withdraw", "withdraw", type=int, metavar="ID", help="Remove a waiting proposal.")
@click.option("--json", "as_json", is_flag=True, help="Print the proposals as JSON.")
@pass_app
def outbox_command(app: AppContext, state: str | None, withdraw: int | None, as_json: bool) -> None:
    """Proposals made here and where they stand: waiting (not sent yet), sent (waiting for
    review), approved or rejected (with the editor's note)."""
    directory = app.directory()
    if withdraw is not None:
        directory.withdraw_proposal(withdraw)
        echo(words("proposal {id} withdrawn").format(id=withdraw))
        return
    entries = directory.outbox(state or "")
    if as_json:
        echo(dumps([dataclasses.asdict(e) for e in entries]))
        return
    if not entries:
        echo(words("the outbox is empty"))
    for e in entries:
        what = f"{e.action} {e.resource_id}"
        if e.changes:
            what += " (" + ", ".join(e.changes) + ")"
        when = e.reviewed_at or e.sent_at or e.created_at
        line = f"{e.id:>4}  {e.state:<8}  {when[:16]}  {what}"
        if e.review_note:
            line += f" — {e.review_note}"
        echo(line)
