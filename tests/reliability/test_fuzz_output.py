"""Property tests for text that leaves the app: any text, control characters and escape
sequences included, put in any field is refused or neutralised, and never forges a vCard,
breaks a CSV row, reaches the terminal as a sequence or becomes an unsafe link."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cbh_directory.cli.terminal import clean, dumps
from cbh_directory.domain.csv_safe import neutralise_cell
from cbh_directory.domain.errors import ValidationError
from cbh_directory.domain.validation import (
    is_email,
    is_safe_link,
    is_web_url,
    mailto_uri,
    normalise_resource,
)
from cbh_directory.exchange.export_set import ExportEntry, ExportSet
from cbh_directory.exchange.handout import contact_lines, entry_html
from cbh_directory.exchange.vcard import card

from .conftest import Ledger

pytestmark = pytest.mark.stress

NASTY = [
    "\r\n",
    "\n",
    "\r",
    "\t",
    "\x00",
    "\x07",
    "\x1b",
    "\x1b[2J",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]0;title\x1b\\",
    "\x9b",
    "\x9d",
    "\x85",
    "\u2028",
    "\u202e",
    "\u200b",
    "END:VCARD",
    "BEGIN:VCARD",
    "?attach=/etc/shadow",
    ";phone-context=x",
    "mailto:",
    "tel:",
    "javascript:",
    "https://",
    "@",
    ",",
    ";",
    '"',
    "<",
    ">",
    "&",
]
hostile_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=8).map(
    "".join
)
_RAW_SEQUENCE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Tally:
    def __init__(self) -> None:
        self.inputs = 0
        self.refused = 0
        self.kept = 0


def _check_outputs(fields: dict[str, str], tally: Tally) -> None:
    tally.inputs += 1
    values = {"id": "fuzz-group", "kind": "support_group", **fields}
    try:
        resource = normalise_resource(values)
    except ValidationError:
        tally.refused += 1
        return
    tally.kept += 1
    for name in ("name", "website", "email", "phone", "city"):
        assert not _RAW_SEQUENCE.search(getattr(resource, name)), name
    assert not _RAW_SEQUENCE.search(resource.description.replace("\n", "").replace("\t", ""))
    if resource.website:
        assert is_web_url(resource.website)
    if resource.email:
        assert is_email(resource.email) and is_safe_link(mailto_uri(resource.email))
    entry = ExportEntry(resource=resource, note=fields.get("description", ""))
    export = ExportSet(title="t", criteria="c", entries=[entry])
    vcard = card(entry, export)
    lines = vcard.split("\r\n")  # a content line that starts a card is not data in a NOTE
    assert lines.count("BEGIN:VCARD") == 1 and lines.count("END:VCARD") == 1
    assert "\r" not in vcard.replace("\r\n", "") and "\n" not in vcard.replace("\r\n", "")
    html = entry_html(entry, export) + "".join(contact_lines(entry))
    assert not _RAW_SEQUENCE.search(html.replace("\n", "").replace("\t", ""))
    for href in re.findall(r'href="([^"]*)"', html):
        assert is_safe_link(href.replace("&amp;", "&")), href
    row = io.StringIO()
    csv.writer(row).writerow([neutralise_cell(v) for v in fields.values()])
    assert len(list(csv.reader(io.StringIO(row.getvalue())))) == 1
    for text in (resource.name, resource.description, fields.get("name", "")):
        shown = clean(text)
        assert not any(ch in shown for ch in "\x1b\x07\x9b\x9d\r"), repr(shown)
    assert not _RAW_SEQUENCE.search(dumps(fields).replace("\n", ""))


def test_any_text_leaves_the_app_neutralised(ledger: Ledger) -> None:
    tally = Tally()

    @given(
        name=hostile_text.map(lambda t: "Group " + t),
        website=st.one_of(hostile_text, hostile_text.map(lambda t: "https://example.org/" + t)),
        email=st.one_of(hostile_text, hostile_text.map(lambda t: "a@example.org" + t)),
        phone=st.one_of(hostile_text, hostile_text.map(lambda t: "+16145550100 ext. " + t)),
        description=hostile_text,
    )
    def run(name: str, website: str, email: str, phone: str, description: str) -> None:
        fields = {
            "name": name,
            "website": website,
            "email": email,
            "phone": phone,
            "description": description,
        }
        _check_outputs(fields, tally)

    run()
    ledger.record(
        "test_fuzz_output.py::test_any_text_leaves_the_app_neutralised",
        "random text with CR/LF, NUL, ESC, CSI, OSC 52/0, C1 controls, bidi and zero-width "
        "characters, vCard keywords and mailto/tel tricks in the name, website, email, phone "
        "and description; each kept resource written as vCard, handout HTML, CSV, terminal "
        "text and JSON",
        tally.inputs,
        f"{tally.refused} refused by validation, {tally.kept} kept: one card each, no raw "
        "control character or sequence in any output, every link safe",
    )
