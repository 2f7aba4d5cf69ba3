"""A child process for the privacy test: a normal session, watched for network use.

Usage: python session_probe.py DB EXPORT_FOLDER
Starts the window offscreen, searches, bookmarks, exports a list (CSV, vCard, PDF), quits.
Prints one line per network attempt seen by Python's audit hooks, then "session done".
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
seen: list[str] = []


def watch(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    if event == "socket.__new__" and len(args) > 1 and args[1] in NETWORK_FAMILIES:
        seen.append(f"{event} {args[1:]}")
    elif event in (
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "urllib.Request",
    ):
        seen.append(f"{event} {args[1:] if event == 'socket.connect' else args}")


sys.addaudithook(watch)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    db, folder = Path(sys.argv[1]), Path(sys.argv[2])
    from PySide6.QtWidgets import QApplication

    from cbh_directory.domain.model import SearchQuery
    from cbh_directory.service import Directory
    from cbh_directory.ui.handout_pdf import write_pdf
    from cbh_directory.ui.main_window import MainWindow

    app = QApplication([])
    directory = Directory.open(db)
    window = MainWindow(directory)
    shown: list[bool] = []
    window.results_shown.connect(lambda: shown.append(True))
    window.show()
    while not shown:
        app.processEvents()
    shown.clear()
    window.search_bar.search_box.setText("ataxia")
    while not shown:
        app.processEvents()
    first = window.model.index(0, 1).data()
    ids = directory.matching_ids(SearchQuery(text="ataxia"))
    window.lists.toggle_bookmarks(ids[:2])
    bookmarks = directory.bookmarks()
    for suffix in ("csv", "vcf", "pdf"):
        directory.export_file(
            folder / f"bookmarks.{suffix}", list_id=bookmarks.id, pdf_renderer=write_pdf
        )
    window.close()
    app.processEvents()
    directory.close()
    for line in seen:
        print("network:", line)
    print("loaded QtNetwork" if "PySide6.QtNetwork" in sys.modules else "no QtNetwork")
    print(f"first result: {first}")
    print("session done", flush=True)


if __name__ == "__main__":
    main()
