"""A guarded client of any HSDS API 3.0 server: pages, ndjson, the CBH profile, proposals.

Every response is held to limits (size, pages, strings, time) and must stay on the server's own
host; anything else is a SyncError that says what went wrong, before anything is changed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from ..domain.errors import DatasetError, Phrase
from ..domain.sync import SyncCancelled, SyncError, SyncLimits, SyncRefused
from .json_input import loads
from .safe_zip import human_size

MAX_REDIRECTS = 5
_NESTED = ("phones", "service_at_locations", "attributes", "languages", "service_areas")


def base_url(url: str) -> str:
    """The API's address as given, checked: http(s), a host, no query; no trailing slash."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError("{url!r} is not an http(s) address of an HSDS API", url=url)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise SyncError(
            "{url!r}: give the API's address without a query, fragment or login", url=url
        )
    return text.rstrip("/")


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


class HsdsApi:
    """One server, one token. `cancelled()` is polled between pages and lines."""

    def __init__(
        self,
        url: str,
        token: str | None = None,
        *,
        limits: SyncLimits | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = base_url(url)
        self.limits = limits or SyncLimits()
        self.cancelled = cancelled
        self.received = 0  # bytes, over every answer of this sync
        headers = {"Accept": "application/json, application/x-ndjson"}
        if token:
            if any(ord(c) < 33 or ord(c) > 126 for c in token):
                raise SyncError("the token has characters a token cannot have")
            headers["Authorization"] = f"Bearer {token}"
        self.client = httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(self.limits.timeout, connect=min(self.limits.timeout, 20)),
            follow_redirects=False,
            transport=transport,
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> HsdsApi:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transport -------------------------------------------------------------------------

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise SyncCancelled("the sync was cancelled; nothing was changed")

    def _open(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Send a request and return the streamed response, following redirects on the same
        host only. The caller closes the response."""
        url = path if path.startswith(("http://", "https://")) else self.url + path
        home = _origin(self.url)
        for _ in range(MAX_REDIRECTS + 1):
            self._check_cancel()
            try:
                request = self.client.build_request(method, url, **kwargs)
                response = self.client.send(request, stream=True)
            except httpx.TimeoutException:
                raise SyncError("{url} did not answer in time", url=self.url) from None
            except httpx.HTTPError as exc:
                raise SyncError(
                    "could not reach {url}: {reason}", url=self.url, reason=exc
                ) from None
            if response.status_code not in (301, 302, 303, 307, 308):
                return response
            response.close()
            target = urljoin(url, response.headers.get("location", ""))
            if _origin(target) != home:
                raise SyncError(
                    "{url} redirected to another host ({host}); a sync only follows redirects on "
                    "the same host",
                    url=self.url,
                    host=urlsplit(target).netloc or target,
                )
            url = target
        raise SyncError(
            "{url} redirected more than {max_redirects} times",
            url=self.url,
            max_redirects=MAX_REDIRECTS,
        )

    def _refused(self, response: httpx.Response, what: str) -> SyncRefused:
        status = response.status_code
        detail = ""
        try:
            body = json.loads(response.read()[:4096] or b"null")
            if isinstance(body, dict) and isinstance(body.get("detail"), str):
                detail = f": {body['detail'][:300]}"
        except (ValueError, httpx.HTTPError):
            pass
        if status == 401:
            return SyncRefused(
                "{url} needs a valid token for {what}{detail}",
                status,
                url=self.url,
                what=Phrase(what),
                detail=detail,
            )
        if status == 403:
            return SyncRefused(
                "{url} refused the token for {what}{detail}",
                status,
                url=self.url,
                what=Phrase(what),
                detail=detail,
            )
        return SyncRefused(
            "{url} answered {code} to {what}{detail}",
            status,
            url=self.url,
            code=status,
            what=Phrase(what),
            detail=detail,
        )

    def _body(self, response: httpx.Response, what: str) -> bytes:
        limit = self.limits.max_response_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise SyncError(
                "{what}: the answer is larger than {limit}",
                what=Phrase(what),
                limit=human_size(limit),
            )
        data = bytearray()
        try:
            for chunk in response.iter_bytes():
                data += chunk
                self._count(len(chunk), what)
                if len(data) > limit:
                    raise SyncError(
                        "{what}: the answer is larger than {limit}",
                        what=Phrase(what),
                        limit=human_size(limit),
                    )
                self._check_cancel()
        except httpx.TimeoutException:
            raise SyncError(
                "{url} stopped sending ({what})", url=self.url, what=Phrase(what)
            ) from None
        except httpx.HTTPError as exc:
            raise SyncError(
                "{what}: the connection failed ({reason})", what=Phrase(what), reason=exc
            ) from None
        return bytes(data)

    def _count(self, size: int, what: str) -> None:
        self.received += size
        if self.received > self.limits.max_total_bytes:
            raise SyncError(
                "{what}: the server sent more than {limit} in all",
                what=Phrase(what),
                limit=human_size(self.limits.max_total_bytes),
            )

    def _decode(self, data: bytes, what: str) -> Any:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise SyncError("{what}: the answer is not UTF-8 text", what=Phrase(what)) from None
        try:
            value = loads(text, what)
        except DatasetError as exc:
            raise SyncError("{reason} (the server's answer was not JSON)", reason=exc) from None
        if len(text) > self.limits.max_text:  # a shorter text cannot hold a longer string
            self.check_strings(value, what)
        return value

    def check_strings(self, value: Any, what: str) -> None:
        """Refuse a value holding a string longer than the limit (anywhere inside it)."""
        limit = self.limits.max_text
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                if len(item) > limit:
                    raise SyncError(
                        "{what}: a text of {count:,} characters (the limit is {limit:,})",
                        what=Phrase(what),
                        count=len(item),
                        limit=limit,
                    )
            elif isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)

    def get_json(self, path: str, params: dict[str, Any] | None = None, *, what: str = "") -> Any:
        what = what or f"GET {path}"
        response = self._open("GET", path, params=params)
        try:
            if response.status_code != 200:
                raise self._refused(response, what)
            return self._decode(self._body(response, what), what)
        finally:
            response.close()

    def post_json(self, path: str, body: Any, *, what: str) -> Any:
        response = self._open("POST", path, json=body)
        try:
            if response.status_code not in (200, 201):
                raise self._refused(response, what)
            return self._decode(self._body(response, what), what)
        finally:
            response.close()

    # -- HSDS reads ------------------------------------------------------------------------

    def root(self) -> dict[str, Any]:
        found = self.get_json("/", what="reading the API's root")
        if not isinstance(found, dict):
            raise SyncError(
                "{url}/ is not an HSDS API (its root is not a JSON object)", url=self.url
            )
        version = found.get("version")
        if not isinstance(version, str) or not version.startswith("3"):
            raise SyncError(
                "{url} does not say it is an HSDS API 3.0 (version {version!r})",
                url=self.url,
                version=version,
            )
        return found

    def profile_path(self, root: dict[str, Any]) -> str | None:
        """The CBH profile's path on this server, when its root names one on the same host."""
        profile = root.get("profile")
        if not isinstance(profile, str):
            return None
        target = urljoin(self.url + "/", profile)
        if _origin(target) != _origin(self.url) or not urlsplit(target).path.endswith("/profile"):
            return None
        path = urlsplit(target).path
        prefix = urlsplit(self.url).path
        return path[len(prefix) :] if path.startswith(prefix) else None

    def pages(self, path: str, params: dict[str, Any], what: str) -> Iterator[list[Any]]:
        """Each page's contents, until the server's last page (within the limits)."""
        page, seen_first = 1, None
        while True:
            self._check_cancel()
            if page > self.limits.max_pages:
                raise SyncError(
                    "{what}: more than {max_pages:,} pages; the server's paging does not end",
                    what=Phrase(what),
                    max_pages=self.limits.max_pages,
                )
            found = self.get_json(
                path, {**params, "page": page, "per_page": self.limits.per_page}, what=what
            )
            if not isinstance(found, dict) or not isinstance(found.get("contents"), list):
                raise SyncError(
                    "{what}: page {page} is not an HSDS page (no contents list)",
                    what=Phrase(what),
                    page=page,
                )
            contents = found["contents"]
            if page == 1:
                seen_first = contents
            elif contents and contents == seen_first:
                raise SyncError(
                    "{what}: page {page} repeats page 1; the server ignores paging",
                    what=Phrase(what),
                    page=page,
                )
            yield contents
            last_page = found.get("last_page") is True
            total_pages = found.get("total_pages")
            if (
                not contents
                or last_page
                or (isinstance(total_pages, int) and page >= total_pages)
                or (found.get("last_page") is None and total_pages is None)
            ):
                return
            page += 1

    def taxonomy_terms(self) -> list[dict[str, Any]]:
        terms: list[dict[str, Any]] = []
        for contents in self.pages("/taxonomy_terms", {}, "reading the taxonomy terms"):
            terms.extend(t for t in contents if isinstance(t, dict))
        return terms

    def taxonomies(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        try:
            for contents in self.pages("/taxonomies", {}, "reading the taxonomies"):
                found.extend(t for t in contents if isinstance(t, dict))
        except SyncError:
            return []  # optional: terms may name their taxonomy themselves
        return found

    def services(
        self, modified_after: str = "", progress: Callable[[int, int], None] | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every service changed since `modified_after` (all when empty), fully nested, with
        "ndjson" or "pages" saying how they came."""
        params = {"modified_after": modified_after} if modified_after else {}
        response = self._open("GET", "/services", params={**params, "format": "ndjson"})
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if response.status_code == 200 and "ndjson" in kind:
            try:
                yield from (("ndjson", s) for s in self._ndjson(response, progress))
            finally:
                response.close()
            return
        response.close()
        yield from (("pages", s) for s in self._paged_services(params, progress))

    def _ndjson(
        self, response: httpx.Response, progress: Callable[[int, int], None] | None
    ) -> Iterator[dict[str, Any]]:
        what = "reading the services (ndjson)"
        limit = self.limits.max_line_bytes
        buffer = bytearray()
        count = 0

        def one(line: bytes) -> dict[str, Any] | None:
            nonlocal count
            if not line.strip():
                return None
            service = self._decode(line, f"{what}, line {count + 1}")
            if not isinstance(service, dict):
                raise SyncError(
                    "{what}: line {line} is not a service object", what=Phrase(what), line=count + 1
                )
            count += 1
            if count > self.limits.max_services:
                raise SyncError(
                    "{what}: more than {max_services:,} services",
                    what=Phrase(what),
                    max_services=self.limits.max_services,
                )
            if progress and count % 200 == 0:
                progress(count, 0)
            return service

        try:
            for chunk in response.iter_bytes():
                self._check_cancel()
                buffer += chunk
                self._count(len(chunk), what)
                while (end := buffer.find(b"\n")) >= 0:
                    line = bytes(buffer[:end])
                    del buffer[: end + 1]
                    if len(line) > limit:
                        raise SyncError(
                            "{what}: a line is larger than {limit}",
                            what=Phrase(what),
                            limit=human_size(limit),
                        )
                    service = one(line)
                    if service is not None:
                        yield service
                if len(buffer) > limit:
                    raise SyncError(
                        "{what}: a line is larger than {limit}",
                        what=Phrase(what),
                        limit=human_size(limit),
                    )
        except httpx.TimeoutException:
            raise SyncError(
                "{url} stopped sending ({what})", url=self.url, what=Phrase(what)
            ) from None
        except httpx.HTTPError as exc:
            raise SyncError(
                "{what}: the connection failed ({reason})", what=Phrase(what), reason=exc
            ) from None
        service = one(bytes(buffer))
        if service is not None:
            yield service

    def _paged_services(
        self, params: dict[str, Any], progress: Callable[[int, int], None] | None
    ) -> Iterator[dict[str, Any]]:
        count = 0
        for contents in self.pages("/services", {**params, "full": "true"}, "reading the services"):
            for item in contents:
                if not isinstance(item, dict):
                    raise SyncError("reading the services: a page holds something not a service")
                count += 1
                if count > self.limits.max_services:
                    raise SyncError(
                        "reading the services: more than {max_services:,}",
                        max_services=self.limits.max_services,
                    )
                # A list page may give summaries only (the spec's service_list): fetch the
                # full service then.
                yield item if any(k in item for k in _NESTED) else self.service(item)
                if progress and count % 50 == 0:
                    progress(count, 0)  # the server's total is not trusted

    def service(self, summary: dict[str, Any]) -> dict[str, Any]:
        sid = summary.get("id")
        if not isinstance(sid, str) or not sid or "/" in sid or len(sid) > 500:
            raise SyncError("reading the services: a service has no usable id")
        found = self.get_json(f"/services/{sid}", what=f"reading the service {sid}")
        if not isinstance(found, dict):
            raise SyncError(
                "reading the service {sid}: the answer is not a service object", sid=sid
            )
        return found

    def service_ids(self) -> set[str]:
        """Every service id the server lists (to find deletions without the profile)."""
        ids: set[str] = set()
        for contents in self.pages("/services", {"minimal": "true"}, "listing every service id"):
            for item in contents:
                sid = item.get("id") if isinstance(item, dict) else None
                if not isinstance(sid, str) or not sid:
                    raise SyncError("listing every service id: an item has no id")
                ids.add(sid)
                if len(ids) > self.limits.max_services:
                    raise SyncError(
                        "listing every service id: more than {max_services:,}",
                        max_services=self.limits.max_services,
                    )
        return ids

    # -- the CBH profile ---------------------------------------------------------------------

    def deletions(self, profile: str, since: str) -> list[tuple[str, str]]:
        """(service id, resource id) of services the server removed since `since`."""
        found = self.get_json(
            f"{profile}/deletions", {"since": since} if since else None, what="reading deletions"
        )
        rows = found.get("contents") if isinstance(found, dict) else None
        if not isinstance(rows, list):
            raise SyncError("reading deletions: the answer has no contents list")
        out = []
        for row in rows:
            sid = row.get("service_id") if isinstance(row, dict) else None
            rid = row.get("resource_id", "") if isinstance(row, dict) else ""
            if not isinstance(sid, str) or not isinstance(rid, str):
                raise SyncError("reading deletions: an entry has no service_id")
            out.append((sid, rid or ""))
        return out

    def propose(self, profile: str, body: dict[str, Any]) -> dict[str, Any]:
        found = self.post_json(f"{profile}/proposals", body, what="sending a proposal")
        if not isinstance(found, dict) or not isinstance(found.get("id"), int):
            raise SyncError("sending a proposal: the answer has no proposal id")
        return found

    def proposals(self, profile: str, ids: list[int]) -> list[dict[str, Any]]:
        found = self.get_json(
            f"{profile}/proposals",
            {"ids": ",".join(str(i) for i in ids)},
            what="reading the state of proposals",
        )
        rows = found.get("contents") if isinstance(found, dict) else None
        if not isinstance(rows, list):
            raise SyncError("reading the state of proposals: the answer has no contents list")
        return [row for row in rows if isinstance(row, dict)]
