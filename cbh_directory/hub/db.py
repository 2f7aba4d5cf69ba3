"""Connections to the hub's database: one for commands, a pool for the API."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from ..domain.errors import CBHError

DSN_ENV = "CBH_HUB_DSN"


class HubDatabaseError(CBHError):
    """The hub's PostgreSQL database cannot be reached or is not set up."""


# Every hub connection returns rows as dicts.
Conn = psycopg.Connection[dict[str, Any]]


def connect(dsn: str) -> Conn:
    """One connection (autocommit off), rows as dicts; for commands and loading."""
    try:
        return psycopg.connect(dsn, row_factory=dict_row)
    except psycopg.OperationalError as exc:
        raise HubDatabaseError(f"cannot connect to the hub database: {exc}".strip()) from exc


def check_ready(conn: Conn) -> None:
    """Raise HubDatabaseError unless `hub init` has set this database up."""
    row = conn.execute("SELECT to_regclass('hub_service') IS NOT NULL AS ready").fetchone()
    conn.rollback()
    if not row or not row["ready"]:
        raise HubDatabaseError("the database is not set up for the hub: run `hub init DSN` first")


def make_pool(dsn: str, *, min_size: int = 2, max_size: int = 10) -> ConnectionPool[Conn]:
    """A pool of connections for the API; opened here and waited for, closed by the caller."""
    pool: ConnectionPool[Conn] = ConnectionPool(
        dsn,
        connection_class=psycopg.Connection[dict[str, Any]],
        min_size=min_size,
        max_size=max_size,
        kwargs={"row_factory": dict_row},
        open=False,
        name="cbh-hub",
    )
    try:
        pool.open(wait=True, timeout=10)
    except Exception as exc:
        pool.close()
        raise HubDatabaseError(f"cannot connect to the hub database: {exc}") from exc
    return pool
