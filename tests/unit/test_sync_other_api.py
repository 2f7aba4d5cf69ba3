"""Syncing from an HSDS API 3.0 server that is not ours: a tiny independent server (pages of
service summaries, full services by id, no ndjson, no profile), and hostile servers whose
answers are refused with a clear message, changing nothing."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from cbh_directory.domain.sync import SyncCancelled, SyncError, SyncLimits
from cbh_directory.service import Directory

TERM = {"id": "t-sg", "code": "PN-8100.8000", "name": "Support Groups", "taxonomy": "AIRS"}


def _service(sid: str, name: str, modified: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": sid,
        "name": name,
        "description": f"{name} meets monthly.",
        "email": f"{sid}@example.org",
        "status": "active",
        "last_modified": modified,
        "organization": {"id": f"org-{sid}", "name": f"{name} Inc."},
        "phones": [{"id": f"ph-{sid}", "number": "614-555-0100"}],
        "service_at_locations": [
            {
                "id": f"sal-{sid}",
                "location": {
                    "id": f"loc-{sid}",
                    "latitude": 39.96,
                    "longitude": -83.0,
                    "addresses": [
                        {
                            "id": f"ad-{sid}",
                            "address_1": "1 Main St",
                            "city": "Columbus",
                            "state_province": "OH",
                            "postal_code": "43215",
                            "country": "US",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "attributes": [{"id": f"at-{sid}", "taxonomy_term": TERM}],
        **extra,
    }


@dataclass
class FixtureApi:
    """What the fixture server serves; tests change it between syncs."""

    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    mode: str = ""  # a hostile behaviour, or "" for a well-behaved server
    per_page_cap: int = 2  # the server's own page size, whatever the client asks
    requests: list[str] = field(default_factory=list)
    url: str = ""


def _page(items: list[Any], page: int, size: int) -> dict[str, Any]:
    chunk = items[(page - 1) * size : page * size]
    pages = max(1, -(-len(items) // size))
    return {"total_items": len(items), "total_pages": pages, "page_number": page,
            "size": len(chunk), "first_page": page == 1, "last_page": page >= pages,
            "empty": not chunk, "contents": chunk}  # fmt: skip


def _handler(api: FixtureApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def send(self, status: int, body: bytes, kind: str = "application/json", **headers: str):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def json(self, value: Any) -> None:
            self.send(200, json.dumps(value).encode())

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            api.requests.append(self.path)
            page = int(query.get("page", "1"))
            mode = api.mode
            if mode == "redirect" and parts.path == "/services":
                self.send(302, b"", Location="http://other-host.example/services")
            elif mode == "slow" and parts.path == "/services":
                time.sleep(2)
                self.json(_page([], 1, 1))
            elif parts.path == "/":
                self.json({"version": "3.0.0", "openapi_url": f"{api.url}/openapi.json"})
            elif parts.path == "/taxonomy_terms":
                if mode == "not_json":
                    self.send(200, b"<html><body>Welcome to our CMS</body></html>", "text/html")
                else:
                    self.json(_page([TERM], page, 10))
            elif parts.path == "/services" and mode == "ndjson_huge_line":
                body = b'{"id": "x", "name": "' + b"A" * (5 * 1024 * 1024) + b'"'
                self.send(200, body, "application/x-ndjson")
            elif parts.path == "/services" and mode == "endless":
                item = {"id": f"s-{page}", "name": f"Service {page}", "phones": []}
                self.json({"total_items": 10**9, "total_pages": 10**9, "page_number": page,
                           "last_page": False, "contents": [item]})  # fmt: skip
            elif parts.path == "/services" and mode == "repeat":
                self.json({"total_pages": 5, "last_page": False,
                           "contents": [{"id": "a", "name": "A", "phones": []}]})  # fmt: skip
            elif parts.path == "/services" and mode == "huge_page":
                self.send(200, b'{"contents": [' + b" " * (3 * 1024 * 1024) + b"]}")
            elif parts.path == "/services" and mode == "deep":
                self.send(200, b"[" * 200_000 + b"]" * 200_000)
            elif parts.path == "/services":
                after = query.get("modified_after", "")
                found = [
                    {k: s[k] for k in ("id", "name", "last_modified")}
                    for s in api.services.values()
                    if not after or s["last_modified"] >= after
                ]
                self.json(_page(found, page, api.per_page_cap))
            elif parts.path.startswith("/services/"):
                sid = parts.path.rsplit("/", 1)[1]
                service = api.services.get(sid)
                if service is None:
                    self.send(404, b'{"detail": "no such service"}')
                elif mode == "wrong_types":
                    self.json({**service, "phones": "614-555-0100"})
                elif mode == "huge_string":
                    self.json({**service, "description": "x" * (10 * 1024 * 1024)})
                else:
                    self.json(service)
            else:
                self.send(404, b'{"detail": "not found"}')

    return Handler


@pytest.fixture
def fixture_api() -> Iterator[FixtureApi]:
    yield from serve_fixture_api()


def serve_fixture_api() -> Iterator[FixtureApi]:
    """The fixture server with three services, on 127.0.0.1 until the test ends."""
    api = FixtureApi()
    api.services = {
        sid: _service(sid, name, "2026-11-01T10:00:00Z")
        for sid, name in (
            ("s1", "Columbus CH Parents"),
            ("s2", "Ohio Rare Kids"),
            ("s3", "Buckeye Family Circle"),
        )
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(api))
    server.daemon_threads = True
    api.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield api
    server.shutdown()
    server.server_close()


@pytest.fixture
def desktop(curated_db: Path) -> Iterator[Directory]:
    with Directory.open(curated_db) as directory:
        yield directory


def _state(directory: Directory) -> tuple:
    return tuple(
        directory.db.execute(sql).fetchall()
        for sql in (
            "SELECT id, name, phone, status, origin, updated_at FROM resources ORDER BY id",
            "SELECT resource_id, field, value FROM local_edits ORDER BY resource_id, field",
            "SELECT list_id, resource_id, note FROM list_items ORDER BY list_id, resource_id",
            "SELECT count(*) FROM sync_staged",
        )
    )


def test_a_sync_from_another_hsds_api_then_its_changes_and_removals(
    fixture_api: FixtureApi, desktop: Directory
) -> None:
    before = desktop.total()
    backups = len(desktop.backups())
    first = desktop.sync(fixture_api.url)
    # A full pull may change every entry: a backup first (named for it); later syncs do not.
    assert len(desktop.backups()) == backups + 1 and "before-sync" in desktop.backups()[0].name
    assert first.full and first.via == "pages" and first.received == 3
    assert sorted(first.added) == ["127-0-0-1-s1", "127-0-0-1-s2", "127-0-0-1-s3"]
    assert desktop.total() == before + 3
    one = desktop.resource("127-0-0-1-s1")
    assert (one.name, one.kind, one.city, one.region, one.phone) == (
        "Columbus CH Parents", "support_group", "Columbus", "OH", "+16145550100",
    )  # fmt: skip
    assert one.email == "s1@example.org" and one.latitude == pytest.approx(39.96)
    # Pages of summaries: each full service was read by its id.
    assert sum("/services/s" in r for r in fixture_api.requests) == 3

    desktop.edit_resource("127-0-0-1-s2", {"description": "We meet at the library now."})
    fixture_api.services["s2"] = _service("s2", "Ohio Rare Kids Network", "2026-11-20T09:00:00Z")
    del fixture_api.services["s3"]
    fixture_api.requests.clear()

    second = desktop.sync(fixture_api.url)
    assert not second.full and second.deletions_via == "id list"
    # modified_after a little before the newest time seen: s1 comes again, with the time it
    # had when merged, so it is not read again (only s2 is staged and merged)
    assert second.received == 2 and second.staged == 1 and second.unchanged == 1
    assert second.updated == ["127-0-0-1-s2"]
    assert second.deactivated == ["127-0-0-1-s3"]
    assert any("modified_after=2026-11-01T09%3A55%3A00Z" in r for r in fixture_api.requests)
    assert len(desktop.backups()) == backups + 1
    two = desktop.resource("127-0-0-1-s2")
    assert two.name == "Ohio Rare Kids Network"
    assert two.description == "We meet at the library now."  # the local edit stays
    assert desktop.resource("127-0-0-1-s3").status == "inactive"
    assert desktop.total() == before + 2

    # Back on the server: active again.
    fixture_api.services["s3"] = _service("s3", "Buckeye Family Circle", "2026-11-21T00:00:00Z")
    third = desktop.sync(fixture_api.url)
    assert third.updated == ["127-0-0-1-s3"]
    assert desktop.resource("127-0-0-1-s3").status == "active"


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("redirect", "redirected to another host \\(other-host.example\\)"),
        ("not_json", "was not JSON"),
        ("wrong_types", "phones should be a list of objects"),
        ("huge_string", "a text of 10,485,760 characters"),
        ("endless", "more than 20 pages"),
        ("repeat", "page 2 repeats page 1"),
        ("huge_page", "larger than 1 MB"),
        ("deep", "nested too deeply"),
        ("ndjson_huge_line", "a line is larger than"),
        ("slow", "did not answer in time"),
    ],
)
def test_hostile_answers_get_clear_errors_and_change_nothing(
    fixture_api: FixtureApi, desktop: Directory, mode: str, message: str
) -> None:
    desktop.sync(fixture_api.url)  # a first sync worked: the next one is incremental
    fixture_api.services["s1"] = _service("s1", "Renamed", "2026-11-30T00:00:00Z")
    before = _state(desktop)
    fixture_api.mode = mode
    size = 64 if mode == "huge_string" else 1  # MB: a huge string is refused on its own
    limits = SyncLimits(max_pages=20, max_response_bytes=size * 1024 * 1024, timeout=0.5)
    with pytest.raises(SyncError, match=message):
        desktop.sync(fixture_api.url, limits=limits)
    assert _state(desktop) == before


def test_starting_the_app_does_not_load_the_http_client() -> None:
    """httpx costs about half a second to import: only a sync loads it."""
    import subprocess
    import sys

    code = (
        "import sys, cbh_directory.cli.main, cbh_directory.service; print('httpx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_cancel_after_the_download_merges_nothing(
    fixture_api: FixtureApi, desktop: Directory
) -> None:
    before = _state(desktop)
    seen: list[tuple[int, int]] = []
    downloaded = (3, 0)  # the download's last report: 3 services, no total yet

    with pytest.raises(SyncCancelled):
        desktop.sync(
            fixture_api.url,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: bool(seen) and seen[-1] == downloaded,
        )
    assert seen == [downloaded]
    assert _state(desktop) == before
    assert desktop.sync(fixture_api.url).added  # nothing was left half-done
