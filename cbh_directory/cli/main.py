"""The command line: search, show, stats, places, db and gui, on the same service as the window."""

from __future__ import annotations

import csv
import errno
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .. import __version__
from ..domain import describe, language, relaxing
from ..domain import vocabulary as vocab
from ..domain.csv_safe import neutralise_cell
from ..domain.dataset_counts import COUNT_LABELS
from ..domain.errors import CBHError, InputError
from ..domain.facets import FACET_BY_ID
from ..domain.model import FacetValue, Hit, SearchQuery
from ..logs import log_file, log_unexpected, setup_logging
from ..paths import DB_ENV
from ..service import Directory
from ..service.files import explain_sqlite_error
from .checks import check_command, checks_group
from .context import AppContext, pass_app
from .data import edit_command, export_hsds_command, import_command
from .db import db_group
from .export import export_command
from .hub import hub_group
from .lists import lists_group
from .search_options import build_query, search_options
from .sync import outbox_command, propose_command, sync_command
from .terminal import clean, dumps, echo

PROG = "cbh-directory"
F = TypeVar("F", bound=Callable[..., Any])

CSV_COLUMNS = (
    "id",
    "name",
    "kind",
    "focus",
    "format",
    "moderation",
    "activity",
    "cost",
    "languages",
    "city",
    "region",
    "country",
    "website",
    "email",
    "phone",
    "last_verified",
    "distance_km",
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    no_args_is_help=True,
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV,
    help=f"Database file to use (default: your data folder; or set {DB_ENV}).",
)
@click.option(
    "--lang",
    type=click.Choice(language.LANGUAGES),
    help="Language of what the commands print and of their errors: en or es (default: the "
    "locale, LC_ALL, LC_MESSAGES or LANG; es_* is Spanish). This help stays in English.",
)
@click.version_option(__version__, prog_name=PROG)
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, lang: str | None) -> None:
    """CBH Directory: an offline directory of support resources for families of children
    with cerebellar hypoplasia and related rare conditions.

    Search it, show an entry, look up places, or open the window with `gui`.
    Results, counts and errors are printed in English or Spanish (--lang es, or a Spanish
    locale); the help text of the commands is in English only.
    """
    language.set_language(lang or language.from_environment(os.environ))
    app = AppContext(db_path)
    ctx.obj = app
    ctx.call_on_close(app.close)


# ------------------------------------------------------------------ search


def hit_record(hit: Hit, with_distance: bool) -> dict[str, Any]:
    record = hit.resource.to_dict()
    if with_distance:
        record["distance_km"] = None if hit.distance_km is None else round(hit.distance_km, 2)
    return record


@cli.command()
@click.argument("words", nargs=-1)
@search_options()
@click.option("--limit", type=click.IntRange(min=0), help="At most this many (0 = all).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of resources.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV with a header row.")
@click.option(
    "--facets", "show_facets", is_flag=True, help="Print counts per filter value instead."
)
@pass_app
def search(
    app: AppContext,
    words: tuple[str, ...],
    limit: int | None,
    offset: int,
    as_json: bool,
    as_csv: bool,
    show_facets: bool,
    **opts: Any,
) -> None:
    """Search the directory. QUERY words are matched in names, descriptions, focus and places.

    Words that name a kind, format, language, cost or moderation are read as filters, and
    "near PLACE" / "in PLACE" at the end as the place ("CASK support group near Columbus, OH");
    how they were read is printed first. To search words as typed, quote them for the search
    as well as for the shell: '"support group"'. When
    nothing matches, it says what each word and filter excluded and shows the closest matches.

    \b
    Examples:
      cbh-directory search CASK --kind support_group
      cbh-directory search CASK support group en español
      cbh-directory search --focus ataxia --near "Columbus, OH" --radius 100mi
      cbh-directory search "peer support" --moderation peer --json
    """
    if as_json and as_csv:
        raise InputError("choose one of --json and --csv")
    directory = app.directory()
    query = build_query(app, " ".join(words), **opts)
    if show_facets:
        _print_facets(directory.facets(query), as_json)
        return
    if limit is None:
        limit = 0 if (as_json or as_csv) else 50
    query.limit = None if limit == 0 else limit
    query.offset = offset
    page = directory.search(query)
    if page.total == 0 and offset == 0:
        _explain_empty(directory, query)
        if not (as_json or as_csv):
            partial = directory.partial_matches(query) if relaxing.constraints(query) else None
            if partial is not None and partial.hits:
                echo(
                    "\n"
                    + language.words(
                        "Closest partial matches (each meets only some of what you asked):"
                    )
                )
                _print_table(partial.hits, query.near is not None)
                counted = language.words("{shown} of {total} partial matches")
                echo("\n" + counted.format(shown=len(partial.hits), total=partial.total), err=True)
            return
    if as_json:
        echo(dumps([hit_record(h, query.near is not None) for h in page.hits]))
    elif as_csv:
        _write_csv(page.hits, query.near is not None)
    else:
        _print_table(page.hits, query.near is not None)
        shown = f"{offset + 1}-{offset + len(page.hits)}" if page.hits else "0"
        counted = language.words("{shown} of {total} matching resources")
        echo("\n" + counted.format(shown=shown, total=page.total), err=True)


