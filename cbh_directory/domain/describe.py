"""Plain-language text about resources, shared by the CLI, the window and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from . import language
from . import vocabulary as vocab
from .access import access_rows
from .community_evidence import curated_reading, reading_text
from .contact_dates import CHANNEL_LABELS, contact_lines, contact_text
from .facets import FACETS
from .language import in_english, words
from .model import Resource, SearchQuery
from .service_area_words import service_area_text
from .status_words import status_line, successor_words
from .text_safety import multi_line, single_line
from .verification import verification

KM_PER_MILE = 1.609344


def kind_label(kind: str) -> str:
    term = vocab.KIND_BY_ID.get(kind)
    return words(term.label) if term else kind


def kind_short(kind: str) -> str:
    short = vocab.KIND_SHORT.get(kind)
    return words(short) if short else kind_label(kind)


def focus_labels(term_ids: list[str]) -> list[str]:
    return [words(vocab.FOCUS_BY_ID[t].label) if t in vocab.FOCUS_BY_ID else t for t in term_ids]


def description_text(resource: Resource) -> str:
    """The description in the reader's language: the Spanish one where the entry has it,
    else the English one, marked "(en inglés)" for a Spanish reader."""
    if language.current() == "es" and resource.description_es.strip():
        return resource.description_es
    return in_english(resource.description)


def caveat_text(resource: Resource) -> str:
    """The entry's "please note" (only written in English so far)."""
    return in_english(resource.caveat)


def moderation_text(resource: Resource) -> str:
    """The moderation value and its evidence in words with the source year (or unknown);
    "" for a kind that is not a community when nothing is known."""
    community = resource.kind in vocab.COMMUNITY_KINDS
    return reading_text(curated_reading(resource, "moderation"), community=community)


def activity_text(resource: Resource) -> str:
    """The member activity value and its evidence in words with the source year (or
    unknown); for other kinds, only what the sources say about its recent activity."""
    community = resource.kind in vocab.COMMUNITY_KINDS
    return reading_text(curated_reading(resource, "activity"), community=community)


def activity_label(resource: Resource) -> str:
    """'Member activity' for a community; 'Recent activity' for an organisation."""
    return words("Member activity" if resource.kind in vocab.COMMUNITY_KINDS else "Recent activity")


def verification_text(resource: Resource, today: dt.date | None = None) -> str:
    """How current it is: the sources' dates, people's checks, and review, one per line."""
    found = verification(resource, today)
    return "\n".join([found.sentence, *found.checks, *([found.review] if found.review else [])])


def status_text(resource: Resource, successor_name: str = "") -> str:
    """What became of an inactive entry (closed or merged, source date, successor)."""
    found = status_line(resource)
    if found is None:
        return ""
    lines = [found.heading, found.note]
    if found.successor:
        lines.append(successor_words(successor_name or found.successor))
    return "\n".join(line for line in lines if line)


def format_label(resource: Resource) -> str:
    term = vocab.FORMAT_BY_ID.get(resource.format)
    return words(term.label) if term else resource.format


def cost_label(resource: Resource) -> str:
    term = vocab.COST_BY_ID.get(resource.cost)
    return words(term.label) if term else resource.cost


def place_text(resource: Resource, country_name: str = "") -> str:
    parts = [resource.city, resource.region, country_name or resource.country]
    return ", ".join(p for p in parts if p)


def distance_text(distance_km: float | None, units: str = "mi") -> str:
    if distance_km is None:
        return ""
    if units == "km":
        return f"{distance_km:,.0f} km" if distance_km >= 10 else f"{distance_km:.1f} km"
    miles = distance_km / KM_PER_MILE
    return f"{miles:,.0f} mi" if miles >= 10 else f"{miles:.1f} mi"


def contact_block(resource: Resource, country_name: str = "") -> str:
    """A plain-text contact card to paste into an email or a note."""
    lines = [resource.name, kind_label(resource.kind)]
    if resource.address:
        lines.append(resource.address)
    place = place_text(resource, country_name)
    if resource.postal_code:
        place = f"{place} {resource.postal_code}".strip()
    if place:
        lines.append(place)
    for line in contact_lines(resource):
        if line.channel != "address":  # the address is above, with the place
            label = words(CHANNEL_LABELS[line.channel])
            lines.append(f"{label}: {contact_text(line, resource.country)}")
    if resource.website:
        lines.append(f"{words('Web')}: {resource.website}")
    return multi_line("\n".join(single_line(line) for line in lines))


def detail_lines(
    resource: Resource,
    country_name: str = "",
    *,
    successor_name: str = "",
    community: dict[str, str] | None = None,
) -> list[tuple[str, str]]:
    """Every field as (label, plain text) pairs, in reading order, skipping empty ones.
    `community` gives the moderation and activity lines with check-ups (the service's
    community_lines); without it they are the curated evidence's."""
    community = community or {
        "moderation": moderation_text(resource),
        "activity": activity_text(resource),
    }
    rows = [
        ("Name", resource.name),
        ("Also known as", ", ".join(resource.alternate_names)),
        ("Kind", kind_label(resource.kind)),
        ("Focus", ", ".join(focus_labels(resource.focus))),
        ("About", description_text(resource)),
        ("Status", status_text(resource, successor_name)),
        ("Moderation", community["moderation"]),
        (activity_label(resource), community["activity"]),
        ("Format", format_label(resource)),
        ("Languages", ", ".join(vocab.language_label(c) for c in resource.languages)),
        ("Cost", cost_label(resource)),
        ("Who it is for", resource.eligibility),
        *access_rows(resource),  # what an HSDS import keeps: hours, fees, applying, types
        ("Ages", resource.ages),
        ("Serves", service_area_text(resource)),
        ("Based in", place_text(resource, country_name)),
        ("Website", resource.website),
        *(
            (words(CHANNEL_LABELS[line.channel]), contact_text(line, resource.country))
            for line in contact_lines(resource)
        ),
        ("Please note", caveat_text(resource)),
        ("Tags", ", ".join(resource.tags)),
        ("Verified", verification_text(resource)),
        ("Sources", "\n".join(resource.sources)),
        ("Id", resource.id),
    ]
    return [(words(label), value) for label, value in rows if value]


def query_summary(
    query: SearchQuery,
    *,
    list_name: str = "",
    units: str = "mi",
    country_name: Callable[[str], str] | None = None,
) -> str:
    """The search in plain words: 'Support groups about CASK, within 100 miles of ...'."""
    parts: list[str] = []
    if list_name:
        parts.append(words("From the list “{name}”").format(name=list_name))
    chosen = query.filter_values()
    for facet in FACETS:
        if chosen[facet.id]:
            labels = (facet.label_of(v, country_name) for v in chosen[facet.id])
            parts.append(f"{words(facet.label)}: " + ", ".join(labels))
    if query.near is not None:
        where = query.near.label.removesuffix(", United States")
        if query.radius_km is not None:
            amount = query.radius_km / KM_PER_MILE if units == "mi" else query.radius_km
            unit = words("miles") if units == "mi" else "km"
            place = words("Within {amount} {unit} of {where}").format(
                amount=f"{amount:,.0f}", unit=unit, where=where
            )
        else:
            place = words("Nearest to {where} first").format(where=where)
        if query.include_online:
            place += words(", and groups that meet online")
        parts.append(place)
    if query.text.strip():
        parts.append(words("Matching “{text}”").format(text=query.text.strip()))
    return "; ".join(parts) if parts else words("All resources in the directory")
