"""Validation and normalisation of resources, ids, links and user-typed units."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from email_validator import EmailNotValidError, validate_email

from . import vocabulary as vocab
from .contacts import normalise_phones
from .dates import is_partial_date
from .errors import InputError, Phrase, ValidationError
from .evidence import newest_date, newest_of, normalise_evidence, source_urls
from .languages import language_entry
from .model import JSON_FIELDS, LIST_FIELDS, Resource
from .phones import normalise_phone, phone_letters_problem, phone_or_text
from .taxonomy import normalise_taxonomy
from .text_safety import multi_line, single_line

RESOURCE_FIELD_SET = frozenset(Resource.field_names())

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2}$")
SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
MAX_TEXT = 20_000
MAX_SHORT = 500
# Fields whose text may run over several lines; every other text field is one line.
MULTI_LINE_FIELDS = frozenset(
    {
        "description",
        "description_es",
        "eligibility",
        "caveat",
        "moderation_note",
        "activity_note",
        "status_note",
        "schedule",
        "fees",
        "application_process",
    }
)
# Fields that may hold more than MAX_SHORT characters (up to MAX_TEXT).
LONG_TEXT_FIELDS = frozenset(
    {"description", "description_es", "eligibility", "schedule", "fees", "application_process"}
)
_TEL = re.compile(r"^tel:\+?\d{3,15}(?:;ext=\d{1,6})?$")

KM_PER_MILE = 1.609344
_RADIUS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mi|miles?|km|kilometres?|kilometers?)?\s*$", re.I)


def slugify(text: str, max_length: int = 60) -> str:
    """Make a stable id from a name: 'Cure CASK!' -> 'cure-cask'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "resource"


def is_safe_link(url: str) -> bool:
    """True only for what the app itself makes: http(s) links that pass `is_web_url`,
    mailto: a validated address (no query: no attach=, no cc=), tel: digits and an extension."""
    scheme, sep, rest = url.strip().partition(":")
    scheme = scheme.lower()
    if not sep or scheme not in SAFE_LINK_SCHEMES:
        return False
    if scheme in ("http", "https"):
        return is_web_url(url)
    if scheme == "mailto":
        return "?" not in rest and "#" not in rest and is_email(unquote(rest))
    return bool(_TEL.match(url.strip()))


@functools.lru_cache(maxsize=4096)  # an import checks each address two or three times
def is_web_url(url: str) -> bool:
    """An http(s) address with a host, judged on the raw text: any whitespace or control
    character inside it (which urlsplit would quietly drop) makes it no address at all."""
    text = url.strip()
    if not text or not text.isprintable() or " " in text:
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


_BARE_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?:[/?#]\S*)?$", re.I)


def complete_web_address(text: str) -> str:
    """'www.curecask.org' -> 'https://www.curecask.org': a bare host name gets https://;
    anything else (a scheme already, or not an address at all) is returned as given."""
    bare = text.strip()
    if bare and "://" not in bare and _BARE_HOST.match(bare):
        return "https://" + bare
    return text


def mailto_uri(address: str) -> str:
    """A mailto: link the app builds from a validated address (quoted: no query can ride in)."""
    return "mailto:" + quote(address.strip(), safe="@.+-_")


@functools.lru_cache(maxsize=4096)
def is_email(text: str) -> bool:
    """An email address by email-validator's rules (syntax only: the app is offline)."""
    if not text or not text.isprintable() or len(text) > 320:
        return False
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def parse_radius(text: str) -> float:
    """Parse '50mi', '80 km' or '25' (miles) into kilometres."""
    match = _RADIUS.match(str(text))
    if not match:
        raise InputError(
            "bad radius {text!r}: use a number with mi or km, e.g. 50mi or 80km", text=text
        )
    value = float(match.group(1))
    unit = (match.group(2) or "mi").lower()
    if value <= 0 or value > 20_000:
        raise InputError("bad radius {text!r}: must be more than 0 and at most 20000", text=text)
    return value if unit.startswith("k") else value * KM_PER_MILE


def _clean_text(value: object, limit: int, *, lines: bool = False) -> str:
    """Text without control characters (line breaks kept where `lines`), trimmed, cut."""
    text = value if type(value) is str else "" if value is None else str(value)
    text = multi_line(text) if lines else single_line(text)
    return text.strip()[:limit]


RAW_CHECKED_FIELDS = frozenset({"website", "email", "sources", "phone"})


def _raw_has_controls(value: object) -> bool:
    items = value if isinstance(value, list | tuple) else [value]
    return any(isinstance(item, str) and not item.strip().isprintable() for item in items)


def _is_scalar(value: object) -> bool:
    """Text, or a number that reads as text (a bool is neither: True is not "1")."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _clean_list(value: object) -> list[str]:
    """A list of text from a list or a 'a; b' string; TypeError for anything else."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        items: list[object] = list(value.split(";"))
    elif isinstance(value, list | tuple) and all(_is_scalar(item) for item in value):
        items = list(value)
    else:
        raise TypeError("must be a list of text")
    seen: list[str] = []
    for item in items:
        text = _clean_text(item, MAX_SHORT)
        if text and text not in seen:
            seen.append(text)
    return seen


def _coordinate(value: object, low: float, high: float) -> float | None:
    if value is None or value == "":
        return None
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"must be between {low} and {high}")
    return round(number, 6)


