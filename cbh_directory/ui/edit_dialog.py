"""Adding or editing a resource: every field, validated on save, with the directory's own
value shown beside any field edited here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain import vocabulary as vocab
from ..domain.errors import CBHError, ValidationError
from ..domain.evidence import person_check
from ..domain.language import words
from ..domain.model import LIST_FIELDS, Resource
from ..domain.phones import display_phone
from ..domain.validation import complete_web_address
from . import colours
from .accessibility import announce
from .details_pane import plain_label
from .i18n import QT_TRANSLATE_NOOP

Save = Callable[[dict[str, Any]], Resource]

TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("edit_dialog", "Name")),
    ("alternate_names", QT_TRANSLATE_NOOP("edit_dialog", "Also known as")),
    ("service_area", QT_TRANSLATE_NOOP("edit_dialog", "Serves")),
    ("eligibility", QT_TRANSLATE_NOOP("edit_dialog", "Who it is for")),
    ("ages", QT_TRANSLATE_NOOP("edit_dialog", "Ages")),
    ("address", QT_TRANSLATE_NOOP("edit_dialog", "Street address")),
    ("city", QT_TRANSLATE_NOOP("edit_dialog", "City")),
    ("region", QT_TRANSLATE_NOOP("edit_dialog", "State / region")),
    ("postal_code", QT_TRANSLATE_NOOP("edit_dialog", "Postal code")),
    ("latitude", QT_TRANSLATE_NOOP("edit_dialog", "Latitude")),
    ("longitude", QT_TRANSLATE_NOOP("edit_dialog", "Longitude")),
    ("website", QT_TRANSLATE_NOOP("edit_dialog", "Website")),
    ("email", QT_TRANSLATE_NOOP("edit_dialog", "Email")),
    ("phone", QT_TRANSLATE_NOOP("edit_dialog", "Phone")),
    ("languages", QT_TRANSLATE_NOOP("edit_dialog", "Languages")),
    ("tags", QT_TRANSLATE_NOOP("edit_dialog", "Tags")),
    ("moderation_note", QT_TRANSLATE_NOOP("edit_dialog", "About its moderation")),
    ("activity_note", QT_TRANSLATE_NOOP("edit_dialog", "About its activity")),
    ("caveat", QT_TRANSLATE_NOOP("edit_dialog", "Please note")),
    ("last_verified", QT_TRANSLATE_NOOP("edit_dialog", "Last verified")),
)
HINTS: dict[str, str] = {
    "alternate_names": QT_TRANSLATE_NOOP("edit_dialog", "Other names, separated by ;"),
    "latitude": QT_TRANSLATE_NOOP("edit_dialog", "Empty: found from the city"),
    "longitude": QT_TRANSLATE_NOOP("edit_dialog", "Empty: found from the city"),
    "languages": QT_TRANSLATE_NOOP(
        "edit_dialog", "Codes or names separated by ;, e.g. en; es; Karen (kept as written)"
    ),
    "tags": QT_TRANSLATE_NOOP("edit_dialog", "Separated by ;"),
    "last_verified": QT_TRANSLATE_NOOP("edit_dialog", "YYYY-MM-DD"),
    "phone": QT_TRANSLATE_NOOP("edit_dialog", "As you would dial it, e.g. (614) 555-0100"),
    "website": "https://…",
}
CHOICES: dict[str, tuple[vocab.Term, ...]] = {
    "kind": vocab.KINDS,
    "format": vocab.FORMATS,
    "moderation": vocab.MODERATION,
    "activity": vocab.ACTIVITY,
    "cost": vocab.COSTS,
}


class EditDialog(QDialog):
    """`saved(resource)` fires after a successful save; problems are shown by their fields."""

    saved = Signal(object)

    def __init__(
        self,
        resource: Resource | None,
        *,
        save: Save,
        countries: dict[str, str],
        local_edits: dict[str, tuple[Any, Any]] | None = None,
        revert: Callable[[str], Resource] | None = None,
        checked_by: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._checked_by = checked_by or (lambda: "")
        self._check: dict[str, str] | None = None  # "Mark verified today": the signed check
        self.setWindowTitle(
            self.tr("Edit %s") % resource.name if resource else self.tr("New resource")
        )
        self.setAccessibleName(self.windowTitle())
        self._original = resource
        self._save = save
        self._revert = revert
        self._edits = local_edits or {}
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        base = resource or Resource(id="new", name="", kind="support_group")

        form = self.form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._add(form, "name", self.tr("Name"), self._line(base.name))
        self._add(form, "kind", self.tr("Kind"), self._combo("kind", base.kind))
        self._add(form, "focus", self.tr("Focus"), self._focus_list(base.focus))
        self._add(form, "description", self.tr("Description"), self._text(base.description))
        for field in ("format", "moderation", "activity", "cost"):
            label = {
                "format": self.tr("Format"),
                "moderation": self.tr("Moderation"),
                "activity": self.tr("Member activity"),
                "cost": self.tr("Cost"),
            }[field]
            self._add(form, field, label, self._combo(field, getattr(base, field)))
        self._add(form, "country", self.tr("Country"), self._country(countries, base.country))
        for field, label in TEXT_FIELDS:
            if field == "name":
                continue
            value = getattr(base, field)
            if field in LIST_FIELDS:
                value = "; ".join(value)
            elif field == "phone":
                value = display_phone(value, base.country)
            line = self._line("" if value is None else str(value))
            line.setPlaceholderText(QCoreApplication.translate("edit_dialog", HINTS.get(field, "")))
            self._add(form, field, QCoreApplication.translate("edit_dialog", label), line)
        sources = self._text("\n".join(base.sources))
        sources.setPlaceholderText(self.tr("Where the facts come from: one web address a line"))
        self._add(form, "sources", self.tr("Sources"), sources)
        self.archived = QCheckBox(self.tr("Archived: hide it from searches"))
        self.archived.setAccessibleName(self.tr("Archived"))
        self.archived.setChecked(base.status == "inactive")
        form.addRow("", self.archived)
        verified_today = QPushButton(self.tr("Mark verified today"))
        verified_today.setAccessibleName(self.tr("Mark verified today"))
        verified_today.clicked.connect(self.mark_verified_today)
        form.addRow("", verified_today)

        body = QWidget()
        body.setLayout(form)
        scroll = self.form_scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # not a Tab stop of its own: the first stop is the first field (it scrolls into view)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(self.tr("Fields"))
        self.labels = {field: form.labelForField(self.inputs[field]) for field in self.inputs}
        website = self.inputs["website"]
        assert isinstance(website, QLineEdit)
        website.editingFinished.connect(self._complete_website)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {colours.error(self.palette()).name()};")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        em = self.fontMetrics().averageCharWidth()
        screen = self.screen().availableGeometry()  # large text: never taller than the screen
        self.resize(
            min(em * 90, int(screen.width() * 0.95)),
            min(self.fontMetrics().height() * 40, int(screen.height() * 0.9)),
        )

    # -- building

    def _add(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label)
        self.inputs[field] = widget
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        if field in ("moderation", "activity", "format", "cost", "kind"):
            explain = plain_label("")  # full text colour: a dimmed hint was hard to read
            explain.setAccessibleDescription(self.tr("What this choice means"))
            combo = widget
            assert isinstance(combo, QComboBox)
            terms = {t.id: t for t in CHOICES[field]}

            def explain_choice(_index: int = 0, combo: QComboBox = combo) -> None:
                explain.setText(words(terms[combo.currentData()].explanation))

            combo.currentIndexChanged.connect(explain_choice)
            explain_choice()
            column.addWidget(explain)
        if field in self._edits:
            column.addLayout(self._source_row(field))
        if field == "website":
            self.website_note = plain_label("")
            self.website_note.hide()
            column.addWidget(self.website_note)
        error = QLabel()
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setStyleSheet(f"color: {colours.error(self.palette()).name()};")
        error.setWordWrap(True)
        error.hide()
        self.errors[field] = error
        column.addWidget(error)
        form.addRow(label + ":", column)
        row_label = form.labelForField(column)
        if isinstance(row_label, QLabel):
            row_label.setBuddy(widget)  # a screen reader names the field by its label

    def _complete_website(self) -> None:
        """A bare 'www.example.org' becomes https://www.example.org, and the person is told."""
        widget = self.inputs["website"]
        assert isinstance(widget, QLineEdit)
        text = widget.text().strip()
        completed = complete_web_address(text)
        if completed != text:
            widget.setText(completed)
            self.website_note.setText(self.tr("https:// was added in front of the address."))
            self.website_note.show()

    def _show_first_problem(self, fields: list[str]) -> None:
        """Scroll the first field with a problem (in the form's order) into view and focus it."""
        first = next(f for f in self.inputs if f in fields)
        widget = self.inputs[first]
        self._reveal(first)
        # The error labels just shown grow the form once the scroll area has laid it out
        # again: scroll once more then, so the reason under the field is in view too.
        QTimer.singleShot(0, lambda: self._reveal(first))
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reveal(self, field: str) -> None:
        widget = self.inputs[field]
        self.form_scroll.ensureWidgetVisible(self.labels.get(field) or widget)
        self.form_scroll.ensureWidgetVisible(widget)
        self.form_scroll.ensureWidgetVisible(self.errors[field])

    def _source_row(self, field: str) -> QHBoxLayout:
        _local, source = self._edits[field]
        shown = (
            "; ".join(source)
            if isinstance(source, list)
            else (self.tr("(empty)") if source in ("", None) else str(source))
        )
        note = plain_label(self.tr("Edited here. The directory says: %s") % shown)
        note.setAccessibleName(self.tr("Directory value for %s") % field)
        row = QHBoxLayout()
        row.addWidget(note, 1)
        if self._revert is not None:
            use = QPushButton(self.tr("Use the directory's value"))
            use.setAccessibleName(self.tr("Use the directory's value for %s") % field)
            use.clicked.connect(lambda: self._use_source(field))
            row.addWidget(use)
        return row

    def _line(self, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        return edit

    def _text(self, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        return edit

    def _combo(self, field: str, value: str) -> QComboBox:
        combo = QComboBox()
        for term in CHOICES[field]:
            combo.addItem(words(term.label), term.id)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        return combo

    def _country(self, countries: dict[str, str], value: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(none: international or not stated)"), "")
        for code, name in sorted(countries.items(), key=lambda item: item[1]):
            combo.addItem(f"{name} ({code})", code)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        return combo

    def _focus_list(self, chosen: list[str]) -> QListWidget:
        widget = QListWidget()
        for group in vocab.FOCUS_GROUPS:
            heading = QListWidgetItem(words(group.label))
            # enabled (full contrast, not greyed) but not selectable or checkable
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            widget.addItem(heading)
            for term in vocab.FOCUS_TERMS:
                if term.group != group.id:
                    continue
                item = QListWidgetItem(f"   {words(term.label)}")
                item.setData(Qt.ItemDataRole.UserRole, term.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if term.id in chosen else Qt.CheckState.Unchecked
                )
                widget.addItem(item)
        widget.setFixedHeight(self.fontMetrics().height() * 9)
        return widget

    # -- values

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for field, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                text = widget.text().strip()
                if field in LIST_FIELDS:
                    values[field] = [v.strip() for v in text.split(";") if v.strip()]
                elif field in ("latitude", "longitude"):
                    values[field] = text or None
                else:
                    values[field] = text
            elif isinstance(widget, QPlainTextEdit):
                text = widget.toPlainText()
                values[field] = (
                    [v.strip() for v in text.splitlines() if v.strip()]
                    if field == "sources"
                    else text.strip()
                )
            elif isinstance(widget, QComboBox):
                values[field] = widget.currentData()
            elif isinstance(widget, QListWidget):
                values[field] = [
                    widget.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked
                ]
        values["status"] = "inactive" if self.archived.isChecked() else "active"
        return values

    def changes(self) -> dict[str, Any]:
        """For an edit: only the fields that differ from the resource as it was."""
        values = self.values()
        if self._check is not None and values.get("last_verified") == self._check["date"]:
            found = self._original.to_dict()["evidence"] if self._original else {}
            found.setdefault("entry", []).append(self._check)
            values["evidence"] = found
        if self._original is None:
            return values
        original = self._original.to_dict()
        original["phone"] = display_phone(self._original.phone, self._original.country)
        changed = {}
        for field, value in values.items():
            before = original.get(field)
            if field in ("latitude", "longitude"):
                before = None if before is None else str(before)
            if value != before:
                changed[field] = value
        return changed

    def mark_verified_today(self) -> None:
        """Today's date, and on saving a check signed with the person's name or initials
        (evidence dated today, as "Mark Verified Today" records)."""
        widget = self.inputs["last_verified"]
        assert isinstance(widget, QLineEdit)
        today = dt.date.today().isoformat()
        widget.setText(today)
        if self._check is None:
            self._check = person_check(self._checked_by(), today)

    def _use_source(self, field: str) -> None:
        assert self._revert is not None
        try:
            resource = self._revert(field)
        except CBHError as exc:
            self.message.setText(exc.message)
            return
        self.saved.emit(resource)
        self.done(QDialog.DialogCode.Accepted)

    def accept(self) -> None:
        for field, error in self.errors.items():
            error.hide()
            self.inputs[field].setAccessibleDescription("")
        self.message.clear()
        self._complete_website()
        try:
            resource = self._save(self.changes())
        except ValidationError as exc:
            marked = []
            for field, reason in exc.problems:
                label = self.errors.get(field)
                if label is not None:
                    reason = words(reason)
                    label.setText("⚠ " + reason)  # a sign, not colour alone
                    label.show()
                    # the field itself carries its problem, for a screen reader on it
                    self.inputs[field].setAccessibleDescription(reason)
                    marked.append(field)
            if marked:
                self._show_first_problem(marked)
                first = next(f for f in self.inputs if f in marked)
                message = self.tr("Please correct the fields marked ⚠, starting with %s.") % (
                    self.inputs[first].accessibleName()
                )
            else:
                message = "; ".join(f"{f}: {r}" for f, r in exc.problems)
            self.message.setText(message)
            announce(self, message)
            return
        except CBHError as exc:
            self.message.setText(exc.message)
            return
        self.saved.emit(resource)
        super().accept()
