"""Check boxes and radio buttons whose outline can be seen in any theme (WCAG 1.4.11, 3:1)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from . import colours

Element = QStyle.PrimitiveElement
State = QStyle.StateFlag
_INDICATORS = frozenset(
    (
        Element.PE_IndicatorCheckBox,
        Element.PE_IndicatorItemViewItemCheck,
        Element.PE_IndicatorRadioButton,
    )
)


class IndicatorStyle(QProxyStyle):
    """The platform's style, with the outline of check and radio indicators redrawn in a
    colour that stands out 3:1 from the page: Fusion draws it from the window colour
    darkened, which vanishes on a dark background (and is 1.9:1 on a light one)."""

    def __init__(self, base: QStyle | None) -> None:
        # Only Fusion's shapes are redrawn; native styles (Breeze, macOS, Windows 11) draw
        # their own indicators for dark themes and keep them untouched.
        self._fusion = base is not None and base.name().lower() == "fusion"
        super().__init__(base)
        self._depth = 0  # Fusion draws the item-view check by asking for a check box

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element not in _INDICATORS or not self._fusion:
            super().drawPrimitive(element, option, painter, widget)
            return
        self._depth += 1
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            self._depth -= 1
        if self._depth == 0 and option.state & State.State_Enabled:  # disabled: exempt
            _outline(painter, option, circle=element == Element.PE_IndicatorRadioButton)


def _outline(painter: QPainter, option: QStyleOption, *, circle: bool) -> None:
    """The indicator's border on the same line Fusion draws it, in a readable colour."""
    keyboard_focus = State.State_HasFocus | State.State_KeyboardFocusChange
    focused = option.state & keyboard_focus == keyboard_focus
    colour = _colour(option.palette, focused)
    rect = QRectF(option.rect)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, 1))
    if circle:
        centre = QPointF(option.rect.center()) + QPointF(1, 1)
        radius = (option.rect.width() + (option.rect.width() + 1) % 2) / 2.0 - 1
        path = QPainterPath()
        path.addEllipse(centre, radius, radius)
        painter.drawPath(path)
    else:
        painter.translate(0.5, 0.5)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
    painter.restore()


@functools.lru_cache(maxsize=32)
def _shade(window: int, base: int, highlight: int, focused: bool) -> QColor:
    palette = QPalette()
    palette.setColor(colours.Role.Window, QColor.fromRgba(window))
    palette.setColor(colours.Role.Base, QColor.fromRgba(base))
    palette.setColor(colours.Role.Highlight, QColor.fromRgba(highlight))
    return colours.focus(palette) if focused else colours.indicator(palette)


def _colour(palette: QPalette, focused: bool) -> QColor:
    """The outline colour, remembered per palette (finding it takes ~100 contrast sums,
    too slow to repeat for every row painted)."""
    Role = colours.Role
    return _shade(
        palette.color(Role.Window).rgba(),
        palette.color(Role.Base).rgba(),
        palette.color(Role.Highlight).rgba(),
        focused,
    )


def install(app: QApplication | None = None) -> None:
    """Wrap the application's style when it is Fusion (once; its look is otherwise kept).
    Native styles are left unwrapped: they draw their own indicators, and a Python proxy
    costs a little on every primitive painted."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication) or isinstance(app.style(), IndicatorStyle):
        return
    if app.style().name().lower() != "fusion":
        return
    # A fresh base style: the proxy owns its base, and the app deletes the style it replaces.
    app.setStyle(IndicatorStyle(QStyleFactory.create(app.style().name())))
