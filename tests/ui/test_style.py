"""Check boxes in the filter tree can be seen (3:1 outline) in a dark theme and a light one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory, QTreeView

from cbh_directory.ui import colours, style

Role = QPalette.ColorRole


def _dark() -> QPalette:
    """The dark theme the issue was seen in (Fusion, near-black base)."""
    palette = QPalette()
    for role, colour in {
        Role.Window: "#202124",
        Role.WindowText: "#e8eaed",
        Role.Base: "#17181a",
        Role.AlternateBase: "#26282b",
        Role.Text: "#e8eaed",
        Role.Button: "#2d2f31",
        Role.ButtonText: "#e8eaed",
        Role.Highlight: "#3b6fb6",
        Role.HighlightedText: "#ffffff",
    }.items():
        palette.setColor(role, QColor(colour))
    return palette


def _light() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


def _row(qtbot, view_style: QStyle, palette: QPalette) -> tuple[QImage, QColor]:
    """One unchecked, checkable filter row with no label (so only the indicator is drawn)."""
    model = QStandardItemModel()
    item = QStandardItem("")
    item.setCheckable(True)
    item.setCheckState(Qt.CheckState.Unchecked)
    model.appendRow(item)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setHeaderHidden(True)
    view.setStyle(view_style)
    view.setPalette(palette)
    view.setModel(model)
    view.resize(120, 60)
    rect = view.visualRect(model.index(0, 0))
    image = view.viewport().grab(rect).toImage()
    return image, palette.color(Role.Base)


def _outline_pixels(image: QImage, base: QColor) -> int:
    """How many pixels stand out 3:1 from the base the box sits on."""
    return sum(
        colours.contrast(image.pixelColor(x, y), base) >= 3.0
        for x in range(image.width())
        for y in range(image.height())
    )


def _box_side(view_style: QStyle) -> int:
    return view_style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_a_filter_check_box_outline_stands_out_3_to_1(qtbot, theme: str) -> None:
    palette = _dark() if theme == "dark" else _light()
    fusion = QStyleFactory.create("Fusion")
    proxy = style.IndicatorStyle(QStyleFactory.create("Fusion"))
    before = _outline_pixels(*_row(qtbot, fusion, palette))
    after = _outline_pixels(*_row(qtbot, proxy, palette))
    side = _box_side(proxy)
    assert before == 0  # Fusion alone: the box is below 3:1 in either theme
    assert after >= 4 * (side - 2)  # the whole square's outline


def test_the_outline_follows_a_palette_change(qtbot) -> None:
    proxy = style.IndicatorStyle(QStyleFactory.create("Fusion"))
    side = _box_side(proxy)
    assert _outline_pixels(*_row(qtbot, proxy, _light())) >= 4 * (side - 2)
    assert _outline_pixels(*_row(qtbot, proxy, _dark())) >= 4 * (side - 2)


def test_install_wraps_fusion_once(qapp) -> None:
    current = qapp.style()
    wrapped = isinstance(current, style.IndicatorStyle)
    name = current.baseStyle().name() if wrapped else current.name()
    style.install(qapp)
    first = qapp.style()
    style.install(qapp)
    assert isinstance(first, style.IndicatorStyle)
    assert qapp.style() is first
    assert first.baseStyle().name() == name  # the platform's look, wrapped


def test_a_native_style_is_left_as_it_draws(qtbot) -> None:
    """Only Fusion's faint outline is redrawn; another style's indicators stay its own."""
    windows = QStyleFactory.create("Windows")
    proxy = style.IndicatorStyle(QStyleFactory.create("Windows"))
    plain, _ = _row(qtbot, windows, _dark())
    wrapped, _ = _row(qtbot, proxy, _dark())
    assert plain == wrapped


def test_the_windows_filter_rows_get_the_outline(qtbot, make_window, synthetic) -> None:
    """The real filter tree, dark: its check box outline is drawn at 3:1 by the installed
    style, where plain Fusion leaves only the label readable."""
    window = make_window(synthetic)
    tree = window.filter_panel.tree
    assert isinstance(QApplication.style(), style.IndicatorStyle)  # MainWindow installs it
    tree.setPalette(_dark())
    index = window.facet_model.index_of("kind", "support_group")
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    base = _dark().color(Role.Base)

    def standing_out(image: QImage) -> set[tuple[int, int]]:
        return {
            (x, y)
            for x in range(image.width())
            for y in range(image.height())
            if colours.contrast(image.pixelColor(x, y), base) >= 3.0
        }

    with_outline = standing_out(tree.viewport().grab(rect).toImage())
    plain = QStyleFactory.create("Fusion")
    tree.setStyle(plain)
    without = standing_out(tree.viewport().grab(rect).toImage())
    tree.setStyle(QApplication.style())
    side = _box_side(QApplication.style())
    assert len(with_outline - without) >= 4 * (side - 2)


def test_install_leaves_a_native_style_alone(qapp) -> None:
    previous = qapp.style()
    name = previous.baseStyle().name() if isinstance(previous, style.IndicatorStyle) else ""
    qapp.setStyle(QStyleFactory.create("Windows"))
    try:
        style.install(qapp)
        assert not isinstance(qapp.style(), style.IndicatorStyle)
    finally:
        qapp.setStyle(QStyleFactory.create(name or "Fusion"))
        style.install(qapp)
