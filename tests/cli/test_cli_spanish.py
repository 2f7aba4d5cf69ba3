"""The command line in Spanish: --lang es, or a Spanish locale; click's help stays English."""

from __future__ import annotations

from pathlib import Path

import pytest

from cbh_directory.domain import language

from .test_cli import run


@pytest.fixture
def db(curated_db: Path) -> str:
    return str(curated_db)


def test_search_results_chips_and_count_in_spanish(db: str) -> None:
    result = run("--db", db, "--lang", "es", "search", "CASK", "grupo", "de", "apoyo")
    assert result.code == 0, result.err
    assert 'Buscando: texto "CASK" + Tipo: Grupo de apoyo' in result.err
    assert result.out.splitlines()[0].split()[:3] == ["Nombre", "Tipo", "Enfoque"]
    assert "Grupo de apoyo" in result.out
    assert "recursos encontrados" in result.err and "matching" not in result.err


def test_no_results_guidance_in_spanish(db: str) -> None:
    result = run(
        "--db", db, "--lang", "es", "search", "CASK", "--kind", "support_group",
        "--format", "in_person", "--near", "Columbus, OH", "--radius", "10mi",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "Ningún recurso cumple todo esto a la vez: CASK; Grupo de apoyo; En persona" in (
        result.err
    )
    assert '  Sin "En persona": ' in result.err
    assert "Without" not in result.err


def test_errors_in_spanish_and_english_again_afterwards(db: str) -> None:
    result = run("--db", db, "--lang", "es", "search", "--near", "Atlantiss")
    assert result.code == 2
    assert result.err.startswith("cbh-directory: error: lugar desconocido: 'Atlantiss'")
    assert language.process_language() == "en"  # the next command starts from the default
    again = run("--db", db, "search", "--near", "Atlantiss")
    assert again.err.startswith("cbh-directory: error: unknown place: 'Atlantiss'")


@pytest.mark.parametrize(
    ("environ", "spanish"),
    [
        ({"LANG": "es_US.UTF-8"}, True),
        ({"LC_MESSAGES": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, True),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "es_ES.UTF-8"}, False),
        ({"LANG": "fr_FR.UTF-8"}, False),
        ({}, False),
    ],
)
def test_the_locale_chooses_the_language(
    db: str, monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], spanish: bool
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    result = run("--db", db, "search", "--kind", "nope")
    assert result.code == 2
    assert ("tipo: no se reconoce 'nope'" in result.err) is spanish, result.err


def test_lang_overrides_the_locale(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    result = run("--db", db, "--lang", "en", "search", "CASK")
    assert "matching resources" in result.err


def test_a_bad_import_file_is_refused_in_spanish(db: str, tmp_path: Path) -> None:
    empty = tmp_path / "familias.csv"
    empty.write_text("\n", encoding="utf-8")
    result = run("--db", db, "--lang", "es", "import", str(empty))
    assert result.code == 2
    assert result.err == "cbh-directory: error: familias.csv está vacío\n"


def test_help_says_it_stays_in_english(db: str) -> None:
    result = run("--lang", "es", "--help")
    assert result.code == 0
    assert "--lang" in result.out and "help text of the commands is in English" in result.out


def test_a_handout_follows_the_command_line_language(db: str, tmp_path: Path) -> None:
    page = tmp_path / "folleto.html"
    result = run("--db", db, "--lang", "es", "export", str(page), "CASK")
    assert result.code == 0, result.err
    assert 'lang="es"' in page.read_text(encoding="utf-8")


def test_the_place_is_named_with_its_country_in_spanish(db: str) -> None:
    result = run("--db", db, "--lang", "es", "search", "CASK", "cerca", "de", "Columbus,", "OH")
    assert result.code == 0, result.err
    assert "Cerca de: Columbus, OH, Estados Unidos" in result.err
    english = run("--db", db, "search", "CASK", "near", "Columbus,", "OH")
    assert "Near: Columbus, OH, United States" in english.err


def test_check_ups_in_spanish(db: str) -> None:
    shown = run("--db", db, "--lang", "es", "checks", "cure-cask")
    assert shown.code == 0, shown.err
    assert "  Moderación: " in shown.out and "Todavía no hay revisiones." in shown.out
    age = run("--db", db, "--lang", "es", "checks", "max-age")
    assert age.out.startswith("Una revisión vale durante ")
