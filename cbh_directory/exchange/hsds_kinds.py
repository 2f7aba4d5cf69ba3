"""The one table from 211/AIRS taxonomy terms to the directory's kinds (docs/HSDS-PROFILE.md)."""

from __future__ import annotations

import re

from ..domain.taxonomy import AIRS_CODE

# Checked in order; the first row that matches a term wins. A row matches a code that starts
# with its prefix, or a term name holding its phrase (a whole word or words, any case). An
# AIRS term that no row matches is a general community service: kind local_service.
KIND_TABLE: tuple[tuple[str, str, str], ...] = (
    # (code prefix or name phrase, kind, what the row stands for)
    ("PN-8100", "support_group", "Support Groups"),
    ("support group", "support_group", "support groups named as such"),
    ("peer support", "support_group", "peer support"),
    ("special education", "school_guide", "Special Education"),
    ("individualized education", "school_guide", "IEPs"),
    ("educational advocacy", "school_guide", "educational advocacy"),
    ("NL", "financial_aid", "Public Assistance Programs"),
    ("NS", "financial_aid", "Social Insurance Programs"),
    ("NT", "financial_aid", "Temporary Financial Assistance"),
    ("financial assistance", "financial_aid", "financial assistance named as such"),
    ("health insurance", "financial_aid", "health insurance"),
    ("health care referral", "clinical_finder", "Health Care Referrals"),
    ("physician referral", "clinical_finder", "physician referrals"),
    ("specialty medicine", "clinical_finder", "specialty medicine"),
    ("clinical trial", "clinical_finder", "clinical trials"),
)
_CODE_ROWS = tuple((p, k) for p, k, _ in KIND_TABLE if AIRS_CODE.match(p))
_NAME_ROWS = tuple(
    (re.compile(rf"\b{re.escape(p)}s?\b", re.IGNORECASE), k)
    for p, k, _ in KIND_TABLE
    if not AIRS_CODE.match(p)
)


def is_airs_code(code: str) -> bool:
    return bool(AIRS_CODE.match(code.strip()))


def airs_kind(code: str, name: str) -> str:
    """The kind the table gives an AIRS-coded term; local_service when no row matches."""
    code = code.strip()
    for prefix, kind in _CODE_ROWS:
        if code.startswith(prefix):  # "NL" holds "NL-6000.2000"; groups have fixed widths
            return kind
    return name_kind(name) or "local_service"


def name_kind(name: str) -> str | None:
    """The kind the table's name phrases give a term name, if any."""
    return next((kind for pattern, kind in _NAME_ROWS if pattern.search(name)), None)
