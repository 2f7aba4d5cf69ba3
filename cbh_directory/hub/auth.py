"""People and tokens: random tokens stored as SHA-256, roles, revocation."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from ..domain.errors import InputError, NotFoundError
from .db import Conn

ROLES = ("reader", "contributor", "editor", "admin")
TOKEN_PREFIX = "cbh_"
_NAME = re.compile(r"^[\w .@'-]{1,100}$")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str

    def can(self, role: str) -> bool:
        """True when this user's role is `role` or above it."""
        return ROLES.index(self.role) >= ROLES.index(role)


def token_hash(token: str) -> bytes:
    # Tokens carry 256 random bits, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(token.encode("utf-8")).digest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise InputError(f"bad user name {name!r}: 1-100 letters, digits, spaces or . @ ' - _")
    return name


def add_user(conn: Conn, name: str, role: str) -> tuple[User, str]:
    """Create a user (or give an existing one a new role) and issue a token; returns it once."""
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    name = _check_name(name)
    with conn.transaction():
        row = conn.execute(
            "INSERT INTO hub_user (name, role) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role RETURNING id",
            (name, role),
        ).fetchone()
        assert row is not None
        user = User(row["id"], name, role)
        token = new_token()
        conn.execute(
            "INSERT INTO hub_token (user_id, token_hash) VALUES (%s, %s)",
            (user.id, token_hash(token)),
        )
    return user, token


def revoke(conn: Conn, name: str) -> int:
    """Revoke every token of a user; returns how many were live."""
    with conn.transaction():
        user = conn.execute("SELECT id FROM hub_user WHERE name = %s", (name.strip(),)).fetchone()
        if user is None:
            raise NotFoundError(f"no hub user named {name!r}")
        revoked = conn.execute(
            "UPDATE hub_token SET revoked_at = now() WHERE user_id = %s AND revoked_at IS NULL",
            (user["id"],),
        ).rowcount
    return revoked


def users(conn: Conn) -> list[dict[str, object]]:
    rows = conn.execute(
        "SELECT u.name, u.role, u.created_at, count(t.id) FILTER (WHERE t.revoked_at IS NULL) "
        "AS live_tokens FROM hub_user u LEFT JOIN hub_token t ON t.user_id = u.id "
        "GROUP BY u.id ORDER BY u.name"
    ).fetchall()
    conn.rollback()
    return rows


def authenticate(conn: Conn, token: str) -> User | None:
    """The user a live token belongs to, or None (unknown, malformed or revoked)."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = conn.execute(
        "SELECT u.id, u.name, u.role FROM hub_token t JOIN hub_user u ON u.id = t.user_id "
        "WHERE t.token_hash = %s AND t.revoked_at IS NULL",
        (token_hash(token),),
    ).fetchone()
    return None if row is None else User(row["id"], row["name"], row["role"])
