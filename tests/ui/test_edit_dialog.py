"""The edit dialog leads the person to what needs fixing and completes what it safely can."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit

from cbh_directory.domain.model import Resource
from cbh_directory.domain.validation import normalise_resource
from cbh_directory.ui.edit_dialog import EditDialog

COUNTRIES = {"US": "United States", "GB": "United Kingdom"}


def _dialog(qtbot, saved: list[dict[str, Any]]) -> EditDialog:
    def save(changes: dict[str, Any]) -> Resource:
        resource = normalise_resource({"id": "new-one", **changes}, strict=True)
        saved.append(resource.to_dict())
        return resource

    dialog = EditDialog(None, save=save, countries=COUNTRIES)
    qtbot.addWidget(dialog)
    dialog.resize(700, 420)  # far shorter than the form: most fields are scrolled away
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _line(dialog: EditDialog, field: str) -> QLineEdit:
    widget = dialog.inputs[field]
    assert isinstance(widget, QLineEdit)
    return widget


def _in_view(dialog: EditDialog, field: str, *, error: bool = False) -> bool:
    widget = dialog.errors[field] if error else dialog.inputs[field]
    viewport = dialog.form_scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    bottom = top_left.y() + widget.height()
    return top_left.y() >= 0 and bottom <= viewport.height()


def test_saving_scrolls_to_and_focuses_the_first_field_in_red(qtbot) -> None:
    saved: list[dict[str, Any]] = []
    dialog = _dialog(qtbot, saved)
    _line(dialog, "name").setText("Columbus CASK Parents")
    _line(dialog, "email").setText("not an address")
    _line(dialog, "postal_code").setText("ABCDE")
    dialog.inputs["country"].setCurrentIndex(dialog.inputs["country"].findData("US"))
    dialog.inputs["name"].setFocus()
    assert not _in_view(dialog, "postal_code")  # the red field starts out of sight
    dialog.accept()
    assert saved == [] and dialog.isVisible()
    # the postal code comes before the email in the form: it is the first to fix
    assert _in_view(dialog, "postal_code")
    assert dialog.focusWidget() is dialog.inputs["postal_code"]
    assert dialog.errors["postal_code"].isVisibleTo(dialog)
    assert "Postal code" in dialog.message.text()


def test_a_web_address_without_a_scheme_gets_https_and_says_so(qtbot) -> None:
    saved: list[dict[str, Any]] = []
    dialog = _dialog(qtbot, saved)
    _line(dialog, "name").setText("Cure CASK")
    _line(dialog, "website").setText("www.curecask.org")
    _line(dialog, "website").editingFinished.emit()
    assert _line(dialog, "website").text() == "https://www.curecask.org"
    assert dialog.website_note.isVisibleTo(dialog)
    assert "https://" in dialog.website_note.text()
    dialog.accept()
    assert saved and saved[0]["website"] == "https://www.curecask.org"


def test_a_phone_with_letters_is_refused_with_the_digits_it_dials(qtbot) -> None:
    saved: list[dict[str, Any]] = []
    dialog = _dialog(qtbot, saved)
    _line(dialog, "name").setText("Cure CASK")
    _line(dialog, "phone").setText("555-CALL-NOW")
    dialog.accept()
    assert saved == []  # never silently stored as digits
    error = dialog.errors["phone"]
    assert error.isVisibleTo(dialog)
    assert "letters" in error.text() and "(555) 225-5669" in error.text()
    assert dialog.focusWidget() is dialog.inputs["phone"]
    qtbot.waitUntil(lambda: _in_view(dialog, "phone", error=True), timeout=2000)
    assert _in_view(dialog, "phone")
    _line(dialog, "phone").setText("(555) 225-5669")
    dialog.accept()
    assert saved and saved[0]["phone"] == "+15552255669"


def test_languages_take_codes_names_and_names_no_code_is_known_for(qtbot) -> None:
    saved: list[dict[str, Any]] = []
    dialog = _dialog(qtbot, saved)
    _line(dialog, "name").setText("Karen Community Center")
    _line(dialog, "languages").setText("en; Spanish; Karen")
    assert (
        "names"
        in _line(dialog, "languages").placeholderText() + _line(dialog, "languages").toolTip()
    )
    dialog.accept()
    assert saved and saved[0]["languages"] == ["en", "es", "Karen"]  # Karen kept as written
