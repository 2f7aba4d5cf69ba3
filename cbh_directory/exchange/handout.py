"""The printable handout for a family, as one self-contained HTML file (also the PDF's source).

Every piece of data is escaped; links are made only for http(s), mailto and tel. The markup
keeps to what Qt's rich text engine understands, so the same HTML renders the PDF.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from ..domain import describe
from ..domain import vocabulary as vocab
from ..domain.handout import Handout
from ..domain.phones import tel_uri
from ..domain.text_safety import multi_line
from ..domain.validation import is_email, is_web_url, mailto_uri
from .atomic import atomic_writer
from .export_set import ExportEntry, ExportSet, progress_interval

Progress = Callable[[int], None]

DISCLAIMER = (
    "This list is for information only and is not medical advice. Details were checked on "
    "the date shown for each entry, but groups and programmes change: please contact them to "
    "confirm before you rely on them. Made with CBH Directory, an offline directory of support "
    "resources for families of children with cerebellar hypoplasia and related conditions."
)


def _e(text: str) -> str:
    return html.escape(multi_line(text), quote=True)


def _link(href: str, text: str) -> str:
    return f'<a href="{_e(href)}">{_e(text)}</a>'


def contact_lines(entry: ExportEntry) -> list[str]:
    """How to reach it, as HTML lines with safe links only."""
    r = entry.resource
    lines = []
    if r.phone:
        uri = tel_uri(r.phone)
        shown = describe.phone_text(r)
        phone = _link(uri, shown) if uri else _e(shown)
        lines.append(f'<span class="label">Phone:</span> {phone}')
    if r.email:
        email = _link(mailto_uri(r.email), r.email) if is_email(r.email) else _e(r.email)
        lines.append(f'<span class="label">Email:</span> {email}')
    if r.website:
        web = _link(r.website, r.website) if is_web_url(r.website) else _e(r.website)
        lines.append(f'<span class="label">Website:</span> {web}')
    address = ", ".join(p for p in (r.address, r.city, r.region, r.postal_code) if p)
    if address:
        lines.append(f'<span class="label">Where:</span> {_e(address)}')
    return lines


def entry_html(entry: ExportEntry, export: ExportSet) -> str:
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
        if entry.note:
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
    if r.description:
        parts.append(f"<p>{_e(r.description)}</p>")
    for line in contact_lines(entry):
        parts.append(f"<p>{line}</p>")
    if r.kind in vocab.COMMUNITY_KINDS or r.moderation != "unknown" or r.activity != "unknown":
        parts.append(
            f'<p><span class="label">Moderation:</span> {_e(describe.moderation_text(r))}</p>'
        )
        parts.append(
            f'<p><span class="label">Member activity:</span> {_e(describe.activity_text(r))}</p>'
        )
    if r.eligibility:
        parts.append(f'<p><span class="label">Who it is for:</span> {_e(r.eligibility)}</p>')
    if r.caveat:
        parts.append(
            f'<p class="caveat"><span class="label">Please note:</span> {_e(r.caveat)}</p>'
        )
    if entry.note:
        parts.append(f'<p class="note"><span class="label">Note:</span> {_e(entry.note)}</p>')
    verified = r.last_verified or "never"
    parts.append(f'<p class="meta">Last checked: {_e(verified)}</p>')
    return "\n".join(parts)


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
        f'<p class="criteria">Chosen by: {_e(export.criteria)}</p>',
    ]
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
