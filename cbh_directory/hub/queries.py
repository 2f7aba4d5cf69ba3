"""Read queries behind the HSDS API: filters, full-text search, distance, pages and streams."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from psycopg import sql

from .db import Conn
from .documents import clean, list_item, location_item

_MATCH = "h.search @@ %(tsq)s::tsquery"
# Past this many matches, results rank by their names only (see _order).
RANK_ALL = 5000
# Both languages' parsers read the words, so "grupos de apoyo" and "support groups" both stem.
_TSQUERY = "(websearch_to_tsquery('english', %(q)s) || websearch_to_tsquery('spanish', %(q)s))"


@dataclass
class Filters:
    """What narrows a list of services (and of their service_at_locations)."""

    search: str = ""
    tsquery: str = ""  # the search parsed (by Reads), as tsquery text
    taxonomy_term_id: str = ""
    taxonomy_id: str = ""
    organization_id: str = ""
    modified_after: dt.datetime | None = None
    latitude: float | None = None
    longitude: float | None = None
    radius_m: float | None = None

    @property
    def near(self) -> bool:
        return self.latitude is not None and self.radius_m is not None


@dataclass
class PageRequest:
    page: int = 1
    per_page: int = 50

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def _where(f: Filters) -> tuple[list[str], dict[str, Any]]:
    """Conditions on `h` (hub_search: live services only) and their parameters."""
    clauses = ["TRUE"]
    params: dict[str, Any] = {}
    if f.tsquery:
        params["tsq"] = f.tsquery
        clauses.append(_MATCH)
    if f.modified_after is not None:
        params["modified_after"] = f.modified_after
        clauses.append("h.modified >= %(modified_after)s")
    if f.organization_id:
        params["organization_id"] = f.organization_id
        clauses.append("h.organization_id = %(organization_id)s")
    if f.taxonomy_term_id:
        params["term"] = f.taxonomy_term_id
        clauses.append(
            "h.service_id IN (SELECT link_id FROM attribute WHERE taxonomy_term_id = %(term)s)"
        )
    if f.taxonomy_id:
        params["taxonomy"] = f.taxonomy_id
        clauses.append(
            "h.service_id IN (SELECT a.link_id FROM attribute a JOIN taxonomy_term t "
            "ON t.id = a.taxonomy_term_id WHERE t.taxonomy_id = %(taxonomy)s)"
        )
    if f.near:
        params.update(lat=f.latitude, lon=f.longitude, radius=f.radius_m)
        clauses.append(
            "earth_box(ll_to_earth(%(lat)s, %(lon)s), %(radius)s) @> h.earth "
            "AND earth_distance(ll_to_earth(%(lat)s, %(lon)s), h.earth) <= %(radius)s"
        )
    return clauses, params


def _order(f: Filters, total: int) -> str:
    if f.near:
        return "earth_distance(ll_to_earth(%(lat)s, %(lon)s), h.earth), h.service_id"
    if f.tsquery and total <= RANK_ALL:
        return "ts_rank(h.search, %(tsq)s::tsquery) DESC, h.name, h.service_id"
    # Ranking reads every match's whole text vector: past RANK_ALL matches, by name.
    return "h.name, h.service_id"


def page_of(total: int, page: PageRequest, contents: list[Any]) -> dict[str, Any]:
    """The HSDS Page object around one page of contents."""
    pages = max(1, math.ceil(total / page.per_page)) if total else 0
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page.page,
        "size": len(contents),
        "first_page": page.page == 1,
        "last_page": page.page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def page_text(total: int, page: PageRequest, contents: list[str]) -> str:
    """The same Page as JSON text, around contents that are JSON texts already."""
    head = page_of(total, page, contents)
    del head["contents"]
    return (
        json.dumps(head, separators=(",", ":"))[:-1] + ',"contents":[' + ",".join(contents) + "]}"
    )


class Reads:
    """Queries on one connection (from the pool); documents come back as JSON text."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    def _words(self, f: Filters) -> Filters:
        """Parse the search once into a tsquery (a constant in the queries, rather than a
        function the executor would call again for every row it ranks); a search of stop words
        only, which would match nothing, filters nothing instead."""
        if not f.search.strip():
            return f
        row = self.conn.execute(
            f"SELECT {_TSQUERY}::text AS q, numnode({_TSQUERY}) AS n", {"q": f.search}
        ).fetchone()
        if not row or not row["n"]:
            return dataclasses.replace(f, search="", tsquery="")
        return dataclasses.replace(f, tsquery=row["q"])

    def _count(self, query: str, params: dict[str, Any]) -> int:
        row = self.conn.execute(query, params).fetchone()
        return int(row["n"]) if row else 0

    def services(
        self, f: Filters, page: PageRequest, *, full: bool = False
    ) -> tuple[int, list[str]]:
        """The total and one page of services, each as JSON text (nested with `full`)."""
        f = self._words(f)
        clauses, params = _where(f)
        total = self._count(
            f"SELECT count(*) AS n FROM hub_search h WHERE {' AND '.join(clauses)}", params
        )
        column = "d.document" if full else "d.summary"
        if f.tsquery and not f.near and total > RANK_ALL:
            return total, self._names_first(clauses, params, page, column)
        return total, self._page(clauses, params, _order(f, total), page, column)

    def _page(
        self,
        clauses: list[str],
        params: dict[str, Any],
        order: str,
        page: PageRequest,
        column: str,
        *,
        offset: int | None = None,
        limit: int | None = None,
    ) -> list[str]:
        rows = self.conn.execute(
            f"SELECT {column} AS text FROM hub_search h JOIN hub_service d "
            f"ON d.service_id = h.service_id WHERE {' AND '.join(clauses)} "
            f"ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s",
            {
                **params,
                "limit": page.per_page if limit is None else limit,
                "offset": page.offset if offset is None else offset,
            },
        )
        return [row["text"] for row in rows]

    def _names_first(
        self, clauses: list[str], params: dict[str, Any], page: PageRequest, column: str
    ) -> list[str]:
        """Many matches: those matching by name first, then the others, each by name.

        Both walk the name index and stop at the page, where ranking would score every match."""
        # A name match is a match: the text vector holds the names too.
        named = [*(c for c in clauses if c != _MATCH), "h.name_search @@ %(tsq)s::tsquery"]
        others = [*clauses, "NOT h.name_search @@ %(tsq)s::tsquery"]
        by_name = "h.name, h.service_id"
        in_names = self._count(
            f"SELECT count(*) AS n FROM hub_search h WHERE {' AND '.join(named)}", params
        )
        texts: list[str] = []
        if page.offset < in_names:
            texts = self._page(named, params, by_name, page, column)
        rest = page.per_page - len(texts)
        if rest > 0:
            texts += self._page(
                others, params, by_name, page, column,
                offset=max(0, page.offset - in_names), limit=rest,
            )  # fmt: skip
        return texts

    def service_lines(self, f: Filters) -> Iterator[str]:
        """Every matching service as one JSON text, streamed from a server-side cursor."""
        f = self._words(f)
        clauses, params = _where(f)
        where = " AND ".join(clauses)
        with self.conn.transaction(), self.conn.cursor(name="ndjson") as cur:
            cur.itersize = 2000
            cur.execute(
                "SELECT d.document AS line FROM hub_search h JOIN hub_service d "
                f"ON d.service_id = h.service_id WHERE {where} ORDER BY h.service_id",
                params,
            )
            for row in cur:
                yield row["line"]

    def service(self, service_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT document FROM hub_service WHERE service_id = %s AND archived_at IS NULL",
            (service_id,),
        ).fetchone()
        if row is None:
            return None
        document: dict[str, Any] = json.loads(row["document"])
        history = self.conn.execute(
            "SELECT id, resource_id, resource_type, last_action_date, last_action_type, "
            "field_name, previous_value, replacement_value, updated_by FROM metadata "
            "WHERE resource_id = %s ORDER BY last_action_date, id",
            (service_id,),
        )
        document["metadata"] = [
            {**m, "last_action_date": m["last_action_date"].isoformat()} for m in history
        ]
        return document

    def service_at_locations(
        self, f: Filters, page: PageRequest
    ) -> tuple[int, list[dict[str, Any]]]:
        f = self._words(f)
        clauses, params = _where(f)
        where = " AND ".join(clauses)
        base = (
            "FROM service_at_location sal JOIN hub_search h ON h.service_id = sal.service_id "
            f"JOIN hub_service d ON d.service_id = h.service_id WHERE {where}"
        )
        total = self._count(f"SELECT count(*) AS n {base}", params)
        params.update(limit=page.per_page, offset=page.offset)
        rows = self.conn.execute(
            f"SELECT sal.id, d.document {base} ORDER BY {_order(f, total)}, sal.id "
            "LIMIT %(limit)s OFFSET %(offset)s",
            params,
        )
        return total, [_link_item(row["id"], json.loads(row["document"])) for row in rows]

    def service_of_link(self, link_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT h.service_id FROM service_at_location sal JOIN hub_search h "
            "ON h.service_id = sal.service_id WHERE sal.id = %s",
            (link_id,),
        ).fetchone()
        return None if row is None else self.service(row["service_id"])

    def organizations(
        self, search: str, page: PageRequest, *, full_service: bool
    ) -> tuple[int, list[dict[str, Any]]]:
        f = self._words(Filters(search=search))
        clauses, params = _where(f)
        where = " AND ".join(clauses)
        base = (
            "FROM organization o WHERE o.id IN "
            f"(SELECT h.organization_id FROM hub_search h WHERE {where})"
        )
        total = self._count(f"SELECT count(*) AS n {base}", params)
        params.update(limit=page.per_page, offset=page.offset)
        rows = self.conn.execute(
            f"SELECT o.* {base} ORDER BY o.name, o.id LIMIT %(limit)s OFFSET %(offset)s",
            params,
        ).fetchall()
        return total, [self._organization(row, full_service=full_service) for row in rows]

    def organization(self, org_id: str, *, full_service: bool) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT o.* FROM organization o WHERE o.id = %s AND EXISTS (SELECT 1 FROM "
            "hub_search h WHERE h.organization_id = o.id)",
            (org_id,),
        ).fetchone()
        return None if row is None else self._organization(row, full_service=full_service)

    def _organization(self, row: dict[str, Any], *, full_service: bool) -> dict[str, Any]:

        org = clean("organization", row)
        services = self.conn.execute(
            "SELECT document FROM hub_service WHERE organization_id = %s AND archived_at IS NULL "
            "ORDER BY name, service_id",
            (row["id"],),
        )
        documents = [json.loads(s["document"]) for s in services]
        org["services"] = documents if full_service else [list_item(d) for d in documents]
        return org

    def taxonomies(self, search: str, page: PageRequest) -> tuple[int, list[dict[str, Any]]]:
        return self._simple("taxonomy", ("name", "description"), search, {}, page)

    def taxonomy(self, taxonomy_id: str) -> dict[str, Any] | None:
        return self._one("taxonomy", taxonomy_id)

    def taxonomy_terms(
        self,
        search: str,
        page: PageRequest,
        *,
        taxonomy_id: str = "",
        parent_id: str = "",
        top_only: bool = False,
    ) -> tuple[int, list[dict[str, Any]]]:
        equal = {"taxonomy_id": taxonomy_id, "parent_id": parent_id}
        return self._simple(
            "taxonomy_term",
            ("code", "name", "description"),
            search,
            {k: v for k, v in equal.items() if v},
            page,
            extra="parent_id IS NULL" if top_only else "",
        )

    def taxonomy_term(self, term_id: str) -> dict[str, Any] | None:
        return self._one("taxonomy_term", term_id)

    def _one(self, table: str, row_id: str) -> dict[str, Any] | None:

        row = self.conn.execute(
            sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(table)), (row_id,)
        ).fetchone()
        return None if row is None else clean(table, row)

    def _simple(
        self,
        table: str,
        columns: tuple[str, ...],
        search: str,
        equal: dict[str, str],
        page: PageRequest,
        *,
        extra: str = "",
    ) -> tuple[int, list[dict[str, Any]]]:

        clauses: list[sql.Composable] = [sql.SQL("TRUE")]
        params: dict[str, Any] = {}
        if search.strip():
            params["like"] = (
                "%"
                + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            clauses.append(
                sql.SQL("(")
                + sql.SQL(" OR ").join(
                    sql.SQL("{} ILIKE %(like)s").format(sql.Identifier(c)) for c in columns
                )
                + sql.SQL(")")
            )
        for column, value in equal.items():
            params[column] = value
            clauses.append(
                sql.SQL("{} = {}").format(sql.Identifier(column), sql.Placeholder(column))
            )
        if extra:
            clauses.append(sql.SQL(extra))
        where = sql.SQL(" AND ").join(clauses)
        name = sql.Identifier(table)
        total = self._count(
            sql.SQL("SELECT count(*) AS n FROM {} WHERE {}")
            .format(name, where)
            .as_string(self.conn),
            params,
        )
        params.update(limit=page.per_page, offset=page.offset)
        rows = self.conn.execute(
            sql.SQL(
                "SELECT * FROM {} WHERE {} ORDER BY name, id LIMIT %(limit)s OFFSET %(offset)s"
            ).format(name, where),
            params,
        )
        return total, [clean(table, row) for row in rows]

    def deletions(self, since: dt.datetime | None) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT service_id, resource_id, deleted_at FROM hub_deletion "
            "WHERE %(since)s::timestamptz IS NULL OR deleted_at >= %(since)s ORDER BY id",
            {"since": since},
        )
        return [
            {
                "service_id": row["service_id"],
                "resource_id": row["resource_id"],
                "deleted_at": row["deleted_at"].isoformat(),
            }
            for row in rows
        ]


def _link_item(link_id: str, document: dict[str, Any]) -> dict[str, Any]:
    """A service_at_location for a list page: its own fields, its location and its service."""

    for link in document.get("service_at_locations", []):
        if link.get("id") == link_id:
            item = {k: v for k, v in link.items() if k != "location"}
            if "location" in link:
                item["location"] = location_item(link["location"])
            item["service"] = list_item(document)
            return item
    return {"id": link_id, "service_id": document["id"], "service": list_item(document)}
