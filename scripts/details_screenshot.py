"""Render the window with one entry in the details pane (its contacts and evidence dates)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

from cbh_directory.service import Directory
from cbh_directory.ui.i18n import Translations
from cbh_directory.ui.main_window import MainWindow
from cbh_directory.ui.settings import WindowSettings


def settle(app: QApplication, window: MainWindow, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end or window.session.busy:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resource", default="wisconsin-katie-beckett", help="the entry's id")
    parser.add_argument("--query", default="", help="search text (default: the entry's name)")
    parser.add_argument("--out", type=Path, default=Path("details.png"))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--font-scale", type=float, default=1.0)
    parser.add_argument("--lang", default="en", help="the window's language (en or es)")
    parser.add_argument("--scroll", type=int, default=0, help="scroll the details down (pixels)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = QApplication(sys.argv[:1])
    if args.font_scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)
    translations = Translations()
    translations.install(app, args.lang)
    with tempfile.TemporaryDirectory() as folder:
        directory = Directory.open(Path(folder) / "directory.sqlite3")
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(directory, WindowSettings(settings))
        window.resize(width, height)
        window.show()
        settle(app, window)
        window.search_bar.search_box.setText(args.query or directory.resource(args.resource).name)
        settle(app, window, 1.0)
        window.show_resource(args.resource)
        settle(app, window, 0.3)
        window.details.verticalScrollBar().setValue(args.scroll)
        settle(app, window, 0.2)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(args.out))
        window.close()
        directory.close()
    print(args.out if ok else "failed")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
