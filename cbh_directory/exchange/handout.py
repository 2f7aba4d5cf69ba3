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
from ..domain.date_words import date_words
from ..domain.handout import Handout
from ..domain.language import current, in_english, words
from ..domain.model import Resource
from ..domain.phones import tel_uri
from ..domain.service_area_words import service_area_text
from ..domain.status_words import status_line, successor_words
from ..domain.text_safety import multi_line
from ..domain.validation import is_email, is_web_url, mailto_uri
from ..domain.verification import verification
from .atomic import atomic_writer
from .export_set import ExportEntry, ExportSet, progress_interval
from .qr import qr_image_html

Progress = Callable[[int], None]

DISCLAIMER = (  # in Spanish through domain/vocabulary_es.py, like every fixed phrase here
    "This list is for information only and is not medical advice. Each entry says how old "
    "its sources are, but groups and programmes change: please contact them to "
    "confirm before you rely on them. Made with CBH Directory, an offline directory of support "
    "resources for families of children with cerebellar hypoplasia and related conditions."
)


# QR codes cost about 5 ms each (segno is pure Python): a family's handout has them all; an
# export of the whole directory (10,000 entries, made to be searched, not scanned) has none.
QR_LIMIT = 500


def _e(text: str) -> str:
    return html.escape(multi_line(text), quote=True)


def _link(href: str, text: str) -> str:
    return f'<a href="{_e(href)}">{_e(text)}</a>'


def contact_lines(
    entry: ExportEntry, today: dt.date | None = None, *, qr: bool = False
) -> list[str]:
    """How to reach it, as HTML lines with safe links only; each phone, email and address
    with what it is for and the date its source shows (domain.contact_dates); with `qr`,
    the website beside its QR code."""
    r = entry.resource
    lines = []
    address_dating = ""
    for line in dated_contacts(r, today):
        kind = in_english(line.label) or words(PHONE_TYPE_WORDS.get(line.type, ""))
        about = [p for p in (kind, line.dating) if p]
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
        label = _e(words(CHANNEL_LABELS[line.channel]))
        lines.append(f'<span class="label">{label}:</span> {value}{dating}')
    if r.website:
        web = _link(r.website, r.website) if is_web_url(r.website) else _e(r.website)
        label = _e(words("Website"))
        website = f'<span class="label">{label}:</span> {web}'
        lines.append(_beside_qr(website, r.website) if qr and is_web_url(r.website) else website)
    address = ", ".join(p for p in (r.address, r.city, r.region, r.postal_code) if p)
    if address:
        where = _e(words("Where"))
        lines.append(f'<span class="label">{where}:</span> {_e(address)}{address_dating}')
    return lines


def _labelled(label: str, text: str, css: str = "") -> str:
    """A paragraph that starts with a bold label (already in the reader's language)."""
    opening = f'<p class="{css}">' if css else "<p>"
    return f'{opening}<span class="label">{_e(label)}:</span> {_e(text)}</p>'


def _paragraph(line: str) -> str:
    return line if line.startswith("<table") else f"<p>{line}</p>"


def _beside_qr(line: str, url: str) -> str:
    """The website line with its QR code to the right (a table: Qt's rich text and browsers
    both keep it beside the text, and it never runs into the next entry)."""
    hint = _e(words("To open it on a phone, point the camera at the code."))
    return (
        '<table class="qr" width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td>{line}<br><span class="meta">{hint}</span></td>'
        f'<td width="80" align="right">{qr_image_html(url)}</td></tr></table>'
    )


def entry_html(entry: ExportEntry, export: ExportSet, level: int = 3, *, qr: bool = False) -> str:
    """One entry, kept together when printed from a browser (the PDF keeps it so itself); its
    name is a heading one level below the section's (h2 or h3)."""
    return f'<div class="entry">\n{_entry_body(entry, export, level, qr)}\n</div>'