def _explain_empty(directory: Directory, query: SearchQuery) -> None:
    """Say what excluded everything and what removing each word or filter would give."""
    asked = [c.label for c in relaxing.constraints(query, directory.value_names())]
    if not asked:
        echo(language.words("No resources match."), err=True)
        return
    echo(
        language.words("No resources match all of: {asked}.").format(asked="; ".join(asked)),
        err=True,
    )
    for line in relaxing.explain(directory.relaxations(query)):
        echo(f"  {line}", err=True)
    if not query.include_online and query.near is not None:
        online = language.words(
            "(Online groups are left out: --online keeps those serving this place.)"
        )
        echo(f"  {online}", err=True)


def _write_csv(hits: list[Hit], with_distance: bool) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for hit in hits:
        record = hit_record(hit, with_distance)
        row = []
        for column in CSV_COLUMNS:
            value = record.get(column, "")
            if isinstance(value, list):
                value = "; ".join(value)
            row.append(neutralise_cell(clean("" if value is None else str(value))))
        writer.writerow(row)


def _print_table(hits: list[Hit], with_distance: bool) -> None:
    if not hits:
        echo(language.words("No resources match."))
        return
    width = shutil.get_terminal_size((120, 24)).columns
    kind_w, focus_w, dist_w, ver_w = 28, 24, 9 if with_distance else 0, 10
    name_w = max(24, width - kind_w - focus_w - dist_w - ver_w - 5)
    say = language.words
    header = f"{say('Name'):<{name_w}} {say('Kind'):<{kind_w}} {say('Focus'):<{focus_w}} "
    header += f"{say('Distance'):>{dist_w}} " if with_distance else ""
    echo(header + say("Verified"))
    for hit in hits:
        r = hit.resource
        stale = "*" if r.is_stale() else " "
        kind = describe.kind_label(r.kind)
        line = f"{_cut(r.name, name_w):<{name_w}} {_cut(kind, kind_w):<{kind_w}} "
        line += f"{_cut(', '.join(describe.focus_labels(r.focus)), focus_w):<{focus_w}} "
        if with_distance:
            line += f"{_distance(hit):>{dist_w}} "
        echo(line + (r.last_verified or language.words("never")) + stale)
    if any(h.resource.is_stale() for h in hits):
        echo(language.words("* not verified in the last 12 months"), err=True)


def _distance(hit: Hit) -> str:
    """As the window says it: a group that meets online has no distance, it is "online"."""
    if hit.distance_km is None and hit.resource.format in ("online", "hybrid"):
        return language.words("online")
    return describe.distance_text(hit.distance_km)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_facets(facets: dict[str, list[FacetValue]], as_json: bool) -> None:
    if as_json:
        echo(
            dumps(
                {group: [_facet_json(group, v) for v in values] for group, values in facets.items()}
            )
        )
        return
    for group, values in facets.items():
        echo(f"{group}:")
        for v, depth in _tree_order(group, values):
            if v.count:
                echo(f"  {v.count:>6}  {'  ' * depth}{v.label} ({v.value})")


