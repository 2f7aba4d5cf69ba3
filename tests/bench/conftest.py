"""Options for the benchmark harness: how big, and where to write the report."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cbh-bench")
    group.addoption("--bench-size", type=int, default=2000, help="SYNTHETIC resources to build")
    group.addoption("--bench-queries", type=int, default=40, help="searches to time")
    group.addoption("--bench-report", default=None, help="write the Markdown report here")
    group.addoption(
        "--bench-only",
        default="",
        help="measure only these parts, comma-separated (import, search, location, exports, "
        "keystroke, start, memory); their rows replace the same rows of the report",
    )
    group.addoption(
        "--hub-bench-size",
        type=int,
        default=0,
        help="SYNTHETIC services for the hub benchmark (0: skip it; make hub-bench gives 100,000)",
    )


@pytest.fixture
def bench_options(request: pytest.FixtureRequest) -> dict[str, object]:
    return {
        "size": request.config.getoption("--bench-size"),
        "queries": request.config.getoption("--bench-queries"),
        "report": request.config.getoption("--bench-report"),
        "only": request.config.getoption("--bench-only"),
    }
