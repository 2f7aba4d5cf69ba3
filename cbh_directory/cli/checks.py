"""`check` (record a check-up of a group) and `checks` (list, export, import, needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..domain import vocabulary as vocab
from ..domain.checkups import Checkup, summary
from ..domain.errors import InputError
from ..domain.language import words
from .context import AppContext, pass_app
from .terminal import dumps, echo

_FOCUS = {"yes": True, "no": False}


@click.command("check")
@click.argument("resource_id")
@click.option(
    "--moderation",
    type=click.Choice(list(vocab.MODERATION_BY_ID)),
    required=True,
    help="Who reviews posts: professional, peer (trained peers or volunteers with written "
    "rules), unmoderated (nobody), unknown (can't tell).",
)
@click.option(
    "--activity",
    type=click.Choice(list(vocab.ACTIVITY_BY_ID)),
    required=True,
    help="How quickly the last few questions got answers: high (within a day), moderate "
    "(within a week), low (slower or not at all), unknown (can't tell).",
)
@click.option("--last-activity", default="", metavar="DATE", help="The last post or meeting.")
@click.option(
    "--focus",
    "focus",
    type=click.Choice(["yes", "no"]),
    default=None,
    help="Does its focus match what the directory says?",
)
@click.option("--focus-note", default="", help="With --focus no: what its focus is.")
@click.option("--note", default="", help="What you saw, in a few words.")
@click.option("--evidence", default="", metavar="URL", help="A link to what you saw (http/https).")
@click.option("--by", "by", default="", metavar="INITIALS", help="Your initials or name.")
@click.option("--on", "on", default="", metavar="DATE", help="The day you checked (default today).")
@pass_app
def check_command(
    app: AppContext,
    resource_id: str,
    moderation: str,
    activity: str,
    last_activity: str,
    focus: str | None,
    focus_note: str,
    note: str,
    evidence: str,
    by: str,
    on: str,
) -> None:
    """Record a check-up of a group: what you saw of its moderation and member activity.

    \b
    Example:
      cbh-directory check cask-parents-forum --moderation peer --activity high \\
          --note "Two moderators answered within hours" --by JS
    """
    directory = app.directory()
    answers: dict[str, Any] = {
        "moderation": moderation,
        "activity": activity,
        "last_activity": last_activity,
        "focus_ok": _FOCUS.get(focus or ""),
        "focus_note": focus_note,
        "note": note,
        "evidence": evidence,
        "on": on,
    }
    checkup = directory.record_checkup(resource_id, answers, by=by)
    resource = directory.resource(resource_id)
    echo(words("Recorded check-up {id} of {name}").format(id=checkup.id, name=resource.name))
    lines = directory.community_lines(resource, me=checkup.by)
    _community(lines)


def _community(lines: dict[str, str]) -> None:
    echo(f"  {words('Moderation')}: {lines['moderation']}")
    echo(f"  {words('Member activity')}: {lines['activity']}")


class _ChecksGroup(click.Group):
    """`checks ID` lists a resource's check-ups; `checks export|import|needed|…` do the rest."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["list", *args]
        return super().parse_args(ctx, args)


@click.group("checks", cls=_ChecksGroup)
def checks_group() -> None:
    """Check-ups of groups: `checks ID [--json]`, `checks needed`, `checks export PATH`,
    `checks import PATH`, `checks delete CHECKUP_ID --by INITIALS`, `checks max-age DAYS`."""


def _record(checkup: Checkup) -> dict[str, Any]:
    return {"resource_id": checkup.resource_id, **checkup.profile()}


@checks_group.command("list")
@click.argument("resource_id")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, newest first.")
@pass_app
def list_checks(app: AppContext, resource_id: str, as_json: bool) -> None:
    """A resource's check-ups, newest first, and what the directory shows because of them."""
    directory = app.directory()
    found = directory.checkups(resource_id)
    if as_json:
        echo(dumps([_record(c) for c in found]))
        return
    resource = directory.find(resource_id)
    if resource is not None:
        lines = directory.community_lines(resource, me=directory.checkup_author())
        echo(f"{resource.name}")
        _community(lines)
    if not found:
        echo(words("No check-ups yet."))
        return
    for checkup in found:
        echo(f"- {summary(checkup)}")
        for extra in (checkup.note, checkup.evidence):
            if extra:
                echo(f"    {extra}")
        echo(f"    ({words('id')} {checkup.id})")


@checks_group.command("needed")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_app
def needed(app: AppContext, limit: int, as_json: bool) -> None:
    """Groups with no recent check-up, most used (bookmarked or in lists) first."""
    waiting = app.directory().needs_checkup(limit)
    if as_json:
        echo(
            dumps(
                [
                    {
                        "id": n.resource.id,
                        "name": n.resource.name,
                        "uses": n.uses,
                        "last_checkup": n.latest.on if n.latest else None,
                    }
                    for n in waiting
                ]
            )
        )
        return
    for n in waiting:
        last = (
            words("last check-up {on}").format(on=n.latest.on)
            if n.latest
            else words("never checked")
        )
        uses = words("in {uses} list(s)").format(uses=n.uses)
        echo(f"{n.resource.id}  {n.resource.name} ({last}; {uses})")


@checks_group.command("export")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@pass_app
def export_checks(app: AppContext, path: Path) -> None:
    """Write every check-up to a file to share (nothing leaves the machine otherwise)."""
    count = app.directory().export_checkups(path)
    echo(words("Wrote {count} check-ups to {path}").format(count=count, path=path))


@checks_group.command("import")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@pass_app
def import_checks(app: AppContext, path: Path) -> None:
    """Merge a check-ups file: new ones are added, ones already here are skipped, and nobody's
    check-up is overwritten."""
    report = app.directory().import_checkups(path)
    said = words("Added {added} check-ups; {already} were already here").format(
        added=report.added, already=report.already_here
    )
    if report.kept_ours:
        kept = words("kept ours for {count} with the same id").format(count=report.kept_ours)
        said += f"; {kept}"
    echo(said)
    for line in report.rejected:
        echo(f"  {words('left out')}: {line}")


@checks_group.command("delete")
@click.argument("checkup_id")
@click.option("--by", "by", required=True, metavar="INITIALS", help="Your initials or name.")
@pass_app
def delete_check(app: AppContext, checkup_id: str, by: str) -> None:
    """Delete one of your own check-ups."""
    removed = app.directory().delete_checkup(checkup_id, by)
    echo(
        words("Deleted check-up {id} of {resource_id}").format(
            id=removed.id, resource_id=removed.resource_id
        )
    )


@checks_group.command("max-age")
@click.argument("days", type=int, required=False)
@pass_app
def max_age(app: AppContext, days: int | None) -> None:
    """Show or set how many days a check-up counts (default 365)."""
    directory = app.directory()
    if days is not None:
        if days < 1:
            raise InputError("a check-up must count for at least 1 day")
        directory.set_checkup_max_age_days(days)
    echo(words("A check-up counts for {days} days").format(days=directory.checkup_max_age_days()))