def _facet_json(group: str, v: FacetValue) -> dict[str, Any]:
    found: dict[str, Any] = {"value": v.value, "label": v.label, "count": v.count}
    if FACET_BY_ID[group].item_path is not None and v.group:
        found["parent"] = v.group  # a service type's code: the value it sits under
    return found


def _tree_order(group: str, values: list[FacetValue]) -> list[tuple[FacetValue, int]]:
    """Values below the top level (Service type codes) right after their parent, indented."""
    if FACET_BY_ID[group].item_path is None:
        return [(v, 0) for v in values]
    known = {v.value for v in values}
    below: dict[str, list[FacetValue]] = {}
    for v in values:
        if v.group in known:
            below.setdefault(v.group, []).append(v)
    ordered: list[tuple[FacetValue, int]] = []

    def add(v: FacetValue, depth: int) -> None:
        ordered.append((v, depth))
        for child in below.get(v.value, []):
            add(child, depth + 1)

    for v in values:
        if v.group not in known:
            add(v, 0)
    return ordered


# ------------------------------------------------------------------ show / stats / places


@cli.command()
@click.argument("resource_id")
@click.option("--json", "as_json", is_flag=True, help="Print the resource as a JSON object.")
@pass_app
def show(app: AppContext, resource_id: str, as_json: bool) -> None:
    """Show every field of one resource, by its id (see `search`)."""
    directory = app.directory()
    resource = directory.resource(resource_id)
    if as_json:
        echo(dumps(resource.to_dict()))
        return
    country = directory.country_name(resource.country) if resource.country else ""
    found = directory.successor(resource)
    successor = f"{found.name} (cbh-directory show {found.id})" if found else resource.successor
    community = directory.community_lines(resource, me=directory.checkup_author())
    details = describe.detail_lines(
        resource, country, successor_name=successor, community=community
    )
    width = max([17, *(len(label) + 2 for label, _ in details)])  # Spanish labels are longer
    for label, value in details:
        lines = value.splitlines() or [""]
        echo(f"{label + ':':<{width}}{lines[0]}")
        for more in lines[1:]:
            echo(f"{'':<{width}}{more}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as a JSON object.")
@pass_app
def stats(app: AppContext, as_json: bool) -> None:
    """Counts of resources by kind and focus, what their information rests on, and the
    dataset version."""
    data = app.directory().stats()
    data["evidence"] = app.directory().evidence_counts()
    data["checkups"] = app.directory().checkup_counts()
    if as_json:
        echo(dumps(data))
        return
    say = language.words
    found = data["checkups"]
    rows = [
        (say("Database"), str(data["database"])),
        (
            say("Dataset"),
            say("{version} (released {released})").format(
                version=data["dataset_version"], released=data["dataset_released"]
            ),
        ),
        (
            say("Resources"),
            say("{active} active, {inactive} inactive").format(
                active=data["resources"], inactive=data["inactive"]
            ),
        ),
        (say("Needs review"), say("{count} not verified in 12 months").format(count=data["stale"])),
        (say("Places"), f"{data['places']:,}"),
        (
            say("Lists"),
            say("{lists} ({items} items)").format(lists=data["lists"], items=data["list_items"]),
        ),
        (
            say("Check-ups"),
            say(
                "{count} ({checked} groups checked recently, {waiting} waiting; "
                "cbh-directory checks needed)"
            ).format(
                count=found["checkups"],
                checked=found["groups_checked"],
                waiting=found["groups_waiting"],
            ),
        ),
    ]
    width = max(16, *(len(label) + 2 for label, _ in rows))
    for label, value in rows:
        echo(f"{label + ':':<{width}}{value}")
    echo(say("By kind:"))
    for kind, n in data["by_kind"].items():
        echo(f"  {n:>5}  {describe.kind_label(kind)}")
    echo(say("By focus:"))
    for term in vocab.FOCUS_TERMS:
        if data["by_focus"].get(term.id):
            echo(f"  {data['by_focus'][term.id]:>5}  {say(term.label)}")
    echo(say("Evidence (every entry, inactive too):"))
    for key, label in COUNT_LABELS:
        echo(f"  {data['evidence'][key]:>5}  {say(label)}")
    echo("  " + say("Entries by kind:"))
    for kind, n in data["evidence"]["by_kind"].items():
        echo(f"  {n:>5}  {describe.kind_label(kind)}")


