"""Guards against known defects of the Qt binding the app depends on."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_process_events_keeps_the_reference_count_of_none(qapp: QApplication) -> None:
    # PySide6 6.12.0 lost one reference to None per processEvents() call, which ends in
    # "Fatal Python error: none_dealloc". pyproject.toml excludes that release.
    qapp.processEvents()
    before = sys.getrefcount(None)
    for _ in range(50):
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    assert sys.getrefcount(None) - before > -25
