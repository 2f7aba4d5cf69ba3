"""The benchmark: builds a SYNTHETIC directory, times what users wait for, beside a naive
baseline and the bare-FTS floor, and writes BENCHMARKS.md. Used small in `make test` (results
checked, not times) and at 100,000 resources by `make bench`."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import platform
import random
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils
from geopy.distance import geodesic

from cbh_directory import __version__
from cbh_directory.domain import vocabulary as vocab
from cbh_directory.domain.exports import ExportOptions
from cbh_directory.domain.facets import FACETS
from cbh_directory.domain.model import Place, SearchQuery
from cbh_directory.exchange.exporter import export
from cbh_directory.service import Directory
from cbh_directory.store.fts import fts_query
from cbh_directory.ui.handout_pdf import write_pdf

from .synthetic import resources, towns, vocabulary, write_app_json, write_hsds_211

PROBE = Path(__file__).with_name("probe.py")  # runs the app in a subprocess, reports memory

BUDGETS_MS = {
    "search": 25.0,
    "location": 40.0,
    "keystroke": 40.0,
    "cold_start": 1500.0,
    "import_json": 15_000.0,
    "import_hsds": 15_000.0,
    "export_csv": 1000.0,
    "export_vcard": 2000.0,
    "export_pdf": 10_000.0,
}
RSS_BUDGET_MB = 300.0
# What `make bench BENCH_ONLY=...` can measure alone, and the report rows each part writes.
PARTS = {
    "import": ("import_json", "import_hsds"),
    "search": ("search",),
    "location": ("location",),
    "exports": ("export_csv", "export_vcard", "export_pdf"),
    "keystroke": ("keystroke",),
    "start": ("cold_start",),
    "memory": (),
}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


@dataclass
class Figure:
    name: str
    samples: list[float]  # milliseconds
    budget: float | None = None
    stat: str = "p95"  # which statistic the budget is about: p95, median or once
    baseline: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def p50(self) -> float:
        return percentile(self.samples, 50)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)

    @property
    def value(self) -> float:
        return self.p95 if self.stat == "p95" else self.p50

    @property
    def met(self) -> bool | None:
        return None if self.budget is None else self.value <= self.budget


@dataclass
class BenchResult:
    size: int
    figures: dict[str, Figure] = field(default_factory=dict)
    rss_mb: dict[str, float] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)  # facts the tests assert on
    started: str = field(default_factory=lambda: dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
    load: list[tuple[float, float, float]] = field(default_factory=list)  # at start and end
    parts: tuple[str, ...] = tuple(PARTS)  # what this run measured


@contextlib.contextmanager
def settled() -> Iterator[None]:
    """Measure as the app runs after start-up: long-lived objects exempt from garbage
    collection (see cbh_directory.ui.app.settle_after_start)."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return (time.perf_counter() - start) * 1000, result


