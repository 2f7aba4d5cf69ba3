"""Connections to the hub's database: one for commands, a pool for the API."""

from __future__ import annotations

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from ..domain.errors import CBHError

DSN_ENV = "CBH_HUB_DSN"


class HubDatabaseError(CBHError):
    """The hub's PostgreSQL database cannot be reached or is not set up."""


def connect(dsn: str) -> psycopg.Connection:
    """One connection (autocommit off), rows as dicts; for commands and loading."""
    try:
        return psycopg.connect(dsn, row_factory=dict_row)  # type: ignore[return-value]
    except psycopg.OperationalError as exc:
        raise HubDatabaseError(f"cannot connect to the hub database: {exc}".strip()) from exc


def check_ready(conn: psycopg.Connection) -> None:
    """Raise HubDatabaseError unless `hub init` has set this database up."""
    row = conn.execute("SELECT to_regclass('hub_service') IS NOT NULL AS ready").fetchone()
    conn.rollback()
    if not row or not row["ready"]:  # type: ignore[call-overload]
        raise HubDatabaseError("the database is not set up for the hub: run `hub init DSN` first")


def make_pool(dsn: str, *, min_size: int = 2, max_size: int = 10) -> ConnectionPool:
    """A pool of connections for the API; opened here and waited for, closed by the caller."""
    pool = ConnectionPool(
        dsn,
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
