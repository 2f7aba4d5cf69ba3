"""Reliability runs: small counts in `make test`, full counts with --stress (`make stress`),
and a ledger of what each test tried, written to RELIABILITY.md with --reliability-report."""

from __future__ import annotations

import datetime as dt
import platform
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from cbh_directory.service import Directory

from .safety_tests import SAFETY_RESULTS, SAFETY_TESTS

# Hypothesis: quick in make test, thorough under --stress. Deadlines are off: a 2-core CI
# machine can pause any single example.
settings.register_profile(
    "quick",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "stress",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cbh-reliability")
    group.addoption("--stress", action="store_true", help="full counts (kill loops, fuzzing)")
    group.addoption("--reliability-report", default=None, help="write RELIABILITY.md here")


def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile("stress" if config.getoption("--stress") else "quick")


@dataclass
class Entry:
    test: str
    tries: str
    runs: int
    result: str


@dataclass
class Ledger:
    """What each reliability test tried and how it came out."""

    stress: bool
    entries: list[Entry] = field(default_factory=list)

    def kills(self, quick: int = 5, full: int = 25) -> int:
        return full if self.stress else quick

    def record(self, test: str, tries: str, runs: int, result: str) -> None:
        self.entries.append(Entry(test, tries, runs, result))


_LEDGER: Ledger | None = None


@pytest.fixture(scope="module")
def fuzz_directory(
    curated_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Directory]:
    """The curated directory, shared by a module's property tests (they must not write)."""
    path = tmp_path_factory.mktemp("fuzz") / "directory.sqlite3"
    shutil.copyfile(curated_template, path)
    opened = Directory.open(path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def ledger(request: pytest.FixtureRequest) -> Ledger:
    global _LEDGER
    if _LEDGER is None:
        _LEDGER = Ledger(bool(request.config.getoption("--stress")))
    return _LEDGER


def examples() -> int:
    """How many inputs each property test tries under the active profile."""
    return int(settings().max_examples)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = session.config.getoption("--reliability-report")
    if not target or _LEDGER is None:
        return
    failed = session.testsfailed
    lines = [
        "# Reliability",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} by `make stress` "
        f"({'full counts' if _LEDGER.stress else 'quick counts'}) on "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}. "
        f"Tests failed: {failed}.",
        "",
        "Each test's code is in `tests/reliability/` (and the GUI ones in `tests/ui/`); "
        "`make test` runs the same tests with small counts.",
        "",
        "| test | what it tries | runs or inputs | result |",
        "| --- | --- | ---: | --- |",
    ]
    for entry in _LEDGER.entries:
        lines.append(f"| `{entry.test}` | {entry.tries} | {entry.runs:,} | {entry.result} |")
    lines += [
        "",
        "Safety tests from the rest of the suite, run in the same session:",
        "",
        "| test | what it tries | cases | result |",
        "| --- | --- | ---: | --- |",
    ]
    for nodeid, tries in SAFETY_TESTS.items():
        outcomes = SAFETY_RESULTS.get(nodeid, [])
        result = (
            "not run"
            if not outcomes
            else "passed"
            if set(outcomes) == {"passed"}
            else ", ".join(sorted(set(outcomes)))
        )
        lines.append(f"| `{nodeid}` | {tries} | {len(outcomes)} | {result} |")
    lines.append("")
    Path(target).write_text("\n".join(lines), encoding="utf-8")
