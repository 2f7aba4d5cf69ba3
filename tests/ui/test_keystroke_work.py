"""What the GUI thread does for a keystroke: the results paint first; the details follow."""

from __future__ import annotations

from cbh_directory.service import Directory
from cbh_directory.ui.main_window import DETAILS_DELAY_MS

from .conftest import type_and_wait


def test_typing_paints_results_before_rebuilding_the_details(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    shown_then: list[str | None] = []
    window.results_shown.connect(
        lambda: shown_then.append(window.details.hit.resource.id if window.details.hit else None)
    )
    before = window.details.hit.resource.id
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search_bar.search_box.setText("Joubert")  # one change, one search
    first = window.model.hit(0).resource.id
    assert first == "jsrdf" != before
    assert shown_then[-1] == before  # not rebuilt while the results were being shown
    qtbot.waitUntil(
        lambda: window.details.hit is not None and window.details.hit.resource.id == first,
        timeout=DETAILS_DELAY_MS + 2000,
    )


def test_choosing_a_row_shows_its_details_at_once(qtbot, make_window, curated: Directory) -> None:
    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK")
    window.table.selectRow(1)
    assert window.details.hit is not None
    assert window.details.hit.resource.id == window.model.hit(1).resource.id
