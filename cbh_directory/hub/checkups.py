"""Check-ups on the hub: their validation and how they travel (a `field:checkup` attribute)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..domain import vocabulary as vocab
from ..domain.checkups import ID_PATTERN, KEYS  # one format, on the desktop and the hub
from ..domain.errors import ValidationError
from ..domain.validation import MAX_SHORT, MAX_TEXT, is_web_url
from ..exchange.hsds_common import TAXONOMY_NAME, stable_uuid

CODE = "field:checkup"
TERM_ID = stable_uuid("term", CODE)


def term_row() -> dict[str, str]:
    """The taxonomy term check-up attributes point to, in the app's taxonomy."""
    return {
        "id": TERM_ID,
        "code": CODE,
        "name": "checkup",
        "description": "A user's check-up of a group: its moderation and activity as seen on a "
        "date, as compact JSON",
        "taxonomy": TAXONOMY_NAME,
        "language": "en",
        "taxonomy_id": stable_uuid("taxonomy", TAXONOMY_NAME),
    }


def _date(value: Any, key: str, problems: list[tuple[str, str]], *, required: bool) -> str:
    if value in (None, "") and not required:
        return ""
    if not isinstance(value, str):
        problems.append((key, "must be a date like 2026-01-31"))
        return ""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        problems.append((key, "must be a date like 2026-01-31"))
        return ""
    if day > dt.date.today() + dt.timedelta(days=1):  # a day's grace for time zones
        problems.append((key, "is in the future"))
    return day.isoformat()


def _text(value: Any, key: str, limit: int, problems: list[tuple[str, str]]) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append((key, "must be text"))
        return ""
    if len(value) > limit:
        problems.append((key, f"is longer than {limit:,} characters"))
        return ""
    return value.replace("\x00", "").strip()


def normalise_checkup(data: Any) -> dict[str, Any]:
    """Validate a check-up mapping and return it with every key, or raise ValidationError."""
    if not isinstance(data, dict):
        raise ValidationError([("checkup", "must be an object")], what="check-up")
    problems: list[tuple[str, str]] = []
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        problems.append(("checkup", "unknown field(s): " + ", ".join(unknown)))
    checkup_id = data.get("id")
    if not isinstance(checkup_id, str) or not ID_PATTERN.match(checkup_id):
        problems.append(("id", "must be 1-100 letters, digits, '.', '_', ':' or '-'"))
    out: dict[str, Any] = {"id": checkup_id if isinstance(checkup_id, str) else ""}
    out["on"] = _date(data.get("on"), "on", problems, required=True)
    out["by"] = _text(data.get("by"), "by", 100, problems)
    if not out["by"]:
        problems.append(("by", "is required (initials or a name)"))
    choices = (("moderation", vocab.MODERATION_BY_ID), ("activity", vocab.ACTIVITY_BY_ID))
    for key, allowed in choices:
        value = data.get(key, "unknown")
        if not isinstance(value, str) or value not in allowed:
            problems.append((key, f"{value!r} is not one of: " + ", ".join(allowed)))
        out[key] = value if isinstance(value, str) else ""
    last = data.get("last_activity")
    out["last_activity"] = _date(last, "last_activity", problems, required=False)
    focus_ok = data.get("focus_ok")
    if focus_ok is not None and not isinstance(focus_ok, bool):
        problems.append(("focus_ok", "must be true, false or null"))
    out["focus_ok"] = focus_ok if isinstance(focus_ok, bool) else None
    out["focus_note"] = _text(data.get("focus_note"), "focus_note", MAX_SHORT, problems)
    out["note"] = _text(data.get("note"), "note", MAX_TEXT, problems)
    evidence = _text(data.get("evidence"), "evidence", MAX_SHORT, problems)
    if evidence and not is_web_url(evidence):
        problems.append(("evidence", "must be an http:// or https:// address"))
    out["evidence"] = evidence
    if problems:
        raise ValidationError(problems, what=f"check-up {out['id'] or '(no id)'}")
    return out


def compact(checkup: dict[str, Any]) -> str:
    """The attribute value: compact JSON with the keys in their documented order."""
    return json.dumps(
        {key: checkup.get(key) for key in KEYS}, ensure_ascii=False, separators=(",", ":")
    )


def attribute_row(resource_id: str, service_id: str, checkup: dict[str, Any]) -> dict[str, str]:
    return {
        "id": stable_uuid("attribute", resource_id, "checkup", checkup["id"]),
        "link_id": service_id,
        "taxonomy_term_id": TERM_ID,
        "link_entity": "service",
        "value": compact(checkup),
    }
