"""Starting the window: the QApplication, the directory, and the --screenshot mode."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer

from ..domain.errors import InputError

if TYPE_CHECKING:  # Qt widgets load only once the window opens
    from PySide6.QtWidgets import QApplication

    from ..service import Directory
    from .main_window import MainWindow


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
        raise InputError("bad size {text!r}: use WIDTHxHEIGHT, e.g. 1280x800", text=text) from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise InputError("bad size {text!r}: too small or too large", text=text)
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

    from . import style
    from .error_report import ErrorReporter
    from .i18n import TRANSLATIONS, chosen_language
    from .settings import ORGANIZATION, app_settings

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    style.install(app)  # before any dialog: check boxes visible in dark themes
    app.setApplicationName("CBH Directory")
    app.setApplicationDisplayName("CBH Directory")
    app.setOrganizationName(ORGANIZATION)
    TRANSLATIONS.install(app, chosen_language(app_settings()))
    reporter = ErrorReporter(app)
    reporter.install()
    try:
        return _open_and_run(app, db_path, screenshot, width, height, query)
    finally:
        reporter.uninstall()


def _open_and_run(
    app: QApplication, db_path: Path, screenshot: Path | None, width: int, height: int, query: str
) -> int:
    from ..domain.errors import CBHError
    from ..service import Directory
    from . import msgbox
    from .main_window import MainWindow
    from .recovery import open_or_recover

    try:
        if screenshot is not None:
            directory: Directory | None = Directory.open(db_path)
        else:
            directory = open_or_recover(db_path)
    except CBHError as exc:
        if screenshot is None:
            msgbox.warn(None, msgbox.TITLE, exc.message, icon=msgbox.Icon.Critical)
        print(f"cbh-directory: error: {exc.message}", file=sys.stderr)
        return 1
    if directory is None:
        return 1
    window = MainWindow(directory)
    window.resize(width, height)
    if query:
        window.search_bar.search_box.setText(query)
    if screenshot is not None:
        return _screenshot(app, window, directory, screenshot, width, height)
    settle_after_start(window)
    window.show()
    QTimer.singleShot(0, window.help.welcome_if_first_run)
    QTimer.singleShot(3000, window.data.daily_backup_in_background)
    code = app.exec()
    directory.close()
    return int(code)


def settle_after_start(window: MainWindow) -> None:
    """Once the first results are up, exempt everything alive from garbage collection.

    Start-up leaves a few hundred thousand long-lived objects (Qt wrappers, modules, the
    vocabulary); without this, every full collection walks them all, a 20 ms pause that
    lands in the middle of typing.
    """

    def freeze() -> None:
        window.results_shown.disconnect(freeze)
        gc.collect()
        gc.freeze()

    window.results_shown.connect(freeze)


def _screenshot(
    app: QApplication,
    window: MainWindow,
    directory: Directory,
    target: Path,
    width: int,
    height: int,
) -> int:
    """Show the window offscreen, wait for the first results, save it as a PNG."""
    window.show()
    window.resize(width, height)
    deadline = time.monotonic() + 20
    while (not window.ready or window.session.busy) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    app.processEvents()
    ok = window.grab().save(str(target))
    window.session.stop()
    window.hide()
    directory.close()
    if not ok:
        print(f"could not write {target}", file=sys.stderr)
        return 1
    print(str(target))
    return 0
