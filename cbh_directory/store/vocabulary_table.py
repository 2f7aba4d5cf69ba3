"""Keeping the focus_terms table equal to the vocabulary in code, for SQL users of the file."""

from __future__ import annotations

import hashlib
import json

import sqlite_utils

from ..domain import vocabulary as vocab
from .database import write_transaction
from .metadata import get_meta, set_meta


def _rows() -> list[dict[str, object]]:
    return [
        {
            "id": t.id,
            "label": t.label,
            "grp": t.group,
            "parent": t.parent,
            "synonyms": json.dumps(list(t.synonyms)),
            "explanation": t.explanation,
            "position": position,
        }
        for position, t in enumerate(vocab.FOCUS_TERMS)
    ]


def sync_focus_terms(db: sqlite_utils.Database) -> bool:
    """Rewrite focus_terms when the vocabulary changed. Returns whether it wrote."""
    rows = _rows()
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()
    if get_meta(db, "focus_terms_sha256") == digest:
        return False
    with write_transaction(db):
        db.conn.execute("DELETE FROM focus_terms")
        db.table("focus_terms").insert_all(rows)
        # Index rows for a term the vocabulary dropped would break resource_focus's foreign
        # key at commit; each resource's own focus list keeps the term as entered.
        db.conn.execute(
            "DELETE FROM resource_focus WHERE focus_id NOT IN (SELECT id FROM focus_terms)"
        )
        set_meta(db, "focus_terms_sha256", digest)
    return True
