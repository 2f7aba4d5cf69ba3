"""The hub's benchmark: 100,000 SYNTHETIC services in PostgreSQL served over HTTP, timed beside
reading the same data from the desktop's SQLite file (the floor). Run at 100,000 by
`make hub-bench`, which writes its section of BENCHMARKS.md."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from cbh_directory.domain import vocabulary as vocab
from cbh_directory.domain.model import Resource, SearchQuery
from cbh_directory.hub import auth, db, load, migrate
from cbh_directory.hub.cluster import LocalCluster
from cbh_directory.hub.queries import Filters, PageRequest, Reads
from cbh_directory.hub.writer import Writer
from cbh_directory.service import Directory
from cbh_directory.store.resources import iter_resources

from .harness import machine, percentile, timed
from .synthetic import resources, towns, vocabulary, write_app_json

START = "<!-- hub-bench:start -->"
END = "<!-- hub-bench:end -->"


@dataclasses.dataclass
class Row:
    what: str
    hub: list[float]
    floor: list[float]
    note: str = ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class HubBench:
    """One run in its own temporary folder: a desktop database, a cluster, a hub process."""

    def __init__(self, size: int, folder: Path, queries: int = 200, changes: int = 1000) -> None:
        self.size, self.folder = size, folder
        self.query_count, self.change_count = queries, min(changes, size)
        self.rows: dict[str, Row] = {}
        self.checks: dict[str, Any] = {}
        self.notes: dict[str, str] = {}
        self.rng = random.Random(5)
        self.cluster_dir = Path(tempfile.mkdtemp(prefix="cbh-hub-bench-"))
        self.cluster = LocalCluster(self.cluster_dir, durable=True)
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.token = ""

    # -- building

    def build(self) -> None:
        self.desktop = Directory.open(self.folder / "desktop.sqlite3")
        records = list(resources(self.size, towns(self.desktop.db)))
        source = write_app_json(self.folder / "synthetic.json", records)
        ms, preview = timed(lambda: self.desktop.preview_import(source))
        apply_ms, written = timed(lambda: self.desktop.apply_import(preview))
        self.checks["desktop_imported"] = int(written)
        self.notes["desktop_import_s"] = f"{(ms + apply_ms) / 1000:.1f}"
        self.cluster.start()
        with db.connect(self.cluster.dsn()) as conn:
            migrate.migrate(conn)
            conn.commit()
            load_ms, result = timed(lambda: load.load(conn, source, by="bench"))
            conn.commit()
            self.checks["hub_loaded"] = len(result.report.added)
            self.notes["hub_load_s"] = f"{load_ms / 1000:.1f}"
        with db.connect(self.cluster.dsn()) as conn:
            conn.autocommit = True
            conn.execute("VACUUM ANALYZE")
            self.token = auth.add_user(conn, "bench-reader", "reader")[1]
            size = conn.execute("SELECT pg_database_size(current_database()) AS n").fetchone()
            self.notes["hub_db_mb"] = f"{size['n'] / 1e6:,.0f}" if size else "?"
        self.notes["desktop_db_mb"] = (
            f"{(self.folder / 'desktop.sqlite3').stat().st_size / 1e6:,.0f}"
        )
        self._serve()

    def _serve(self) -> None:
        port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cbh_directory.cli.main", "hub", "--dsn", self.cluster.dsn(),
             "serve", "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start")
            time.sleep(0.1)

    def client(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, headers={"Authorization": f"Bearer {self.token}"}, timeout=600
        )

    def close(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        try:
            self.cluster.stop()
        finally:
            shutil.rmtree(self.cluster_dir, ignore_errors=True)
            self.desktop.close()

    # -- measuring

    def words(self) -> list[str]:
        common, weights = vocabulary()
        focus = [t.label.split()[0] for t in vocab.FOCUS_TERMS]
        cities = [t.name for t in towns(self.desktop.db, 300)]
        made = []
        for number in range(self.query_count):
            pick = number % 3
            if pick == 0:
                made.append(self.rng.choices(common, cum_weights=weights)[0])
            elif pick == 1:
                made.append(self.rng.choice(focus))
            else:
                made.append(self.rng.choice(cities))
        return made

    def measure_search(self) -> None:
        words = self.words()
        hub, database, floor, totals = [], [], [], []
        with self.client() as client, db.connect(self.cluster.dsn()) as conn:
            page = PageRequest(1, 50)
            for word in words:
                ms, response = timed(
                    lambda w=word: client.get("/services", params={"search": w, "per_page": 50})
                )
                assert response.status_code == 200
                hub.append(ms)
                totals.append(response.json()["total_items"])
                database.append(
                    timed(lambda w=word: Reads(conn).services(Filters(search=w), page))[0]
                )
                conn.rollback()
                query = SearchQuery(text=word, limit=50)
                floor.append(timed(lambda q=query: self.desktop.search(q))[0])
        self.checks["search_totals"] = totals
        self.rows["search"] = Row(
            "`/services?search=…` (first page of 50, over HTTP with a token)", hub, floor,
            f"{len(words)} searches: common words, focus terms, city names; floor: the "
            "desktop's own search of its SQLite file for the same word, first page of 50",
        )  # fmt: skip
        self.rows["search_db"] = Row(
            "the same searches inside PostgreSQL only (count + page, no HTTP)", database, floor
        )

    def measure_throughput(self, clients: int = 4, each: int = 50) -> None:
        words = self.words()
        done: list[int] = []

        def worker(offset: int) -> None:
            with self.client() as client:
                for n in range(each):
                    word = words[(offset * each + n) % len(words)]
                    assert client.get("/services", params={"search": word}).status_code == 200
                done.append(each)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - start
        self.checks["throughput_requests"] = sum(done)
        self.notes["searches_per_s"] = f"{sum(done) / seconds:,.0f}"
        self.notes["throughput_clients"] = str(clients)

    def measure_full_pull(self) -> None:
        with self.client() as client:
            lines = 0
            size = 0
            start = time.perf_counter()
            with client.stream("GET", "/services", params={"format": "ndjson"}) as response:
                for line in response.iter_lines():
                    if line:
                        json.loads(line)
                        lines += 1
                        size += len(line) + 1
            pull_ms = (time.perf_counter() - start) * 1000
        self.checks["pulled"] = lines
        floor_ms, count = timed(lambda: sum(1 for _ in iter_resources(self.desktop.db)))
        self.checks["floor_read"] = count
        self.notes["ndjson_mb"] = f"{size / 1e6:,.0f}"
        self.rows["pull"] = Row(
            f"full pull, `/services?format=ndjson`, {lines:,} services parsed", [pull_ms],
            [floor_ms], f"{size / 1e6:,.0f} MB of ndjson; floor: every resource read from the "
            "desktop's SQLite file into Resource objects",
        )  # fmt: skip

    def measure_incremental(self) -> None:
        """1,000 edits applied on the hub, then pulled by modified_after (ndjson and a page)."""
        with db.connect(self.cluster.dsn()) as conn:
            ids = [
                r["resource_id"]
                for r in conn.execute(
                    "SELECT resource_id FROM hub_service ORDER BY service_id LIMIT %s",
                    (self.change_count,),
                )
            ]
            rows = conn.execute(
                "SELECT resource FROM hub_service WHERE resource_id = ANY(%s)", (ids,)
            ).fetchall()
            changed = [
                Resource.from_dict({**row["resource"], "caveat": "Changed for the benchmark"})
                for row in rows
            ]
            before = conn.execute("SELECT max(modified) AS t FROM hub_service").fetchone()["t"]
            conn.commit()
            time.sleep(0.01)

            def apply() -> Any:
                with conn.transaction():
                    return Writer(conn, "bench").save(changed)

            apply_ms, report = timed(apply)
        self.checks["changed"] = len(report.updated)
        since = (before + dt.timedelta(milliseconds=1)).isoformat()
        with self.client() as client:
            ndjson_ms, response = timed(
                lambda: client.get(
                    "/services", params={"modified_after": since, "format": "ndjson"}
                )
            )
            self.checks["incremental_lines"] = len(response.text.splitlines())
            page_ms, page = timed(
                lambda: client.get("/services", params={
                    "modified_after": since, "full": "true", "per_page": 1000})
            )  # fmt: skip
            self.checks["incremental_page"] = page.json()["total_items"]
        marks = ",".join("?" * len(ids))
        floor_ms, found = timed(
            lambda: list(iter_resources(self.desktop.db, f"id IN ({marks})", ids))
        )
        self.checks["incremental_floor"] = len(found)
        self.rows["incremental"] = Row(
            f"incremental pull of {len(ids):,} changes, `modified_after` + ndjson", [ndjson_ms],
            [floor_ms], f"as one page (`per_page=1000&full=true`): {page_ms:,.0f} ms; "
            f"applying the {len(ids):,} edits on the hub: {apply_ms:,.0f} ms; floor: the same "
            "rows read by id from the desktop's SQLite file",
        )  # fmt: skip


def _ms(values: list[float], p: float) -> str:
    return f"{percentile(values, p):,.1f} ms"


def report_lines(bench: HubBench) -> list[str]:
    n = bench.notes
    lines = [
        START,
        "## The agency hub (PostgreSQL + HSDS API)",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `make hub-bench` on "
        f"{bench.size:,} **SYNTHETIC** services (the same generator as above), the hub in its own "
        "process (`cbh-directory hub serve`, one uvicorn worker) on a local PostgreSQL with its "
        "durable defaults, reached over HTTP on 127.0.0.1 with a reader token; the floor is the "
        "desktop reading the same data from its own SQLite file in the same run.",
        "",
        f"Machine: {machine()}.",
        "",
        "| what | hub p50 | hub p95 | floor p50 | floor p95 | hub ÷ floor (p50) | notes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in bench.rows.values():
        ratio = percentile(row.hub, 50) / max(percentile(row.floor, 50), 1e-9)
        lines.append(
            f"| {row.what} | {_ms(row.hub, 50)} | {_ms(row.hub, 95)} | {_ms(row.floor, 50)} | "
            f"{_ms(row.floor, 95)} | {ratio:,.1f}× | {row.note} |"
        )
    lines += [
        "",
        f"- Loading: `hub load` of the {bench.size:,} services took {n['hub_load_s']} s (the "
        f"desktop's import of the same file: {n['desktop_import_s']} s). Database sizes: "
        f"PostgreSQL {n['hub_db_mb']} MB, the desktop's SQLite file {n['desktop_db_mb']} MB.",
        f"- Throughput: {n['searches_per_s']} searches per second with "
        f"{n['throughput_clients']} clients at once (one uvicorn worker, 2 cores shared with the "
        "clients and PostgreSQL).",
        "- docs/SCALING.md works from these figures.",
        END,
    ]
    return lines


def write_section(path: Path, lines: list[str]) -> None:
    """Put the hub section into BENCHMARKS.md, replacing an earlier one, keeping the rest."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = "\n".join(lines)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
