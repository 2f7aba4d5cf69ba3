"""`cbh-directory export`: contact lists and handouts as CSV, vCard, PDF, HTML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..domain.exports import ExportOptions, PdfRenderer, check_columns, format_for
from ..domain.language import current as current_language
from .context import AppContext, pass_app
from .search_options import build_query, search_options
from .terminal import echo


@click.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("words", nargs=-1)
@search_options()
@click.option("--list", "list_name", help="Export this list (its order and notes) instead.")
@click.option("--excel", is_flag=True, help="CSV for Excel: byte-order mark and CRLF line ends.")
@click.option("--columns", help="CSV columns, comma-separated (default: every field).")
@click.option("--title", help="Handout title, e.g. 'Support resources for the Rivera family'.")
@click.option(
    "--notes/--no-notes",
    "include_notes",
    default=False,
    show_default=True,
    help="Handout: print your notes on list entries and the list's name (a staff copy). "
    "Off by default: a family's copy.",
)
@click.option(
    "--prepared-by",
    envvar="CBH_PREPARED_BY",
    show_envvar=True,
    default="",
    help="Handout: a line 'Prepared by NAME, PHONE/EMAIL', e.g. 'Ana Ruiz, (614) 555-0100'.",
)
@click.option(
    "--paper",
    type=click.Choice(["letter", "a4"]),
    default="letter",
    show_default=True,
    help="PDF paper size.",
)
@click.option("--units", type=click.Choice(["mi", "km"]), default="mi", show_default=True)
@click.option(
    "--lang",
    "language",
    type=click.Choice(["en", "es"]),
    help="Language of a handout (.pdf, .html): es writes it in Spanish "
    "(default: the language of the command line, --lang or the locale).",
)
@pass_app
def export_command(
    app: AppContext,
    path: Path,
    words: tuple[str, ...],
    list_name: str | None,
    excel: bool,
    columns: str | None,
    title: str | None,
    include_notes: bool,
    prepared_by: str,
    paper: str,
    units: str,
    language: str | None,
    **opts: Any,
) -> None:
    """Write the search results (or a list) to PATH; its ending picks the format:
    .csv (spreadsheet), .vcf (contacts), .pdf or .html (a handout to give a family), .json.

    With --near, groups that meet online stay in when they serve that place (--no-online to
    leave them out), as in `search` and the window; the handout lists the nearby ones first.

    \b
    Examples:
      cbh-directory export handout.pdf --near "Columbus, OH" --radius 100mi
      cbh-directory export contacts.vcf --list Bookmarks
      cbh-directory export groups.csv --kind support_group --excel
      cbh-directory export folleto.pdf --lang es --near 43085
    """
    renderer = pdf_renderer() if format_for(path) == "pdf" else None
    chosen = check_columns(c.strip() for c in columns.split(",")) if columns else None
    directory = app.directory()
    directory.check_output(path)
    query = build_query(app, " ".join(words), **opts)
    list_id = directory.list_info(list_name).id if list_name else None
    summary = directory.export_file(
        path,
        query,
        list_id=list_id,
        title=title,
        units=units,
        include_notes=include_notes,
        prepared_by=prepared_by,
        options=ExportOptions(columns=chosen, excel=excel, paper=paper),
        pdf_renderer=renderer,
        language=language or current_language(),
    )
    echo(summary)


def pdf_renderer() -> PdfRenderer:
    """Qt's PDF renderer: besides `gui`, the one reason the command line imports ui/ (and
    only for a .pdf, so other commands never load Qt)."""
    from ..ui.handout_pdf import write_pdf

    return write_pdf
