"""Check boxes and radio buttons whose outline can be seen in any theme (WCAG 1.4.11, 3:1)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
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
_CHECKS = (Element.PE_IndicatorCheckBox, Element.PE_IndicatorItemViewItemCheck)


class IndicatorStyle(QProxyStyle):
    """The platform's style, with the outline of check and radio indicators redrawn in a
    colour that stands out 3:1 from the page: Fusion draws it from the window colour
    darkened, which vanishes on a dark background (and is 2.3:1 on a light one)."""

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
        self._depth += 1
        try:
            super().drawPrimitive(element, option, painter, widget)
        finally:
            self._depth -= 1
        if not self._fusion or self._depth or not option.state & State.State_Enabled:
            return  # disabled controls are exempt, and look it
        if element in _CHECKS:
            _outline(painter, option, circle=False)
        elif element == Element.PE_IndicatorRadioButton:
            _outline(painter, option, circle=True)


def _outline(painter: QPainter, option: QStyleOption, *, circle: bool) -> None:
    """The indicator's border on the same line Fusion draws it, in a readable colour."""
    keyboard_focus = State.State_HasFocus | State.State_KeyboardFocusChange
    focused = option.state & keyboard_focus == keyboard_focus
    colour = colours.focus(option.palette) if focused else colours.indicator(option.palette)
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


def install(app: QApplication | None = None) -> None:
    """Wrap the application's current style (once; the platform's look is kept)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication) or isinstance(app.style(), IndicatorStyle):
        return
    # A fresh base style: the proxy owns its base, and the app deletes the style it replaces.
    app.setStyle(IndicatorStyle(QStyleFactory.create(app.style().name())))
