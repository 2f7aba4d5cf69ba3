"""What the window remembers between sessions, kept with QSettings."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..domain.model import SearchQuery

ORGANIZATION = "CBH Directory"
APPLICATION = "cbh-directory"


def app_settings() -> QSettings:
    """The user's settings in the platform's usual place."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


class WindowSettings:
    """Typed access to the keys the main window uses."""

    def __init__(self, settings: QSettings) -> None:
        self.qt = settings

    def _get(self, key: str, default: Any) -> Any:
        value = self.qt.value(key, default)
        return default if value is None else value

    @property
    def units(self) -> str:
        units = str(self._get("display/units", "mi"))
        return units if units in ("mi", "km") else "mi"

    @units.setter
    def units(self, units: str) -> None:
        self.qt.setValue("display/units", units)

    def bytes(self, key: str) -> QByteArray | None:
        value = self.qt.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.qt.setValue(key, value)

    @property
    def filters(self) -> dict[str, list[str]]:
        try:
            data = json.loads(str(self._get("search/filters", "{}")))
        except ValueError:
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            str(k): [str(v) for v in values]
            for k, values in data.items()
            if isinstance(values, list)
        }

    @filters.setter
    def filters(self, filters: dict[str, list[str]]) -> None:
        self.qt.setValue("search/filters", json.dumps({k: v for k, v in filters.items() if v}))

    @property
    def place(self) -> str:
        return str(self._get("search/place", ""))

    @place.setter
    def place(self, text: str) -> None:
        self.qt.setValue("search/place", text)

    @property
    def radius(self) -> int:
        try:
            return int(self._get("search/radius", 100))
        except (TypeError, ValueError):
            return 100

    @radius.setter
    def radius(self, value: int) -> None:
        self.qt.setValue("search/radius", value)

    @property
    def include_online(self) -> bool:
        default = "true" if SearchQuery().include_online else "false"  # one default for all
        return str(self._get("search/include_online", default)).lower() == "true"

    @include_online.setter
    def include_online(self, value: bool) -> None:
        self.qt.setValue("search/include_online", "true" if value else "false")

    @property
    def list_id(self) -> int | None:
        try:
            value = self._get("search/list", "")
            return int(value) if str(value) else None
        except (TypeError, ValueError):
            return None

    @list_id.setter
    def list_id(self, value: int | None) -> None:
        self.qt.setValue("search/list", "" if value is None else str(value))

    @property
    def initials(self) -> str | None:
        """The user's name or initials, signed on the checks they record; None until asked."""
        if not self.qt.contains("user/initials"):
            return None
        return str(self._get("user/initials", ""))

    @initials.setter
    def initials(self, text: str) -> None:
        self.qt.setValue("user/initials", text)

    @property
    def prepared_by(self) -> str:
        """'Ana Ruiz, (614) 555-0100': printed on handouts as "Prepared by …"."""
        return str(self._get("handout/prepared_by", ""))

    @prepared_by.setter
    def prepared_by(self, text: str) -> None:
        self.qt.setValue("handout/prepared_by", text)

    @property
    def welcome_seen(self) -> bool:
        """The first-run welcome was closed with "Don't show this again"."""
        return str(self._get("help/welcome_seen", "false")).lower() == "true"

    @welcome_seen.setter
    def welcome_seen(self, value: bool) -> None:
        self.qt.setValue("help/welcome_seen", "true" if value else "false")

    def sync(self) -> None:
        self.qt.sync()
