"""The import preview shows its notes from the top, one a line, and rejected rows in full."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTableWidget

from cbh_directory.domain.imports import ImportPreview, Rejection
from cbh_directory.ui.import_dialogs import PreviewDialog


def test_notes_read_from_the_top_and_rejected_rows_are_not_cut(qtbot) -> None:
    notes = [f"note number {n}" for n in range(40)]  # more than the tab's height holds
    where = "services.csv row 431"
    preview = ImportPreview(
        "export",
        "hsds",
        rejected=[Rejection(where, "id", "is empty, and so is the name: a blank row")],
        notes=notes,
    )
    dialog = PreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = {dialog.tabs.tabText(i): dialog.tabs.widget(i) for i in range(dialog.tabs.count())}

    text = tabs["Notes"]
    assert isinstance(text, QPlainTextEdit) and text.isReadOnly()
    assert text.toPlainText().splitlines() == [f"• {note}" for note in notes]
    assert text.verticalScrollBar().value() == 0  # scrolls, starting at the first note

    table = tabs["Rejected (1)"]
    assert isinstance(table, QTableWidget)
    needed = table.fontMetrics().horizontalAdvance(where)
    assert table.columnWidth(0) >= needed  # "services.csv row 431", not "services.csv …"
