"""The window's language: English or Spanish, the app's .qm and Qt's own qtbase translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..domain import language as domain_language
from ..domain.lists import ListInfo
from ..paths import translations_dir

LANGUAGES = ("en", "es")  # English is the source language: it needs no .qm
SETTING = "display/language"  # "" follows the system locale


def system_language() -> str:
    """Spanish when the system locale is Spanish, else English."""
    return "es" if QLocale.system().language() == QLocale.Language.Spanish else "en"


def chosen_language(settings: QSettings) -> str:
    """The language the user chose in View → Language, or the system's."""
    value = str(settings.value(SETTING, "") or "")
    return value if value in LANGUAGES else system_language()


def set_language_setting(settings: QSettings, language: str) -> None:
    settings.setValue(SETTING, language if language in LANGUAGES else "")


class Translations:
    """Installs (and removes) the translators for one language on the application."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, app: QCoreApplication, language: str) -> bool:
        """Use `language` from now on; True if its translations loaded (English always does)."""
        self.remove(app)
        self.language = "en"
        domain_language.set_language("en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        if language == "en":
            return True
        ours = QTranslator(app)
        if not ours.load(f"cbh_directory_{language}", str(translations_dir())):
            return False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        for translator in (ours, qtbase) if qtbase.load(f"qtbase_{language}", qt_dir) else (ours,):
            app.installTranslator(translator)
            self._installed.append(translator)
        system = QLocale.system()
        same = system.language() == QLocale(language).language()
        QLocale.setDefault(system if same else QLocale(f"{language}_US"))
        self.language = language
        domain_language.set_language(language)
        return True

    def remove(self, app: QCoreApplication) -> None:
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()


def number(value: int) -> str:
    """A count written the way the chosen language writes numbers (1,234 or 1234)."""
    return QLocale().toString(value)


TRANSLATIONS = Translations()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation in `context` where it is defined; translate it where shown."""
    del context
    return text


def list_name(info: ListInfo) -> str:
    """A list's name as shown: the built-in Bookmarks list is named in the window's language."""
    return QCoreApplication.translate("lists", "Bookmarks") if info.is_bookmarks else info.name
