"""The numbers a dataset release is judged by: entries by kind, with contacts, with sourced
moderation and activity, offering Spanish, inactive, and how many rest on undated sources."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import vocabulary as vocab
from .community_evidence import curated_reading
from .evidence import items
from .model import Resource


def dataset_counts(resources: Iterable[Resource]) -> dict[str, Any]:
    """Counts over every entry given (active and inactive alike)."""
    by_kind = {kind.id: 0 for kind in vocab.KINDS}
    counts = {
        "entries": 0,
        "active": 0,
        "inactive": 0,
        "with_contacts": 0,
        "sourced_moderation": 0,
        "sourced_activity": 0,
        "spanish": 0,
        "date_unknown": 0,  # no source shows a date: "last verified" is unknown
        "some_undated": 0,  # at least one source that shows no date
    }
    for r in resources:
        counts["entries"] += 1
        by_kind[r.kind] = by_kind.get(r.kind, 0) + 1
        counts["active" if r.status == "active" else "inactive"] += 1
        counts["with_contacts"] += bool(r.phone or r.other_phones or r.email or r.address)
        counts["sourced_moderation"] += curated_reading(r, "moderation").sourced
        counts["sourced_activity"] += curated_reading(r, "activity").sourced
        counts["spanish"] += "es" in r.languages
        sources = [i for i in items(r.evidence) if i.get("url")]
        counts["date_unknown"] += not any(i.get("date") for i in sources)
        counts["some_undated"] += any(not i.get("date") for i in sources)
    return {**counts, "by_kind": by_kind}


COUNT_LABELS: tuple[tuple[str, str], ...] = (
    ("entries", "Entries"),
    ("active", "Active"),
    ("inactive", "Inactive (closed, merged or archived)"),
    ("with_contacts", "With a phone, email or address"),
    ("sourced_moderation", "With sourced moderation"),
    ("sourced_activity", "With sourced member activity"),
    ("spanish", "Offering Spanish"),
    ("date_unknown", "Date unknown (no source shows a date)"),
    ("some_undated", "With at least one undated source"),
)
