"""The window's panes and how they share the space: (lists over filters) | (results, details).

When the window is narrow for its font (a small screen or large text), the details move
below the results instead of beside them, and the results keep room for five rows.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

ROWS_ALWAYS_SHOWN = 5  # results rows kept in view when the details sit below them


class WorkArea(QSplitter):
    def __init__(
        self, sidebar: QWidget, filters: QWidget, results: QWidget, details: QWidget
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setChildrenCollapsible(False)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setChildrenCollapsible(False)
        self.left.addWidget(sidebar)
        self.left.addWidget(filters)
        self.left.setStretchFactor(0, 0)
        self.left.setStretchFactor(1, 1)
        self.right = QSplitter(Qt.Orientation.Horizontal)
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(results)
        self.right.addWidget(details)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 0)
        self.addWidget(self.left)
        self.addWidget(self.right)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)

    def em(self) -> int:
        return max(1, self.fontMetrics().averageCharWidth())

    def fit(self, width: int, height: int) -> None:
        """Share the space out: lists and filters a fair slice, details a fair slice."""
        em = self.em()
        left = min(max(30 * em, int(width * 0.22)), int(width * 0.3))
        self.setSizes([left, width - left])
        lists = min(max(6 * self.fontMetrics().height(), int(height * 0.22)), int(height * 0.4))
        self.left.setSizes([lists, max(100, height - lists)])
        self.arrange(width)
        self._fit_right(width - left, height)

    def arrange(self, window_width: int) -> None:
        narrow = window_width < 110 * self.em()
        wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.right.orientation() != wanted:
            self.right.setOrientation(wanted)
            self._fit_right(self.right.width() or window_width, self.right.height())

    def _fit_right(self, width: int, height: int) -> None:
        vertical = self.right.orientation() == Qt.Orientation.Vertical
        # Growing or shrinking later (the window laid out, resized) changes the details and
        # keeps the results' rows when they are stacked; side by side the results stretch.
        self.right.setStretchFactor(0, 0 if vertical else 1)
        self.right.setStretchFactor(1, 1 if vertical else 0)
        if vertical:
            height = height or self.height()
            results = min(max(height // 2, self._rows_height()), height - 4 * self.em())
            self.right.setSizes([results, height - results])
        else:
            details = min(max(26 * self.em(), int(width * 0.34)), int(width * 0.45))
            self.right.setSizes([width - details, details])

    def _rows_height(self) -> int:
        """How tall the results pane must be to show ROWS_ALWAYS_SHOWN whole rows."""
        results = self.right.widget(0)
        table = results.findChild(QTableView) if results is not None else None
        if results is None or table is None:
            return 0
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        above = sum(
            child.sizeHint().height()
            for child in results.findChildren(QWidget, options=direct)
            if child is not table and not child.isHidden()
        )
        return (
            above
            + table.horizontalHeader().sizeHint().height()
            + ROWS_ALWAYS_SHOWN * table.verticalHeader().defaultSectionSize()
            + table.horizontalScrollBar().sizeHint().height()
            + 2 * table.frameWidth()
            + 4
        )

    def save(self) -> dict[str, QByteArray]:
        return {
            "window/splitter": self.saveState(),
            "window/left_splitter": self.left.saveState(),
            "window/results_splitter": self.right.saveState(),
        }

    def restore(self, states: dict[str, QByteArray | None]) -> bool:
        main, left, right = (
            states.get("window/splitter"),
            states.get("window/left_splitter"),
            states.get("window/results_splitter"),
        )
        if main is None or left is None or right is None:
            return False
        return (
            self.restoreState(main)
            and self.left.restoreState(left)
            and self.right.restoreState(right)
        )
