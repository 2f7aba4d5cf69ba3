"""The benchmark harness, run small in `make test` (results checked, not times) and at
100,000 resources by `make bench`, which writes BENCHMARKS.md."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from cbh_directory.ui.main_window import MainWindow
from cbh_directory.ui.settings import WindowSettings

from ..conftest import CURATED_ACTIVE
from .harness import PARTS, Bench, write_report


def test_benchmark_harness(qtbot, tmp_path: Path, bench_options) -> None:
    size = int(bench_options["size"])
    only = tuple(p.strip() for p in str(bench_options["only"]).split(",") if p.strip())
    assert set(only) <= set(PARTS), f"--bench-only takes {', '.join(PARTS)}"
    parts = only or tuple(PARTS)
    bench = Bench(size, tmp_path, queries=int(bench_options["queries"]))
    directory = bench.build(with_hsds="import" in parts)
    checks = bench.result.checks
    assert checks["imported"] == size
    assert directory.total() == size + CURATED_ACTIVE  # plus the curated dataset
    if "import" in parts:
        assert checks["imported_hsds"] == size
        assert checks["hsds_searchable"] > 0  # searchable by place name right after the import

    if "search" in parts:
        bench.measure_search()
        assert len(checks["search_totals"]) == int(bench_options["queries"])
        assert any(total > 0 for total in checks["search_totals"])
    if "location" in parts:
        bench.measure_location()
        assert sum(checks["location_totals"]) > 0
    if "exports" in parts:
        bench.measure_exports()
        assert min(checks[k] for k in ("export_csv", "export_vcard", "export_pdf")) > 1000

    if "keystroke" in parts:
        settings = WindowSettings(
            QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        )
        window = MainWindow(directory, settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.results_shown, timeout=30_000):
            window.show()
        bench.measure_keystrokes(qtbot, window, strokes=40 if size >= 10_000 else 8)
        window.close()
    if "start" in parts:
        bench.measure_cold_start(runs=5 if size >= 10_000 else 2)
    if "memory" in parts:
        bench.measure_export_memory()
    result = bench.finish(parts)
    assert all(mb > 50 for mb in result.rss_mb.values())

    for figure in result.figures.values():
        assert figure.samples and all(ms > 0 for ms in figure.samples), figure.name
    if bench_options["report"]:
        write_report(result, Path(str(bench_options["report"])))
    directory.close()
