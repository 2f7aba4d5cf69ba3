"""Keeping the directory true from the command line: import, export-hsds, edit."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from ..domain import describe
from ..domain import vocabulary as vocab
from ..domain.errors import InputError
from ..domain.imports import ImportOptions, ImportPreview
from ..domain.language import words
from ..domain.model import LIST_FIELDS, Resource
from .context import AppContext, pass_app
from .terminal import dumps, echo

SHOWN = 20
CSV_FIELDS = tuple(Resource.field_names())  # what a CSV column may be mapped to


@click.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Only show what would change.")
@click.option("--json", "as_json", is_flag=True, help="Print the preview as JSON.")
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar="COLUMN=FIELD",
    help="CSV: which field a column fills (repeatable); other columns keep the guess.",
)
@click.option(
    "--default-kind",
    type=click.Choice([t.id for t in vocab.KINDS]),
    default="local_service",
    show_default=True,
    help="Kind for rows that do not say.",
)
@click.option(
    "--default-country", default="US", show_default=True, help="Country for rows without one."
)
@pass_app
def import_command(
    app: AppContext,
    path: Path,
    dry_run: bool,
    as_json: bool,
    mappings: tuple[str, ...],
    default_kind: str,
    default_country: str,
) -> None:
    """Import resources from PATH: the app's JSON, a CSV file, an HSDS data package (a folder
    or .zip of its tables, with or without datapackage.json; HSDS 1.x, 2.x or 3.0), or HSDS
    JSON services (.json, a saved page of results, .ndjson; Open Referral UK pages too).

    A newer export of the same source updates in place; its services that are gone become
    inactive (never deleted).

    Shows what is new, changed (field by field), unchanged and rejected (row, field, reason),
    then applies it all in one transaction after a backup. Your local edits, lists and notes
    are kept. With --dry-run nothing is written.
    """
    directory = app.directory()
    options = ImportOptions(default_kind=default_kind, default_country=default_country.upper())
    mapping = None
    if mappings:
        headers = directory.csv_headers(path)
        mapping = directory.csv_mapping(headers)
        for item in mappings:
            column, sep, field = item.partition("=")
            field = field.strip()
            if not sep:
                raise InputError("--map {item!r}: use COLUMN=FIELD", item=item)
            if column not in mapping:
                raise InputError(
                    "--map {item!r}: the file has no column {column!r}; its columns are: {headers}",
                    item=item,
                    column=column,
                    headers=", ".join(headers),
                )
            if field and field not in CSV_FIELDS:
                raise InputError(
                    "--map {item!r}: there is no field {field!r}; the fields are: {fields} "
                    "(leave it empty, COLUMN=, to skip the column)",
                    item=item,
                    field=field,
                    fields=", ".join(CSV_FIELDS),
                )
            mapping[column] = field
        options.csv_mapping = mapping
    preview = directory.preview_import(path, options)
    if as_json:
        echo(dumps(preview.to_dict()))
    else:
        _print_preview(preview)
    if dry_run:
        echo(words("Dry run: nothing was changed."), err=True)
        return
    written = directory.apply_import(preview, csv_mapping=mapping)
    echo(words("Imported: {count} resources written.").format(count=written), err=True)


def _print_preview(preview: ImportPreview) -> None:
    echo(f"{preview.source}: {preview.summary()}")
    for note in preview.notes:
        echo(f"  {words('note')}: {note}")
    for resource in preview.new[:SHOWN]:
        echo(f"  {words('new')}: {resource.name} ({resource.id})")
    _more(len(preview.new))
    for resource, changes in preview.changed[:SHOWN]:
        echo(f"  {words('changed')}: {resource.name} ({resource.id})")
        for change in changes[:8]:
            echo(f"      {change.field}: {_short(change.old)} -> {_short(change.new)}")
    _more(len(preview.changed))
    for rejection in preview.rejected[:SHOWN]:
        echo(f"  {words('rejected')}: {rejection}")
    _more(len(preview.rejected))
    for rid, field, _value in preview.kept_local[:SHOWN]:
        echo(f"  {words('kept your edit')}: {rid} {field}")


def _more(count: int) -> None:
    if count > SHOWN:
        echo("  " + words("… and {count} more (use --json for all)").format(count=count - SHOWN))


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@click.command("export-hsds")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--inactive", is_flag=True, help="Include archived resources.")
@pass_app
def export_hsds_command(app: AppContext, path: Path, inactive: bool) -> None:
    """Write the whole directory as an HSDS 3.0 data package: a folder, or PATH.zip."""
    count = app.directory().export_hsds(path, include_inactive=inactive)
    echo(words("Wrote {count} services as HSDS 3.0 to {path}").format(count=count, path=path))


@click.command("edit")
@click.argument("resource_id")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Change a field (repeatable); lists take values separated by ';'.",
)
@click.option("--verified", is_flag=True, help="Mark it verified today.")
@click.option(
    "--by",
    "checked_by",
    default="",
    metavar="NAME",
    help='With --verified: your name or initials, shown as "checked by NAME on <date>".',
)
@click.option(
    "--archive/--unarchive", default=None, help="Hide it from searches, or bring it back."
)
@click.option(
    "--revert",
    "revert_fields",
    multiple=True,
    metavar="FIELD",
    help="Use the directory's value again.",
)
@pass_app
def edit_command(
    app: AppContext,
    resource_id: str,
    assignments: tuple[str, ...],
    verified: bool,
    checked_by: str,
    archive: bool | None,
    revert_fields: tuple[str, ...],
) -> None:
    """Change a resource. On curated or imported entries your change is kept apart, so a
    dataset update keeps it and shows the directory's value beside it."""
    if checked_by and not verified:
        raise InputError("--by goes with --verified")
    directory = app.directory()
    changes: dict[str, object] = {}
    for item in assignments:
        field, sep, value = item.partition("=")
        if not sep:
            raise InputError("--set {item!r}: use FIELD=VALUE", item=item)
        changes[field.strip()] = (
            [v.strip() for v in value.split(";") if v.strip()]
            if field.strip() in LIST_FIELDS
            else value
        )
    fields = [f for f in directory.resource(resource_id).to_dict() if f != "id"]
    unknown = [f for f in changes if f not in fields]
    if unknown:
        close = difflib.get_close_matches(unknown[0].casefold(), fields, n=3, cutoff=0.5)
        raise InputError(
            "--set: unknown field {unknown!r} (did you mean {close}?); the fields are: {fields}"
            if close
            else "--set: unknown field {unknown!r}; the fields are: {fields}",
            unknown=unknown[0],
            close=" or ".join(close),
            fields=", ".join(fields),
        )
    if changes:
        directory.edit_resource(resource_id, changes)
    for field in revert_fields:
        directory.revert_field(resource_id, field)
    if verified:
        directory.mark_verified([resource_id], by=checked_by)
    if archive is not None:
        directory.archive([resource_id], archive)
    resource = directory.resource(resource_id)
    edits = directory.local_edits(resource_id)
    echo(words("Saved {name} ({id})").format(name=resource.name, id=resource.id))
    for field, (local, source) in edits.items():
        if field not in ("evidence", "last_verified"):  # a person's checks: shown below
            echo(f"  {field}: yours {local!r}; directory {source!r}")
    if verified:
        for line in describe.verification_text(resource).splitlines():
            echo(f"  {line}")