class Bench:
    """One benchmark run in a folder of its own (temporary databases and files only)."""

    def __init__(self, size: int, folder: Path, queries: int = 200, seed: int = 11) -> None:
        self.size = size
        self.folder = folder
        self.query_count = queries
        self.rng = random.Random(seed)
        self.result = BenchResult(size, load=[os.getloadavg()])
        self.db_path = folder / "bench.sqlite3"
        self.directory: Directory | None = None

    # -- building

    def build(self, *, with_hsds: bool = True) -> Directory:
        """The SYNTHETIC directory, imported as app JSON (timed), then an HSDS import (timed;
        left out by `with_hsds=False`, for a run of other parts only)."""
        directory = Directory.open(self.db_path)
        places = towns(directory.db)
        records = list(resources(self.size, places))
        json_file = write_app_json(self.folder / "synthetic.json", records)
        self.result.checks["imported"] = self._timed_import(
            directory, json_file, "import_json", "Import app JSON"
        )
        directory.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.directory = directory
        if not with_hsds:
            return directory
        hsds = write_hsds_211(self.folder / "hsds", records)
        other = Directory.open(self.folder / "hsds.sqlite3")
        self.result.checks["imported_hsds"] = self._timed_import(
            other, hsds, "import_hsds", "Import HSDS 3.0 (211-style package)"
        )
        self.result.checks["hsds_searchable"] = other.count(SearchQuery(text=records[0]["city"]))
        self.result.figures["import_hsds"].floor = [self._import_floor(other)]
        other.close()
        return directory

    def _import_floor(self, imported: Directory) -> float:
        """The least an import can do, in the same run: sqlite-utils' insert_all of the same
        flattened rows into an empty copy of the schema, then one FTS rebuild (milliseconds)."""
        rows = list(imported.db.query("SELECT * FROM resources WHERE origin = 'imported'"))
        target = sqlite_utils.Database(self.folder / "floor.sqlite3")
        target.conn.executescript(
            "".join(
                sql + ";\n"
                for (sql,) in imported.db.execute(
                    "SELECT sql FROM sqlite_master WHERE name IN ('resources', 'resources_fts')"
                )
            )
        )
        for row in rows:
            row.pop("pk")

        def insert() -> None:
            with target.conn:
                target["resources"].insert_all(rows, batch_size=1000)
                target.execute("INSERT INTO resources_fts (resources_fts) VALUES ('rebuild')")

        ms, _ = timed(insert)
        target.close()
        return ms

    def _timed_import(self, directory: Directory, source: Path, key: str, title: str) -> int:
        """Preview then apply one import, as a person would; returns how many were written."""
        ms, preview = timed(lambda: directory.preview_import(source))
        apply_ms, written = timed(lambda: directory.apply_import(preview))
        self.result.figures[key] = Figure(
            title,
            [ms + apply_ms],
            BUDGETS_MS[key],
            "once",
            note=f"preview {ms / 1000:.1f} s + apply {apply_ms / 1000:.1f} s",
        )
        return int(written)

    # -- queries

    def queries(self) -> list[SearchQuery]:
        """Varied searches: common and rare words, focus terms, places, with three filters."""
        words, weights = vocabulary()
        cities = [t.name for t in towns(self.dir.db, 300)]
        focus_words = [t.label.split()[0] for t in vocab.FOCUS_TERMS]
        made = []
        for number in range(self.query_count):
            pick = number % 4
            if pick == 0:
                text = self.rng.choices(words, cum_weights=weights)[0]
            elif pick == 1:
                text = " ".join(self.rng.choices(words, cum_weights=weights, k=2))
            elif pick == 2:
                text = self.rng.choice(focus_words)
            else:
                text = self.rng.choice(cities)
            if self.rng.random() < 0.3:
                text = text[: max(3, len(text) - 2)]  # a word still being typed
            made.append(
                SearchQuery(
                    text=text,
                    kinds=[self.rng.choice(vocab.KINDS).id],
                    formats=self.rng.sample([t.id for t in vocab.FORMATS], 2),
                    costs=self.rng.sample(["free", "low", "unknown"], 2),
                    limit=50,
                )
            )
        return made

    @property
    def dir(self) -> Directory:
        assert self.directory is not None
        return self.directory

    def measure_search(self) -> None:
        queries = self.queries()
        samples, floor = [], []
        totals = []
        with settled():
            self._search_loop(queries, samples, floor, totals)
        baseline = [timed(lambda q=q: self.naive_search(q))[0] for q in queries[:20]]
        self.result.figures["search"] = Figure(
            "Search: text + 3 filters + all facet counts + first page of 50",
            samples,
            BUDGETS_MS["search"],
            baseline=baseline,
            floor=floor,
            note=f"{len(queries)} queries; baseline on the first 20",
        )
        self.result.checks["search_totals"] = totals

    def _search_loop(
        self,
        queries: list[SearchQuery],
        samples: list[float],
        floor: list[float],
        totals: list[int],
    ) -> None:
        for query in queries:
            ms, (page, facets) = timed(lambda q=query: (self.dir.search(q), self.dir.facets(q)))
            samples.append(ms)
            totals.append(page.total)
            assert len(facets) == len(FACETS)  # every filter group counted
            match = fts_query(query.text)
            floor.append(timed(lambda m=match: self._floor(m))[0])

    def _floor(self, match: str | None) -> list[Any]:
        if match is None:
            return []
        return self.dir.db.conn.execute(
            "SELECT rowid FROM resources_fts WHERE resources_fts MATCH ? LIMIT 50", [match]
        ).fetchall()

    def places(self) -> list[Place]:
        return [
            self.dir.resolve_place(f"{t.name}, {t.region}")
            for t in towns(self.dir.db, 60)
            if t.country == "US"
        ][:20]

    def measure_location(self) -> None:
        samples, floor, baseline = [], [], []
        radius = 100 * 1.609344
        for number, place in enumerate(self.places()):
            query = SearchQuery(near=place, radius_km=radius, include_online=False, limit=50)
            with settled():
                ms, (page, _facets) = timed(
                    lambda q=query: (self.dir.search(q), self.dir.facets(q))
                )
            samples.append(ms)
            distances = [h.distance_km for h in page.hits]
            assert all(d is not None and d <= radius + 1e-6 for d in distances)
            floor.append(timed(lambda p=place: self._bbox_floor(p, radius))[0])
            if number < 5:
                baseline.append(timed(lambda q=query: self.naive_location(q))[0])
            self.result.checks.setdefault("location_totals", []).append(page.total)
        self.result.figures["location"] = Figure(
            "Location: within 100 miles of 20 US cities + facets + first page",
            samples,
            BUDGETS_MS["location"],
            baseline=baseline,
            floor=floor,
            note="floor: the bare bounding-box query with LIMIT 50; baseline on the first 5",
        )

    def _bbox_floor(self, place: Place, radius: float) -> list[Any]:
        from cbh_directory.geo.distance import bounding_box

        box = bounding_box(place.latitude, place.longitude, radius)
        west, east = box.lon_ranges[0]
        return self.dir.db.conn.execute(
            "SELECT pk FROM resources WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? "
            "LIMIT 50",
            [box.min_lat, box.max_lat, west, east],
        ).fetchall()

    # -- the naive way, for comparison

    def _all_rows(self) -> list[sqlite3.Row]:
        conn = sqlite3.connect(self.db_path)
        conn.row_factory = sqlite3.Row
        try:
            return conn.execute("SELECT * FROM resources WHERE status = 'active'").fetchall()
        finally:
            conn.close()

    def naive_search(self, query: SearchQuery) -> tuple[int, dict[str, Counter[str]]]:
        """LIKE over the text columns, filters and facet counts in Python."""
        conn = sqlite3.connect(self.db_path)
        conn.row_factory = sqlite3.Row
        words = query.text.split()
        where = " AND ".join(
            "(name LIKE ? OR description LIKE ? OR search_focus LIKE ?)" for _ in words
        )
        params: list[str] = []
        for word in words:
            params += [f"%{word}%"] * 3
        rows = conn.execute(
            f"SELECT * FROM resources WHERE status = 'active' AND {where or '1'}", params
        ).fetchall()
        conn.close()
        return self._python_facets(rows, query)

    def naive_location(self, query: SearchQuery) -> tuple[int, dict[str, Counter[str]]]:
        """Geodesic distance to every row, then filters and facet counts in Python."""
        assert query.near is not None and query.radius_km is not None
        here = (query.near.latitude, query.near.longitude)
        rows = [
            r
            for r in self._all_rows()
            if r["latitude"] is not None
            and geodesic(here, (r["latitude"], r["longitude"])).km <= query.radius_km
        ]
        return self._python_facets(rows, query)

    @staticmethod
    def _python_facets(
        rows: list[sqlite3.Row], query: SearchQuery
    ) -> tuple[int, dict[str, Counter[str]]]:
        def keep(row: sqlite3.Row, skip: str) -> bool:
            return (
                (skip == "kind" or not query.kinds or row["kind"] in query.kinds)
                and (skip == "format" or not query.formats or row["format"] in query.formats)
                and (skip == "cost" or not query.costs or row["cost"] in query.costs)
            )

        counts: dict[str, Counter[str]] = {}
        for group in ("kind", "format", "cost", "moderation", "activity", "country", "region"):
            counts[group] = Counter(r[group] for r in rows if keep(r, group))
        counts["focus"] = Counter(
            f for r in rows if keep(r, "focus") for f in json.loads(r["focus"])
        )
        counts["language"] = Counter(
            code for r in rows if keep(r, "language") for code in json.loads(r["languages"])
        )
        matching = sorted((r for r in rows if keep(r, "")), key=lambda r: r["name"].casefold())
        return len(matching), counts

    # -- exports

    def measure_exports(self) -> None:
        export_set = self.dir.export_set(SearchQuery(sort="name"))
        export_set.entries = export_set.entries[:10_000]
        count = len(export_set.entries)
        for name, suffix in (("export_csv", "csv"), ("export_vcard", "vcf"), ("export_pdf", "pdf")):
            path = self.folder / f"export.{suffix}"
            ms, summary = timed(
                lambda p=path: export(p, export_set, ExportOptions(), pdf_renderer=write_pdf)
            )
            self.result.figures[name] = Figure(
                f"Export {count:,} resources to {suffix.upper()}",
                [ms],
                BUDGETS_MS[name],
                "once",
                note=summary.split(" to ")[0],
            )
            self.result.checks[name] = path.stat().st_size

    # -- the window

    def measure_cold_start(self, runs: int = 5) -> None:
        """Process start to the first results painted, with the app's peak memory."""
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(self.folder / "config"),
            "XDG_CACHE_HOME": str(self.folder / "cache"),
        }
        samples: list[float] = []
        first_rss: list[float] = []
        session_rss: list[float] = []
        for _ in range(runs):
            start = time.perf_counter()
            with subprocess.Popen(
                [sys.executable, str(PROBE), "gui-start", "--db", str(self.db_path), "gui"],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                env=env,
            ) as child:
                assert child.stdout is not None
                for line in child.stdout:
                    found = re.match(r"(first-results|session-peak) (\d+)", line)
                    if found and found.group(1) == "first-results":
                        samples.append((time.perf_counter() - start) * 1000)
                        first_rss.append(int(found.group(2)) / 1024)
                    elif found:
                        session_rss.append(int(found.group(2)) / 1024)
                assert child.wait(timeout=120) == 0
        assert len(samples) == runs and len(session_rss) == runs
        self.result.figures["cold_start"] = Figure(
            "Cold start: process start to first results painted",
            samples,
            BUDGETS_MS["cold_start"],
            "median",
            note=f"{runs} runs; the first also builds and saves the search index",
        )
        self.result.rss_mb["window at first results"] = max(first_rss)
        self.result.rss_mb["window after 8 searches"] = max(session_rss)

    def measure_keystrokes(self, qtbot: Any, window: Any, strokes: int = 40) -> None:
        """A key press in the search box to the new results painted (pytest-qt, offscreen).

        Floor, per keystroke in the same run: the bare FTS `MATCH ... LIMIT 50` for the text
        typed so far plus one repaint of the results table as it is. Baseline, on the first
        ten: the naive search of that text (LIKE scans, facet counts in Python)."""
        samples: list[float] = []
        typed: list[str] = []
        floor: list[float] = []
        with settled():
            self._type_words(qtbot, window, strokes, samples, typed)
            viewport = window.table.viewport()
            for text in typed:
                ms, _ = timed(lambda t=text: (self._floor(fts_query(t)), viewport.repaint()))
                floor.append(ms)
        baseline = [
            timed(lambda t=t: self.naive_search(SearchQuery(text=t)))[0] for t in typed[:10]
        ]
        self.result.figures["keystroke"] = Figure(
            "Keystroke to updated results painted (window, offscreen)",
            samples,
            BUDGETS_MS["keystroke"],
            baseline=baseline,
            floor=floor,
            note=f"{len(samples)} keystrokes, 200 ms apart; floor: the bare FTS query for the "
            "text typed and one repaint of the table; baseline on the first 10; the filter "
            "counts follow the paint",
        )

    def _type_words(
        self, qtbot: Any, window: Any, strokes: int, samples: list[float], typed: list[str]
    ) -> None:
        box = window.search_bar.search_box
        words, weights = vocabulary()
        while len(samples) < strokes:
            word = self.rng.choices(words[:400], cum_weights=weights[:400])[0]
            box.clear()
            qtbot.waitUntil(
                lambda: not window.session.busy and not window.session.counting, timeout=10_000
            )
            qtbot.wait(200)  # past the typing window: the next key searches at once
            for char in word[:4]:
                start = time.perf_counter()
                with qtbot.waitSignal(window.results_shown, timeout=10_000):
                    qtbot.keyClick(box, char)
                window.table.viewport().repaint()
                samples.append((time.perf_counter() - start) * 1000)
                typed.append(box.text())
                # The filter counts follow the paint: the next key comes after them.
                qtbot.waitUntil(lambda: not window.session.counting, timeout=10_000)
                qtbot.wait(200)

    def measure_export_memory(self) -> None:
        """Peak memory of the command line writing the 10,000-resource PDF handout."""
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CACHE_HOME": str(self.folder / "cache"),
        }
        # Free online support groups: about a tenth of the directory.
        filters = ["--kind", "support_group", "--format", "online", "--cost", "free"]
        target = self.folder / "cli.pdf"
        done = subprocess.run(
            [
                sys.executable,
                str(PROBE),
                "cli",
                "--db",
                str(self.db_path),
                "export",
                str(target),
                *filters,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        found = re.search(r"Wrote ([\d,]+) resources.*\npeak (\d+)", done.stdout, re.S)
        assert found, done.stdout + done.stderr
        label = f"command line writing a PDF handout of {found.group(1)} resources"
        self.result.rss_mb[label] = int(found.group(2)) / 1024

    def finish(self, parts: tuple[str, ...] = tuple(PARTS)) -> BenchResult:
        """The result, with only the figures of the parts asked for."""
        keep = {key for part in parts for key in PARTS[part]}
        self.result.figures = {k: f for k, f in self.result.figures.items() if k in keep}
        self.result.parts = parts
        self.result.load.append(os.getloadavg())
        return self.result


# ---------------------------------------------------------------- the report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    from PySide6 import __version__ as pyside

    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{memory}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, PySide6 {pyside}, "
        f"CBH Directory {__version__}"
    )


def _reference(other: list[float], stat: str) -> float | None:
    if not other:
        return None
    reference = percentile(other, 95 if stat == "p95" else 50)
    return reference if reference > 0 else None


def vs_baseline(figure: Figure) -> str:
    """How many times faster than the naive way (same statistic)."""
    reference = _reference(figure.baseline, figure.stat)
    if reference is None or figure.value <= 0:
        return "—"
    return f"{reference / figure.value:,.0f}× faster ({reference:,.0f} ms)"


def vs_floor(figure: Figure) -> str:
    """How many times the bare database floor the full answer costs (same statistic)."""
    reference = _reference(figure.floor, figure.stat)
    if reference is None:
        return "—"
    return f"{figure.value / reference:,.1f}× the floor ({reference:,.2f} ms)"


def _load(result: BenchResult) -> str:
    """The machine's load average (1, 5, 15 minutes) at the start and the end of the run."""
    cores = os.cpu_count() or 1
    said = [" / ".join(f"{x:.1f}" for x in load) for load in result.load]
    joined = " at the start, ".join(said)
    return f"load average (1 / 5 / 15 min) {joined} at the end, on {cores} cores"


def _row(figure: Figure) -> str:
    budget = f"{figure.stat} ≤ {figure.budget:,.0f} ms" if figure.budget else "—"
    met = {True: "yes", False: "**no**", None: "—"}[figure.met]
    return (
        f"| {figure.name} | {figure.p50:,.1f} ms | {figure.p95:,.1f} ms | {budget} | {met} | "
        f"{vs_baseline(figure)} | {vs_floor(figure)} | {figure.note} |"
    )


def write_report(result: BenchResult, path: Path) -> None:
    if tuple(result.parts) != tuple(PARTS) and path.exists():
        _update_report(result, path)
        return
    lines = [
        "# Benchmarks",
        "",
        f"Measured {result.started} by `make bench` on {result.size:,} **SYNTHETIC** resources "
        "(made-up names and text, spread over real places by population; see "
        "`tests/bench/synthetic.py`), in temporary databases.",
        "",
        f"Machine: {machine()}; {_load(result)}.",
        "",
        "| what | p50 | p95 | budget | met | vs naive baseline | vs floor | notes |",
        "| --- | ---: | ---: | ---: | :---: | --- | --- | --- |",
    ]
    lines += [_row(figure) for figure in result.figures.values()]
    lines += ["", "Peak memory (resident set):", ""]
    for name, mb in result.rss_mb.items():
        mark = "" if mb <= RSS_BUDGET_MB else " (**over the 300 MB budget**)"
        lines.append(f"- {name}: {mb:,.0f} MB{mark}")
    lines += [
        "",
        "How to read it:",
        "- *vs naive baseline*: the same work done the simple way in the same run — `LIKE` scans "
        "over the text, facet counts in Python over every matching row, geodesic distance on "
        "every row — and how many times faster the app is than that.",
        "- *vs floor*: the least the database can do — the bare FTS5 `MATCH ... LIMIT 50` with no "
        "filters and no facets (for location: the bare bounding-box query with `LIMIT 50`) — and "
        "how far the app's full answer is above it.",
        "- Budgets are from docs/ARCHITECTURE.md (Performance budget). The benchmark is not a "
        "test: `make test` runs the same harness on 2,000 resources and checks its results, not "
        "its times.",
        "",
    ]
    path.write_text("\n".join(lines) + _hub_section(path), encoding="utf-8")


def _shape(name: str) -> str:
    """A row's name without its numbers ("Export 10,000 resources" at any size)."""
    return re.sub(r"\d[\d,]*", "#", name)


def _update_report(result: BenchResult, path: Path) -> None:
    """A run of some parts (make bench BENCH_ONLY=...): their rows and memory lines replace
    the same rows of the report, a line says when and how they were measured, the rest stays."""
    from .hub_harness import START

    text = path.read_text(encoding="utf-8")
    desktop, hub = text.split(START, 1) if START in text else (text, "")
    lines = desktop.splitlines()
    rows = {_shape(f.name): _row(f) for f in result.figures.values()}
    memory = {name: f"- {name}: {mb:,.0f} MB" for name, mb in result.rss_mb.items()}
    names = ", ".join(f.name for f in result.figures.values()) or "memory"
    said = (
        f"Re-measured {result.started} by `make bench BENCH_ONLY={','.join(result.parts)}` "
        f"({result.size:,} resources; {_load(result)}): {names}."
    )
    out: list[str] = []
    for line in lines:
        earlier = re.search(r"BENCH_ONLY=([\w,]+)`", line) if line[:3] == "Re-" else None
        if earlier and set(earlier.group(1).split(",")) <= set(result.parts):
            if out and not out[-1]:
                out.pop()
            continue  # an earlier run of these parts: its rows are replaced
        cells = line.split(" | ")
        name = _shape(cells[0].removeprefix("| ")) if line.startswith("| ") else ""
        if name in rows:
            line = rows.pop(name)
        elif line.startswith("- ") and line.split(":", 1)[0][2:] in memory:
            line = memory.pop(line.split(":", 1)[0][2:])
        out.append(line)
        if line.startswith("Machine: "):
            out += ["", said]
    table_end = max(i for i, line in enumerate(out) if line.startswith("| "))
    out[table_end + 1 : table_end + 1] = list(rows.values())
    # The hub's section (make hub-bench) is its own run: kept as it was.
    path.write_text("\n".join(out) + "\n" + (START + hub if hub else ""), encoding="utf-8")


def _hub_section(path: Path) -> str:
    """The hub benchmark's section of an earlier report (make hub-bench), kept as it was."""
    from .hub_harness import END, START

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START not in text or END not in text:
        return ""
    return "\n" + START + text.split(START, 1)[1].split(END, 1)[0] + END + "\n"
