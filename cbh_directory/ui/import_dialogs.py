"""The two import dialogs: choosing which field each CSV column fills, and the preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import vocabulary as vocab
from ..domain.exports import COLUMN_LABELS
from ..domain.imports import IGNORE, CsvTable, ImportPreview
from ..domain.language import words
from ..domain.model import Resource
from . import colours
from .details_pane import plain_label


def _table(rows: int, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(rows, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class MappingDialog(QDialog):
    """One row per CSV column: its name, a sample value, and the field it fills."""

    def __init__(
        self, table: CsvTable, mapping: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import %s: match the columns") % table.source)
        self.setAccessibleName(self.tr("Match the columns"))
        intro = plain_label(
            self.tr(
                "Choose which field each column of the file fills. Columns set to “(skip)” are "
                "left out. The name is required; your choice is remembered for files with these "
                "columns."
            )
        )
        self.grid = QTableWidget(len(table.headers), 3)
        self.grid.setAccessibleName(self.tr("Columns"))
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Example"), self.tr("Fills the field")]
        )
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        sample = table.rows[0][1] if table.rows else []
        self.combos: dict[str, QComboBox] = {}
        for row, header in enumerate(table.headers):
            self.grid.setItem(row, 0, _item(header))
            self.grid.setItem(row, 1, _item(sample[row] if row < len(sample) else ""))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field for %s") % header)
            combo.addItem(self.tr("(skip)"), IGNORE)
            for field in Resource.field_names():
                combo.addItem(f"{COLUMN_LABELS.get(field, field)} ({field})", field)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header, IGNORE))))
            self.grid.setCellWidget(row, 2, combo)
            self.combos[header] = combo
        self.grid.resizeColumnToContents(0)
        self.grid.setColumnWidth(2, self.fontMetrics().averageCharWidth() * 34)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind for rows without one"))
        for term in vocab.KINDS:
            self.kind.addItem(words(term.label), term.id)
        self.kind.setCurrentIndex(self.kind.findData("local_service"))
        self.country = QLineEdit("US")
        self.country.setAccessibleName(self.tr("Country for rows without one"))
        self.country.setMaxLength(2)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {colours.error(self.palette()).name()};")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Kind when a row has none:"), self.kind)
        form.addRow(self.tr("Country when a row has none:"), self.country)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Preview"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.grid, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 30)

    def mapping(self) -> dict[str, str]:
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def accept(self) -> None:
        chosen = [f for f in self.mapping().values() if f]
        if "name" not in chosen:
            self.error.setText(self.tr("Choose the column that holds the name."))
            return
        if len(set(chosen)) != len(chosen):
            self.error.setText(self.tr("Two columns fill the same field; choose one of them."))
            return
        super().accept()


class PreviewDialog(QDialog):
    """New, changed (field by field), unchanged and rejected, before anything is written."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import %s") % preview.source)
        self.setAccessibleName(self.tr("Import preview"))
        summary = plain_label(f"{preview.source}: {preview.summary()}.")
        font = summary.font()
        font.setBold(True)
        summary.setFont(font)
        explain = plain_label(
            self.tr(
                "Nothing has been written yet. Apply writes all of it in one step, after a backup; "
                "Cancel leaves the directory as it is. Your lists, notes and local edits are kept."
            )
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Import details"))
        self.tabs.addTab(self._resources(preview), self.tr("New (%s)") % len(preview.new))
        self.tabs.addTab(self._changes(preview), self.tr("Changed (%s)") % len(preview.changed))
        self.tabs.addTab(self._rejected(preview), self.tr("Rejected (%s)") % len(preview.rejected))
        if preview.kept_local:
            self.tabs.addTab(
                self._kept(preview), self.tr("Your edits kept (%s)") % len(preview.kept_local)
            )
        if preview.notes:
            self.tabs.addTab(self._notes(preview), self.tr("Notes"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(
            self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(preview.has_changes)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(explain)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 32)

    def _resources(self, preview: ImportPreview) -> QWidget:
        table = _table(
            len(preview.new),
            [self.tr("Name"), self.tr("Kind"), self.tr("Id")],
            self.tr("New resources"),
        )
        for row, resource in enumerate(preview.new):
            table.setItem(row, 0, _item(resource.name))
            table.setItem(row, 1, _item(vocab.KIND_SHORT.get(resource.kind, resource.kind)))
            table.setItem(row, 2, _item(resource.id))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _changes(self, preview: ImportPreview) -> QWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(self.tr("Changed resources"))
        tree.setHeaderLabels(
            [self.tr("Resource / field"), self.tr("Now"), self.tr("After the import")]
        )
        for resource, changes in preview.changed:
            parent = QTreeWidgetItem([f"{resource.name} ({resource.id})", "", ""])
            for change in changes:
                parent.addChild(
                    QTreeWidgetItem([change.field, _text(change.old), _text(change.new)])
                )
            tree.addTopLevelItem(parent)
        tree.expandAll()
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _rejected(self, preview: ImportPreview) -> QWidget:
        table = _table(
            len(preview.rejected),
            [self.tr("Row"), self.tr("Field"), self.tr("Reason")],
            self.tr("Rejected rows"),
        )
        for row, rejection in enumerate(preview.rejected):
            table.setItem(row, 0, _item(rejection.row))
            table.setItem(row, 1, _item(rejection.field))
            table.setItem(row, 2, _item(rejection.reason))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # "file row N"
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    def _notes(self, preview: ImportPreview) -> QWidget:
        # Read from the top, one note a line; a long list scrolls instead of growing the dialog.
        text = QPlainTextEdit("\n".join(f"• {note}" for note in preview.notes))
        text.setReadOnly(True)
        text.setAccessibleName(self.tr("Import notes"))
        return text

    def _kept(self, preview: ImportPreview) -> QWidget:
        table = _table(
            len(preview.kept_local),
            [self.tr("Resource"), self.tr("Field"), self.tr("The file's value")],
            self.tr("Local edits kept"),
        )
        for row, (rid, field, value) in enumerate(preview.kept_local):
            table.setItem(row, 0, _item(rid))
            table.setItem(row, 1, _item(field))
            table.setItem(row, 2, _item(_text(value)))
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table


def _text(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)
