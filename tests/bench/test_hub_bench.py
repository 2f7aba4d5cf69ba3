"""The hub benchmark: `make hub-bench` runs it at 100,000 services and writes its section of
BENCHMARKS.md; `make test` leaves it out (it needs minutes). A small run checks the harness:
pytest tests/bench/test_hub_bench.py --hub-bench-size 300."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hub.pg import require_postgresql

from .hub_harness import HubBench, report_lines, write_section


def test_hub_benchmark(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    size = int(request.config.getoption("--hub-bench-size"))
    if size <= 0:
        pytest.skip("the hub benchmark runs with make hub-bench (or --hub-bench-size N)")
    require_postgresql()
    bench = HubBench(size, tmp_path, queries=200 if size >= 10_000 else 12,
                     changes=1000 if size >= 10_000 else 20)  # fmt: skip
    try:
        bench.build()
        assert bench.checks["desktop_imported"] == bench.checks["hub_loaded"] == size
        bench.measure_search()
        assert any(total > 0 for total in bench.checks["search_totals"])
        bench.measure_throughput(clients=4, each=50 if size >= 10_000 else 5)
        bench.measure_full_pull()
        assert bench.checks["pulled"] == size
        assert bench.checks["floor_read"] == size + 87  # plus the desktop's curated dataset
        bench.measure_incremental()
        changes = bench.change_count
        assert bench.checks["changed"] == changes
        assert bench.checks["incremental_lines"] == bench.checks["incremental_page"] == changes
        assert bench.checks["incremental_floor"] == changes
    finally:
        bench.close()
    for row in bench.rows.values():
        assert row.hub and row.floor and all(ms > 0 for ms in row.hub + row.floor), row.what
    report = request.config.getoption("--bench-report")
    if report:
        write_section(Path(str(report)), report_lines(bench))
