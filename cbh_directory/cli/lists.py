"""`cbh-directory lists`: Bookmarks and named lists from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.errors import InputError
from ..domain.language import words
from .context import AppContext, pass_app
from .terminal import dumps, echo


@click.group("lists", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the lists as a JSON array.")
@click.pass_context
def lists_group(ctx: click.Context, as_json: bool) -> None:
    """Your lists (Bookmarks and named lists) with their item counts.

    \b
    Examples:
      cbh-directory lists new "Rivera family" --note "March visit"
      cbh-directory lists add "Rivera family" cure-cask national-cmv-foundation
      cbh-directory lists show "Rivera family"
    """
    if ctx.invoked_subcommand is not None:
        return
    app = ctx.find_object(AppContext)
    assert app is not None  # set by the top-level group
    found = app.directory().lists()
    if as_json:
        echo(
            dumps(
                [{"name": x.name, "note": x.note, "count": x.count, "kind": x.kind} for x in found]
            )
        )
        return
    for info in found:
        echo(f"{info.count:>5}  {info.name}")


@lists_group.command("new")
@click.argument("name")
@click.option("--note", default="", help="A note about the list (who it is for, when).")
@pass_app
def new_list(app: AppContext, name: str, note: str) -> None:
    """Create an empty list called NAME."""
    info = app.directory().create_list(name, note)
    echo(words("Created list {name!r}").format(name=info.name))


@lists_group.command("add")
@click.argument("name")
@click.argument("resource_ids", nargs=-1, required=True)
@click.option("--note", default="", help="A note to put on each item added.")
@pass_app
def add_items(app: AppContext, name: str, resource_ids: tuple[str, ...], note: str) -> None:
    """Add resources (by id, see `search`) to the list NAME. All or nothing."""
    directory = app.directory()
    info = directory.list_info(name)
    added = directory.add_to_list(info.id, list(resource_ids), note)
    already = len(set(resource_ids)) - len(added)
    text = words("Added {count} to {name!r}").format(count=len(added), name=info.name)
    echo(text + (" " + words("({count} already there)").format(count=already) if already else ""))


@lists_group.command("remove")
@click.argument("name")
@click.argument("resource_ids", nargs=-1, required=True)
@pass_app
def remove_items(app: AppContext, name: str, resource_ids: tuple[str, ...]) -> None:
    """Remove resources (by id) from the list NAME."""
    directory = app.directory()
    info = directory.list_info(name)
    present = directory.list_ids(info.id)
    missing = [rid for rid in resource_ids if rid not in present]
    if missing:
        raise InputError(
            "{missing!r} is not in the list {name!r}", missing=missing[0], name=info.name
        )
    removed = directory.remove_from_list(info.id, list(resource_ids))
    echo(words("Removed {count} from {name!r}").format(count=len(removed), name=info.name))


@lists_group.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print name, note and items as JSON.")
@pass_app
def show_list(app: AppContext, name: str, as_json: bool) -> None:
    """Show the items of the list NAME, in the list's order, with their notes."""
    directory = app.directory()
    info = directory.list_info(name)
    items = directory.list_items(info.id)
    if as_json:
        payload = {
            "name": info.name,
            "note": info.note,
            "created_at": info.created_at,
            "items": [item.to_dict() for item in items],
        }
        echo(dumps(payload))
        return
    echo(info.name + (f" — {info.note}" if info.note else ""))
    if not items:
        echo("  " + words("(empty)"))
    for number, item in enumerate(items, 1):
        gone = "" if item.in_directory else "  " + words("[no longer in the directory]")
        echo(f"{number:>4}. {item.name} ({item.resource_id}){gone}")
        if item.note:
            echo(f"      {words('note')}: {item.note}")


@lists_group.command("rename")
@click.argument("name")
@click.argument("new_name")
@pass_app
def rename(app: AppContext, name: str, new_name: str) -> None:
    """Rename the list NAME to NEW_NAME."""
    directory = app.directory()
    info = directory.rename_list(directory.list_info(name).id, new_name)
    echo(words("Renamed to {name!r}").format(name=info.name))


@lists_group.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def delete(app: AppContext, name: str, yes: bool) -> None:
    """Delete the list NAME and its notes (Bookmarks cannot be deleted)."""
    directory = app.directory()
    info = directory.list_info(name)
    if not yes:
        click.confirm(f"Delete {info.name!r} with its {info.count} items and notes?", abort=True)
    directory.delete_list(info.id)
    echo(words("Deleted {name!r}").format(name=info.name))


@lists_group.command("note")
@click.argument("name")
@click.argument("text")
@click.option("--item", "resource_id", help="Put the note on this item instead of the list.")
@pass_app
def note(app: AppContext, name: str, text: str, resource_id: str | None) -> None:
    """Set the note of the list NAME, or of one of its items with --item ID."""
    directory = app.directory()
    info = directory.list_info(name)
    if resource_id:
        directory.set_item_note(info.id, resource_id, text)
    else:
        directory.set_list_note(info.id, text)
    echo(words("Note saved"))


@lists_group.command("export")
@click.argument("name")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def export(app: AppContext, name: str, path: Path) -> None:
    """Save the list NAME with its notes to a JSON file, to open on another computer."""
    directory = app.directory()
    info = directory.list_info(name)
    count = directory.export_list(info.id, path)
    echo(
        words("Wrote {count} items of {name!r} to {path}").format(
            count=count, name=info.name, path=path
        )
    )


@lists_group.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Only say what would change.")
@pass_app
def import_list(app: AppContext, path: Path, dry_run: bool) -> None:
    """Merge a list file saved with `lists export` (no duplicates; your notes win)."""
    report = app.directory().import_list(path, apply=not dry_run)
    echo(
        words("Would import {summary}" if dry_run else "Imported {summary}").format(
            summary=report.summary()
        )
    )
