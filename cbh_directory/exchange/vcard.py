"""vCard 4.0 (RFC 6350) export: one card per resource, for contact applications."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..domain import describe
from ..domain.contact_dates import contact_lines, shown_value
from ..domain.phones import tel_uri
from ..domain.text_safety import multi_line
from ..domain.validation import is_email, is_web_url
from ..domain.verification import verification
from .atomic import atomic_writer
from .export_set import ExportEntry, ExportSet, progress_interval

Progress = Callable[[int], None]
PRODID = "-//CBH Directory//EN"
VCARD_TEL_TYPES = ("voice", "fax", "cell", "video", "pager", "textphone", "text")  # RFC 6350


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, comma, semicolon and line breaks (RFC 6350 3.4); any
    other control character is dropped, so no value can end its line or its card."""
    return (
        multi_line(value)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 6350 3.2)."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def card(entry: ExportEntry, export: ExportSet) -> str:
    r = entry.resource
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:{PRODID}",
        "KIND:org",
        f"UID:urn:cbh-directory:{escape_text(r.id)}",
        f"FN:{escape_text(r.name)}",
        f"ORG:{escape_text(r.name)}",
    ]
    if r.website and is_web_url(r.website):
        lines.append(f"URL:{r.website.strip()}")
    if r.email and is_email(r.email.strip()):
        lines.append(f"EMAIL;TYPE=work:{escape_text(r.email.strip())}")
    for phone in (c for c in contact_lines(r, export.created) if c.channel == "phone"):
        kind = phone.type if phone.type in VCARD_TEL_TYPES else "voice"
        uri = tel_uri(phone.value)
        if uri:
            lines.append(f"TEL;VALUE=uri;TYPE=work,{kind}:{uri}")
        else:
            lines.append(f"TEL;VALUE=text;TYPE=work,{kind}:{escape_text(phone.value)}")
    if any((r.address, r.city, r.region, r.postal_code, r.country)):
        parts = ["", "", r.address, r.city, r.region, r.postal_code, export.country(r.country)]
        lines.append("ADR;TYPE=work:" + ";".join(escape_text(p) for p in parts))
    if r.latitude is not None and r.longitude is not None:
        lines.append(f"GEO:geo:{r.latitude:.5f},{r.longitude:.5f}")
    categories = [describe.kind_label(r.kind), *describe.focus_labels(r.focus)]
    lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in categories if c))
    note = _note(entry, export.community.get(entry.resource.id))
    if note:
        lines.append(f"NOTE:{escape_text(note)}")
    if len(r.last_verified) == 10:  # a month or a year alone is not a vCard timestamp
        lines.append(f"REV:{r.last_verified.replace('-', '')}T000000Z")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def _note(entry: ExportEntry, community: dict[str, str] | None = None) -> str:
    r = entry.resource
    if not entry.in_directory:
        gone = "No longer in the CBH Directory; these are the last known details."
        return "\n".join(p for p in (gone, f"Your note: {entry.note}" if entry.note else "") if p)
    parts = [describe.status_text(r), r.description]
    community = community or {
        "moderation": describe.moderation_text(r),
        "activity": describe.activity_text(r),
    }
    for label, text in (
        ("Moderation", community["moderation"]),
        (describe.activity_label(r), community["activity"]),
    ):
        if text:
            parts.append(f"{label}: {text}")
    old_or_undated = [c for c in contact_lines(r) if c.state in ("old", "undated")]
    for contact in old_or_undated:
        parts.append(f"{shown_value(contact, r.country)}: {contact.dating}")
    if r.caveat:
        parts.append("Please note: " + r.caveat)
    parts.append(verification(r).sentence)
    if entry.note:
        parts.append("Your note: " + entry.note)
    return "\n".join(p for p in parts if p)


def write_vcards(path: Path, export: ExportSet, *, progress: Progress | None = None) -> None:
    every = progress_interval(len(export.entries))
    with atomic_writer(path, encoding="utf-8", newline="") as stream:
        for number, entry in enumerate(export.entries, 1):
            stream.write(card(entry, export))
            if progress is not None and (number % every == 0 or number == len(export.entries)):
                progress(number)
