"""The details pane: every field of the chosen resource, as plain text, with safe links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain import describe
from ..domain import vocabulary as vocab
from ..domain.contact_dates import ContactLine, contact_lines, shown_value
from ..domain.language import words
from ..domain.model import Hit, Resource
from ..domain.phones import tel_uri
from ..domain.service_area_words import service_area_text
from ..domain.status_words import status_line
from ..domain.validation import is_web_url
from ..domain.verification import verification
from . import accessibility, colours
from .access_rows import access_rows
from .flow_layout import FlowLayout
from .links import mailto, open_link, tel


def plain_label(text: str = "", *, wrap: bool = True, selectable: bool = True) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LinkButton(QPushButton):
    """A flat button that shows a link as plain text (elided to fit) and opens it only if safe."""

    def __init__(self, text: str, url: str, accessible: str) -> None:
        accessibility.install()  # before Qt first asks how to expose it
        super().__init__()
        self.url = url
        self._full_text = text
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(accessible)
        self.setAccessibleDescription(text)
        self.setToolTip(url)
        self.setStyleSheet("QPushButton { text-align: left; color: palette(link); padding: 2px; }")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)
        self._show_text(10_000)
        self.clicked.connect(lambda: open_link(self.url))

    @property
    def full_text(self) -> str:
        return self._full_text

    def _show_text(self, width: int) -> None:
        shown = self.fontMetrics().elidedText(self._full_text, Qt.TextElideMode.ElideRight, width)
        super().setText(shown.replace("&", "&&"))  # "&" would otherwise mark a shortcut key

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_text(max(20, self.width() - 10))


class NoteEdit(QPlainTextEdit):
    """A plain-text note that reports its text after a pause in typing and on leaving."""

    edited = Signal(str)

    def __init__(self, text: str, placeholder: str, accessible: str) -> None:
        super().__init__()
        self.setPlainText(text)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(accessible)
        self.setTabChangesFocus(True)
        self._saved = text
        self._timer = QTimer(self, singleShot=True, interval=600)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)
        lines = 4
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved:
            self._saved = text
            self.edited.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)


@dataclass(slots=True)
class ListContext:
    """What the details pane shows about lists for one resource."""

    bookmarked: bool = False
    lists: tuple[str, ...] = ()  # names of the user's lists holding it
    list_id: int | None = None  # the list being viewed, if any
    list_name: str = ""


class DetailsPane(QScrollArea):
    """Shows one search hit; `contact_copied` fires after "Copy contact"."""

    contact_copied = Signal(str)
    bookmark_toggled = Signal(str)  # resource id
    edit_requested = Signal(str)  # resource id
    item_note_edited = Signal(int, str, str)  # list id, resource id, note
    resource_requested = Signal(str)  # resource id: show this one (a merged entry's successor)

    def __init__(
        self,
        country_name: Callable[[str], str],
        parent: QWidget | None = None,
        successor_name: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._country_name = country_name
        self._successor_name = successor_name or (lambda resource_id: resource_id)
        self._hit: Hit | None = None
        self.units = "mi"
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Details"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("detailsPane")
        self._show_focus(False)
        self.setMinimumWidth(240)
        self._context = ListContext()
        self._note: NoteEdit | None = None
        # Set by the window: moderation and activity with check-ups, and sections below the
        # fields (the check-ups' history); by default the curated evidence alone.
        self.community_lines: Callable[[Resource], dict[str, str]] | None = None
        self.extra_sections: list[Callable[[Hit], QWidget | None]] = []
        self.show_hit(None)

    def _show_focus(self, shown: bool) -> None:
        """A 2 px outline while the pane has the keyboard focus (transparent otherwise, so
        nothing moves)."""
        colour = colours.focus(self.palette()).name() if shown else "transparent"
        self.setStyleSheet(f"QScrollArea#detailsPane {{ border: 2px solid {colour}; }}")

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._show_focus(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._show_focus(False)
        super().focusOutEvent(event)

    @property
    def hit(self) -> Hit | None:
        return self._hit

    def copy_contact(self) -> str:
        if self._hit is None:
            return ""
        resource = self._hit.resource
        text = describe.contact_block(resource, self._country_name(resource.country))
        QGuiApplication.clipboard().setText(text)
        self.contact_copied.emit(text)
        return text

    @property
    def note_editor(self) -> NoteEdit | None:
        return self._note

    def show_hit(self, hit: Hit | None, context: ListContext | None = None) -> None:
        context = context or ListContext()
        if (
            hit is not None
            and self._hit is not None
            and hit == self._hit
            and context == self._context
        ):
            return  # the same thing is already shown: keep it (and any text being typed)
        if self._note is not None:
            self._note.flush()  # keep what was typed before moving on
        self._note = None
        self._hit = hit
        # said with "Details" when the pane takes the focus: which resource it shows
        self.setAccessibleDescription(
            f"{hit.resource.name}, {describe.kind_label(hit.resource.kind)}" if hit else ""
        )
        self._context = context
        body = QWidget()
        body.setAccessibleName(self.tr("Resource details"))
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(8)
        if hit is None:
            hint = plain_label(
                self.tr(
                    "Choose a resource to see how to contact it, who it is for, and how its group "
                    "is run."
                )
            )
            hint.setEnabled(False)
            layout.addWidget(hint)
            layout.addStretch(1)
            self.setWidget(body)
            return
        r = hit.resource
        title = plain_label(r.name)
        title.setObjectName("detailsTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleDescription(self.tr("Name"))
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        if hit.in_directory:
            heading.addWidget(self._star_button(r.id), 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(heading)
        if not hit.in_directory:
            layout.addWidget(
                self._warning(
                    self.tr(
                        "This resource is no longer in the directory. Your list keeps its last "
                        "known name and contact details below; check them before using them."
                    ),
                    "",
                )
            )
            layout.addLayout(self._contact_row(hit))
            layout.addLayout(self._list_section(hit))
            layout.addStretch(1)
            self.setWidget(body)
            return
        subtitle = describe.kind_label(r.kind)
        if hit.distance_km is not None:
            subtitle += " · " + describe.distance_text(hit.distance_km, self.units) + " away"
        layout.addWidget(plain_label(subtitle))
        if r.status != "active":
            layout.addWidget(self._status_box(hit))
        if r.focus:
            layout.addLayout(self._chips(r.focus))
        checked = verification(r)
        if r.caveat or checked.needs_review:
            layout.addWidget(self._warning(describe.caveat_text(r), checked.review))
        if r.description:
            about = plain_label(describe.description_text(r))
            about.setAccessibleDescription(self.tr("About"))
            layout.addWidget(about)
        how_current = plain_label("\n".join([checked.sentence, *checked.checks]))
        how_current.setObjectName("verification")
        how_current.setAccessibleDescription(self.tr("How current this is"))
        layout.addWidget(how_current)
        layout.addLayout(self._contact_row(hit))
        layout.addLayout(self._list_section(hit))
        layout.addLayout(self._fields(hit))
        for make_section in self.extra_sections:
            section = make_section(hit)
            if section is not None:
                layout.addWidget(section)
        layout.addStretch(1)
        self.setWidget(body)

    def _star_button(self, resource_id: str) -> QPushButton:
        starred = self._context.bookmarked
        button = QPushButton(self.tr("★ Bookmarked") if starred else self.tr("☆ Bookmark"))
        button.setCheckable(True)
        button.setChecked(starred)
        button.setAccessibleName(self.tr("Bookmark"))
        button.setToolTip(self.tr("Add to or remove from Bookmarks (Ctrl+D)"))
        button.clicked.connect(lambda: self.bookmark_toggled.emit(resource_id))
        return button

    def _list_section(self, hit: Hit) -> QLayout:
        """Which lists hold it; in a list, when it was added and the note on it."""
        column = QVBoxLayout()
        column.setSpacing(4)
        context = self._context
        if context.lists:
            column.addWidget(plain_label(self.tr("In your lists: ") + ", ".join(context.lists)))
        entry = hit.entry
        if entry is not None and context.list_id is not None:
            added = entry.added_at[:10] if entry.added_at else self.tr("an unknown date")
            column.addWidget(plain_label(self.tr("Added to %s on %s") % (context.list_name, added)))
            note = NoteEdit(
                entry.note,
                self.tr("Your note about this for %s (who you called, what they said)…")
                % context.list_name,
                self.tr("Note on this item"),
            )
            list_id, resource_id = context.list_id, hit.resource.id
            note.edited.connect(lambda text: self._note_edited(list_id, resource_id, text))
            self._note = note
            column.addWidget(note)
        return column

    def _note_edited(self, list_id: int, resource_id: str, text: str) -> None:
        if (
            self._hit is not None
            and self._hit.entry is not None
            and self._hit.resource.id == resource_id
        ):
            self._hit.entry.note = text
        self.item_note_edited.emit(list_id, resource_id, text)

    def _chips(self, focus: list[str]) -> QLayout:
        flow = FlowLayout(spacing=4)
        for term_id in focus:
            term = vocab.FOCUS_BY_ID.get(term_id)
            chip = plain_label(words(term.label) if term else term_id, wrap=False, selectable=False)
            chip.setObjectName("focusChip")
            chip.setStyleSheet(
                "QLabel#focusChip { background: palette(alternate-base); border: 1px solid "
                "palette(mid); border-radius: 9px; padding: 1px 8px; }"
            )
            group = vocab.FOCUS_GROUP_BY_ID.get(term.group) if term else None
            chip.setToolTip(f"{group.label[:-1] if group else self.tr('Focus')}: {chip.text()}")
            chip.setAccessibleDescription(self.tr("Focus"))
            flow.addWidget(chip)
        return flow

    def _warning(self, caveat: str, stale: str) -> QWidget:
        box = QFrame()
        box.setObjectName("caveat")
        box.setStyleSheet(
            "QFrame#caveat { background: #fff4e0; border: 1px solid #e0b060; border-radius: 4px; }"
            "QFrame#caveat QLabel { color: #4a3000; }"
        )
        inner = QVBoxLayout(box)
        inner.setContentsMargins(8, 6, 8, 6)
        if stale:
            inner.addWidget(plain_label(stale))
        if caveat:
            inner.addWidget(plain_label(caveat))
        box.setAccessibleName(self.tr("Please note"))
        return box

    def _contact_row(self, hit: Hit) -> QLayout:
        r = hit.resource
        column = QVBoxLayout()
        column.setSpacing(0)
        if r.website:
            if is_web_url(r.website):
                column.addWidget(LinkButton(r.website, r.website, self.tr("Website")))
            else:
                column.addWidget(plain_label(f"Website: {r.website}"))
        counts: dict[str, int] = {}
        for line in contact_lines(r):
            counts[line.channel] = counts.get(line.channel, 0) + 1
            self._add_contact(column, line, r.country, counts[line.channel])
        copy = QPushButton(self.tr("Copy contact"))
        copy.setAccessibleName(self.tr("Copy contact"))
        copy.setToolTip(self.tr("Copy the name, place and contact details as plain text"))
        copy.clicked.connect(self.copy_contact)
        row = QHBoxLayout()
        row.addWidget(copy)
        if hit.in_directory:
            edit = QPushButton(self.tr("Edit…"))
            edit.setAccessibleName(self.tr("Edit this resource"))
            edit.setToolTip(self.tr("Correct or add details (Ctrl+Shift+E)"))
            edit.clicked.connect(lambda: self.edit_requested.emit(r.id))
            row.addWidget(edit)
        row.addStretch(1)
        column.addLayout(row)
        return column

    def _add_contact(self, column: QVBoxLayout, line: ContactLine, country: str, n: int) -> None:
        """One phone, email or address, then what it is for and the date its source shows."""
        name = {"phone": self.tr("Phone"), "email": self.tr("Email")}.get(
            line.channel, self.tr("Address")
        )
        accessible = name if n == 1 else f"{name} {n}"
        shown = shown_value(line, country)
        link: str | None = None
        if line.channel == "phone":
            link = tel_uri(line.value) or tel(line.value)
        elif line.channel == "email":
            link = mailto(line.value)
        if link:
            column.addWidget(LinkButton(shown, link, accessible))
        else:
            value = plain_label(f"{name}: {shown}")
            value.setContentsMargins(3, 0, 0, 0)  # in line with the links' text
            value.setAccessibleDescription(accessible)
            column.addWidget(value)
        parts = [p for p in (line.label, line.dating) if p]
        if parts:
            caption = plain_label(" · ".join(parts))
            caption.setObjectName("oldContact" if line.old else "contactSource")
            caption.setAccessibleDescription(self.tr("About %s") % accessible)
            caption.setContentsMargins(6, 0, 0, 4)
            if line.old:
                warning = colours.warning(self.palette()).name()
                caption.setStyleSheet(f"QLabel#oldContact {{ color: {warning}; }}")
            column.addWidget(caption)

    def _status_box(self, hit: Hit) -> QWidget:
        """Closed or merged: what became of it, the source's date, and its successor."""
        r = hit.resource
        found = status_line(r)
        box = QFrame()
        box.setObjectName("status")
        box.setStyleSheet(
            "QFrame#status { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; }"
        )
        inner = QVBoxLayout(box)
        inner.setContentsMargins(8, 6, 8, 6)
        if found is not None:
            heading = plain_label(found.heading)
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            inner.addWidget(heading)
            if found.note:
                inner.addWidget(plain_label(found.note))
            if found.successor:
                name = self._successor_name(found.successor)
                inner.addWidget(plain_label(self.tr("Its work continues at:")))
                button = LinkButton(name, "", self.tr("Successor"))
                button.setToolTip(self.tr("Show %s") % name)  # its url "" opens nothing
                successor = found.successor
                button.clicked.connect(lambda: self.resource_requested.emit(successor))
                inner.addWidget(button)
        box.setAccessibleName(self.tr("Status"))
        return box

    def _fields(self, hit: Hit) -> QLayout:
        r = hit.resource
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        community = (
            self.community_lines(r)
            if self.community_lines is not None
            else {"moderation": describe.moderation_text(r), "activity": describe.activity_text(r)}
        )
        rows = [
            (self.tr("Moderation"), community["moderation"]),
            (describe.activity_label(r), community["activity"]),
            (self.tr("Format"), describe.format_label(r)),
            (self.tr("Languages"), ", ".join(vocab.language_label(c) for c in r.languages)),
            (self.tr("Cost"), describe.cost_label(r)),
            (self.tr("Who it is for"), r.eligibility),
            *access_rows(r),  # what an HSDS import keeps (hours, fees, applying, service types)
            (self.tr("Ages"), r.ages),
            (self.tr("Serves"), service_area_text(r)),
            (self.tr("Based in"), describe.place_text(r, self._country_name(r.country))),
            (self.tr("Also known as"), ", ".join(r.alternate_names)),
            (self.tr("Tags"), ", ".join(r.tags)),
        ]
        for label, value in rows:
            if value:
                field = plain_label(value)
                field.setAccessibleDescription(label)
                form.addRow(plain_label(label + ":", wrap=False, selectable=False), field)
        if r.sources:
            sources = QVBoxLayout()
            sources.setSpacing(0)
            for number, url in enumerate(r.sources, 1):
                if is_web_url(url):
                    sources.addWidget(
                        LinkButton(_short_url(url), url, self.tr("Source %s") % number)
                    )
                else:
                    sources.addWidget(plain_label(url))
            form.addRow(plain_label(self.tr("Sources:"), wrap=False, selectable=False), sources)
        return form


def _short_url(url: str, limit: int = 48) -> str:
    text = url.split("://", 1)[-1]
    return text if len(text) <= limit else text[: limit - 1] + "…"
