"""Exports: CSV, vCard, HTML and PDF handouts, JSON; safety and atomic writes."""

from __future__ import annotations

import csv
import errno
import io
import json
import re
import shutil
import subprocess
import unicodedata
import warnings
from pathlib import Path

import pytest
import vobject

from cbh_directory.domain.errors import CBHError, InputError
from cbh_directory.domain.exports import ExportCancelled, ExportOptions
from cbh_directory.domain.model import Resource, SearchQuery
from cbh_directory.exchange import atomic
from cbh_directory.exchange.export_set import ExportEntry, ExportSet
from cbh_directory.exchange.exporter import export as write_export
from cbh_directory.exchange.handout import handout_html
from cbh_directory.exchange.vcard import card, fold
from cbh_directory.service import Directory
from cbh_directory.ui.handout_pdf import write_pdf

HOSTILE = Resource(
    id="hostile",
    name='=HYPERLINK("http://evil.example","click"), <b>Bold</b>; Co',
    kind="support_group",
    description="Line one\nLine two; with, punctuation \\ and <script>alert(1)</script>",
    website="javascript:alert(1)",
    email="help@example.org",
    phone="+1 614 555 0100",
    city="Zürich",
    region="ZH",
    country="CH",
    focus=["CASK", "joubert"],
    caveat="-2+3 looks like a formula",
    last_verified="2026-01-01",
)


def export(path: Path, export_set: ExportSet, options: ExportOptions | None = None, **kwargs):
    """The exporter with the app's PDF renderer, handed in as the CLI and the window do."""
    return write_export(path, export_set, options, pdf_renderer=write_pdf, **kwargs)


def hostile_set(**kwargs: object) -> ExportSet:
    return ExportSet(
        title="Support resources for the <Rivera> family",
        criteria="Kind: Support group",
        entries=[ExportEntry(HOSTILE, distance_km=12.5, note="@call them")],
        country_names={"CH": "Switzerland"},
        **kwargs,  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------- CSV


def test_csv_has_every_field_and_reads_back(curated: Directory, tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    export_set = curated.export_set(SearchQuery(kinds=["support_group"]))
    summary = export(path, export_set)
    assert summary == f"Wrote {len(export_set.entries)} resources to {path}"
    assert len(export_set.entries) > 20
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert len(rows) == len(export_set.entries)
    assert set(rows[0]) >= {"id", "name", "kind", "focus", "website", "last_verified"}
    cure = next(r for r in rows if r["id"] == "cure-cask")
    assert cure["focus"] == "CASK" and cure["website"] == "https://curecask.org/"
    assert cure["kind"] == "support_group"


def test_csv_for_excel_has_a_bom_and_crlf(curated: Directory, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    export(path, curated.export_set(SearchQuery(text="CASK")), ExportOptions(excel=True))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n") > 1


def test_csv_neutralises_formulas(tmp_path: Path) -> None:
    path = tmp_path / "hostile.csv"
    export(
        path,
        hostile_set(list_name="Family"),
        ExportOptions(columns=["name", "phone", "caveat", "list_note", "distance_km"]),
    )
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == ["name", "phone", "caveat", "list_note", "distance_km"]
    name, phone, caveat, note, distance = rows[1]
    assert name.startswith("'=HYPERLINK(")
    assert phone == "+1 614 555 0100"  # a phone number holds nothing to run: kept as it is
    assert caveat == "'-2+3 looks like a formula"
    assert note == "'@call them"
    assert distance == "12.5"


def test_csv_numbers_and_phones_stay_what_they_are(tmp_path: Path) -> None:
    """Only cells a spreadsheet would run are escaped (defusedcsv's rule, and phone numbers):
    a negative longitude stays a number, an international phone stays a phone."""
    miami = Resource(
        id="miami",
        name="Miami help line",
        kind="local_service",
        phone="+1 305 555 0100",
        latitude=25.7617,
        longitude=-80.1918,
        caveat="+44 (0)20 7946 0000",
    )
    entries = [ExportEntry(miami, note="-5"), ExportEntry(HOSTILE, note="+1 555 0100 cmd|calc")]
    path = tmp_path / "numbers.csv"
    columns = ["latitude", "longitude", "phone", "caveat", "list_note"]
    export(path, ExportSet(title="t", criteria="", entries=entries), ExportOptions(columns=columns))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[1] == ["25.7617", "-80.1918", "+1 305 555 0100", "+44 (0)20 7946 0000", "-5"]
    assert rows[2][3:] == ["'-2+3 looks like a formula", "'+1 555 0100 cmd|calc"]


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        ("-80.1918", True),
        ("+1 614 555 0100", True),
        ("1,200.50", True),
        ("-1+2", False),
        ("=1", False),
        ("+1 555 cmd|' /C calc'!A0", False),
        ("%0A=1", False),
        ("|calc", False),
        ("-", False),
    ],
)
def test_only_cells_a_spreadsheet_would_run_are_escaped(cell: str, kept: bool) -> None:
    from cbh_directory.domain.csv_safe import neutralise_cell

    assert neutralise_cell(cell) == (cell if kept else "'" + cell)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "|", "%"])
