"""The details pane says how current an entry is: contacts with their source dates, the
sources' dates, people's checks, and what became of a closed or merged organisation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel

from cbh_directory.ui.details_pane import LinkButton


def _texts(window) -> list[str]:
    return [label.text() for label in window.details.findChildren(QLabel)]


def _labelled(window, name: str) -> QLabel:
    return next(x for x in window.details.findChildren(QLabel) if x.accessibleDescription() == name)


def test_every_contact_shows_what_it_is_for_and_its_source_date(make_window, curated) -> None:
    window = make_window(curated)
    window.show_resource("wisconsin-katie-beckett")
    links = {b.accessibleName(): b.full_text for b in window.details.findChildren(LinkButton)}
    assert links["Phone"] == "(888) 786-3246"
    assert links["Phone 2"] == "(608) 226-5420" and links["Phone 3"] == "(800) 362-3002"
    assert _labelled(window, "About Phone").text() == (
        "Katie Beckett eligibility specialists (apply by phone) · source dated 18 May 2023"
    )
    assert _labelled(window, "About Phone 3").text() == (
        "Medicaid Member Services · the source shows no date"
    )
    assert (
        _labelled(window, "How current this is")
        .text()
        .startswith("Information from sources dated May 2025, checked December 2026.")
    )


def test_an_old_contact_is_marked_with_its_year(make_window, curated) -> None:
    window = make_window(curated)
    window.show_resource("shine-charity")
    old = window.details.findChild(QLabel, "oldContact")
    assert old is not None and old.text() == "Main office · from a 2017 source — may have changed"


def test_undated_information_says_date_unknown_and_needs_review(make_window, curated) -> None:
    window = make_window(curated)
    window.show_resource("fnd-family-star")
    assert (
        _labelled(window, "How current this is")
        .text()
        .startswith("Date unknown — the sources show no date; check before relying on it.")
    )
    assert "Needs review: the date of this information is unknown." in _texts(window)


def test_a_merged_entry_points_to_its_successor(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    window.show_resource("pan-foundation")
    status = next(f for f in window.details.findChildren(QFrame) if f.accessibleName() == "Status")
    texts = [label.text() for label in status.findChildren(QLabel)]
    assert texts[0] == "Merged — reported by a source dated March 2026."
    successor = next(
        b for b in window.details.findChildren(LinkButton) if b.accessibleName() == "Successor"
    )
    assert successor.full_text == "Patient Advocate Foundation"
    qtbot.mouseClick(successor, Qt.MouseButton.LeftButton)
    assert window.details.hit is not None
    assert window.details.hit.resource.id == "patient-advocate-foundation"


def test_a_closed_entry_says_when_and_from_what_source(make_window, curated) -> None:
    curated.archive(["cure-cask"])  # archived here, not closed: no source to cite
    window = make_window(curated)
    window.show_resource("madisons-foundation")
    assert "Closed — reported by a source dated 7 November 2016." in _texts(window)
    window.show_resource("cure-cask")
    assert "Inactive: no longer operating, or archived by staff." in _texts(window)


def test_copy_contact_holds_every_number_with_its_date(make_window, curated) -> None:
    window = make_window(curated)
    window.show_resource("vermont-family-network")
    lines = window.details.copy_contact().splitlines()
    assert "Phone: (802) 876-5315 — Main office (from a 2020 source — may have changed)" in lines
    assert "Phone: (800) 800-4005 — Toll-free line (the source shows no date)" in lines
    assert "600 Blair Park Road, Suite 240" in lines
