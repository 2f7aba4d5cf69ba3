"""View → Language: English or Spanish, remembered in the settings, applied at once."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from . import msgbox
from .i18n import TRANSLATIONS, chosen_language, set_language_setting

# Each language is named in itself, so a person who cannot read the current one still finds theirs.
NAMES = {"en": "English", "es": "Español"}


def add_language_menu(parent: QWidget, view: QMenu, settings: QSettings) -> QMenu:
    menu = view.addMenu(QCoreApplication.translate("language_menu", "Lan&guage"))
    group = QActionGroup(menu)
    current = chosen_language(settings)
    for code, name in NAMES.items():
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(partial(_choose, parent, settings, code))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _choose(parent: QWidget, settings: QSettings, code: str) -> None:
    set_language_setting(settings, code)
    if code == TRANSLATIONS.language:
        return
    from .main_window import MainWindow  # it builds this menu
    from .reopen import reopen_in_language

    if isinstance(parent, MainWindow) and reopen_in_language(parent, code) is not None:
        return
    msgbox.warn(
        parent,
        NAMES[code],
        # Said in the chosen language: that is the one the person can read.
        "The window will be in English the next time you open CBH Directory."
        if code == "en"
        else "La ventana estará en español la próxima vez que abra CBH Directory.",
        icon=msgbox.Icon.Information,
    )
