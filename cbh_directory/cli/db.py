"""`cbh-directory db`: where the database is, create it, check it, back it up, restore it."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.errors import CBHError, InputError
from ..domain.language import words
from .context import AppContext, pass_app
from .terminal import echo


@click.group("db")
def db_group() -> None:
    """Where the database is; create, check, back up or restore it."""


@db_group.command("path")
@pass_app
def db_path_command(app: AppContext) -> None:
    """Print the database file's path (without opening it)."""
    echo(str(app.path))


@db_group.command("init")
@pass_app
def db_init(app: AppContext) -> None:
    """Create or upgrade the database and load the bundled dataset and places."""
    directory = app.directory()
    report = directory.startup_report
    echo(words("Database: {path}").format(path=app.path))
    if report and report.migrations:
        echo(words("Schema: applied {names}").format(names=", ".join(report.migrations)))
    if report and report.backup:
        echo(words("Backup: {path}").format(path=report.backup))
    if report and report.gazetteer_loaded:
        echo(words("Places: loaded the offline gazetteer"))
    if report and report.merge:
        echo("Dataset: " + report.merge.summary())
    echo(words("Ready: {count} resources").format(count=directory.total()))


@db_group.command("check")
@pass_app
def db_check(app: AppContext) -> None:
    """Run SQLite's integrity checks; exit status 1 if a problem is found."""
    if not app.path.exists():
        raise InputError("no database at {path}", path=app.path)
    from ..service import Directory

    with Directory.open(app.path, prepare=False) as directory:
        problems = directory.check()
    if problems:
        for problem in problems:
            echo(problem)
        raise SystemExit(1)
    echo(f"ok: {app.path}")


@db_group.command("backup")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace PATH if it exists (a regular file only).")
@pass_app
def db_backup(app: AppContext, path: Path | None, force: bool) -> None:
    """Back up the database to PATH, or to the backups folder (the last 10 of this database
    are kept, and always its newest good one)."""
    made = app.directory().backup("manual", path, replace=force)
    echo(words("Backed up to {path}").format(path=made))


@db_group.command("backups")
@pass_app
def db_backups(app: AppContext) -> None:
    """List this database's backups in the backups folder, newest first."""
    from ..service import files

    found = files.list_backups(app.path)
    if not found:
        echo(
            words("No backups of {name} in {folder}").format(
                name=app.path.name, folder=files.backup_folder(app.path)
            )
        )
    for path in found:
        echo(str(path))


@db_group.command("restore")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--latest", is_flag=True, help="Restore the newest good backup.")
@pass_app
def db_restore(app: AppContext, path: Path | None, latest: bool) -> None:
    """Replace the database with the backup at PATH (checked first).

    The current database is backed up first; a damaged one is moved aside, never deleted.
    """
    from ..service import Directory, files

    if latest:
        path = files.latest_good_backup(app.path)
        if path is None:
            raise InputError(
                "no good backup of {name} in {folder}",
                name=app.path.name,
                folder=files.backup_folder(app.path),
            )
    if path is None:
        raise InputError("give the backup to restore, or --latest")
    if not path.exists():
        raise InputError("no such file: {path}", path=path)
    problem = files.backup_problem(path)
    if problem:
        raise InputError("{name} cannot be restored: {reason}", name=path.name, reason=problem)
    try:
        with Directory.open(app.path, prepare=False) as directory:
            safety = directory.restore(path)
        echo(
            words("Restored {name}; the previous state is in {safety}").format(
                name=path.name, safety=safety
            )
        )
    except CBHError:
        moved = files.put_backup_in_place(path, app.path)
        said = (
            words("Restored {name}; the damaged database was moved to {moved}")
            if moved
            else words("Restored {name}")
        )
        echo(said.format(name=path.name, moved=moved))
    with Directory.open(app.path) as directory:  # upgrade an older backup, merge the dataset
        echo(words("Ready: {count} resources").format(count=directory.total()))
