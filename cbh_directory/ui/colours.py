"""The colours the window sets itself, derived from the palette so they stay readable
(WCAG AA: 4.5:1 for text, 3:1 for focus outlines) in light and dark themes alike."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

TEXT_MINIMUM = 4.5
OUTLINE_MINIMUM = 3.0
Role = QPalette.ColorRole

# What each colour should look like where there is room: amber for "check this", red for errors.
WARNING_HUE = QColor("#9a5b00")
ERROR_HUE = QColor("#b00020")
STAR_HUE = QColor("#a86f00")


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def flatten(colour: QColor, background: QColor) -> QColor:
    """A translucent colour as it appears over `background`."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21 (`a` may be translucent over `b`)."""
    light, dark = sorted((luminance(flatten(a, b)), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: QColor, background: QColor, minimum: float = TEXT_MINIMUM) -> QColor:
    """`colour`, darkened on a light background or lightened on a dark one (hue kept) just
    enough to reach `minimum` contrast with `background`."""
    colour = flatten(colour, background)
    if contrast(colour, background) >= minimum:
        return colour
    towards_white = luminance(background) < 0.18
    hue, saturation, lightness = colour.hslHueF(), colour.hslSaturationF(), colour.lightnessF()
    for step in range(1, 101):
        shade = (
            lightness + (1 - lightness) * step / 100
            if towards_white
            else lightness * (1 - step / 100)
        )
        candidate = QColor.fromHslF(max(hue, 0.0), saturation, shade)
        if contrast(candidate, background) >= minimum:
            return candidate
    return QColor("white" if towards_white else "black")


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() * share_of_a + b.redF() * (1 - share_of_a),
        a.greenF() * share_of_a + b.greenF() * (1 - share_of_a),
        a.blueF() * share_of_a + b.blueF() * (1 - share_of_a),
    )


def warning(palette: QPalette) -> QColor:
    """Text that asks for a check (an old "last verified" date)."""
    return readable(WARNING_HUE, palette.color(Role.Base))


def error(palette: QPalette) -> QColor:
    """An error under a field or a place that was not found."""
    return readable(ERROR_HUE, palette.color(Role.Window))


def star(palette: QPalette) -> QColor:
    return readable(STAR_HUE, palette.color(Role.Base))


def dimmed(palette: QPalette) -> QColor:
    """Quieter text (a filter value with no results, a gone list item) that is still readable."""
    base = palette.color(Role.Base)
    return readable(_mix(palette.color(Role.Text), base, 0.55), base)


def placeholder(palette: QPalette) -> QColor:
    return readable(palette.color(Role.PlaceholderText), palette.color(Role.Base))


def link(palette: QPalette) -> QColor:
    return readable(palette.color(Role.Link), palette.color(Role.Window))


def selection(palette: QPalette) -> QColor:
    """The selection's background, deep enough for its text (a selected row's words)."""
    return readable(palette.color(Role.Highlight), palette.color(Role.HighlightedText))


def focus(palette: QPalette, *, selected: bool = False) -> QColor:
    """The focus outline: the highlight colour against the page, or the selection's text
    colour inside a selected row."""
    if selected:
        return readable(palette.color(Role.HighlightedText), selection(palette), OUTLINE_MINIMUM)
    return readable(palette.color(Role.Highlight), palette.color(Role.Base), OUTLINE_MINIMUM)


def indicator(palette: QPalette) -> QColor:
    """The outline of a check box or radio button: the shade Fusion uses (the window colour
    darkened), moved just far enough to stand out 3:1 from both the box's inside (base)
    and the page around it (window)."""
    window = palette.color(Role.Window)
    outline = readable(window.darker(140).lighter(110), palette.color(Role.Base), OUTLINE_MINIMUM)
    return readable(outline, window, OUTLINE_MINIMUM)


def apply(palette: QPalette) -> QPalette:
    """The system palette with readable placeholders, links and selections (set at start;
    the window's other colours are computed from it when drawn)."""
    fixed = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        fixed.setColor(group, Role.PlaceholderText, placeholder(palette))
        fixed.setColor(group, Role.Link, link(palette))
        fixed.setColor(group, Role.Highlight, selection(palette))
    return fixed
