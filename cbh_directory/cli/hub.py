"""`cbh-directory hub`: set up, load, manage users of and serve the agency's HSDS API hub."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ..domain.errors import CBHError, InputError

DSN_HELP = (
    "PostgreSQL connection string, e.g. 'host=/run/postgresql dbname=cbh_hub' (or set CBH_HUB_DSN)."
)
ROLES = ("reader", "contributor", "editor", "admin")


class HubUnavailable(CBHError):
    """The hub's extra packages are not installed."""


@contextmanager
def _connection(dsn: str | None) -> Iterator[Any]:
    """A hub database connection; database errors become one clear line."""
    try:
        import psycopg

        from ..hub import db
    except ImportError as exc:
        raise HubUnavailable(
            "the hub needs its extra packages ({name}): pip install 'cbh-directory[hub]'",
            name=exc.name,
        ) from exc
    if not dsn:
        raise InputError("no database given: use --dsn or set {dsn_env}", dsn_env=db.DSN_ENV)
    conn = db.connect(dsn)
    try:
        yield conn
    except psycopg.Error as exc:
        raise db.HubDatabaseError(f"database error: {str(exc).strip().splitlines()[0]}") from exc
    finally:
        conn.close()


def _ready(conn: Any) -> None:
    from ..hub.db import check_ready

    check_ready(conn)


@click.group("hub")
@click.option("--dsn", envvar="CBH_HUB_DSN", help=DSN_HELP)
@click.pass_context
def hub_group(ctx: click.Context, dsn: str | None) -> None:
    """The agency hub: an HSDS API 3.0 service over PostgreSQL (needs the [hub] extra)."""
    ctx.meta["hub_dsn"] = dsn


def _dsn() -> str | None:
    return click.get_current_context().meta.get("hub_dsn")


def _run(work: Callable[[Any], None], *, ready: bool = True) -> None:
    with _connection(_dsn()) as conn:
        if ready:
            _ready(conn)
        work(conn)


@hub_group.command("init")
@click.argument("dsn", required=False)
def init_command(dsn: str | None) -> None:
    """Create or upgrade the hub's tables in the PostgreSQL database DSN."""
    from ..hub.migrate import migrate

    with _connection(dsn or _dsn()) as conn:
        applied = migrate(conn)
        conn.commit()
    click.echo("Schema: applied " + ", ".join(applied) if applied else "Schema: up to date")


@hub_group.command("load")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--prune", is_flag=True, help="Archive resources the hub has and PATH lacks.")
@click.option("--by", default="hub load", show_default=True, help="Name logged as the author.")
@click.option("--country", default="US", show_default=True, help="Country for HSDS addresses.")
def load_command(path: Path, prune: bool, by: str, country: str) -> None:
    """Load an HSDS data package (folder, .zip, datapackage.json) or CBH Directory JSON."""
    from ..hub.load import load

    def work(conn: Any) -> None:
        result = load(conn, path, by=by, prune=prune, default_country=country)
        conn.commit()
        click.echo(f"{result.parsed.source}: {result.report.summary()}")
        for rejection in result.parsed.rejected[:20]:
            click.echo(f"  left out: {rejection}")
        if len(result.parsed.rejected) > 20:
            click.echo(f"  ... and {len(result.parsed.rejected) - 20:,} more left out")

    _run(work)


@hub_group.group("user")
def user_group() -> None:
    """Add users (each gets a token), list them, revoke their tokens."""


@user_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the user may do.")
def user_add(name: str, role: str) -> None:
    """Add NAME (or change their role) and print a new token: it is shown only this once."""
    from ..hub.auth import add_user

    def work(conn: Any) -> None:
        user, token = add_user(conn, name, role)
        click.echo(f"{user.name} ({user.role}); token, shown only now:", err=True)
        click.echo(token)

    _run(work)


@user_group.command("revoke")
@click.argument("name")
def user_revoke(name: str) -> None:
    """Revoke every token of NAME (add the user again for a new one)."""
    from ..hub.auth import revoke

    _run(lambda conn: click.echo(f"{name}: {revoke(conn, name)} token(s) revoked"))


@user_group.command("list")
def user_list() -> None:
    """List users, their roles and how many live tokens they have."""
    from ..hub.auth import users

    def work(conn: Any) -> None:
        for row in users(conn):
            click.echo(f"{row['name']}\t{row['role']}\t{row['live_tokens']} live token(s)")

    _run(work)


@hub_group.command("proposals")
@click.option("--state", type=click.Choice(["pending", "approved", "rejected"]), default="pending")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def proposals_command(state: str, as_json: bool) -> None:
    """List proposals waiting for review (or in another state)."""
    from ..hub import proposals
    from ..hub.auth import User

    def work(conn: Any) -> None:
        rows = proposals.listing(conn, User(0, "cli", "admin"), state=state)
        if as_json:
            click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        for row in rows:
            click.echo(
                f"#{row['id']}\t{row['action']}\t{row['resource_id']}\t{row['proposed_by']}"
                f"\t{row['proposed_at'][:16]}\t{row['note'][:60]}"
            )

    _run(work)


def _review(proposal_id: int, editor: str, note: str, approve: bool) -> None:
    from ..hub import proposals
    from ..hub.auth import User

    def work(conn: Any) -> None:
        row = conn.execute("SELECT id, name, role FROM hub_user WHERE name = %s", (editor,))
        found = row.fetchone()
        conn.rollback()
        if found is None or found["role"] not in ("editor", "admin"):
            raise InputError("{editor!r} is not a hub editor or admin", editor=editor)
        result = proposals.review(
            conn, User(found["id"], found["name"], found["role"]), proposal_id,
            approve=approve, note=note,
        )  # fmt: skip
        click.echo(f"#{result['id']}: {result['state']}")

    _run(work)


@hub_group.command("approve")
@click.argument("proposal_id", type=int)
@click.option("--as", "editor", required=True, help="The editor's user name (logged).")
@click.option("--note", default="", help="A note for the author.")
def approve_command(proposal_id: int, editor: str, note: str) -> None:
    """Approve a pending proposal: its change is applied and logged."""
    _review(proposal_id, editor, note, True)


@hub_group.command("reject")
@click.argument("proposal_id", type=int)
@click.option("--as", "editor", required=True, help="The editor's user name (logged).")
@click.option("--note", default="", help="Why, for the author.")
def reject_command(proposal_id: int, editor: str, note: str) -> None:
    """Reject a pending proposal."""
    _review(proposal_id, editor, note, False)


@hub_group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True)
@click.option("--public-read", is_flag=True, help="Let anyone read (writing still needs a token).")
def serve_command(host: str, port: int, public_read: bool) -> None:
    """Serve the HSDS API (plain HTTP: put a TLS reverse proxy in front; see docs/HUB.md)."""
    dsn = _dsn()
    with _connection(dsn) as conn:
        _ready(conn)
    from ..hub.api import HubSettings, create_app
    from ..hub.server import serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"warning: listening on {host} without TLS; tokens travel in clear text", err=True
        )
    app = create_app(HubSettings(dsn=dsn or "", public_read=public_read))
    serve(app, host, port)
