"""Writing resources into the hub: HSDS rows, the served document, search, and the change log."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from psycopg.types.json import Jsonb

from ..domain import vocabulary as vocab
from ..domain.model import Resource
from ..exchange.hsds_common import stable_uuid
from ..exchange.hsds_write_tables import TableBuilder
from ..paths import gazetteer_dir
from . import checkups
from .db import Conn
from .documents import list_item, service_document

# Children before parents when deleting, parents before children when inserting.
_CHILD_TABLES = ("attribute", "phone", "language", "service_area", "schedule")
_INSERT_ORDER = (
    "organization",
    "service",
    "location",
    "service_at_location",
    "address",
    "phone",
    "language",
    "service_area",
    "attribute",
)
CHUNK = 5000
# One writer at a time, so that change times follow commit order closely.
WRITE_LOCK = 0x43424857
_HUB_COLUMNS = (
    "service_id",
    "resource_id",
    "organization_id",
    "name",
    "resource",
    "document",
    "summary",
    "modified",
    "archived_at",
)
_SEARCH_STAGE = (
    "service_id",
    "organization_id",
    "name",
    "modified",
    "latitude",
    "longitude",
    "search_name",
    "search_body",
)
# Both languages' parsers stem every text: English names, Spanish descriptions, and the other
# way round, are all found.
_VECTORS = """
    setweight(to_tsvector('english', s.search_name), 'A')
    || setweight(to_tsvector('spanish', s.search_name), 'A')
    || setweight(to_tsvector('english', s.search_body), 'B')
    || setweight(to_tsvector('spanish', s.search_body), 'B')"""
_SEARCH_COLUMNS = (
    "service_id",
    "organization_id",
    "name",
    "modified",
    "earth",
    "name_search",
    "search",
)
_NAME_VECTOR = "to_tsvector('english', s.search_name) || to_tsvector('spanish', s.search_name)"


def _json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


@dataclass
class WriteReport:
    """What a write did, by the app's resource ids."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.added):,} added, {len(self.updated):,} updated, "
            f"{len(self.unchanged):,} unchanged, {len(self.archived):,} archived"
        )


def service_id_of(resource_id: str) -> str:
    return stable_uuid("service", resource_id)


def now() -> dt.datetime:
    """The time of a change, to the millisecond (HSDS asks for millisecond accuracy)."""
    moment = dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _country_names() -> dict[str, str]:
    names = {}
    path = gazetteer_dir() / "countries.tsv"
    with open(path, encoding="utf-8") as stream:
        next(stream)
        for line in stream:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                names[parts[0]] = parts[1]
    return names


_COUNTRIES: dict[str, str] = {}


def country_names() -> dict[str, str]:
    if not _COUNTRIES:
        _COUNTRIES.update(_country_names())
    return _COUNTRIES


def search_texts(r: Resource) -> tuple[str, str]:
    """(name text, body text) for full-text search, weighted A and B."""
    name = " ".join([r.name, *r.alternate_names])
    focus = [vocab.FOCUS_BY_ID[f].label for f in r.focus if f in vocab.FOCUS_BY_ID]
    kind = vocab.KIND_BY_ID[r.kind].label if r.kind in vocab.KIND_BY_ID else r.kind
    body = " ".join(
        part
        for part in (
            r.description,
            kind,
            *focus,
            *r.tags,
            r.city,
            r.region,
            r.service_area,
            r.eligibility,
        )
        if part
    )
    return name, body


def _taxonomy(conn: Conn, term_rows: Iterable[dict[str, str]]) -> None:
    builder = TableBuilder({})
    with conn.cursor() as cur:
        for row in builder.tables()["taxonomy"]:
            cur.execute(
                "INSERT INTO taxonomy (id, name, description, version) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (id) DO NOTHING",
                (row["id"], row["name"], row["description"], row["version"]),
            )
        columns = ("id", "code", "name", "description", "taxonomy", "language", "taxonomy_id")
        cur.executemany(
            "INSERT INTO taxonomy_term (id, code, name, description, taxonomy, language, "
            "taxonomy_id) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
            [tuple(row[c] for c in columns) for row in term_rows],
        )


