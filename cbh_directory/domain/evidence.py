"""The evidence behind a resource's facts: per group, the sources and the dates they show.

A curated entry keeps four groups — the entry itself, its contacts, its moderation and its
activity — each a list of items `{"url", "date", "checked_on", "note"}` (a person's own check
in the app is an item with `"by"` instead of a URL). `date` is the date the source shows, as
precise as it shows it ("2025-04-12", "2025-04", "2025"), or "" when it shows none;
`checked_on` is the day the project (or the person) read it. "Last verified" is the newest
dated evidence, never the day it was read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from .dates import is_partial_date, period_start

GROUPS: tuple[str, ...] = ("entry", "contacts", "moderation", "activity")
ITEM_KEYS: tuple[str, ...] = ("url", "date", "checked_on", "note", "by")
MAX_ITEMS = 50
MAX_NOTE = 500

Evidence = dict[str, list[dict[str, str]]]


def normalise_evidence(value: object, is_url: Callable[[str], bool]) -> tuple[Evidence, list[str]]:
    """Clean an evidence object: the groups above, each a list of items. Returns the clean
    value and the problems found (an empty list when it is fine)."""
    problems: list[str] = []
    if value in (None, "", {}):
        return {}, problems
    if not isinstance(value, Mapping):
        return {}, ["must be an object of groups (entry, contacts, moderation, activity)"]
    clean: Evidence = {}
    for group, items in value.items():
        if group not in GROUPS:
            problems.append(f"unknown group {group!r}; use {', '.join(GROUPS)}")
            continue
        if not isinstance(items, list) or len(items) > MAX_ITEMS:
            problems.append(f"{group}: must be a list of at most {MAX_ITEMS} items")
            continue
        kept: list[dict[str, str]] = []
        for item in items:
            cleaned, problem = _item(item, is_url)
            if problem:
                problems.append(f"{group}: {problem}")
            elif cleaned:
                kept.append(cleaned)
        if kept:
            clean[group] = kept
    return clean, problems


def _item(item: object, is_url: Callable[[str], bool]) -> tuple[dict[str, str], str]:
    if not isinstance(item, Mapping):
        return {}, "each item must be an object"
    out: dict[str, str] = {}
    for key in ITEM_KEYS:
        raw = item.get(key, "")
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            return {}, f"{key} must be text"
        text = raw.strip()
        if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in text):
            return {}, f"{key} has control characters"
        if text:
            out[key] = text[:MAX_NOTE]
    if "url" in out and not is_url(out["url"]):
        return {}, f"{out['url']!r} is not an http(s) address"
    if not out.get("url") and not out.get("by"):
        return {}, "an item needs a url (a source) or by (a person's own check)"
    for key in ("date", "checked_on"):
        if out.get(key) and not is_partial_date(out[key]):
            return {}, f"{key} {out[key]!r} must be YYYY, YYYY-MM or YYYY-MM-DD"
    return out, ""


def items(
    evidence: Mapping[str, Iterable[Mapping[str, str]]], *groups: str
) -> list[Mapping[str, str]]:
    """The items of the given groups (all groups when none are named)."""
    chosen = groups or GROUPS
    return [item for group in chosen for item in evidence.get(group, ())]


def newest_date(evidence: Mapping[str, Iterable[Mapping[str, str]]], *groups: str) -> str:
    """The newest date any source of these groups shows, "" when none shows a date.

    Partial dates compare by their first day; between equal days the more precise wins."""
    return newest_of(*(item.get("date", "") for item in items(evidence, *groups)))


def newest_of(*dates: str) -> str:
    """The newest of some partial dates (invalid or empty ones are ignored); "" for none."""
    valid = [d for d in dates if d and is_partial_date(d)]
    return max(valid, key=lambda d: (period_start(d), len(d))) if valid else ""


def person_check(
    by: str, day: str, note: str = "Checked in the app and found current"
) -> dict[str, str]:
    """A person's own check, recorded as evidence dated the day they made it."""
    return {"by": by or "a user of this copy", "date": day, "checked_on": day, "note": note}


def with_person_checks(
    curated: Evidence, local: Mapping[str, Iterable[Mapping[str, str]]]
) -> Evidence:
    """Curated evidence plus the people's own checks kept locally (a dataset update brings new
    sources; it never drops what a person recorded)."""
    merged: Evidence = {group: [dict(i) for i in curated.get(group, [])] for group in GROUPS}
    for group in GROUPS:
        for item in local.get(group, ()):
            if item.get("by") and dict(item) not in merged[group]:
                merged[group].append(dict(item))
    return {group: found for group, found in merged.items() if found}


def source_urls(evidence: Mapping[str, Iterable[Mapping[str, str]]]) -> list[str]:
    """Every source address, once, in the order the groups list them."""
    return list(dict.fromkeys(item["url"] for item in items(evidence) if item.get("url")))
