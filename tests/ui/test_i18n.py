"""The window in Spanish: the .ts is complete and compiled, menus and Qt's own dialogs translate."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from cbh_directory.paths import translations_dir
from cbh_directory.ui.i18n import TRANSLATIONS, chosen_language, set_language_setting

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "cbh_directory_es.ts"
QM = ROOT / "resources" / "translations" / "cbh_directory_es.qm"


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert TRANSLATIONS.install(qapp, "es")
    yield
    TRANSLATIONS.install(qapp, "en")


def _messages() -> list[tuple[str, str, list[str]]]:
    """(context, source, translations): one translation, or each plural form."""
    root = ET.parse(TS).getroot()
    found = []
    for ctx in root.iter("context"):
        for m in ctx.iter("message"):
            translation = m.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            found.append(
                (
                    ctx.findtext("name") or "",
                    m.findtext("source") or "",
                    forms or [translation.text or ""],
                )
            )
    return found


def test_lupdate_finds_no_unfinished_spanish_string(tmp_path: Path) -> None:
    """Every tr() string in the code is in the .ts with a Spanish translation."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "cbh_directory" / "ui").glob("*.py"))
    run = subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none"],
        capture_output=True,
        text=True,
        check=True,
    )
    new = re.search(r"\((\d+) new and", run.stdout)
    assert new is not None and new.group(1) == "0", run.stdout
    unfinished = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")
        if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_the_compiled_qm_matches_the_ts() -> None:
    """The committed .qm was built from the committed .ts (run `make translations`)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [
        (context, source)
        for context, source, forms in _messages()
        if translator.translate(context, source, None, 1 if len(forms) > 1 else -1) != forms[0]
    ]
    assert stale == []


def test_placeholders_survive_translation() -> None:
    for _context, source, forms in _messages():
        for translation in forms:
            assert sorted(re.findall(r"%\d|%s|%n", source)) == sorted(
                re.findall(r"%\d|%s|%n", translation)
            ), source


def test_the_qm_is_found_where_the_app_looks() -> None:
    assert (translations_dir() / QM.name).exists()


def test_language_follows_the_setting_then_the_system(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    system = "es" if QLocale.system().language() == QLocale.Language.Spanish else "en"
    assert chosen_language(settings) == system
    set_language_setting(settings, "es")
    assert chosen_language(settings) == "es"
    set_language_setting(settings, "en")
    assert chosen_language(settings) == "en"


def _menus(menu: QMenu) -> Iterator[QMenu]:
    yield menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menus(action.menu())


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _assert_unique_mnemonics(window) -> None:
    bar = window.menuBar()
    tops = [_mnemonic(a.text()) for a in bar.actions()]
    assert len(tops) == len(set(tops)), tops
    for top in bar.actions():
        for menu in _menus(top.menu()):
            menu.aboutToShow.emit()
            keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
            keys = [k for k in keys if k]
            assert len(keys) == len(set(keys)), (menu.title(), [a.text() for a in menu.actions()])


def test_menus_have_no_duplicate_mnemonic_in_english(make_window, curated) -> None:
    _assert_unique_mnemonics(make_window(curated))


@pytest.mark.usefixtures("spanish")
def test_the_window_in_spanish(make_window, curated) -> None:
    window = make_window(curated)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Archivo", "&Edición", "&Recurso", "&Listas", "&Ver", "Ay&uda"]
    _assert_unique_mnemonics(window)
    english = {source for _c, source, _forms in _messages()}
    for top in window.menuBar().actions():
        for menu in _menus(top.menu()):
            for action in menu.actions():
                assert action.text() not in english or action.text() in {"Zip (*.zip)", "Id"}
    assert window.search_bar.search_box.placeholderText().startswith("Buscar grupos")
    assert window.count_label.text().endswith(" recursos")


@pytest.mark.usefixtures("spanish")
def test_qt_standard_buttons_are_spanish_too() -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Cerrar"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


@pytest.mark.usefixtures("spanish")
def test_errors_are_spanish_too(qtbot, make_window, curated) -> None:
    from PySide6.QtCore import Qt as _Qt

    window = make_window(curated)
    bar = window.search_bar
    qtbot.keyClicks(bar.place_box, "Columbs, OH")
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        qtbot.keyClick(bar.place_box, _Qt.Key.Key_Return)
    assert bar.place_status.text().startswith("Lugar desconocido: Columbs, OH. ¿Quiso decir: ")