def term_rows(tags: Iterable[str]) -> list[dict[str, str]]:
    """Every term of the app's taxonomy, the given free tags' and the check-up term."""
    builder = TableBuilder({})
    builder.tags.update(dict.fromkeys(tags))
    return [*builder.tables()["taxonomy_term"], checkups.term_row()]


def _copy(
    conn: Conn, table: str, rows: list[dict[str, Any]], *, empty_is_null: bool = True
) -> None:
    """COPY rows (dicts with the same keys) into a table; "" becomes NULL unless told not to."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            if empty_is_null:
                copy.write_row([None if row.get(c) == "" else row.get(c) for c in columns])
            else:
                copy.write_row([row.get(c) for c in columns])


def _delete_rows(conn: Conn, service_ids: list[str]) -> None:
    """Remove the HSDS rows of these services (the hub's own record stays)."""
    if not service_ids:
        return
    with conn.cursor() as cur:
        cur.execute("DELETE FROM attribute WHERE link_id = ANY(%s)", (service_ids,))
        for table in _CHILD_TABLES[1:]:
            cur.execute(f"DELETE FROM {table} WHERE service_id = ANY(%s)", (service_ids,))
        cur.execute(
            "CREATE TEMP TABLE IF NOT EXISTS gone_location (id text) ON COMMIT DROP; "
            "TRUNCATE gone_location"
        )
        cur.execute(
            "INSERT INTO gone_location SELECT location_id FROM service_at_location "
            "WHERE service_id = ANY(%s)",
            (service_ids,),
        )
        cur.execute("DELETE FROM service_at_location WHERE service_id = ANY(%s)", (service_ids,))
        cur.execute("DELETE FROM address WHERE location_id IN (SELECT id FROM gone_location)")
        cur.execute(
            "CREATE TEMP TABLE IF NOT EXISTS gone_organization (id text) ON COMMIT DROP; "
            "TRUNCATE gone_organization"
        )
        cur.execute(
            "INSERT INTO gone_organization SELECT organization_id FROM service "
            "WHERE id = ANY(%s) AND organization_id IS NOT NULL",
            (service_ids,),
        )
        cur.execute("DELETE FROM service WHERE id = ANY(%s)", (service_ids,))
        cur.execute("DELETE FROM location WHERE id IN (SELECT id FROM gone_location)")
        cur.execute(
            "DELETE FROM organization o WHERE o.id IN (SELECT id FROM gone_organization) "
            "AND NOT EXISTS (SELECT 1 FROM service s WHERE s.organization_id = o.id) "
            "AND NOT EXISTS (SELECT 1 FROM location l WHERE l.organization_id = o.id)"
        )


def _checkups_of(conn: Conn, service_ids: list[str]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    if not service_ids:
        return found
    rows = conn.execute(
        "SELECT service_id, value FROM hub_checkup WHERE service_id = ANY(%s) "
        "ORDER BY approved_at, id",
        (service_ids,),
    )
    for row in rows:
        found.setdefault(row["service_id"], []).append(row["value"])
    return found


def _metadata(
    service_id: str, when: dt.datetime, action: str, name: str, old: str, new: str, by: str
) -> dict[str, Any]:
    return {
        "id": stable_uuid("metadata", service_id, iso(when), action, name, new[:200]),
        "resource_id": service_id,
        "resource_type": "service",
        "last_action_date": when,
        "last_action_type": action,
        "field_name": name,
        "previous_value": old,
        "replacement_value": new,
        "updated_by": by,
    }


def _text(value: Any) -> str:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field, old text, new text) of every field that differs."""
    return [
        (name, _text(old.get(name)), _text(new.get(name)))
        for name in Resource.field_names()
        if old.get(name) != new.get(name)
    ]


class Writer:
    """Writes within the caller's transaction; every public method takes the write lock."""

    def __init__(self, conn: Conn, by: str) -> None:
        self.conn = conn
        self.by = by
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        # Taken under the lock, so that change times follow the order writes commit in.
        self.when = now()

    def _existing(self, resource_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT resource_id, resource, archived_at FROM hub_service "
            "WHERE resource_id = ANY(%s)",
            (list(resource_ids),),
        )
        return {row["resource_id"]: row for row in rows}

    def save(self, resources: Sequence[Resource]) -> WriteReport:
        """Add or replace these resources; unchanged ones are left alone (their time too).

        Written in chunks so that memory stays flat for 100,000 resources."""
        report = WriteReport()
        for start in range(0, len(resources), CHUNK):
            self._save_chunk(resources[start : start + CHUNK], report)
        return report

    def _save_chunk(self, resources: Sequence[Resource], report: WriteReport) -> None:
        existing = self._existing([r.id for r in resources])
        todo: list[Resource] = []
        updated: set[str] = set()
        log: list[dict[str, Any]] = []
        for r in resources:
            data = r.to_dict()
            sid = service_id_of(r.id)
            before = existing.get(r.id)
            if before is None or before["archived_at"] is not None:
                report.added.append(r.id)
                log.append(_metadata(sid, self.when, "create", "resource", "", r.name, self.by))
            elif before["resource"] == data:
                report.unchanged.append(r.id)
                continue
            else:
                report.updated.append(r.id)
                updated.add(r.id)
                log += [
                    _metadata(sid, self.when, "update", name, old, new, self.by)
                    for name, old, new in changes(before["resource"], data)
                ]
            todo.append(r)
        self._write(todo, known=updated)
        _copy(self.conn, "metadata", log, empty_is_null=False)

    def refresh(self, resource_ids: Sequence[str]) -> None:
        """Rebuild the rows and document of stored resources (after a check-up was added)."""
        existing = self._existing(resource_ids)
        resources = [Resource.from_dict(row["resource"]) for row in existing.values()]
        self._write(resources, known={r.id for r in resources})

    def _write(self, resources: Sequence[Resource], *, known: set[str]) -> None:
        if not resources:
            return
        service_ids = [service_id_of(r.id) for r in resources]
        _delete_rows(self.conn, [service_id_of(rid) for rid in known])
        found_checkups = _checkups_of(self.conn, service_ids)
        terms = term_rows({t for r in resources for t in r.tags})
        _taxonomy(self.conn, terms)
        tables: dict[str, list[dict[str, Any]]] = {name: [] for name in _INSERT_ORDER}
        hub_rows = []
        stamp = iso(self.when)
        names = country_names()
        for r in resources:
            builder = TableBuilder(names)
            builder.add(r)
            rows: dict[str, list[dict[str, Any]]] = dict(builder.rows)
            sid = service_id_of(r.id)
            rows["service"][0]["last_modified"] = stamp
            rows["attribute"] = [
                *rows["attribute"],
                *(checkups.attribute_row(r.id, sid, c) for c in found_checkups.get(sid, [])),
            ]
            for name in _INSERT_ORDER:
                tables[name].extend(rows.get(name, []))
            search_name, search_body = search_texts(r)
            document = service_document(rows, stamp)
            hub_rows.append(
                {
                    "service_id": sid,
                    "resource_id": r.id,
                    "organization_id": rows["organization"][0]["id"],
                    "name": r.name,
                    "resource": Jsonb(r.to_dict()),
                    "document": _json(document),
                    "summary": _json(list_item(document)),
                    "modified": self.when,
                    "archived_at": None,
                    "latitude": r.latitude,
                    "longitude": r.longitude,
                    "search_name": search_name,
                    "search_body": search_body,
                }
            )
        for name in _INSERT_ORDER:
            _copy(self.conn, name, tables[name])
        self._upsert_hub(hub_rows)

    def _upsert_hub(self, rows: list[dict[str, Any]]) -> None:
        """Upsert the hub's record and document, then the search row computed from staged text."""
        with self.conn.cursor() as cur:
            cur.execute(
                "CREATE TEMP TABLE IF NOT EXISTS hub_stage (LIKE hub_service) ON COMMIT DROP; "
                "TRUNCATE hub_stage; "
                "CREATE TEMP TABLE IF NOT EXISTS search_stage (service_id text, "
                "organization_id text, name text, modified timestamptz, latitude float8, "
                "longitude float8, search_name text, search_body text) ON COMMIT DROP; "
                "TRUNCATE search_stage"
            )
            for table, columns in (("hub_stage", _HUB_COLUMNS), ("search_stage", _SEARCH_STAGE)):
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([row[c] for c in columns])
            names = ", ".join(_HUB_COLUMNS)
            updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in _HUB_COLUMNS[1:])
            cur.execute(
                f"INSERT INTO hub_service ({names}) SELECT {names} FROM hub_stage "
                f"ON CONFLICT (service_id) DO UPDATE SET {updates}"
            )
            cur.execute(
                "INSERT INTO hub_search (service_id, organization_id, name, modified, earth, "
                "name_search, search) SELECT s.service_id, s.organization_id, s.name, s.modified, "
                "CASE WHEN s.latitude IS NULL OR s.longitude IS NULL THEN NULL "
                "ELSE ll_to_earth(s.latitude, s.longitude) END, "
                f"{_NAME_VECTOR}, {_VECTORS} FROM search_stage s "
                "ON CONFLICT (service_id) DO UPDATE SET "
                + ", ".join(f"{c} = EXCLUDED.{c}" for c in _SEARCH_COLUMNS[1:])
            )

    def archive(self, resource_ids: Sequence[str], *, reason: str = "") -> WriteReport:
        """Take these resources out of the API and log their deletion for syncing desktops."""
        report = WriteReport()
        existing = self._existing(resource_ids)
        live = [
            rid for rid in resource_ids if rid in existing and existing[rid]["archived_at"] is None
        ]
        if not live:
            return report
        sids = [service_id_of(rid) for rid in live]
        _delete_rows(self.conn, sids)
        self.conn.execute("DELETE FROM hub_search WHERE service_id = ANY(%s)", (sids,))
        self.conn.execute(
            "UPDATE hub_service SET archived_at = %s, modified = %s, document = NULL, "
            "summary = NULL WHERE service_id = ANY(%s)",
            (self.when, self.when, sids),
        )
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO hub_deletion (service_id, resource_id, deleted_at, deleted_by, reason)"
                " VALUES (%s, %s, %s, %s, %s)",
                [(service_id_of(rid), rid, self.when, self.by, reason) for rid in live],
            )
        _copy(
            self.conn,
            "metadata",
            [
                _metadata(service_id_of(rid), self.when, "delete", "resource", rid, "", self.by)
                for rid in live
            ],
            empty_is_null=False,
        )
        report.archived = live
        return report

    def add_checkup(self, resource_id: str, checkup: dict[str, Any]) -> bool:
        """Store an approved check-up and republish the service; False if it was already there."""
        sid, by = service_id_of(resource_id), self.by
        inserted = self.conn.execute(
            "INSERT INTO hub_checkup (id, service_id, value, approved_at) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (id) DO NOTHING RETURNING id",
            (checkup["id"], sid, Jsonb(checkup), self.when),
        ).fetchone()
        if inserted is None:
            return False
        self.refresh([resource_id])
        _copy(
            self.conn,
            "metadata",
            [_metadata(sid, self.when, "create", "checkup", "", checkups.compact(checkup), by)],
            empty_is_null=False,
        )
        return True
