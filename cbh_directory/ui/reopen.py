"""View → Language at once: the window is built again in the chosen language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from .i18n import TRANSLATIONS

if TYPE_CHECKING:
    from .main_window import MainWindow


def reopen_in_language(window: MainWindow, code: str) -> MainWindow | None:
    """A new window in `code` over the same database, where the old one was, with the same
    search words; the old one closes (it stays in memory until the app ends: whoever opened
    it may still hold it). Building anew reads every label, tooltip and accessible name
    through tr() again, which retranslating widget by widget could miss. None (and nothing
    changed) when the language's translations cannot be loaded."""
    from .main_window import MainWindow

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    text = window.search_bar.search_box.text()
    window.save_settings()  # the new window restores the splitters, columns and sort from these
    if not TRANSLATIONS.install(app, code):
        return None
    fresh = MainWindow(window.directory, window.settings)
    fresh.setGeometry(window.geometry())
    if window.isMaximized():
        fresh.showMaximized()
    else:
        fresh.show()
    fresh.search_bar.search_box.setText(text)
    window.close()
    return fresh
