"""The core's errors in the window's language: a Spanish window warns in Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from cbh_directory.domain import language
from cbh_directory.service import Directory
from cbh_directory.ui import msgbox
from cbh_directory.ui.i18n import TRANSLATIONS


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert TRANSLATIONS.install(qapp, "es")
    yield
    TRANSLATIONS.install(qapp, "en")


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(msgbox, "warn", lambda _p, title, text, **_kw: said.append((title, text)))
    return said


def test_importing_an_empty_csv_in_spanish_says_so_in_spanish(
    spanish: None, qtbot, make_window, curated: Directory, tmp_path: Path, warned: list
) -> None:
    empty = tmp_path / "familias.csv"
    empty.write_text("\n", encoding="utf-8")
    window = make_window(curated)
    window.data.import_path(empty)  # read in a worker thread: the message crosses a signal
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert warned == [("No se puede importar", "familias.csv está vacío")]


def test_a_file_the_app_cannot_import_is_refused_in_spanish(
    spanish: None, make_window, curated: Directory, tmp_path: Path, warned: list
) -> None:
    notes = tmp_path / "notas.docx"
    notes.write_text("hola", encoding="utf-8")
    window = make_window(curated)
    window.data.import_path(notes)
    assert len(warned) == 1
    title, text = warned[0]
    assert title == "No se puede importar"
    assert text.startswith("no se sabe cómo importar 'notas.docx': use un archivo .csv")


def test_an_unknown_list_in_spanish_names_the_lists_there_are(
    spanish: None, curated: Directory
) -> None:
    with pytest.raises(Exception) as refused:
        curated.list_info("Favoritas")
    assert refused.value.message.startswith("no hay ninguna lista llamada 'Favoritas'")
    assert "Favoritas" in str(refused.value) and str(refused.value).startswith("no list named")


def test_a_full_disk_is_explained_in_spanish(
    spanish: None, curated: Directory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from cbh_directory.domain.errors import CBHError
    from cbh_directory.domain.model import SearchQuery
    from cbh_directory.exchange import atomic

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(CBHError) as refused:
        curated.export_file(tmp_path / "grupos.csv", SearchQuery(text="CASK"))
    assert refused.value.message.endswith("grupos.csv: el disco está lleno")
    assert language.current() == "es"


def test_a_read_only_database_says_so_in_the_spanish_title(
    spanish: None, make_window, curated: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Directory, "read_only", property(lambda _self: True))
    assert make_window(curated).windowTitle() == "CBH Directory (solo lectura)"
