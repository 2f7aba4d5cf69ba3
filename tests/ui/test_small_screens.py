"""A 1024×640 screen with text at 200 %: the results still show five rows, and every filter
label cut short has a tooltip with all of it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from cbh_directory.ui.facet_model import LABEL
from cbh_directory.ui.main_window import MainWindow


@pytest.fixture
def large_text(qapp) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    big = QFont(font)
    big.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(big)
    yield
    app.setFont(font)


def whole_rows(window: MainWindow) -> int:
    """Results rows wholly inside the table's visible area, from the geometry on screen."""
    table = window.table
    area = table.viewport().rect()
    return sum(
        1
        for row in range(window.model.rowCount())
        if area.contains(table.visualRect(window.model.index(row, 1)))
    )


@pytest.mark.usefixtures("large_text")
@pytest.mark.parametrize("size", [(1024, 640), (800, 600)])
def test_five_results_rows_at_200_percent_text(
    qtbot, make_window, curated, size: tuple[int, int]
) -> None:
    window = make_window(curated, size=size)
    qtbot.waitUntil(lambda: window.table.viewport().height() > 0)
    assert window.model.rowCount() > 20
    assert whole_rows(window) >= 5
    assert window.details.isVisible() and window.details.height() > 0  # moved, not gone


def test_the_normal_layout_is_unchanged_at_1280_by_800(qtbot, make_window, curated) -> None:
    window = make_window(curated)
    assert window.work_area.right.orientation() == Qt.Orientation.Horizontal
    assert whole_rows(window) >= 20


def _all(model, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:  # type: ignore[no-untyped-def]
    parent = QModelIndex() if parent is None else parent
    for row in range(model.rowCount(parent)):
        index = model.index(row, LABEL, parent)
        yield index
        yield from _all(model, index)


@pytest.mark.usefixtures("large_text")
def test_every_cut_filter_label_has_a_tooltip_with_all_of_it(qtbot, make_window, curated) -> None:
    window = make_window(curated, size=(1024, 640))
    tree = window.filter_panel.tree
    tree.expandAll()
    cut = 0
    for index in _all(tree.model()):
        label = index.data()
        rect = tree.visualRect(index)
        # The label's room: the row less its check box (the view's own measure of it)
        box = tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, tree)
        text_room = rect.width() - box - 8
        if tree.fontMetrics().horizontalAdvance(label) > min(text_room, rect.width()):
            cut += 1
            assert label.lower() in (index.data(Qt.ItemDataRole.ToolTipRole) or "").lower(), label
    assert cut > 0  # at 200 % text some labels are cut: the check above ran on them