def test_every_formula_start_is_neutralised(start: str) -> None:
    from cbh_directory.domain.csv_safe import neutralise_cell

    assert neutralise_cell(start + "1+1") == "'" + start + "1+1"
    assert neutralise_cell("safe " + start) == "safe " + start


def test_csv_unknown_column_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown column 'shoe_size'"):
        export(tmp_path / "x.csv", hostile_set(), ExportOptions(columns=["name", "shoe_size"]))
    assert not (tmp_path / "x.csv").exists()


# ---------------------------------------------------------------- vCard


def parse_cards(text: str) -> list:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return list(vobject.readComponents(text, validate=True))


def test_vcards_parse_back_with_vobject(curated: Directory, tmp_path: Path) -> None:
    bookmarks = curated.bookmarks()
    curated.add_to_list(bookmarks.id, ["cure-cask", "naf", "pacer"])
    curated.set_item_note(bookmarks.id, "naf", "ask about the Columbus group")
    path = tmp_path / "contacts.vcf"
    export(path, curated.export_set(list_id=bookmarks.id))
    cards = parse_cards(path.read_text(encoding="utf-8"))
    assert [c.fn.value for c in cards] == [
        "Cure CASK",
        "National Ataxia Foundation",
        "PACER Center",
    ]
    naf = cards[1]
    assert naf.version.value == "4.0"
    assert naf.org.value == ["National Ataxia Foundation"]
    assert naf.url.value == "https://ataxia.org/"
    assert naf.categories.value == ["National organization", "Ataxia"]
    assert "ask about the Columbus group" in naf.note.value
    assert naf.adr.value.city == "Plymouth" and naf.adr.value.country == "United States"
    assert naf.uid.value == "urn:cbh-directory:naf"


def test_vcard_escapes_and_folds(tmp_path: Path) -> None:
    text = card(hostile_set().entries[0], hostile_set())
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    parsed = parse_cards(text)[0]
    assert parsed.fn.value == HOSTILE.name
    assert parsed.email.value == "help@example.org"
    assert parsed.tel.value == "tel:+16145550100"
    assert "url" not in parsed.contents, "a javascript: website is not a URL"
    assert "Line one\nLine two; with, punctuation \\ and <script>" in parsed.note.value
    assert parsed.adr.value.city == "Zürich" and parsed.adr.value.country == "Switzerland"
    assert parsed.categories.value == ["Support group", "CASK", "Joubert syndrome"]


def test_fold_never_splits_a_character() -> None:
    line = "NOTE:" + "é" * 100 + "😀" * 30
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75


# ---------------------------------------------------------------- handout


