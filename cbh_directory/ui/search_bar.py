"""The bar above the results: the search box, and where ("near", radius, online groups)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ..domain.errors import CBHError, PlaceNotFoundError
from ..domain.model import Place, SearchQuery
from ..domain.validation import KM_PER_MILE
from . import colours
from .accessibility import announce

RADII = (10, 25, 50, 100, 250, 500)
DEFAULT_RADIUS = 100


class SearchBar(QWidget):
    """Emits `text_changed` as the user types and `location_changed` when the place changes."""

    text_changed = Signal(str)
    location_changed = Signal()

    def __init__(
        self,
        lookup: Callable[[str], list[Place]],
        complete: Callable[[str], list[Place]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._complete = complete
        self._place: Place | None = None
        self._completions: dict[str, Place] = {}
        self.units = "mi"

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Search groups, organizations, aid, guides… (e.g. CASK, Joubert, IEP)")
        )
        self.search_box.setClearButtonEnabled(True)
        name_clear_button(self.search_box, self.tr("Clear the search"))
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setAccessibleDescription(
            self.tr("Type words to search names, descriptions and focus")
        )
        self.search_box.textChanged.connect(self.text_changed)

        self.place_box = QLineEdit()
        self.place_box.setPlaceholderText(self.tr("ZIP code, City, ST or City, Country"))
        self.place_box.setClearButtonEnabled(True)
        name_clear_button(self.place_box, self.tr("Clear the place"))
        self.place_box.setAccessibleName(self.tr("Near place"))
        self.place_box.setMinimumWidth(180)
        self._completion_model = QStringListModel(self)
        completer = QCompleter(self._completion_model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._pick)
        self.place_box.setCompleter(completer)
        self._complete_timer = QTimer(self, singleShot=True, interval=120)
        self._complete_timer.timeout.connect(self._refresh_completions)
        self.place_box.textEdited.connect(lambda _text: self._complete_timer.start())
        self.place_box.returnPressed.connect(self.commit_place)
        self.place_box.textChanged.connect(self._maybe_cleared)

        self.radius = QComboBox()
        self.radius.setAccessibleName(self.tr("Radius"))
        for value in RADII:
            self.radius.addItem(str(value), value)
        self.radius.setCurrentIndex(RADII.index(DEFAULT_RADIUS))
        self.radius.currentIndexChanged.connect(self._changed_if_placed)
        self.units_label = QLabel("mi")
        self.units_label.setAccessibleDescription(self.tr("Units"))
        self._describe_radius()

        self.online = QCheckBox(self.tr("Include online groups"))
        self.online.setAccessibleName(self.tr("Include online groups"))
        self.online.setToolTip(
            self.tr(
                "Keep groups that meet online when they serve this place: its country, and its "
                "state or region when the group names one"
            )
        )
        self.online.setChecked(SearchQuery().include_online)
        self.online.toggled.connect(self._changed_if_placed)

        self.place_status = QLabel()
        self.place_status.setTextFormat(Qt.TextFormat.PlainText)
        self.place_status.setAccessibleDescription(self.tr("Place status"))
        self.place_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.place_status.setWordWrap(False)

        near_label = QLabel(self.tr("&Near:"))
        near_label.setBuddy(self.place_box)
        within = QLabel(self.tr("within"))
        within.setBuddy(self.radius)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(near_label)
        row.addWidget(self.place_box, 2)
        row.addWidget(within)
        row.addWidget(self.radius)
        row.addWidget(self.units_label)
        row.addSpacing(8)
        row.addWidget(self.online)
        row.addWidget(self.place_status, 3)

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 4)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.search_box, 0, 0)
        grid.addLayout(row, 1, 0)

    # -- location

    @property
    def place(self) -> Place | None:
        return self._place

    @property
    def radius_km(self) -> float:
        value = float(self.radius.currentData())
        return value * KM_PER_MILE if self.units == "mi" else value

    @property
    def include_online(self) -> bool:
        return self.online.isChecked()

    def set_units(self, units: str) -> None:
        self.units = units
        self.units_label.setText(units)
        self._describe_radius()
        self._changed_if_placed()

    def _describe_radius(self) -> None:
        # Orca said "within combo box, 100" and never the unit, which is a label beside it.
        self.radius.setAccessibleDescription(
            self.tr("miles") if self.units == "mi" else self.tr("kilometres")
        )

    def set_radius(self, value: int) -> None:
        index = self.radius.findData(value)
        if index >= 0:
            self.radius.setCurrentIndex(index)

    def _refresh_completions(self) -> None:
        text = self.place_box.text().strip()
        places = self._complete(text) if len(text) >= 2 else []
        self._completions = {p.label: p for p in places}
        self._completion_model.setStringList(list(self._completions))
        if places and self.place_box.hasFocus():
            self.place_box.completer().complete()

    def _pick(self, label: str) -> None:
        place = self._completions.get(label)
        if place is not None:
            self._set_place(place)
        else:
            self.commit_place()

    def _place_error(self, exc: CBHError) -> str:
        """Why the place was not found, in the window's language."""
        if not isinstance(exc, PlaceNotFoundError):
            return exc.message
        if exc.suggestions:
            return self.tr("Unknown place: %s. Did you mean: %s?") % (
                exc.query,
                "; ".join(exc.suggestions),
            )
        return self.tr("Unknown place: %s. Try a US ZIP code, City, ST or City, Country.") % (
            exc.query
        )

    def commit_place(self) -> None:
        """Resolve what is typed in the place box (Enter, or leaving it)."""
        text = self.place_box.text().strip()
        if not text:
            self._set_place(None)
            return
        if self._place is not None and text == self._place.label:
            return
        picked = self._completions.get(text)
        try:
            found = [picked] if picked else self._lookup(text)
        except CBHError as exc:
            self._place = None
            message = self._place_error(exc)
            self.place_status.setText(message)
            announce(self.place_status, message)
            self.place_status.setStyleSheet(f"color: {colours.error(self.palette()).name()};")
            self.place_status.setToolTip(message)
            self.location_changed.emit()
            return
        self._set_place(found[0], others=found[1:])

    def set_place_text(self, text: str) -> None:
        """Restore a saved place without emitting, resolving it quietly."""
        self.place_box.blockSignals(True)
        self.place_box.setText(text)
        self.place_box.blockSignals(False)
        try:
            self._place = self._lookup(text)[0] if text else None
        except CBHError:
            self._place = None
        self._show_place([])

    def _set_place(self, place: Place | None, others: list[Place] | None = None) -> None:
        self._place = place
        if place is not None:
            self.place_box.blockSignals(True)
            self.place_box.setText(place.label)
            self.place_box.blockSignals(False)
        self._show_place(others or [])
        self.location_changed.emit()

    def _show_place(self, others: list[Place]) -> None:
        """After a lookup, name the other places with that name, so a wrong guess is visible."""
        self.place_status.setStyleSheet("")
        labels = [_short(p) for p in others]
        self.place_status.setText(
            self.tr("Also: ") + "; ".join(labels[:3]) + ("…" if len(labels) > 3 else "")
            if labels
            else ""
        )
        self.place_status.setToolTip("\n".join(labels[:20]))

    def _maybe_cleared(self, text: str) -> None:
        if not text and self._place is not None:
            self._set_place(None)
        elif not text:
            self.place_status.setText("")

    def stop(self) -> None:
        """No more lookups (the window is closing)."""
        self._complete_timer.stop()

    def _changed_if_placed(self, *_args: object) -> None:
        if self._place is not None:
            self.location_changed.emit()


def _short(place: Place) -> str:
    return place.label.removesuffix(", United States")


def name_clear_button(field: QLineEdit, name: str) -> None:
    """Qt's clear button in a text field has no name: Orca's review read "push button"."""
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(name)
