"""The printable handout for a family, as one self-contained HTML file (also the PDF's source).

Every piece of data is escaped; links are made only for http(s), mailto and tel. The markup
keeps to what Qt's rich text engine understands, so the same HTML renders the PDF.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

from ..domain import describe
from ..domain import vocabulary as vocab
from ..domain.access import access_rows
from ..domain.contact_dates import CHANNEL_LABELS, PHONE_TYPE_WORDS, shown_value
from ..domain.contact_dates import contact_lines as dated_contacts
from ..domain.handout import Handout
from ..domain.model import Resource
from ..domain.phones import tel_uri
from ..domain.status_words import status_line, successor_words
from ..domain.text_safety import multi_line
from ..domain.validation import is_email, is_web_url, mailto_uri
from ..domain.verification import verification
from .atomic import atomic_writer
from .export_set import ExportEntry, ExportSet, progress_interval
from .qr import qr_image_html

Progress = Callable[[int], None]

DISCLAIMER = (
    "This list is for information only and is not medical advice. Each entry says how old "
    "its sources are, but groups and programmes change: please contact them to "
    "confirm before you rely on them. Made with CBH Directory, an offline directory of support "
    "resources for families of children with cerebellar hypoplasia and related conditions."
)


def _e(text: str) -> str:
    return html.escape(multi_line(text), quote=True)


def _link(href: str, text: str) -> str:
    return f'<a href="{_e(href)}">{_e(text)}</a>'


def contact_lines(entry: ExportEntry, today: dt.date | None = None) -> list[str]:
    """How to reach it, as HTML lines with safe links only; each phone, email and address
    with what it is for and the date its source shows (domain.contact_dates)."""
    r = entry.resource
    lines = []
    address_dating = ""
    for line in dated_contacts(r, today):
        about = [p for p in (line.label or PHONE_TYPE_WORDS.get(line.type, ""), line.dating) if p]
        dating = f' <span class="meta">({_e(" · ".join(about))})</span>' if about else ""
        if line.channel == "address":
            address_dating = dating
            continue
        shown = shown_value(line, r.country)
        if line.channel == "phone":
            uri = tel_uri(line.value)
            value = _link(uri, shown) if uri else _e(shown)
        else:
            value = _link(mailto_uri(shown), shown) if is_email(shown) else _e(shown)
        lines.append(f'<span class="label">{CHANNEL_LABELS[line.channel]}:</span> {value}{dating}')
    if r.website:
        web = _link(r.website, r.website) if is_web_url(r.website) else _e(r.website)
        code = qr_image_html(r.website) if is_web_url(r.website) else ""
        lines.append(f'<span class="label">Website:</span> {web}' + (f"<br>{code}" if code else ""))
    address = ", ".join(p for p in (r.address, r.city, r.region, r.postal_code) if p)
    if address:
        lines.append(f'<span class="label">Where:</span> {_e(address)}{address_dating}')
    return lines


def entry_html(entry: ExportEntry, export: ExportSet) -> str:
    """One entry, kept together when printed from a browser (the PDF keeps it so itself)."""
    return f'<div class="entry">\n{_entry_body(entry, export)}\n</div>'


def _entry_body(entry: ExportEntry, export: ExportSet) -> str:
    r = entry.resource
    parts = [f"<h3>{_e(r.name)}</h3>"]
    if not entry.in_directory:
        kind = describe.kind_label(r.kind) if r.kind in vocab.KIND_BY_ID else ""
        if kind:
            parts.append(f'<p class="kind">{_e(kind)}</p>')
        parts.append(
            '<p class="gone">No longer in the directory: these are the last known details.</p>'
        )
        parts.extend(f"<p>{line}</p>" for line in contact_lines(entry))
        if entry.note and export.include_notes:
            parts.append(f'<p class="note"><span class="label">Note:</span> {_e(entry.note)}</p>')
        return "\n".join(parts)
    facts = [describe.kind_label(r.kind)] if r.kind in vocab.KIND_BY_ID else []
    if r.focus:
        facts.append("Focus: " + ", ".join(describe.focus_labels(r.focus)))
    facts.append(describe.format_label(r))
    if entry.distance_km is not None:
        facts.append(describe.distance_text(entry.distance_km, export.units) + " away")
    if r.service_area:
        facts.append("Serves: " + r.service_area)
    parts.append(f'<p class="kind">{_e(" · ".join(f for f in facts if f))}</p>')
    parts.extend(status_html(r, export))
    if r.description:
        parts.append(f"<p>{_e(r.description)}</p>")
    for line in contact_lines(entry, export.created):
        parts.append(f"<p>{line}</p>")
    community = export.community.get(r.id) or {
        "moderation": describe.moderation_text(r),
        "activity": describe.activity_text(r),
    }
    for label, text in (
        ("Moderation", community["moderation"]),
        (describe.activity_label(r), community["activity"]),
    ):
        if text:
            parts.append(f'<p><span class="label">{_e(label)}:</span> {_e(text)}</p>')
    if r.eligibility:
        parts.append(f'<p><span class="label">Who it is for:</span> {_e(r.eligibility)}</p>')
    for label, text in access_rows(r):  # hours, fees, how to apply, wait, service types
        lines = "<br>".join(_e(line) for line in text.splitlines())
        parts.append(f'<p><span class="label">{_e(label)}:</span> {lines}</p>')
    if r.caveat:
        parts.append(
            f'<p class="caveat"><span class="label">Please note:</span> {_e(r.caveat)}</p>'
        )
    if entry.note and export.include_notes:
        parts.append(f'<p class="note"><span class="label">Note:</span> {_e(entry.note)}</p>')
    checked = verification(r, export.created)
    for line in (checked.sentence, *checked.checks, checked.review):
        if line:
            parts.append(f'<p class="meta">{_e(line)}</p>')
    return "\n".join(parts)


def status_html(r: Resource, export: ExportSet) -> list[str]:
    """A closed or merged entry: what became of it, the source's date, its successor."""
    found = status_line(r)
    if found is None:
        return []
    lines = [f'<p class="gone"><span class="label">{_e(found.heading)}</span></p>']
    if found.note:
        lines.append(f'<p class="gone">{_e(found.note)}</p>')
    if found.successor:
        name = export.successor_names.get(found.successor, found.successor)
        lines.append(f'<p class="gone">{_e(successor_words(name))}</p>')
    return lines


