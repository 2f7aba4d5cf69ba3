"""Export and print from the window: the dialog, the worker and its progress, Cancel."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from cbh_directory.domain.exports import ExportOptions
from cbh_directory.domain.model import Resource
from cbh_directory.service import Directory
from cbh_directory.store.database import write_transaction
from cbh_directory.store.resources import upsert_resource
from cbh_directory.ui.export_dialog import ExportChoice, ExportDialog

from ..conftest import CURATED_ACTIVE
from .conftest import answer_dialogs, type_and_wait
from .test_lists_window import select


def test_the_dialog_offers_sources_formats_and_columns(qtbot, curated: Directory) -> None:
    family = curated.create_list("Rivera family")
    dialog = ExportDialog(
        result_count=CURATED_ACTIVE, selected_count=2, lists=curated.lists(), current_list=family.id
    )
    qtbot.addWidget(dialog)
    assert dialog.list_radio.isChecked()
    assert dialog.list_combo.currentData() == family.id
    dialog.format_combo.setCurrentIndex(3)  # CSV for Excel
    assert dialog.columns_box.isVisibleTo(dialog) and not dialog.paper_combo.isVisibleTo(dialog)
    dialog.check_columns(("name", "phone", "email"))
    choice = dialog.choice()
    assert choice.source == "list" and choice.list_id == family.id
    assert choice.path.name == "Rivera family.csv"
    assert choice.options.excel and choice.options.columns == ["name", "email", "phone"]
    dialog.format_combo.setCurrentIndex(0)  # PDF
    assert dialog.paper_combo.isVisibleTo(dialog) and not dialog.columns_box.isVisibleTo(dialog)
    dialog.results_radio.setChecked(True)
    assert dialog.choice().path.suffix == ".pdf"
    assert dialog.choice().path.name == "support resources.pdf"


def test_a_typed_file_name_survives_a_change_of_format(qtbot, curated: Directory) -> None:
    dialog = ExportDialog(
        result_count=CURATED_ACTIVE, selected_count=0, lists=[], current_list=None
    )
    qtbot.addWidget(dialog)
    folder = Path(dialog.path_edit.text()).parent
    dialog.path_edit.setText(str(folder / "Rivera family handout.pdf"))
    dialog.format_combo.setCurrentIndex(2)  # CSV
    assert dialog.path_edit.text() == str(folder / "Rivera family handout.csv")
    dialog.selection_radio.setChecked(True)  # choosing what to export keeps the name too
    dialog.format_combo.setCurrentIndex(4)  # vCard
    assert dialog.choice().path == folder / "Rivera family handout.vcf"
    dialog.path_edit.setText(str(folder / "for Ana"))  # typed without an extension
    dialog.format_combo.setCurrentIndex(1)  # HTML
    assert dialog.choice().path == folder / "for Ana.html"


def test_a_handout_leaves_notes_out_unless_asked_and_remembers_who_prepared_it(
    qtbot, make_window, curated, tmp_path: Path, monkeypatch
) -> None:
    window = make_window(curated)
    window.settings.prepared_by = "Ana Ruiz, (614) 555-0100"
    seen: list[ExportChoice] = []

    def fill(dialog: ExportDialog) -> bool:
        qtbot.addWidget(dialog)
        assert dialog.notes_check.isVisibleTo(dialog) and not dialog.notes_check.isChecked()
        assert dialog.prepared_edit.text() == "Ana Ruiz, (614) 555-0100"
        dialog.prepared_edit.setText("Ana Ruiz, ana@agency.example")
        dialog.path_edit.setText(str(tmp_path / "family.html"))
        dialog.format_combo.setCurrentIndex(1)  # HTML
        seen.append(dialog.choice())
        return True

    answer_dialogs(monkeypatch, {ExportDialog: fill})
    window.exports.ask_and_export()
    assert window.exports.job is not None and window.exports.job.wait(10_000)
    assert seen[0].include_notes is False
    assert window.settings.prepared_by == "Ana Ruiz, ana@agency.example"
    qtbot.waitUntil(lambda: (tmp_path / "family.html").exists(), timeout=10_000)
    text = (tmp_path / "family.html").read_text(encoding="utf-8")
    assert "Prepared by Ana Ruiz, ana@agency.example" in text


def _run(qtbot, window, choice: ExportChoice) -> str:
    job = window.exports.start(choice)  # its signals arrive through the GUI event loop
    with qtbot.waitSignal(job.finished, timeout=30_000) as done:
        pass
    return done.args[0]


def test_export_the_current_results_off_the_gui_thread(
    qtbot, make_window, curated, tmp_path: Path
) -> None:
    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK")
    path = tmp_path / "cask.csv"
    summary = _run(qtbot, window, ExportChoice("results", None, path, "", ExportOptions()))
    assert summary == f"Wrote {window.model.total} resources to {path}"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert {r["id"] for r in rows} == {
        h.resource.id for h in (window.model.hit(i) for i in range(window.model.rowCount()))
    }
    assert window.exports.job is not None and window.exports.job.wait(5000)
    assert "Wrote" in window.statusBar().currentMessage()


def test_export_selected_rows_as_a_handout(qtbot, make_window, curated, tmp_path: Path) -> None:
    window = make_window(curated)
    select(window, "cure-cask", "pacer")
    path = tmp_path / "two.html"
    _run(qtbot, window, ExportChoice("selection", None, path, "For Sam", ExportOptions()))
    text = path.read_text(encoding="utf-8")
    assert "<h1>For Sam</h1>" in text
    assert text.count("<h2>") == 2 and "Picked one by one from the directory." in text


def test_export_a_list_as_pdf(qtbot, make_window, curated, tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    family = curated.create_list("Rivera family")
    curated.add_to_list(family.id, ["pacer", "cure-cask"])
    curated.set_item_note(family.id, "pacer", "IEP on the 14th")
    window = make_window(curated)
    path = tmp_path / "rivera.pdf"
    staff = ExportChoice("list", family.id, path, "", ExportOptions(paper="a4"), True, "Ana Ruiz")
    _run(qtbot, window, staff)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Support resources: Rivera family" in text and "IEP on the 14th" in text
    assert "Prepared by Ana Ruiz" in text


def test_cancelling_a_big_export_leaves_no_file(
    qtbot, make_window, synthetic, tmp_path: Path, monkeypatch
) -> None:
    import time

    from cbh_directory.exchange import vcard

    real_card = vcard.card

    def slow_card(entry, export_set):  # about 6 s for 3,000 cards: time to press Cancel
        time.sleep(0.002)
        return real_card(entry, export_set)

    monkeypatch.setattr(vcard, "card", slow_card)
    with write_transaction(synthetic.db):  # SYNTHETIC: 3,000 generated resources
        for n in range(3000):
            upsert_resource(
                synthetic.db,
                Resource(
                    id=f"gen-{n:04d}",
                    name=f"Generated {n:04d}",
                    kind="support_group",
                    description="SYNTHETIC " * 40,
                ),
                origin="local",
            )
    window = make_window(synthetic)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "big.vcf"
    seen: list[tuple[int, int]] = []
    job = window.exports.start(ExportChoice("results", None, path, "", ExportOptions()))
    t0 = time.monotonic()
    job.progress.connect(
        lambda done, total: seen.append((done, total, round(time.monotonic() - t0, 3)))
    )
    job.progress.connect(lambda done, total: job.cancel() if done >= 30 else None)
    outcome: list[str] = []
    job.cancelled.connect(lambda: outcome.append("cancelled"))
    job.finished.connect(lambda summary: outcome.append(f"finished: {summary}"))
    job.failed.connect(lambda text: outcome.append(f"failed: {text}"))
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    assert outcome == ["cancelled"], (seen[:5], len(seen))
    assert seen and seen[-1][1] == 3007, seen
    assert list(folder.iterdir()) == []
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=2000)


def test_a_failed_export_says_why(qtbot, make_window, curated, tmp_path: Path) -> None:
    window = make_window(curated)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with qtbot.waitSignal(window.exports.message, timeout=10_000) as message:
        window.exports.start(ExportChoice("results", None, blocker / "x.csv", "", ExportOptions()))
    assert message.args[0].startswith("Export failed: cannot write")


def test_print_preview_renders_the_handout(
    qtbot, make_window, curated, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    window = make_window(curated)
    type_and_wait(qtbot, window, "ataxia")
    dialogs = []
    answer_dialogs(monkeypatch, {QPrintPreviewDialog: lambda d: dialogs.append(d) or False})
    window.exports.print_handout()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    dialog = dialogs[0]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    dialog.paintRequested.emit(printer)
    assert target.exists() and target.stat().st_size > 1000
    dialog.deleteLater()


def test_export_and_print_actions_have_standard_shortcuts(make_window, curated) -> None:
    from PySide6.QtGui import QKeySequence

    window = make_window(curated)
    assert window.exports.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.exports.export_action.shortcut().toString() == "Ctrl+E"


def test_the_dialog_chooses_the_handouts_language(
    qtbot, make_window, curated, tmp_path: Path
) -> None:
    dialog = ExportDialog(result_count=3, selected_count=0, lists=[], current_list=None)
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "en"  # the window's language
    dialog.format_combo.setCurrentIndex(2)  # CSV: no language to choose
    assert not dialog.language_combo.isVisibleTo(dialog)
    dialog.format_combo.setCurrentIndex(1)  # HTML
    assert dialog.language_combo.isVisibleTo(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    assert dialog.choice().language == "es"

    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK")
    path = tmp_path / "folleto.html"
    choice = ExportChoice("results", None, path, "", ExportOptions(), language="es")
    _run(qtbot, window, choice)
    text = path.read_text(encoding="utf-8")
    assert '<html lang="es">' in text and "Grupo de apoyo" in text
    assert window.details.isVisible() and "Support group" in window.model.data(
        window.model.index(0, 2)
    )  # the window itself stays in English
