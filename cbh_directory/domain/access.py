"""How to use a service, as an import keeps it: hours, fees, how to apply, wait, service types."""

from __future__ import annotations

from .model import Resource
from .taxonomy import term_label


def service_types(r: Resource) -> str:
    """'Food Pantries (BD-1800.2000); Tutoring': the service's taxonomy terms."""
    return "; ".join(term_label(t) for t in r.taxonomy)


def access_rows(r: Resource) -> list[tuple[str, str]]:
    """(label, text) of each access fact the resource has, in reading order (plain English:
    the handout's words; the window translates its own)."""
    rows = [
        ("Hours", r.schedule),
        ("Fees", r.fees),
        ("How to apply", r.application_process),
        ("Wait time", r.wait_time),
        ("Service types", service_types(r)),
    ]
    return [(label, text) for label, text in rows if text]
