"""The main window: a search box over a results table."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

from ..domain.model import SearchQuery
from ..service import Directory
from .results_model import ResultsModel

SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    def __init__(self, directory: Directory) -> None:
        super().__init__()
        self.setWindowTitle("CBH Directory")
        self.directory = directory
        self.search_box = QLineEdit(placeholderText="Search support groups, organizations, aid…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search")
        self.model = ResultsModel(directory, self)
        self.table = QTableView()
        self.table.setAccessibleName("Results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._timer.start)
        find = QAction("Find", self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self.search_box.setFocus)
        self.addAction(find)
        self.run_search()

    def run_search(self) -> None:
        self.model.set_query(SearchQuery(text=self.search_box.text(), sort="relevance"))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.statusBar().showMessage(f"{self.model.total} of {self.directory.total()} resources")