def test_handout_html_is_escaped_self_contained_and_complete() -> None:
    text = handout_html(
        hostile_set(location="Columbus, OH", list_name="Family", include_notes=True)
    )
    assert "<b>Bold</b>" not in text and "&lt;b&gt;Bold&lt;/b&gt;" in text
    assert "<script>" not in text
    assert 'href="javascript:' not in text
    assert 'href="mailto:help@example.org"' in text and 'href="tel:+16145550100"' in text
    assert not re.search(r"<(link|script|iframe)\b", text)
    assert all(src.startswith("data:image/png;") for src in re.findall(r'<img src="([^"]*)"', text))
    assert "Support resources for the &lt;Rivera&gt; family" in text
    assert '<p class="criteria">Kind: Support group</p>' in text
    assert "Near Columbus, OH" in text and "8 mi away" in text
    assert "@call them" in text  # the list note
    assert "not medical advice" in text
    assert "Prepared " in text


def test_handout_sections_nearby_first_then_online(curated: Directory) -> None:
    columbus = curated.resolve_place("Columbus, OH")
    export_set = curated.export_set(SearchQuery(near=columbus, radius_km=400, include_online=True))
    text = handout_html(export_set)
    near = text.index("Near Columbus, OH")
    online = text.index("Online, by phone, and nationwide")
    assert near < text.index("Child Neurology Foundation") < online
    assert online < text.index("Cure CASK")


@pytest.fixture
def pdf_tools() -> None:
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils (pdftotext, pdfinfo) are not installed")


