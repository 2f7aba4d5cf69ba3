"""Every colour the window sets itself is readable in a light and a dark theme (WCAG AA)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from cbh_directory.ui import colours

Role = QPalette.ColorRole


def _dark() -> QPalette:
    """KDE Breeze Dark's colours, a common dark theme on Linux."""
    palette = QPalette()
    for role, colour in {
        Role.Window: "#31363b",
        Role.WindowText: "#eff0f1",
        Role.Base: "#232629",
        Role.AlternateBase: "#31363b",
        Role.Text: "#eff0f1",
        Role.Button: "#31363b",
        Role.ButtonText: "#eff0f1",
        Role.Highlight: "#3daee9",
        Role.HighlightedText: "#eff0f1",
        Role.Link: "#1d99f3",
        Role.PlaceholderText: "#7f8c8d",
        Role.Mid: "#5f6265",
    }.items():
        palette.setColor(role, QColor(colour))
    return palette


def _light(qapp: QApplication) -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_windows_own_colours_meet_wcag_aa(qapp, theme: str) -> None:
    system = _light(qapp) if theme == "light" else _dark()
    palette = colours.apply(system)
    base, window = palette.color(Role.Base), palette.color(Role.Window)
    ratios = {
        "stale date": colours.contrast(colours.warning(palette), base),
        "error": colours.contrast(colours.error(palette), window),
        "zero-count filter value": colours.contrast(colours.dimmed(palette), base),
        "star": colours.contrast(colours.star(palette), base),
        "placeholder": colours.contrast(palette.color(Role.PlaceholderText), base),
        "link": colours.contrast(palette.color(Role.Link), window),
        "selected row text": colours.contrast(
            palette.color(Role.HighlightedText), palette.color(Role.Highlight)
        ),
        "caveat box": colours.contrast(QColor("#4a3000"), QColor("#fff4e0")),
    }
    low = {what: round(ratio, 2) for what, ratio in ratios.items() if ratio < 4.5}
    assert low == {}
    outlines = {
        "focus": colours.contrast(colours.focus(palette), base),
        "focus in a selected row": colours.contrast(
            colours.focus(palette, selected=True), palette.color(Role.Highlight)
        ),
        "check box outline on its inside": colours.contrast(colours.indicator(palette), base),
        "check box outline on the page": colours.contrast(colours.indicator(palette), window),
    }
    assert {what: r for what, r in outlines.items() if r < 3.0} == {}


def test_the_system_palette_unfixed_would_fail(qapp) -> None:
    """The check is real: Qt's defaults alone miss AA where the issue found them missing."""
    light = _light(qapp)
    disabled = light.color(QPalette.ColorGroup.Disabled, Role.Text)
    assert colours.contrast(disabled, light.color(Role.Base)) < 3
    assert colours.contrast(light.color(Role.HighlightedText), light.color(Role.Highlight)) < 4.5
    assert colours.contrast(colours.WARNING_HUE, _dark().color(Role.Base)) < 4.5
    for palette in (light, _dark()):  # Fusion's check box outline: the window colour darkened
        fusion_outline = palette.color(Role.Window).darker(140).lighter(110)
        assert colours.contrast(fusion_outline, palette.color(Role.Base)) < 3


def test_wcag_formula() -> None:
    assert colours.contrast(QColor("black"), QColor("white")) == pytest.approx(21)
    assert colours.contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert colours.readable(QColor("#777777"), QColor("white")).name() != "#777777"
