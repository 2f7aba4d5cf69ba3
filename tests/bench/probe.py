"""Runs the app's command line in a benchmark subprocess and reports its peak memory.

`python probe.py gui-start --db PATH gui`: opens the window; when the first results are
painted it prints "first-results <KiB>", searches a few words as a person would, prints
"session-peak <KiB>" and quits. `python probe.py cli ARGS...`: runs the command line, then
prints "peak <KiB>". Kept here, not in the app, so the product carries no benchmark code.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path
from typing import Any

PROBE_WORDS = ("support", "ataxia", "school", "grants", "columbus", "therapy", "rare", "cask")


def peak_memory_kib() -> int:
    """This process's peak resident memory (VmHWM; getrusage would count the parent's too)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def probe_first_results(window: Any) -> None:
    """Report the first results painted, then a short session, then quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    words = list(PROBE_WORDS)

    def next_word() -> None:
        if not words:
            print(f"session-peak {peak_memory_kib()}", flush=True)
            window.results_shown.disconnect(next_word)
            QTimer.singleShot(0, QApplication.quit)
            return
        window.search_bar.search_box.setText(words.pop(0))

    def first() -> None:
        window.results_shown.disconnect(first)
        window.table.viewport().repaint()
        print(f"first-results {peak_memory_kib()}", flush=True)
        window.results_shown.connect(next_word)
        next_word()

    window.results_shown.connect(first)


def main(argv: list[str]) -> None:
    from cbh_directory.cli import main as cli_main

    mode, args = argv[0], argv[1:]
    if mode == "gui-start":
        from cbh_directory.ui import app

        settle = app.settle_after_start

        def settle_and_probe(window: Any) -> None:
            probe_first_results(window)
            settle(window)

        app.settle_after_start = settle_and_probe  # called once the window exists
    try:
        cli_main(args)
    except SystemExit as exit_:
        if mode == "gui-start" and exit_.code:
            raise
    if mode == "cli":
        print("peak", peak_memory_kib(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
