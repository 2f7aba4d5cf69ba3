"""A real PostgreSQL for the hub tests: a throwaway cluster (unix socket only) per session,
a database per test cloned from a loaded template, and the hub served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import uvicorn
from pytest_postgresql.janitor import DatabaseJanitor

from cbh_directory.hub import auth, db, load, migrate
from cbh_directory.hub.api import HubSettings, create_app
from cbh_directory.hub.cluster import PORT, LocalCluster
from cbh_directory.paths import dataset_file

from .pg import require_postgresql

TEMPLATE = "hub_template"


@pytest.fixture(scope="session")
def cluster() -> Iterator[LocalCluster]:
    require_postgresql()
    # Not under pytest's tmp folder: as root the server runs as `postgres`, which must reach it.
    folder = Path(tempfile.mkdtemp(prefix="cbh-hub-test-"))
    local = LocalCluster(folder, dbname="postgres")
    try:
        local.start()
        with db.connect(local.dsn()) as conn:
            conn.autocommit = True
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        with db.connect(local.dsn(TEMPLATE)) as conn:
            migrate.migrate(conn)
            conn.commit()
            load.load(conn, dataset_file(), by="curators")
        yield local
    finally:
        local.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def hub_dsn(cluster: LocalCluster, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database with the curated dataset loaded, dropped after the test."""
    name = f"hub_{abs(hash(request.node.nodeid)) % 10**12}_{os.getpid()}"
    janitor = DatabaseJanitor(
        user=cluster.superuser,
        host=str(cluster.socket_dir),
        port=PORT,
        dbname=name,
        template_dbname=TEMPLATE,
    )
    janitor.init()
    try:
        yield cluster.dsn(name)
    finally:
        janitor.drop()


def load_records(dsn: str, folder: Path, records: list[dict]) -> load.LoadResult:
    """Load app-JSON records (made up by the test) into the hub database."""
    path = folder / "records.json"
    payload = {"format": "cbh-directory", "format_version": 1, "dataset_version": "1",
               "resources": records}  # fmt: skip
    path.write_text(json.dumps(payload), encoding="utf-8")
    with db.connect(dsn) as conn:
        return load.load(conn, path, by="test")


def record(rid: str, **fields: object) -> dict:
    """A made-up resource record with the fields a test needs."""
    return {"id": rid, "name": rid.replace("-", " ").title(), "kind": "support_group", **fields}


@dataclass
class RunningHub:
    url: str
    dsn: str
    clients: list[httpx.Client] = field(default_factory=list)

    def client(self, token: str | None = None) -> httpx.Client:
        """A client of the hub (with a token, if given), closed when the test ends."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        client = httpx.Client(base_url=self.url, headers=headers, timeout=30)
        self.clients.append(client)
        return client

    def user(self, name: str, role: str) -> str:
        with db.connect(self.dsn) as conn:
            return auth.add_user(conn, name, role)[1]


def serve(dsn: str, *, public_read: bool) -> Iterator[RunningHub]:
    app = create_app(HubSettings(dsn=dsn, public_read=public_read, pool_size=4))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the hub did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    running = RunningHub(f"http://127.0.0.1:{port}", dsn)
    try:
        yield running
    finally:
        for client in running.clients:
            client.close()
        server.should_exit = True
        thread.join(timeout=20)


@pytest.fixture
def hub(hub_dsn: str) -> Iterator[RunningHub]:
    """The hub over the curated data; reading needs a token (the default)."""
    yield from serve(hub_dsn, public_read=False)


@pytest.fixture
def public_hub(hub_dsn: str) -> Iterator[RunningHub]:
    """The hub with public reads."""
    yield from serve(hub_dsn, public_read=True)
