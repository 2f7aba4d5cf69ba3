"""What a 211/HSDS import keeps is shown: hours, how to apply, fees, service types, all phones."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

from cbh_directory.domain.model import SearchQuery
from cbh_directory.exchange.export_set import ExportEntry, ExportSet
from cbh_directory.exchange.handout import handout_html
from cbh_directory.ui.details_pane import LinkButton

REAL = Path(__file__).resolve().parents[1] / "data" / "hsds" / "real"
SHOTS = os.environ.get("CBH_SHOTS")  # a folder: save screenshots there (for a person to look at)


def _labelled(window, name: str) -> QLabel:
    return next(x for x in window.details.findChildren(QLabel) if x.accessibleDescription() == name)


def test_imported_hours_application_and_service_types_are_shown(make_window, synthetic) -> None:
    synthetic.apply_import(synthetic.preview_import(REAL / "healthleads"))
    window = make_window(synthetic)
    window.show_resource("hsds-a0ja000000bhngciap")  # Concord Library
    hours = _labelled(window, "Hours").text()
    assert hours.splitlines() == [
        "Monday 12:00 pm - 9:00 pm",
        "Tuesday 10:00 am - 6:00 pm",
        "Wednesday 10:00 am - 6:00 pm",
        "Thursday 12:00 pm - 9:00 pm",
        "Friday 10:00 am - 5:00 pm",
        "Saturday 10:00 am - 5:00 pm",
        "Sunday 1:00 pm - 5:00 pm",
    ]
    assert _labelled(window, "How to apply").text().startswith("To get a library card:")
    assert _labelled(window, "Service types").text() == "GED and Adult Basic Education"
    links = {b.accessibleName(): b.full_text for b in window.details.findChildren(LinkButton)}
    assert links["Phone"] == "(914) 535-4344"
    if SHOTS:
        folder = Path(SHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        for width, height in ((1280, 800), (1024, 640)):
            window.resize(width, height)
            window.grab().save(str(folder / f"details-{width}x{height}.png"))
            bar = window.details.verticalScrollBar()
            bar.setValue(bar.maximum())
            window.grab().save(str(folder / f"details-{width}x{height}-scrolled.png"))
        font = window.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        window.setFont(font)
        window.resize(1280, 800)
        window.show_resource("hsds-a0ja000000bhngciap")
        window.grab().save(str(folder / "details-200pct-font.png"))
        bar = window.details.verticalScrollBar()
        bar.setValue(bar.maximum())
        window.grab().save(str(folder / "details-200pct-font-scrolled.png"))
        window.setFont(QApplication.font())
        tree = window.filter_panel.tree
        model = tree.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            tree.setExpanded(index, "Service type" in str(model.data(index)))
        window.resize(1280, 800)
        window.grab().save(str(folder / "filters-service-type.png"))


def test_the_handout_carries_hours_fees_how_to_apply_and_service_types(synthetic) -> None:
    synthetic.apply_import(synthetic.preview_import(REAL / "healthleads"))
    concord = synthetic.resource("hsds-a0ja000000bhngciap")
    page = handout_html(ExportSet(title="Libraries", criteria="", entries=[ExportEntry(concord)]))
    assert '<span class="label">Hours:</span> Monday 12:00 pm - 9:00 pm<br>Tuesday 10:00 am' in page
    assert '<span class="label">How to apply:</span> To get a library card:' in page
    assert '<span class="label">Service types:</span> GED and Adult Basic Education' in page
    found = synthetic.search(SearchQuery(text="Tutoring"))
    assert [h.resource.name for h in found.hits] == ["Concord Library Tutoring and Homework Help"]
