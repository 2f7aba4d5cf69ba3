"""Resource → Check this group…: the article's questions about a group, in plain words, with
radio buttons (reachable by keyboard: Tab between questions, arrows between answers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.checkups import Checkup, make_checkup
from ..domain.describe import focus_labels
from ..domain.errors import CBHError, ValidationError
from ..domain.model import Resource

# What saving does: the answers (the profile's keys) and the author -> the stored check-up.
Save = Callable[[dict[str, Any], str], Checkup]


class CheckupDialog(QDialog):
    """One check-up of one group: new, or one's own to change (`checkup` given)."""

    def __init__(
        self,
        resource: Resource,
        save: Save,
        *,
        author: str = "",
        checkup: Checkup | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: Checkup | None = None
        self.setWindowTitle(
            self.tr("Change your check-up") if checkup else self.tr("Check this group")
        )
        self.setAccessibleName(self.windowTitle())
        self.errors: dict[str, QLabel] = {}

        intro = QLabel(
            self.tr(
                "What did you see of %s? Answer what you know; “I can't tell” is a good "
                "answer. Your check-up stays on this computer unless you share it."
            )
            % resource.name
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        moderation = [
            ("professional", self.tr("&Professionals (clinicians, trained staff)")),
            ("peer", self.tr("Trained peers or &volunteers, with written rules")),
            ("unmoderated", self.tr("&Nobody")),
            ("unknown", self.tr("I &can't tell")),
        ]
        activity = [
            ("high", self.tr("Within a &day")),
            ("moderate", self.tr("Within a &week")),
            ("low", self.tr("&Slower, or not at all")),
            ("unknown", self.tr("I can't te&ll")),
        ]
        self.moderation = self._question(self.tr("Who reviews posts?"), moderation, "moderation")
        self.activity = self._question(
            self.tr("How quickly did the last few questions get answers?"), activity, "activity"
        )
        listed = ", ".join(focus_labels(resource.focus)) or self.tr("no focus listed")
        self.focus = self._question(
            self.tr("Does its focus match what the directory says (%s)?") % listed,
            [
                ("yes", self.tr("&Yes")),
                ("no", self.tr("No — its &focus is:")),
                ("", self.tr("Not s&ure")),
            ],
            "focus_ok",
        )
        self.focus_note = QLineEdit()
        self.focus_note.setAccessibleName(self.tr("What its focus is"))
        self.focus_note.setPlaceholderText(self.tr("What the group is about"))
        focus_layout = self.focus[1].layout()
        if focus_layout is not None:
            focus_layout.addWidget(self.focus_note)
        self.errors["focus_note"] = self._error_label(self.focus[1])

        details = QWidget()
        form = QFormLayout(details)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.last_activity = QLineEdit()
        self.last_activity.setPlaceholderText(self.tr("YYYY-MM-DD, or leave empty"))
        self.last_activity.setAccessibleName(self.tr("When was the last post or meeting?"))
        self.checked_on = QLineEdit(QDate.currentDate().toString("yyyy-MM-dd"))
        self.checked_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.checked_on.setAccessibleName(self.tr("Checked on"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What you saw, in a few words (optional)"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.evidence = QLineEdit()
        self.evidence.setAccessibleName(self.tr("Evidence link"))
        self.evidence.setPlaceholderText(self.tr("https://… (optional)"))
        self.by = QLineEdit(author)
        self.by.setAccessibleName(self.tr("Your initials or name"))
        for key, label, widget in (
            ("last_activity", self.tr("When was the last post or &meeting?"), self.last_activity),
            ("on", self.tr("Checked &on:"), self.checked_on),
            ("note", self.tr("Not&e:"), self.note),
            ("evidence", self.tr("Evidence lin&k:"), self.evidence),
            ("by", self.tr("Your &initials or name:"), self.by),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            self.errors[key] = self._error_label(box)
            title = QLabel(label)
            title.setBuddy(widget)
            form.addRow(title, box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #a40000;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(intro)
        for group in (self.moderation, self.activity, self.focus):
            layout.addWidget(group[1])
        layout.addWidget(details)
        layout.addWidget(self.general_error)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.buttons)
        self._fit(body)
        if checkup is not None:
            self._fill(checkup)
        self.focus_note.setEnabled(self._chosen(self.focus) == "no")
        self.focus[0].idToggled.connect(
            lambda *_: self.focus_note.setEnabled(self._chosen(self.focus) == "no")
        )

    def _fit(self, body: QWidget) -> None:
        """As wide as the longest answer needs (large fonts too), as tall as the questions, both
        within the screen; what does not fit scrolls up and down, never sideways."""
        screen = self.screen().availableGeometry() if self.screen() else None
        lines = self.fontMetrics().lineSpacing()
        width = max(body.sizeHint().width() + 40, 36 * self.fontMetrics().averageCharWidth())
        height = body.sizeHint().height() + 3 * lines + 40
        if screen is not None:
            width = min(width, int(screen.width() * 0.95))
            height = min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    def _question(
        self, title: str, answers: list[tuple[str, str]], key: str
    ) -> tuple[QButtonGroup, QGroupBox, list[str]]:
        box = QGroupBox()
        box.setAccessibleName(title.replace("&", ""))
        column = QVBoxLayout(box)
        question = QLabel(title)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        font = QFont(question.font())
        font.setBold(True)
        question.setFont(font)
        column.addWidget(question)
        group = QButtonGroup(box)
        values = []
        for number, (value, label) in enumerate(answers):
            button = QRadioButton(label)
            button.setProperty("answer", value)
            group.addButton(button, number)
            column.addWidget(button)
            values.append(value)
        self.errors[key] = self._error_label(box)
        return group, box, values

    @staticmethod
    def _error_label(box: QWidget) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("color: #a40000;")
        label.setWordWrap(True)
        label.hide()
        layout = box.layout()
        if layout is not None:
            layout.addWidget(label)
        return label

    @staticmethod
    def _chosen(question: tuple[QButtonGroup, QGroupBox, list[str]]) -> str | None:
        group, _, values = question
        checked = group.checkedId()
        return values[checked] if checked >= 0 else None

    @staticmethod
    def _choose(question: tuple[QButtonGroup, QGroupBox, list[str]], value: str) -> None:
        group, _, values = question
        if value in values:
            button = group.button(values.index(value))
            if button is not None:
                button.setChecked(True)

    def _fill(self, checkup: Checkup) -> None:
        self._choose(self.moderation, checkup.moderation)
        self._choose(self.activity, checkup.activity)
        focus = {True: "yes", False: "no", None: ""}[checkup.focus_ok]
        self._choose(self.focus, focus)
        self.focus_note.setText(checkup.focus_note)
        self.last_activity.setText(checkup.last_activity)
        self.checked_on.setText(checkup.on)
        self.note.setPlainText(checkup.note)
        self.evidence.setText(checkup.evidence)
        self.by.setText(checkup.by)
        self.by.setReadOnly(True)

    def answers(self) -> dict[str, Any]:
        """The form's answers as the profile's keys."""
        focus = self._chosen(self.focus)
        return {
            "moderation": self._chosen(self.moderation) or "",
            "activity": self._chosen(self.activity) or "",
            "last_activity": self.last_activity.text().strip(),
            "focus_ok": {"yes": True, "no": False}.get(focus or ""),
            "focus_note": self.focus_note.text().strip() if focus == "no" else "",
            "note": self.note.toPlainText().strip(),
            "evidence": self.evidence.text().strip(),
            "on": self.checked_on.text().strip(),
        }

    def _missing(self) -> list[tuple[str, str]]:
        problems = []
        if self._chosen(self.moderation) is None:
            problems.append(("moderation", self.tr("Choose an answer (or “I can't tell”).")))
        if self._chosen(self.activity) is None:
            problems.append(("activity", self.tr("Choose an answer (or “I can't tell”).")))
        if not self.by.text().strip():
            problems.append(("by", self.tr("Your initials or a name, shown beside it.")))
        return problems

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Each problem under its field; the first field with one gets the focus."""
        for label in self.errors.values():
            label.hide()
        self.general_error.hide()
        shown: dict[str, list[str]] = {}
        for field, reason in problems:
            shown.setdefault(field if field in self.errors else "", []).append(reason)
        for field, reasons in shown.items():
            label = self.errors.get(field, self.general_error)
            label.setText("; ".join(reasons))
            label.show()
        if problems:
            first = problems[0][0]
            target = {
                "moderation": self.moderation[1],
                "activity": self.activity[1],
                "last_activity": self.last_activity,
                "evidence": self.evidence,
                "by": self.by,
                "note": self.note,
                "on": self.checked_on,
                "focus_note": self.focus_note,
            }.get(first)
            if isinstance(target, QGroupBox):
                buttons = target.findChildren(QRadioButton)
                if buttons:
                    buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
            elif target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Save through the service; a problem is shown beside its field and nothing closes."""
        problems = self._missing()
        if problems:  # say every problem at once, not the missing answers first
            trial = {**self.answers(), "by": self.by.text().strip() or "?"}
            for key in ("moderation", "activity"):
                trial[key] = trial[key] or "unknown"
            try:
                make_checkup("check", trial)
            except ValidationError as exc:
                problems += exc.problems
            self.show_problems(problems)
            return
        try:
            self.saved = self._save(self.answers(), self.by.text().strip())
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except CBHError as exc:
            self.show_problems([("", exc.message)])
            return
        super().accept()
