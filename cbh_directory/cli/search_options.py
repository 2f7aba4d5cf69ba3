"""The search options (filters, place, sort) shared by `search` and `export`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ..domain import vocabulary as vocab
from ..domain.errors import InputError
from ..domain.model import SORT_KEYS, SearchQuery
from ..domain.validation import parse_radius
from .context import AppContext

F = TypeVar("F", bound=Callable[..., Any])


def _choice_help(terms: Sequence[vocab.Term]) -> str:
    return ", ".join(t.id for t in terms)


def search_options(online_default: bool = False) -> Callable[[F], F]:
    """The search filters, shared by `search` and `export`."""

    def decorate(func: F) -> F:
        for option in reversed(_options(online_default)):
            func = option(func)
        return func

    return decorate


def _options(online_default: bool) -> list[Callable[[F], F]]:
    return [
        click.option("--kind", "kinds", multiple=True, help=f"Kind: {_choice_help(vocab.KINDS)}."),
        click.option(
            "--focus",
            "focus",
            multiple=True,
            help="Focus term id, label or synonym (e.g. CASK, joubert, congenital-cmv); "
            "a broad term includes its children.",
        ),
        click.option(
            "--moderation", multiple=True, help=f"Moderation: {_choice_help(vocab.MODERATION)}."
        ),
        click.option(
            "--activity", multiple=True, help=f"Activity: {_choice_help(vocab.ACTIVITY)}."
        ),
        click.option(
            "--format", "formats", multiple=True, help=f"Format: {_choice_help(vocab.FORMATS)}."
        ),
        click.option("--cost", "costs", multiple=True, help=f"Cost: {_choice_help(vocab.COSTS)}."),
        click.option("--language", "languages", multiple=True, help="ISO 639-1 code, e.g. en, es."),
        click.option(
            "--country", "countries", multiple=True, help="ISO country code, e.g. US, GB."
        ),
        click.option("--region", "regions", multiple=True, help="Region as CC/Name, e.g. US/Ohio."),
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
            help="With --near, also keep groups that meet online, wherever they are based.",
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
    """Turn CLI options into a SearchQuery, resolving focus names and the place."""
    focus: list[str] = []
    for value in opts.get("focus", ()):
        term = vocab.focus_lookup(value)
        if term is None:
            raise InputError(
                f"unknown focus {value!r}; choose from: {', '.join(vocab.FOCUS_BY_ID)}"
            )
        focus.append(term.id)
    query = SearchQuery(
        text=text,
        kinds=list(opts.get("kinds", ())),
        focus=focus,
        moderation=list(opts.get("moderation", ())),
        activity=list(opts.get("activity", ())),
        formats=list(opts.get("formats", ())),
        costs=list(opts.get("costs", ())),
        languages=[v.lower() for v in opts.get("languages", ())],
        countries=[v.upper() for v in opts.get("countries", ())],
        regions=list(opts.get("regions", ())),
        include_online=opts.get("include_online", False),
        include_inactive=opts.get("inactive", False),
        sort=opts.get("sort", "relevance"),
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