def handout_html(export: ExportSet, *, progress: Progress | None = None) -> str:
    """The whole handout. With a location, nearby entries come first, then online ones."""
    return handout(export, progress=progress).html()


def handout(export: ExportSet, *, progress: Progress | None = None) -> Handout:
    """The handout's pieces (see Handout)."""
    when = f"{export.created.day} {export.created:%B %Y}"
    count = len(export.entries)
    head = [
        f"<h1>{_e(export.title)}</h1>",
        f'<p class="meta">Prepared {_e(when)} · {count} {_plural(count, "resource")}</p>',
        f'<p class="criteria">{_e(export.criteria)}</p>',
    ]
    if export.prepared_by:
        head.append(f'<p class="prepared">Prepared by {_e(export.prepared_by)}</p>')
    body: list[str] = []
    sections = _sections(export)
    every = progress_interval(count)
    done = 0
    for heading, entries in sections:
        if heading:
            body.append(f"<h2>{_e(heading)}</h2>")
        if heading and not entries:
            body.append(
                f"<p>Nothing in the directory is based within this distance of "
                f"{_e(export.location)}; the resources below meet online, by phone, or "
                "serve the whole country.</p>"
            )
        for entry in entries:
            body.append(entry_html(entry, export))
            done += 1
            if progress is not None and (done % every == 0 or done == count):
                progress(done)
    if not export.entries:
        body.append("<p>No resources matched.</p>")
    tail = [f'<p class="disclaimer">{_e(DISCLAIMER)}</p>']
    return Handout(export.title, head, body, tail)


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _sections(export: ExportSet) -> list[tuple[str, list[ExportEntry]]]:
    if not export.location:
        return [("", export.entries)]
    near = [e for e in export.entries if e.distance_km is not None]
    other = [e for e in export.entries if e.distance_km is None]
    sections = []
    if near:
        sections.append((f"Near {export.location}", near))
    else:
        sections.append((f"Near {export.location}", []))
    if other:
        sections.append(("Online, by phone, and nationwide", other))
    return sections


def write_html(path: Path, export: ExportSet, *, progress: Progress | None = None) -> None:
    with atomic_writer(path, encoding="utf-8") as stream:
        stream.write(handout_html(export, progress=progress))
