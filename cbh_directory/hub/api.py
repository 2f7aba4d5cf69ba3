"""The ASGI application: HSDS API 3.0 read endpoints and the profile's writes and deletions."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from psycopg_pool import ConnectionPool
from starlette.concurrency import run_in_threadpool

from ..domain.errors import CBHError, InputError, NotFoundError, ValidationError
from . import auth, proposals
from .db import Conn, HubDatabaseError, check_ready, make_pool
from .openapi_doc import PROFILE_PREFIX, served_openapi
from .places import postcode_centroid
from .queries import Filters, PageRequest, Reads, page_of, page_text

HSDS_VERSION = "3.0.0"
NDJSON = "application/x-ndjson"
_CHUNK = 256 * 1024


@dataclass
class HubSettings:
    """How the hub serves: its database, who may read, and the limits on what it accepts."""

    dsn: str
    public_read: bool = False  # True: reading needs no token (writing always does)
    max_body: int = 1_000_000
    max_per_page: int = 1000
    pool_size: int = 10


def _bad(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def _int(params: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    text = params.get(name)
    if text is None or text == "":
        return default
    try:
        value = int(text)
    except ValueError:
        raise _bad(f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise _bad(f"{name} must be between {low} and {high:,}")
    return value


def _float(params: dict[str, str], name: str, low: float, high: float) -> float | None:
    text = params.get(name)
    if text is None or text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        raise _bad(f"{name} must be a number") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise _bad(f"{name} must be between {low:g} and {high:g}")
    return value


def _bool(params: dict[str, str], name: str) -> bool:
    text = params.get(name, "").strip().lower()
    if text in ("", "false", "0", "no"):
        return False
    if text in ("true", "1", "yes"):
        return True
    raise _bad(f"{name} must be true or false")


def _time(params: dict[str, str], name: str) -> dt.datetime | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise _bad(f"{name} must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _text(params: dict[str, str], name: str, limit: int = 500) -> str:
    text = params.get(name, "")
    if len(text) > limit or "\x00" in text:
        raise _bad(f"{name} is too long (at most {limit} characters)")
    return text


class Hub:
    """What the routes share: settings, the pool, and the token check."""

    def __init__(self, settings: HubSettings, pool: ConnectionPool[Conn] | None) -> None:
        self.settings = settings
        self.pool = pool

    def run(self, work: Callable[[Conn], Any]) -> Any:
        if self.pool is None:
            raise HubDatabaseError("the hub is starting or stopping")
        with self.pool.connection() as conn:
            return work(conn)

    def stream(self, work: Callable[[Conn], Iterator[bytes]]) -> Iterator[bytes]:
        """Yield from `work` on one pooled connection, held until the stream ends."""
        if self.pool is None:
            raise HubDatabaseError("the hub is starting or stopping")
        with self.pool.connection() as conn:
            yield from work(conn)

    def user(self, request: Request) -> auth.User | None:
        header = request.headers.get("authorization", "")
        if not header:
            return None
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HTTPException(401, "use the header Authorization: Bearer <token>")
        user = self.run(lambda conn: auth.authenticate(conn, token.strip()))
        if user is None:
            raise HTTPException(401, "unknown or revoked token", {"WWW-Authenticate": "Bearer"})
        return user

    def require(self, request: Request, role: str) -> auth.User:
        user = self.user(request)
        if user is None:
            raise HTTPException(401, "this needs a token", {"WWW-Authenticate": "Bearer"})
        if not user.can(role):
            raise HTTPException(403, f"this needs the {role} role; you are a {user.role}")
        return user

    def reader(self, request: Request) -> None:
        if self.settings.public_read:
            self.user(request)  # a bad token is still an error
        else:
            self.require(request, "reader")

    def filters(self, params: dict[str, str]) -> Filters:
        f = Filters(
            search=_text(params, "search"),
            taxonomy_term_id=_text(params, "taxonomy_term_id", 200),
            taxonomy_id=_text(params, "taxonomy_id", 200),
            organization_id=_text(params, "organization_id", 200),
            modified_after=_time(params, "modified_after"),
        )
        lat, lon = _float(params, "lat", -90, 90), _float(params, "long", -180, 180)
        proximity = _float(params, "proximity", 0, 20_037_509)
        postcode = _text(params, "postcode", 20).strip()
        if (lat is None) != (lon is None):
            raise _bad("give lat and long together")
        if postcode and lat is not None:
            raise _bad("give either postcode or lat and long, not both")
        if postcode:
            centroid = postcode_centroid(postcode)
            if centroid is None:
                raise _bad(f"unknown postcode {postcode!r}")
            lat, lon = centroid
        if lat is not None and proximity is None:
            raise _bad("give proximity (in meters) with a postcode or a point")
        if proximity is not None and lat is None:
            raise _bad("proximity needs a postcode, or lat and long")
        f.latitude, f.longitude, f.radius_m = lat, lon, proximity
        return f

    def page(self, params: dict[str, str]) -> PageRequest:
        return PageRequest(
            page=_int(params, "page", 1, 1, 10_000_000),
            per_page=_int(params, "per_page", 50, 1, self.settings.max_per_page),
        )


def _format(params: dict[str, str]) -> str:
    value = params.get("format", "json").strip().lower() or "json"
    if value not in ("json", "ndjson"):
        raise _bad("format must be json or ndjson")
    return value


def _chunks(lines: Iterator[str]) -> Iterator[bytes]:
    buffer: list[str] = []
    size = 0
    for line in lines:
        buffer.append(line)
        size += len(line) + 1
        if size >= _CHUNK:
            yield ("\n".join(buffer) + "\n").encode("utf-8")
            buffer, size = [], 0
    if buffer:
        yield ("\n".join(buffer) + "\n").encode("utf-8")


async def _json_body(request: Request, limit: int) -> Any:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the request body is larger than {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the request body is larger than {limit:,} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data:
        return {}
    try:
        return json.loads(data)
    except (UnicodeDecodeError, ValueError):
        raise _bad("the request body is not JSON") from None


def create_app(settings: HubSettings, pool: ConnectionPool[Conn] | None = None) -> FastAPI:
    """The hub as an ASGI app; it opens (and closes) its own pool unless given one."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        opened: ConnectionPool[Conn] = (
            pool
            if pool is not None
            else await run_in_threadpool(make_pool, settings.dsn, max_size=settings.pool_size)
        )
        hub.pool = opened
        try:
            hub.run(check_ready)
            yield
        finally:
            if pool is None:
                opened.close()
            hub.pool = None

    hub = Hub(settings, pool)
    app = FastAPI(
        title="CBH Directory hub",
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = hub
    _errors(app)
    _read_routes(app, hub)
    _profile_routes(app, hub)
    return app


def _errors(app: FastAPI) -> None:
    def reply(status: int, detail: Any) -> JSONResponse:
        return JSONResponse({"detail": detail}, status_code=status)

    @app.exception_handler(ValidationError)
    async def invalid(_request: Request, exc: ValidationError) -> JSONResponse:
        return reply(422, [{"field": f, "problem": p} for f, p in exc.problems])

    @app.exception_handler(CBHError)
    async def refused(_request: Request, exc: CBHError) -> JSONResponse:
        if isinstance(exc, NotFoundError):
            return reply(404, exc.message)
        if isinstance(exc, proposals.ConflictError):
            return reply(409, exc.message)
        if isinstance(exc, HubDatabaseError):
            return reply(503, exc.message)
        if isinstance(exc, InputError):
            return reply(400, exc.message)
        return reply(500, exc.message)


def _read_routes(app: FastAPI, hub: Hub) -> None:
    def found(value: Any, what: str) -> Any:
        if value is None:
            raise HTTPException(404, f"no {what} with that id")
        return value

    @app.get("/")
    def root(request: Request) -> dict[str, str]:
        return {
            "version": HSDS_VERSION,
            "profile": str(request.url_for("profile")),
            "openapi_url": str(request.url_for("openapi")),
        }

    @app.get("/openapi.json", name="openapi")
    def openapi() -> dict[str, Any]:
        return served_openapi()

    @app.get("/services")
    def services(request: Request) -> Any:
        hub.reader(request)
        params = dict(request.query_params)
        f, fmt = hub.filters(params), _format(params)
        if fmt == "ndjson":

            def lines() -> Iterator[bytes]:
                yield from hub.stream(lambda conn: _chunks(Reads(conn).service_lines(f)))

            return StreamingResponse(lines(), media_type=NDJSON)
        page = hub.page(params)
        full, minimal = _bool(params, "full"), _bool(params, "minimal")
        total, texts = hub.run(lambda conn: Reads(conn).services(f, page, full=full))
        if minimal:
            keys = ("id", "name", "status", "last_modified")
            items = [json.loads(text) for text in texts]
            texts = [json.dumps({k: d[k] for k in keys if k in d}) for d in items]
        return Response(page_text(total, page, texts), media_type="application/json")

    @app.get("/services/{service_id}")
    def service(request: Request, service_id: str) -> Any:
        hub.reader(request)
        return found(hub.run(lambda conn: Reads(conn).service(service_id)), "service")

    @app.get("/service_at_locations")
    def service_at_locations(request: Request) -> Any:
        hub.reader(request)
        params = dict(request.query_params)
        f, page = hub.filters(params), hub.page(params)
        if _format(params) == "ndjson":
            raise _bad("format=ndjson is offered by /services")
        total, items = hub.run(lambda conn: Reads(conn).service_at_locations(f, page))
        return page_of(total, page, items)

    @app.get("/service_at_locations/{link_id}")
    def service_at_location(request: Request, link_id: str) -> Any:
        hub.reader(request)
        return found(hub.run(lambda conn: Reads(conn).service_of_link(link_id)), "service")

    @app.get("/organizations")
    def organizations(request: Request) -> Any:
        hub.reader(request)
        params = dict(request.query_params)
        page, search = hub.page(params), _text(params, "search")
        full = _bool(params, "full_service") or _bool(params, "full")
        total, items = hub.run(
            lambda conn: Reads(conn).organizations(search, page, full_service=full)
        )
        return page_of(total, page, items)

    @app.get("/organizations/{org_id}")
    def organization(request: Request, org_id: str) -> Any:
        hub.reader(request)
        full = _bool(dict(request.query_params), "full_service")
        return found(
            hub.run(lambda conn: Reads(conn).organization(org_id, full_service=full)),
            "organization",
        )

    @app.get("/taxonomies")
    def taxonomies(request: Request) -> Any:
        hub.reader(request)
        params = dict(request.query_params)
        page, search = hub.page(params), _text(params, "search")
        total, items = hub.run(lambda conn: Reads(conn).taxonomies(search, page))
        return page_of(total, page, items)

    @app.get("/taxonomies/{taxonomy_id}")
    def taxonomy(request: Request, taxonomy_id: str) -> Any:
        hub.reader(request)
        return found(hub.run(lambda conn: Reads(conn).taxonomy(taxonomy_id)), "taxonomy")

    @app.get("/taxonomy_terms")
    def taxonomy_terms(request: Request) -> Any:
        hub.reader(request)
        params = dict(request.query_params)
        page, search = hub.page(params), _text(params, "search")
        taxonomy_id = _text(params, "taxonomy_id", 200)
        parent_id, top = _text(params, "parent_id", 200), _bool(params, "top_only")
        total, items = hub.run(
            lambda conn: Reads(conn).taxonomy_terms(
                search, page, taxonomy_id=taxonomy_id, parent_id=parent_id, top_only=top
            )
        )
        return page_of(total, page, items)

    @app.get("/taxonomy_terms/{term_id}")
    def taxonomy_term(request: Request, term_id: str) -> Any:
        hub.reader(request)
        return found(hub.run(lambda conn: Reads(conn).taxonomy_term(term_id)), "taxonomy term")


def _profile_routes(app: FastAPI, hub: Hub) -> None:
    p = PROFILE_PREFIX

    @app.get(p, name="profile")
    def profile() -> dict[str, Any]:
        return {
            "name": "cbh-directory",
            "description": "CBH Directory's HSDS 3.0 profile: focus, moderation, activity and "
            "check-ups are attributes of the 'cbh-directory' taxonomy; writes go through "
            "review; deletions are listed since a time.",
            "taxonomy": "cbh-directory",
            "endpoints": {
                "deletions": f"{p}/deletions?since=<ISO date-time>",
                "proposals": f"{p}/proposals",
                "whoami": f"{p}/whoami",
            },
            "proposal_states": list(proposals.STATES),
        }

    @app.get(f"{p}/whoami")
    def whoami(request: Request) -> dict[str, Any]:
        user = hub.require(request, "reader")
        return {"name": user.name, "role": user.role}

    @app.get(f"{p}/deletions")
    def deletions(request: Request) -> dict[str, Any]:
        hub.reader(request)
        since = _time(dict(request.query_params), "since")
        rows = hub.run(lambda conn: Reads(conn).deletions(since))
        return {"since": since.isoformat() if since else None, "contents": rows}

    @app.get(f"{p}/proposals")
    def list_proposals(request: Request) -> dict[str, Any]:
        user = hub.require(request, "contributor")
        params = dict(request.query_params)
        ids_text = _text(params, "ids", 10_000)
        try:
            ids = [int(x) for x in ids_text.split(",") if x.strip()] if ids_text else None
        except ValueError:
            raise _bad("ids must be whole numbers separated by commas") from None
        state = _text(params, "state", 20)
        rows = hub.run(lambda conn: proposals.listing(conn, user, state=state, ids=ids))
        return {"contents": rows}

    @app.post(f"{p}/proposals", status_code=201)
    async def propose(request: Request) -> Any:
        user = await run_in_threadpool(hub.require, request, "contributor")
        body = await _json_body(request, hub.settings.max_body)
        return await run_in_threadpool(hub.run, lambda conn: proposals.propose(conn, user, body))

    @app.get(f"{p}/proposals/{{proposal_id}}")
    def proposal(request: Request, proposal_id: int) -> Any:
        user = hub.require(request, "contributor")
        return hub.run(lambda conn: proposals.get(conn, user, proposal_id))

    async def review(request: Request, proposal_id: int, approve: bool) -> Any:
        editor = await run_in_threadpool(hub.require, request, "editor")
        body = await _json_body(request, hub.settings.max_body)
        note = body.get("note", "") if isinstance(body, dict) else None
        if not isinstance(note, str):
            raise _bad('the body must be {"note": "..."} or empty')
        return await run_in_threadpool(
            hub.run,
            lambda conn: proposals.review(conn, editor, proposal_id, approve=approve, note=note),
        )

    @app.post(f"{p}/proposals/{{proposal_id}}/approve")
    async def approve(request: Request, proposal_id: int) -> Any:
        return await review(request, proposal_id, True)

    @app.post(f"{p}/proposals/{{proposal_id}}/reject")
    async def reject(request: Request, proposal_id: int) -> Any:
        return await review(request, proposal_id, False)
