"""The search options (filters, place, sort) shared by `search` and `export`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..domain.errors import InputError
from ..domain.facets import FACETS
from ..domain.language import words
from ..domain.model import SORT_KEYS, SearchQuery
from ..domain.validation import parse_radius
from .context import AppContext
from .terminal import echo

F = TypeVar("F", bound=Callable[..., Any])


def search_options() -> Callable[[F], F]:
    """The search filters, shared by `search` and `export`."""

    def decorate(func: F) -> F:
        for option in reversed(_options(SearchQuery().include_online)):
            func = option(func)
        return func

    return decorate


def _options(online_default: bool) -> list[Callable[[F], F]]:
    facets = [
        click.option(f"--{facet.option}", facet.option_dest, multiple=True, help=facet.option_help)
        for facet in FACETS
    ]
    return [
        *facets,
        click.option("--near", help="A place: US ZIP code, 'City, ST' or 'City, Country'."),
        click.option(
            "--radius",
            help="Only resources within this distance of --near: 50mi, 80km (a bare number is "
            "miles). Default: no limit, nearest first.",
        ),
        click.option(
            "--online/--no-online",
            "include_online",
            default=online_default,
            show_default=True,
            help="With --near, also keep groups that meet online when they serve that place "
            "(its country, and its state or region when the group names one). The window, "
            "`search` and `export` share this default.",
        ),
        click.option("--inactive", is_flag=True, help="Include inactive (archived) resources."),
        click.option(
            "--needs-review",
            is_flag=True,
            help="Only entries not verified within the review age (12 months unless set), "
            "oldest first.",
        ),
        click.option(
            "--sort",
            type=click.Choice(SORT_KEYS),
            default="relevance",
            show_default=True,
            help="Order of results (relevance falls back to distance with --near, else name).",
        ),
    ]


def build_query(app: AppContext, text: str, **opts: Any) -> SearchQuery:
    """Turn CLI options into a SearchQuery, resolving focus names and the place, and read the
    words as the window does ("CASK support group": the text CASK, the kind Support group),
    saying on stderr how they were read."""
    query = _options_query(app, text, **opts)
    interpretation = app.directory().interpret(query)
    if interpretation.chips:
        said = words("Searching for: {chips}").format(chips=interpretation.describe())
        echo(said, err=True)
    return interpretation.query


def _options_query(app: AppContext, text: str, **opts: Any) -> SearchQuery:
    query = SearchQuery(
        text=text,
        include_online=opts.get("include_online", SearchQuery().include_online),
        include_inactive=opts.get("inactive", False),
        sort=opts.get("sort", "relevance"),
    )
    directory = app.directory()
    for facet in FACETS:  # countries first: they settle a region code two countries share
        typed = opts.get(facet.option_dest, ())
        query.set_values(
            facet.id, [directory.filter_value(facet.id, v, query.countries) for v in typed]
        )
    radius = opts.get("radius")
    if radius is not None:
        query.radius_km = parse_radius(radius)
        if not opts.get("near"):
            raise InputError("--radius needs --near PLACE")
    if opts.get("near"):
        query.near = app.directory().resolve_place(opts["near"])
    if opts.get("needs_review"):
        query.verified_before = app.directory().stale_cutoff()
        if query.sort == "relevance":
            query.sort, query.reverse = "verified", True
    if query.sort == "distance" and query.near is None:
        raise InputError("--sort distance needs --near PLACE")
    return query