def _entry_body(entry: ExportEntry, export: ExportSet, level: int, qr: bool) -> str:
    r = entry.resource
    parts = [f"<h{level}>{_e(r.name)}</h{level}>"]
    if not entry.in_directory:
        kind = describe.kind_label(r.kind) if r.kind in vocab.KIND_BY_ID else ""
        if kind:
            parts.append(f'<p class="kind">{_e(kind)}</p>')
        gone = words("No longer in the directory: these are the last known details.")
        parts.append(f'<p class="gone">{_e(gone)}</p>')
        parts.extend(_paragraph(line) for line in contact_lines(entry, qr=qr))
        if entry.note and export.include_notes:
            parts.append(_labelled(words("Note"), entry.note, "note"))
        return "\n".join(parts)
    facts = [describe.kind_label(r.kind)] if r.kind in vocab.KIND_BY_ID else []
    if r.focus:
        facts.append(f"{words('Focus')}: " + ", ".join(describe.focus_labels(r.focus)))
    facts.append(describe.format_label(r))
    if entry.distance_km is not None:
        away = describe.distance_text(entry.distance_km, export.units)
        facts.append(words("{distance} away").format(distance=away))
    if r.service_area:
        facts.append(f"{words('Serves')}: " + service_area_text(r))
    parts.append(f'<p class="kind">{_e(" · ".join(f for f in facts if f))}</p>')
    parts.extend(status_html(r, export))
    if r.description:
        parts.append(f"<p>{_e(describe.description_text(r))}</p>")
    for line in contact_lines(entry, export.created, qr=qr):
        parts.append(_paragraph(line))
    community = export.community.get(r.id) or {
        "moderation": describe.moderation_text(r),
        "activity": describe.activity_text(r),
    }
    for label, text in (
        (words("Moderation"), community["moderation"]),
        (describe.activity_label(r), community["activity"]),
    ):
        if text:
            parts.append(_labelled(label, text))
    if r.eligibility:
        parts.append(_labelled(words("Who it is for"), in_english(r.eligibility)))
    for label, text in access_rows(r):  # hours, fees, how to apply, wait, service types
        lines = "<br>".join(_e(line) for line in text.splitlines())
        parts.append(f'<p><span class="label">{_e(words(label))}:</span> {lines}</p>')
    if r.caveat:
        parts.append(_labelled(words("Please note"), describe.caveat_text(r), "caveat"))
    if entry.note and export.include_notes:
        parts.append(_labelled(words("Note"), entry.note, "note"))
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
        lines.append(f'<p class="gone">{_e(in_english(found.note))}</p>')
    if found.successor:
        name = export.successor_names.get(found.successor, found.successor)
        lines.append(f'<p class="gone">{_e(successor_words(name))}</p>')
    return lines


def handout_html(export: ExportSet, *, progress: Progress | None = None) -> str:
    """The whole handout. With a location, nearby entries come first, then online ones."""
    return handout(export, progress=progress).html()


def handout(export: ExportSet, *, progress: Progress | None = None) -> Handout:
    """The handout's pieces (see Handout)."""
    when = date_words(export.created.isoformat())
    count = len(export.entries)
    prepared = words(
        "Prepared {date} · {count} resource"
        if count == 1
        else "Prepared {date} · {count} resources"
    )
    head = [
        f"<h1>{_e(export.title)}</h1>",
        f'<p class="meta">{_e(prepared.format(date=when, count=count))}</p>',
        f'<p class="criteria">{_e(export.criteria)}</p>',
    ]
    if export.prepared_by:
        prepared_by = words("Prepared by {name}").format(name=export.prepared_by)
        head.append(f'<p class="prepared">{_e(prepared_by)}</p>')
    body: list[str] = []
    sections = _sections(export)
    every = progress_interval(count)
    done = 0
    for heading, entries in sections:
        if heading:
            body.append(f"<h2>{_e(heading)}</h2>")
        if heading and not entries:
            nothing = words(
                "Nothing in the directory is based within this distance of {place}; the "
                "resources below meet online, by phone, or serve the whole country."
            )
            body.append(f"<p>{_e(nothing.format(place=export.location))}</p>")
        for entry in entries:
            body.append(entry_html(entry, export, 3 if heading else 2, qr=count <= QR_LIMIT))
            done += 1
            if progress is not None and (done % every == 0 or done == count):
                progress(done)
    if not export.entries:
        body.append(f"<p>{_e(words('No resources matched.'))}</p>")
    tail = [f'<p class="disclaimer">{_e(words(DISCLAIMER))}</p>']
    return Handout(export.title, head, body, tail, current())


def _sections(export: ExportSet) -> list[tuple[str, list[ExportEntry]]]:
    if not export.location:
        return [("", export.entries)]
    near = [e for e in export.entries if e.distance_km is not None]
    unplaced = [e for e in export.entries if e.distance_km is None]
    # Not placed and not stated to meet online: not filed as online, nor as near.
    unstated = [e for e in unplaced if e.resource.format == "unknown"]
    other = [e for e in unplaced if e.resource.format != "unknown"]
    sections = []
    if near:
        sections.append((words("Near {place}").format(place=export.location), near))
    else:
        sections.append((words("Near {place}").format(place=export.location), []))
    if other:
        sections.append((words("Online, by phone, and nationwide"), other))
    if unstated:
        sections.append((words("No place given, and not said to meet online"), unstated))
    return sections


def write_html(path: Path, export: ExportSet, *, progress: Progress | None = None) -> None:
    with atomic_writer(path, encoding="utf-8") as stream:
        stream.write(handout_html(export, progress=progress))