@cli.command()
@click.argument("lookup", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print matches as a JSON array, best first.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@pass_app
def places(app: AppContext, lookup: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Look up a place offline: a US ZIP code, 'City, ST', 'city state' or 'City, Country'.

    The best match comes first; other places with that name follow, largest first.
    """
    found = app.directory().places(" ".join(lookup))[:limit]
    if as_json:
        echo(dumps([p.to_dict() for p in found]))
        return
    for place in found:
        population = (
            "  " + language.words("pop. {count:,}").format(count=place.population)
            if place.population
            else ""
        )
        echo(f"{place.label}  ({place.latitude:.4f}, {place.longitude:.4f}){population}")


# ------------------------------------------------------------------ gui


@cli.command()
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Render the loaded window to this PNG file and exit.",
)
@click.option("--size", default="1280x800", show_default=True, help="Window size for --screenshot.")
@click.option("--query", "query_text", default="", help="Search to show in the window first.")
@pass_app
def gui(app: AppContext, screenshot: Path | None, size: str, query_text: str) -> None:
    """Open the CBH Directory window."""
    from ..ui.app import run_gui

    raise SystemExit(run_gui(app.path, screenshot=screenshot, size=size, query=query_text))


cli.add_command(db_group)
cli.add_command(lists_group)
cli.add_command(export_command)
cli.add_command(import_command)
cli.add_command(export_hsds_command)
cli.add_command(edit_command)
cli.add_command(hub_group)
cli.add_command(check_command)
cli.add_command(checks_group)
cli.add_command(sync_command)
cli.add_command(propose_command)
cli.add_command(outbox_command)


# ------------------------------------------------------------------ entry point


def fail(message: str, code: int = 2) -> NoReturn:
    echo(
        f"{PROG}: {language.words('error')}: {message}", err=True
    )  # messages can quote data: echo cleans it
    raise SystemExit(code)


def environment_problem(exc: BaseException) -> str | None:
    """A clear message for a failure of the machine rather than the app (a full or read-only
    disk, a busy or damaged database) that escaped the service; None for a bug."""
    if isinstance(exc, sqlite3.Error):
        explained = explain_sqlite_error(exc)
        return explained.message if explained else None
    if isinstance(exc, OSError) and exc.errno in _ENVIRONMENT_ERRNOS:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    return None


_ENVIRONMENT_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}
)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the CLI; every error becomes one line on stderr and an exit status, no traceback."""
    before = language.process_language()
    try:
        _run(argv)
    finally:  # the language stays the command's until its errors are printed
        language.set_language(before)


def _run(argv: Sequence[str] | None) -> None:
    try:
        cli.main(
            args=list(argv) if argv is not None else None, prog_name=PROG, standalone_mode=False
        )
    except click.exceptions.NoArgsIsHelpError as exc:
        echo(exc.ctx.get_help() if exc.ctx else str(exc))
        raise SystemExit(0) from None
    except click.UsageError as exc:
        fail(exc.format_message().splitlines()[0] if exc.format_message() else str(exc))
    except click.exceptions.Abort:
        fail(language.words("aborted"), 1)
    except click.ClickException as exc:
        fail(exc.format_message(), exc.exit_code)
    except CBHError as exc:
        fail(exc.message, exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        fail(language.words("interrupted"), 130)
    except Exception as exc:  # a bug: one line for the user, the details in the log
        known = environment_problem(exc)
        if known is not None:
            fail(known, 1)
        setup_logging()
        short, _ = log_unexpected(type(exc), exc, exc.__traceback__, "the command line")
        where = log_file()
        said = (
            language.words("unexpected error ({short}); details in {where}")
            if where
            else language.words("unexpected error ({short})")
        )
        fail(said.format(short=short, where=where), 1)


if __name__ == "__main__":
    main()