POSTAL_PATTERNS: dict[str, re.Pattern[str]] = {
    "US": re.compile(r"^\d{5}(-\d{4})?$"),
    "CA": re.compile(r"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$"),
    "GB": re.compile(r"^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$"),
    "AU": re.compile(r"^\d{4}$"),
    "DE": re.compile(r"^\d{5}$"),
    "FR": re.compile(r"^\d{5}$"),
}
_ANY_POSTAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$")


def postal_code_problem(code: str, country: str) -> str | None:
    """Why a postal code cannot be right for the country, or None when it can be."""
    if not code:
        return None
    pattern = POSTAL_PATTERNS.get(country.upper(), _ANY_POSTAL)
    return (
        None
        if pattern.match(code.strip())
        else f"{code!r} is not a postal code for {country or 'this place'}"
    )


def normalise_resource(data: dict[str, object], *, strict: bool = False) -> Resource:
    """Clean and validate a mapping into a Resource, or raise ValidationError listing problems.

    Phones become E.164 where they parse. With `strict` (people editing by hand) a phone or
    postal code that cannot be right is a problem; otherwise (imports) it is kept as given.
    """
    problems: list[tuple[str, str]] = []
    clean: dict[str, object] = {}
    known = RESOURCE_FIELD_SET
    for key, value in data.items():
        if key not in known or key in JSON_FIELDS:
            continue  # nested fields are checked below, once the country is known
        if key in RAW_CHECKED_FIELDS and _raw_has_controls(value):
            # Links and addresses are judged on the text as given: one with a line break or
            # a control character is refused, never quietly repaired.
            problems.append((key, "must not contain line breaks or control characters"))
            clean[key] = [] if key in LIST_FIELDS else ""
            continue
        if key in LIST_FIELDS:
            try:
                clean[key] = _clean_list(value)
            except TypeError as exc:
                problems.append((key, str(exc)))
                clean[key] = []
        elif key in ("latitude", "longitude"):
            low, high = (-90.0, 90.0) if key == "latitude" else (-180.0, 180.0)
            try:
                if isinstance(value, bool):
                    raise TypeError("not a number")
                clean[key] = _coordinate(value, low, high)
            except (TypeError, ValueError, OverflowError) as exc:
                problems.append((key, str(exc) if "between" in str(exc) else "not a number"))
        elif value is None or _is_scalar(value):
            limit = MAX_TEXT if key in LONG_TEXT_FIELDS else MAX_SHORT
            clean[key] = _clean_text(value, limit, lines=key in MULTI_LINE_FIELDS)
        else:
            problems.append((key, "must be text"))
            clean[key] = ""

    rid = str(clean.get("id", ""))
    if not ID_PATTERN.match(rid):
        problems.append(("id", "must be lowercase letters, digits and single hyphens"))
    if not clean.get("name"):
        problems.append(("name", "is required"))
    _check_enum(clean, "kind", vocab.KIND_BY_ID, problems, required=True)
    _check_enum(clean, "moderation", vocab.MODERATION_BY_ID, problems, default="unknown")
    _check_enum(clean, "activity", vocab.ACTIVITY_BY_ID, problems, default="unknown")
    _check_enum(clean, "format", vocab.FORMAT_BY_ID, problems, default="unknown")
    _check_enum(clean, "cost", vocab.COST_BY_ID, problems, default="unknown")
    _check_enum(clean, "status", vocab.STATUS_BY_ID, problems, default="active")

    unknown_focus = [f for f in clean.get("focus", []) if f not in vocab.FOCUS_BY_ID]  # type: ignore[attr-defined]
    if unknown_focus:
        problems.append(("focus", "unknown term(s): " + ", ".join(unknown_focus)))
    entries = [language_entry(str(x)) for x in clean.get("languages", [])]  # type: ignore[attr-defined]
    if None in entries:
        problems.append(
            (
                "languages",
                "use ISO 639 codes such as en, es (ase: American Sign Language) or the "
                "language's name",
            )
        )
    # A language no code is known for stays as written ("Karen"): kept, not dropped.
    clean["languages"] = list(dict.fromkeys(e for e in entries if e))
    country = str(clean.get("country", "")).upper()
    if country and not COUNTRY_PATTERN.match(country):
        problems.append(("country", "use a two-letter ISO 3166 code such as US, GB"))
    clean["country"] = country

    website = str(clean.get("website", ""))
    if strict:
        website = clean["website"] = complete_web_address(website)
    if website and not is_web_url(website):
        problems.append(("website", "must be an http:// or https:// address"))
    email = str(clean.get("email", ""))
    if email and not is_email(email):
        problems.append(("email", "is not an email address"))
    bad_sources = [s for s in clean.get("sources", []) if not is_web_url(s)]  # type: ignore[attr-defined]
    if bad_sources:
        problems.append(("sources", "must be http(s) addresses"))
    _check_dataset2_fields(data, clean, country, problems, strict=strict)
    verified = str(clean.get("last_verified", ""))
    if verified and not is_partial_date(verified):
        problems.append(("last_verified", "must be a date like 2026-01-31 (or 2026-01, 2026)"))
    if (clean.get("latitude") is None) != (clean.get("longitude") is None):
        problems.append(("latitude", "latitude and longitude must be given together"))
    phone = str(clean.get("phone", ""))
    if phone:
        letters = phone_letters_problem(phone, country) if strict else None
        if letters:
            problems.append(("phone", letters))
        elif strict:
            try:
                clean["phone"] = normalise_phone(phone, country)
            except InputError as exc:
                problems.append(("phone", exc.message))
        else:
            clean["phone"] = phone_or_text(phone, country)
    if strict:
        postal = postal_code_problem(str(clean.get("postal_code", "")), country)
        if postal:
            problems.append(("postal_code", postal))

    if problems:
        raise ValidationError(problems, what=Phrase("resource {id}", id=rid or "(no id)"))
    return Resource.from_dict(clean)


