"""View → Language applies at once: the window comes back in the chosen language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from cbh_directory.domain import language
from cbh_directory.service import Directory
from cbh_directory.ui.i18n import TRANSLATIONS
from cbh_directory.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _back_to_english(qapp: QApplication) -> Iterator[None]:
    yield
    TRANSLATIONS.install(qapp, "en")


def _choose(window: MainWindow, name: str) -> MainWindow:
    (action,) = [a for a in window.findChildren(QAction) if a.text() == name]
    action.trigger()
    shown = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert len(shown) == 1
    return shown[0]


def test_choosing_spanish_shows_the_window_in_spanish_at_once(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    window.search_bar.search_box.setText("CASK")
    assert window.menuBar().actions()[0].text() == "&File"

    spanish = _choose(window, "Español")
    qtbot.addWidget(spanish)
    assert spanish is not window and not window.isVisible()
    assert spanish.menuBar().actions()[0].text() == "&Archivo"
    assert spanish.search_bar.search_box.text() == "CASK"
    assert language.current() == "es"  # the core's words too: kinds, errors, countries
    assert spanish.country_name("DE") == "Alemania"
    qtbot.waitUntil(lambda: spanish.model.rowCount() > 0, timeout=10_000)

    english = _choose(spanish, "English")
    qtbot.addWidget(english)
    assert english.menuBar().actions()[0].text() == "&File"
    assert language.current() == "en"
