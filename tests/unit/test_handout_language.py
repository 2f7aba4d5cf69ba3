"""Handouts in Spanish and accessible: lang, headings in order, Spanish text, PDF metadata."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from cbh_directory.cli.main import cli
from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui.handout_pdf import write_pdf


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def _outline(text: str) -> _Outline:
    outline = _Outline()
    outline.feed(text)
    return outline


def _headings_in_order(levels: list[int]) -> bool:
    """Starts at h1 and never skips a level going down."""
    return bool(levels) and levels[0] == 1 and all(b <= a + 1 for a, b in pairwise(levels))


@pytest.mark.parametrize("near", [False, True])
def test_the_html_handout_declares_its_language_and_its_headings_are_in_order(
    curated: Directory, tmp_path: Path, near: bool
) -> None:
    query = SearchQuery(text="CASK")
    if near:
        query = SearchQuery(near=curated.resolve_place("Columbus, OH"), radius_km=400)
    for language in ("en", "es"):
        path = tmp_path / f"{language}-{near}.html"
        curated.export_file(path, query, language=language)
        outline = _outline(path.read_text(encoding="utf-8"))
        assert outline.lang == language
        assert _headings_in_order(outline.levels), outline.levels


def test_a_spanish_handout_is_in_spanish_except_names_and_marked_english(
    curated: Directory, tmp_path: Path
) -> None:
    path = tmp_path / "folleto.html"
    curated.export_file(path, SearchQuery(text="CASK"), language="es")
    text = path.read_text(encoding="utf-8")
    assert "<title>Recursos de apoyo</title>" in text
    assert "Preparada el " in text and "Grupo de apoyo" in text
    assert "Esta lista es solo informativa" in text
    for english in ("Support group", "Prepared ", "Chosen by", "This list is for information"):
        assert english not in text
    # the curated Spanish description is used (not the English one)
    cask = curated.find("cure-cask") or next(
        h.resource for h in curated.search(SearchQuery(text="Cure CASK")).hits
    )
    assert cask.description_es and cask.description_es[:40] in text.replace("&#x27;", "'")
    assert cask.description[:40] not in text


def test_english_is_still_the_default(curated: Directory, tmp_path: Path) -> None:
    path = tmp_path / "handout.html"
    curated.export_file(path, SearchQuery(text="CASK"))
    text = path.read_text(encoding="utf-8")
    assert 'lang="en"' in text and "Support group" in text and "(en inglés)" not in text


def test_cli_export_lang_es(curated_db: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CBH_DIRECTORY_DB", str(curated_db))
    path = tmp_path / "folleto.html"
    result = CliRunner().invoke(cli, ["export", str(path), "CASK", "--lang", "es"])
    assert result.exit_code == 0, result.output
    assert 'lang="es"' in path.read_text(encoding="utf-8")


def test_the_pdf_has_title_author_and_language(qapp, curated: Directory, tmp_path: Path) -> None:
    if not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils (pdfinfo) is not installed")
    path = tmp_path / "folleto.pdf"
    curated.export_file(path, SearchQuery(text="CASK"), language="es", pdf_renderer=write_pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Title:\s+Recursos de apoyo$", info, re.M)
    assert re.search(r"^Author:\s+CBH Directory$", info, re.M)
    meta = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True).stdout
    assert "<dc:language><rdf:Bag><rdf:li>es</rdf:li></rdf:Bag></dc:language>" in meta


def test_a_page_that_carries_an_entry_on_says_so_in_the_handouts_language(
    qapp, curated: Directory, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    pages = {}
    for code in ("en", "es"):
        path = tmp_path / f"handout-{code}.pdf"
        query = SearchQuery(kinds=["support_group"], sort="name")
        curated.export_file(path, query, language=code, pdf_renderer=write_pdf)
        pages[code] = [page.extract_text() for page in PdfReader(path).pages]
    carried = [i for i, text in enumerate(pages["en"]) if "(continued)" in text]
    assert carried, "some support group's entry runs onto a second page"
    assert not any("(continued)" in text for text in pages["es"])
    assert any("(continuación)" in text for text in pages["es"])