SERVES_PATTERN = re.compile(r"^(world|[A-Z]{2}|[A-Z]{2}-[A-Z0-9]{1,3})$")


def _check_dataset2_fields(
    data: dict[str, object],
    clean: dict[str, object],
    country: str,
    problems: list[tuple[str, str]],
    *,
    strict: bool,
) -> None:
    """Where it serves, further phones, evidence and successor; evidence sets last_verified."""
    serves = [
        "world" if s.lower() == "world" else s.upper()
        for s in clean.get("serves", [])  # type: ignore[attr-defined]
    ]
    if any(not SERVES_PATTERN.match(s) for s in serves):
        problems.append(("serves", 'use "world", country codes (US) or region codes (US-OH)'))
    clean["serves"] = serves
    successor = str(clean.get("successor", ""))
    if successor and not ID_PATTERN.match(successor):
        problems.append(("successor", "must be the id of another resource"))
    phones, phone_problems = normalise_phones(data.get("other_phones"), country, strict=strict)
    problems.extend(("other_phones", p) for p in phone_problems)
    clean["other_phones"] = phones
    terms, term_problems = normalise_taxonomy(data.get("taxonomy"))
    problems.extend(("taxonomy", p) for p in term_problems)
    clean["taxonomy"] = terms
    evidence, evidence_problems = normalise_evidence(data.get("evidence"), is_web_url)
    problems.extend(("evidence", p) for p in evidence_problems)
    clean["evidence"] = evidence
    if evidence:
        # "Last verified" is the newest date a source shows, never when it was read; a date
        # given beside the evidence (a person's check) counts only when it is newer.
        given = str(clean.get("last_verified", ""))
        clean["last_verified"] = newest_of(newest_date(evidence), given)
        clean["sources"] = list(dict.fromkeys([*clean.get("sources", []), *source_urls(evidence)]))  # type: ignore[misc]


def _check_enum(
    clean: dict[str, object],
    key: str,
    allowed: dict[str, vocab.Term],
    problems: list[tuple[str, str]],
    *,
    required: bool = False,
    default: str = "",
) -> None:
    value = str(clean.get(key) or "")
    if not value and not required:
        clean[key] = default
        return
    if value not in allowed:
        problems.append((key, f"{value!r} is not one of: " + ", ".join(allowed)))


SNAPSHOT_FIELDS = ("name", "kind", "website", "email", "phone", "city", "region", "country")


def clean_snapshot(given: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """A list item's remembered details, checked as an import checks a resource: text without
    control characters, an http(s) website, a real email, a phone number, a known kind and a
    country code. Returns the snapshot and the fields left out (and why)."""
    snapshot: dict[str, str] = {}
    dropped: list[str] = []
    for key in SNAPSHOT_FIELDS:
        value = given.get(key)
        text = _clean_text(value, MAX_SHORT) if isinstance(value, str) else ""
        if text and not _snapshot_value_ok(key, text):
            dropped.append(key)
            text = ""
        snapshot[key] = text
    if snapshot["phone"]:
        snapshot["phone"] = phone_or_text(snapshot["phone"], snapshot["country"])
    return snapshot, dropped


def _snapshot_value_ok(key: str, text: str) -> bool:
    if key == "website":
        return is_web_url(text)
    if key == "email":
        return is_email(text)
    if key == "kind":
        return text in vocab.KIND_BY_ID
    if key == "country":
        return bool(COUNTRY_PATTERN.match(text))
    return True