def pdf_text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(
        [*args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def test_pdf_handout_pages_text_and_paper(
    qapp, pdf_tools, curated: Directory, tmp_path: Path
) -> None:
    path = tmp_path / "handout.pdf"
    columbus = curated.resolve_place("Columbus, OH")
    export_set = curated.export_set(
        SearchQuery(near=columbus, radius_km=160.9, include_online=True),
        title="Support resources for the Rivera family",
    )
    summary = export(path, export_set)
    pages = int(re.search(r"Pages:\s+(\d+)", pdf_info(path)).group(1))
    assert summary.endswith(f"on {pages} pages to {path}") and pages > 5
    assert "letter" in pdf_info(path)
    first = pdf_text(path, 1)
    assert "Support resources for the Rivera family" in first
    assert "within 100 miles of Columbus, OH, and groups that meet online" in first
    assert "Near Columbus, OH" in first
    second = pdf_text(path, 2)
    assert re.search(r"^\s*2\s*$", second, re.MULTILINE), "page numbers are printed"
    assert "not medical advice" in pdf_text(path, pages)
    a4 = tmp_path / "a4.pdf"
    export(a4, export_set, ExportOptions(paper="a4"))
    assert "A4" in pdf_info(a4)


def test_a_pdf_laid_out_a_few_entries_at_a_time_loses_and_repeats_nothing(
    qapp, pdf_tools, curated: Directory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large handouts are laid out in chunks that continue on the same page: every entry is
    there once, in order, and the text is the same as when laid out in one piece."""
    from cbh_directory.ui import handout_pdf as pdf

    export_set = curated.export_set(SearchQuery(sort="name"))
    texts = {}
    for chunk in (5, 1000):
        monkeypatch.setattr(pdf, "ENTRIES_PER_CHUNK", chunk)
        path = tmp_path / f"chunks-{chunk}.pdf"
        export(path, export_set)
        # NFKC: the PDF's text has ligatures ("ﬀ") where the names have two letters.
        # Page numbers out: a page break may fall inside a long name.
        text = unicodedata.normalize("NFKC", pdf_text(path))
        # "Name (continued)" heads a page that carries an entry on: page furniture, out too.
        text = "\n".join(t for t in text.splitlines() if not t.strip().endswith("(continued)"))
        texts[chunk] = " ".join(w for w in text.split() if not w.isdigit())
    names = [e.resource.name for e in export_set.entries]
    for chunk, text in texts.items():
        at = 0
        for name in names:
            found = text.find(" ".join(w for w in name.split() if not w.isdigit()), at)
            assert found >= 0, f"{name!r} missing or out of order (chunks of {chunk})"
            at = found
        assert "not medical advice" in text[at:], "the disclaimer comes after the last entry"
    # The same words in the same order (page breaks may fall a line apart).
    words = {c: [w for w in text.split() if not w.isdigit()] for c, text in texts.items()}
    assert words[5] == words[1000]


def test_a_lists_notes_only_on_a_staff_copy(
    qapp, pdf_tools, curated: Directory, tmp_path: Path
) -> None:
    family = curated.create_list("Family A")
    curated.add_to_list(family.id, ["pacer", "wrightslaw"])
    curated.set_item_note(family.id, "pacer", "Called Tuesday — left voicemail")
    path = tmp_path / "family.pdf"
    export(path, curated.export_set(list_id=family.id, title="For the Rivera family"))
    text = pdf_text(path)
    assert "For the Rivera family" in text
    assert text.index("PACER Center") < text.index("Wrightslaw")
    assert "voicemail" not in text  # the family's copy: no private notes, no list name
    assert "Chosen for you." in text and "Family A" not in text and "Chosen by" not in text
    staff = tmp_path / "staff.pdf"
    export(staff, curated.export_set(list_id=family.id, include_notes=True))
    text = pdf_text(staff)
    assert "Note: Called Tuesday — left voicemail" in text
    assert "From your list “Family A”." in text


def test_json_export_reads_back_as_the_app_format(curated: Directory, tmp_path: Path) -> None:
    from cbh_directory.exchange.appjson import read_app_json

    path = tmp_path / "data.json"
    export(path, curated.export_set(SearchQuery(text="CASK")))
    parsed = read_app_json(path)
    assert {r.id for r in parsed.resources} >= {"cure-cask", "cask-research"}
    assert json.loads(path.read_text())["format"] == "cbh-directory"


# ---------------------------------------------------------------- safety


def test_a_cancelled_export_leaves_no_file(curated: Directory, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "cancelled.csv"
    path.write_text("the previous export\n")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1  # cancel after the first step

    with pytest.raises(ExportCancelled):
        export(path, curated.export_set(), cancelled=cancelled)
    assert path.read_text() == "the previous export\n", "the old file is untouched"
    assert [p.name for p in folder.iterdir()] == ["cancelled.csv"], "no temp file left"


@pytest.mark.parametrize("suffix", [".csv", ".vcf", ".html", ".json"])
def test_a_full_disk_gives_a_clear_error_and_no_file(
    curated: Directory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(CBHError, match="No space left on device"):
        export(folder / f"full{suffix}", curated.export_set())
    assert list(folder.iterdir()) == []


def test_an_unwritable_folder_gives_a_clear_error(curated: Directory, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(CBHError, match="cannot write"):
        export(blocker / "out.pdf", curated.export_set())
    with pytest.raises(CBHError, match="cannot write"):
        export(blocker / "out.csv", curated.export_set())


def test_unknown_extension(curated: Directory, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell the format"):
        export(tmp_path / "x.docx", curated.export_set())


def test_a_written_pdf_is_read_back_for_its_pages_and_a_cut_one_is_refused(
    tmp_path: Path,
) -> None:
    from pypdf import PdfWriter

    from cbh_directory.domain.exports import ExportError
    from cbh_directory.exchange.pdf_check import check_pdf, count_pages

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(200, 200)
    whole = tmp_path / "three.pdf"
    with whole.open("wb") as handle:
        writer.write(handle)
    assert count_pages(whole) == 3
    check_pdf(whole, 3, tmp_path / "handout.pdf")
    with pytest.raises(ExportError, match="has 3 of its 4 pages"):
        check_pdf(whole, 4, tmp_path / "handout.pdf")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[:-40])  # the disk filled up before the end
    with pytest.raises(ExportError, match="is the disk full"):
        check_pdf(cut, 3, tmp_path / "handout.pdf")
