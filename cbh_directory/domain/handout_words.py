"""What a handout was chosen by, in a plain sentence a family can read (no field names)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from . import language
from .facets import FACETS
from .model import SearchQuery
from .validation import KM_PER_MILE

# How each facet's chosen values read inside the sentence; others are listed as they are.
_LEADS = {
    "focus": "about ",
    "language": "in ",
    "country": "based in ",
    "region": "based in ",
    "service_type": "service type ",  # its names are the data's own ("Food Pantries")
}


def search_words(
    query: SearchQuery,
    *,
    units: str = "mi",
    country_name: Callable[[str], str] | None = None,
    data_names: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """'support group; about CASK; within 100 miles of Columbus, OH, and groups that meet
    online; with the words “parents”' (empty for no search at all). `data_names`: per facet,
    the names the data gives its values (Facet.label_of)."""
    parts: list[str] = []
    chosen = query.filter_values()
    for facet in FACETS:
        values = chosen[facet.id]
        if not values:
            continue
        names = (data_names or {}).get(facet.id)
        labels = [facet.label_of(v, country_name, names) for v in values]
        joined = (
            ", ".join(labels[:-1]) + language.words(" or ") + labels[-1]
            if len(labels) > 1
            else labels[0]
        )
        lead = language.words(_LEADS.get(facet.id, ""))
        parts.append(lead + (joined if lead else joined[:1].lower() + joined[1:]))
    if query.near is not None:
        where = query.near.label.removesuffix(", United States")
        if query.radius_km is not None:
            amount = query.radius_km / KM_PER_MILE if units == "mi" else query.radius_km
            unit = language.words("miles") if units == "mi" else "km"
            place = language.words("within {amount} {unit} of {where}").format(
                amount=f"{amount:,.0f}", unit=unit, where=where
            )
        else:
            place = language.words("nearest to {where} first").format(where=where)
        if query.include_online:
            place += language.words(", and groups that meet online")
        parts.append(place)
    if query.text.strip():
        parts.append(language.words("with the words “{text}”").format(text=query.text.strip()))
    return "; ".join(parts)


def chosen_sentence(
    query: SearchQuery,
    *,
    list_name: str = "",
    by_hand: int | None = None,
    show_list_name: bool = False,
    units: str = "mi",
    country_name: Callable[[str], str] | None = None,
    data_names: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """The handout's line under its title. A list's name is the caseworker's own label
    ("Family A"), so it is printed only on a staff copy (`show_list_name`)."""
    searched = search_words(query, units=units, country_name=country_name, data_names=data_names)
    if list_name:
        start = (
            language.words("From your list “{name}”").format(name=list_name)
            if show_list_name
            else language.words("Chosen for you")
        )
        sentence = start + (
            language.words(", found by searching for: {search}").format(search=searched)
            if searched
            else ""
        )
    elif by_hand is not None:
        sentence = language.words("Picked one by one") + (
            language.words(" from a search for: {search}").format(search=searched)
            if searched
            else language.words(" from the directory")
        )
    elif searched:
        sentence = language.words("Found by searching for: {search}").format(search=searched)
    else:
        sentence = language.words("Everything in the directory")
    return sentence + "."
