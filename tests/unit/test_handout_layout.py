"""The printed handout as a family sees it: headings kept with their entries, room between
entries, a QR code beside each website, and who prepared it."""

from __future__ import annotations

import itertools
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from cbh_directory.domain.model import SearchQuery
from cbh_directory.exchange.exporter import export
from cbh_directory.service import Directory
from cbh_directory.ui.handout_pdf import write_pdf

SECTION_HEADINGS = {"Near Columbus, OH", "Online, by phone, and nationwide"}


@pytest.fixture(scope="module")
def columbus_pdf(
    qapp, curated_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[str]]:
    """The Columbus handout (dozens of pages), made once for the tests below."""
    folder = tmp_path_factory.mktemp("handout")
    copy = folder / "directory.sqlite3"
    shutil.copyfile(curated_template, copy)
    directory = Directory.open(copy)
    try:
        columbus = directory.resolve_place("Columbus, OH")
        export_set = directory.export_set(
            SearchQuery(near=columbus, radius_km=160.9, include_online=True),
            prepared_by="Ana Ruiz, (614) 555-0100",
        )
    finally:
        directory.close()
    path = folder / "handout.pdf"
    export(path, export_set, pdf_renderer=write_pdf)
    return path, [e.resource.name for e in export_set.entries]


def _lines(page) -> list[tuple[float, str]]:  # type: ignore[no-untyped-def]
    """The page's text lines, top to bottom, with their height on the page."""
    found: dict[float, list[str]] = {}

    def visit(text, cm, tm, _font, _size) -> None:  # type: ignore[no-untyped-def]
        if text.strip():
            y = round(cm[5] + tm[5] * cm[3], 1)
            found.setdefault(y, []).append(text.replace("\t", " "))

    page.extract_text(visitor_text=visit)
    return [(y, "".join(parts).strip()) for y, parts in sorted(found.items(), reverse=True)]


def test_no_page_ends_with_a_heading(columbus_pdf: tuple[Path, list[str]]) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path, names = columbus_pdf
    headings = set(names) | SECTION_HEADINGS
    # pdftotext: pypdf takes half a minute over 150 pages of text
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) == len(PdfReader(path).pages) > 5
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        lines = [line for line in lines if not line.isdigit()]  # the page number out
        assert lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"
        if number > 1:  # a page starts an entry, or says whose entry it carries on
            first = lines[0].removesuffix(" (continued)")
            assert any(name.startswith(first) for name in headings), lines[0]  # long: wrapped


def test_without_a_place_the_entries_are_kept_with_their_names_too(
    qapp, curated: Directory, tmp_path: Path
) -> None:
    """No place: no sections, and entry names are one heading level up (h2, not h3)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    export_set = curated.export_set(SearchQuery(kinds=["support_group"], sort="name"))
    names = {e.resource.name for e in export_set.entries}
    path = tmp_path / "groups.pdf"
    export(path, export_set, pdf_renderer=write_pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 5
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        lines = [line for line in lines if not line.isdigit()]
        assert lines[-1] not in names, f"page {number} ends with the heading {lines[-1]!r}"
        if number > 1:
            first = lines[0].removesuffix(" (continued)")
            assert first and any(name.startswith(first) for name in names), lines[0]


def test_entries_have_clear_space_between_them(columbus_pdf: tuple[Path, list[str]]) -> None:
    path, names = columbus_pdf
    lines = _lines(PdfReader(path).pages[1])
    gaps = [above[0] - below[0] for above, below in itertools.pairwise(lines)]
    line_gap = statistics.median(gaps)
    before_names = [gaps[i - 1] for i, (_y, text) in enumerate(lines) if i and text in names]
    assert before_names, "the second page starts at least one entry"
    assert min(before_names) >= 1.8 * line_gap  # about a blank line more than between lines


def test_a_qr_code_beside_each_website_and_who_prepared_it(
    columbus_pdf: tuple[Path, list[str]],
) -> None:
    path, _names = columbus_pdf
    reader = PdfReader(path)
    first = reader.pages[0].extract_text().replace("\t", " ")
    assert "Prepared by Ana Ruiz, (614) 555-0100" in first
    assert "Chosen by" not in first
    for page in reader.pages[:6]:
        websites = page.extract_text().count("Website:")
        assert len(page.images) == websites
