"""The window reads phrases as removable chips, and never leaves an empty table unexplained."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui.results_model import DISTANCE

from .conftest import names, type_and_wait


def test_a_phrase_becomes_a_removable_chip(qtbot, make_window, curated: Directory) -> None:
    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK support group")
    expected = curated.count(SearchQuery(text="CASK", kinds=["support_group"]))
    assert window.model.total == expected > 0
    assert {"Cure CASK", "Project CASK"} <= set(names(window))
    chips = window.feedback.chips.findChildren(QToolButton)
    assert [c.text() for c in chips] == ["Kind: Support group  ✕"]
    assert window.feedback.isVisible() and not window.feedback.guidance_area.isVisible()
    assert window.session.query.kinds == []  # the panel's own filters are untouched
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        chips[0].click()
    qtbot.waitUntil(lambda: window.model.query.text == "CASK")
    assert window.search_bar.search_box.text() == "CASK"
    assert window.model.total == curated.count(SearchQuery(text="CASK")) > expected
    assert not window.feedback.isVisible()


def test_online_groups_say_online_when_the_typed_words_name_the_place(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK support group near Columbus, OH")
    model = window.model
    row = model.row_of("cure-cask")  # an online group: no distance to give
    assert row >= 0 and model.hit(row).distance_km is None
    assert model.data(model.index(row, DISTANCE)) == "online"


def test_an_empty_result_says_what_excluded_everything(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    type_and_wait(qtbot, window, "CASK peer moderated")
    qtbot.waitUntil(lambda: window.feedback.guidance_area.isVisible())
    text = window.feedback.guidance.text()
    without_peer = curated.count(SearchQuery(text="CASK"))
    without_cask = curated.count(SearchQuery(moderation=["peer"]))
    assert "No resources match all of: CASK; Peer moderated." in text
    assert f"without “Peer moderated”: {without_peer}" in text
    assert f"without “CASK”: {without_cask}" in text
    assert "closest partial matches" in text
    # The table holds the partial matches, and the status bar says they are partial.
    assert window.model.total > 0 and "Cure CASK" in names(window)
    assert window.count_label.text().startswith("No exact matches;")


def test_online_groups_serving_only_another_country_leave_a_place_search(
    qtbot, make_window, curated: Directory
) -> None:
    window = make_window(curated)
    bar = window.search_bar
    assert bar.online.isChecked()
    qtbot.keyClicks(bar.place_box, "Columbus, OH")
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        bar.commit_place()
    shown = set(names(window))
    assert "Cure CASK" in shown  # online, serves the US
    assert "CASK Research UK" not in shown and "SWAN Australia" not in shown
