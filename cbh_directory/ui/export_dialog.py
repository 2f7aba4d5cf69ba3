"""File → Export…: what to export, in which format and columns, on which paper, and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import language
from ..domain.exports import (
    COLUMN_LABELS,
    CONTACT_COLUMNS,
    EXTRA_COLUMNS,
    RESOURCE_COLUMNS,
    ExportOptions,
)
from ..domain.lists import ListInfo
from .i18n import QT_TRANSLATE_NOOP, list_name, number
from .language_menu import NAMES as LANGUAGE_NAMES

# (label, extension, csv for Excel)
FORMATS: tuple[tuple[str, str, bool], ...] = (
    (QT_TRANSLATE_NOOP("export_dialog", "Handout to print or give (PDF)"), ".pdf", False),
    (QT_TRANSLATE_NOOP("export_dialog", "Handout as a web page (HTML)"), ".html", False),
    (QT_TRANSLATE_NOOP("export_dialog", "Spreadsheet (CSV)"), ".csv", False),
    (QT_TRANSLATE_NOOP("export_dialog", "Spreadsheet for Excel (CSV)"), ".csv", True),
    (
        QT_TRANSLATE_NOOP("export_dialog", "Contacts for a phone or email program (vCard)"),
        ".vcf",
        False,
    ),
    (QT_TRANSLATE_NOOP("export_dialog", "CBH Directory data (JSON)"), ".json", False),
)


@dataclass(slots=True)
class ExportChoice:
    source: str  # results | selection | list
    list_id: int | None
    path: Path
    title: str
    options: ExportOptions
    include_notes: bool = False  # a staff copy of a handout
    prepared_by: str = ""
    language: str = "en"  # the handout's language


def default_paper() -> str:
    """Letter where Letter is used (the Americas), A4 elsewhere."""
    country = QLocale.system().territory()
    letter = {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
    }
    return "letter" if country in letter else "a4"


class ExportDialog(QDialog):
    def __init__(
        self,
        *,
        result_count: int,
        selected_count: int,
        lists: list[ListInfo],
        current_list: int | None,
        prepared_by: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setAccessibleName(self.tr("Export"))
        self._lists = lists

        self.results_radio = QRadioButton(
            self.tr("The current results (%s)") % number(result_count)
        )
        self.selection_radio = QRadioButton(
            self.tr("The selected rows (%s)") % number(selected_count)
        )
        self.selection_radio.setEnabled(selected_count > 0)
        self.list_radio = QRadioButton(self.tr("A list (choose it below)"))
        self.list_combo = QComboBox()
        self.list_combo.setAccessibleName(self.tr("List to export"))
        for info in lists:
            self.list_combo.addItem(f"{list_name(info)} ({info.count})", info.id)
        if current_list is not None:
            self.list_combo.setCurrentIndex(max(0, self.list_combo.findData(current_list)))
        group = QButtonGroup(self)
        for radio in (self.results_radio, self.selection_radio, self.list_radio):
            group.addButton(radio)
            radio.setAccessibleName(radio.text())
        if current_list is not None:
            self.list_radio.setChecked(True)
        elif selected_count > 1:
            self.selection_radio.setChecked(True)
        else:
            self.results_radio.setChecked(True)
        self.list_combo.activated.connect(lambda _i: self.list_radio.setChecked(True))

        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("Format"))
        for label, extension, excel in FORMATS:
            self.format_combo.addItem(
                QCoreApplication.translate("export_dialog", label), (extension, excel)
            )
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Support resources for the Rivera family"))
        self.notes_check = QCheckBox(self.tr("Include my notes (a staff copy)"))
        self.notes_check.setAccessibleName(self.tr("Include my notes"))
        self.notes_check.setToolTip(
            self.tr(
                "Leave this off for a family's copy: your notes on list entries, and the "
                "list's name, are printed only on a staff copy."
            )
        )
        self.prepared_edit = QLineEdit(prepared_by)
        self.prepared_edit.setAccessibleName(self.tr("Prepared by"))
        self.prepared_edit.setPlaceholderText(
            self.tr("Your name, and a phone or email to reach you")
        )
        self.paper_combo = QComboBox()
        self.paper_combo.setAccessibleName(self.tr("Paper size"))
        self.paper_combo.addItem(self.tr("Letter"), "letter")
        self.paper_combo.addItem("A4", "a4")
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(default_paper()))
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language of the handout"))
        for code, name in LANGUAGE_NAMES.items():  # each named in itself
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language.current()))

        self.columns = QListWidget()
        self.columns.setAccessibleName(self.tr("Columns"))
        for column in RESOURCE_COLUMNS + EXTRA_COLUMNS:
            item = QListWidgetItem(f"{COLUMN_LABELS.get(column, column)}  ({column})")
            item.setData(Qt.ItemDataRole.UserRole, column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if column in RESOURCE_COLUMNS else Qt.CheckState.Unchecked
            )
            self.columns.addItem(item)
        self.columns.setMinimumHeight(140)
        contact = QPushButton(self.tr("Contact columns"))
        contact.setAccessibleName(self.tr("Choose the contact columns"))
        contact.clicked.connect(lambda: self.check_columns(CONTACT_COLUMNS))
        everything = QPushButton(self.tr("All fields"))
        everything.setAccessibleName(self.tr("Choose all fields"))
        everything.clicked.connect(lambda: self.check_columns(RESOURCE_COLUMNS))
        column_buttons = QHBoxLayout()
        column_buttons.addWidget(contact)
        column_buttons.addWidget(everything)
        column_buttons.addStretch(1)
        self.columns_box = QWidget()
        columns_layout = QVBoxLayout(self.columns_box)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_layout.addWidget(self.columns)
        columns_layout.addLayout(column_buttons)

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("Save to"))
        self._suggested = ""  # the path the dialog itself last proposed
        browse = QPushButton(self.tr("Choose…"))
        browse.setAccessibleName(self.tr("Choose where to save"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        source = QVBoxLayout()
        source.addWidget(self.results_radio)
        source.addWidget(self.selection_radio)
        source.addWidget(self.list_radio)
        self.list_radio.setEnabled(bool(lists))
        self.list_combo.setEnabled(bool(lists))

        form = QFormLayout()
        form.addRow(self.tr("Export:"), source)
        form.addRow(self.tr("List:"), self.list_combo)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Prepared by:"), self.prepared_edit)
        form.addRow("", self.notes_check)
        form.addRow(self.tr("Paper:"), self.paper_combo)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Columns:"), self.columns_box)
        form.addRow(self.tr("Save to:"), path_row)
        self._form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        for radio in (self.results_radio, self.selection_radio, self.list_radio):
            radio.toggled.connect(lambda _on: self._suggest_path())
        self.path_edit.textChanged.connect(self._update_ok)
        self._format_changed()

    # -- behaviour

    def extension(self) -> tuple[str, bool]:
        extension, excel = self.format_combo.currentData()
        return str(extension), bool(excel)

    def check_columns(self, wanted: tuple[str, ...]) -> None:
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen_columns(self) -> list[str]:
        return [
            self.columns.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.columns.count())
            if self.columns.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _format_changed(self) -> None:
        extension, _excel = self.extension()
        handout = extension in (".pdf", ".html")
        self._form.setRowVisible(self.title_edit, handout)
        self._form.setRowVisible(self.prepared_edit, handout)
        self._form.setRowVisible(self.notes_check, handout)
        self._form.setRowVisible(self.paper_combo, extension == ".pdf")
        self._form.setRowVisible(self.language_combo, handout)
        self._form.setRowVisible(self.columns_box, extension == ".csv")
        self._suggest_path()

    def source(self) -> str:
        if self.list_radio.isChecked():
            return "list"
        return "selection" if self.selection_radio.isChecked() else "results"

    def _base_name(self) -> str:
        if self.source() == "list" and self.list_combo.currentIndex() >= 0:
            return self._lists[self.list_combo.currentIndex()].name
        return self.tr("support resources")

    def _suggest_path(self) -> None:
        """A name from the list (or 'support resources') until the person types their own;
        after that a change of format swaps only the extension."""
        extension, _ = self.extension()
        current = self.path_edit.text().strip()
        if current and current != self._suggested:
            path = Path(current)
            known = {ext for _label, ext, _excel in FORMATS}
            typed = path.with_suffix(extension) if path.suffix.lower() in known else None
            self._set_path(str(typed or Path(current + extension)), suggested=False)
            return
        folder = (
            Path(current).parent
            if current
            else Path(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or Path.home()
            )
        )
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in self._base_name())
        self._set_path(str(folder / f"{safe.strip() or 'export'}{extension}"), suggested=True)

    def _set_path(self, text: str, *, suggested: bool) -> None:
        self._suggested = text if suggested else ""
        self.path_edit.setText(text)

    def browse(self) -> None:
        extension, _ = self.extension()
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path_edit.text(), f"*{extension}"
        )
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != extension:
                path = path.with_suffix(extension)
            self.path_edit.setText(str(path))

    def _update_ok(self) -> None:
        self.export_button.setEnabled(bool(self.path_edit.text().strip()))

    def choice(self) -> ExportChoice:
        extension, excel = self.extension()
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower() != extension:
            path = path.with_suffix(extension)
        list_id = self.list_combo.currentData() if self.source() == "list" else None
        columns = self.chosen_columns() if extension == ".csv" else None
        return ExportChoice(
            source=self.source(),
            list_id=list_id,
            path=path,
            title=self.title_edit.text().strip(),
            language=str(self.language_combo.currentData()),
            options=ExportOptions(
                columns=columns or None, excel=excel, paper=self.paper_combo.currentData()
            ),
            include_notes=self.notes_check.isChecked(),
            prepared_by=self.prepared_edit.text().strip(),
        )
