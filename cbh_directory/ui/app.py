"""Starting the window: the QApplication, the directory, and the --screenshot mode."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..domain.errors import InputError


def has_display() -> bool:
    """Whether Qt can open a window here (Linux needs X11 or Wayland unless offscreen)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc"))
    )


NO_DISPLAY_HELP = """\
No display found, so the window cannot open here.
Use the command line instead, for example:
  cbh-directory search CASK --kind support_group
  cbh-directory search --near "Columbus, OH" --radius 100mi
Or save a picture of the window:
  QT_QPA_PLATFORM=offscreen cbh-directory gui --screenshot window.png"""


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise InputError(f"bad size {text!r}: use WIDTHxHEIGHT, e.g. 1280x800") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise InputError(f"bad size {text!r}: too small or too large")
    return width, height


def run_gui(
    db_path: Path, *, screenshot: Path | None = None, size: str = "1280x800", query: str = ""
) -> int:
    width, height = parse_size(size)
    if screenshot is not None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not has_display():
        print(NO_DISPLAY_HELP, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from ..service import Directory
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CBH Directory")
    app.setOrganizationName("CBH Directory")
    directory = Directory.open(db_path)
    window = MainWindow(directory)
    window.resize(width, height)
    if query:
        window.search_box.setText(query)
        window.run_search()
    if screenshot is not None:
        window.show()
        app.processEvents()
        ok = window.grab().save(str(screenshot))
        window.close()
        directory.close()
        if not ok:
            print(f"could not write {screenshot}", file=sys.stderr)
            return 1
        print(str(screenshot))
        return 0
    window.show()
    code = app.exec()
    directory.close()
    return int(code)
