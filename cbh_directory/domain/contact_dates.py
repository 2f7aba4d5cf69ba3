"""Every way to contact a resource, each with the date its source shows, and the age rule.

The rule (resources/dataset/README.md, "Contacts"): a contact whose newest source is more than
CONTACT_MAX_AGE_YEARS older than the day it is shown is old. An old contact is left out when a
newer one of the same kind exists (another number of the same type, another email, another
address whose source is within the age); otherwise it is shown, marked as old with its year.
Partial dates count from their first day, as for "last verified".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .date_words import date_words, year_of
from .dates import period_start
from .evidence import newest_of
from .language import words
from .model import Resource
from .phones import display_phone

CONTACT_MAX_AGE_YEARS = 5

_DIGIT_RUN = re.compile(r"\d[\d\s().\-/]*\d")


@dataclass(frozen=True, slots=True)
class ContactLine:
    """One phone number, email or postal address, with what it is for and its source date."""

    channel: str  # "phone", "email" or "address"
    value: str  # as stored: E.164 (" ext. N") for phones, the address with its postal code
    label: str  # what it is for ("Family helpline"), "" when the source does not say
    type: str  # for phones: voice, hotline, fax, text, textphone, …; "" otherwise
    date: str  # the date its newest source shows; "" when undated or without a source
    state: str  # "current", "old", "undated" or "unsourced" (no contacts evidence)
    dating: str  # the date in words, "" for unsourced

    @property
    def old(self) -> bool:
        return self.state == "old"


def is_old(date: str, today: dt.date) -> bool:
    """True when a source dated `date` is more than CONTACT_MAX_AGE_YEARS before `today`."""
    start = period_start(date)
    if start is None:
        return False
    try:
        limit = today.replace(year=today.year - CONTACT_MAX_AGE_YEARS)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - CONTACT_MAX_AGE_YEARS, day=28)
    return start < limit


def dating_words(state: str, date: str) -> str:
    """The source date of a contact in words."""
    if state == "current":
        return words("source dated {date}").format(date=date_words(date))
    if state == "old":
        return words("from a {year} source — may have changed").format(year=year_of(date))
    if state == "undated":
        return words("the source shows no date")
    return ""


def contact_lines(resource: Resource, today: dt.date | None = None) -> list[ContactLine]:
    """The resource's phones (main first), email and address as the rule above shows them."""
    day = today or dt.date.today()
    found: list[tuple[str, str, str, str]] = []  # channel, value, label, type
    if resource.phone:
        found.append(("phone", resource.phone, resource.phone_note, "voice"))
    for phone in resource.other_phones:
        if phone.get("number"):
            number = phone["number"] + (f" ext. {phone['ext']}" if phone.get("ext") else "")
            found.append(("phone", number, phone.get("label", ""), phone.get("type") or "voice"))
    if resource.email:
        found.append(("email", resource.email, "", ""))
    address = ""
    if resource.address or resource.postal_code:
        known = resource.address.casefold()
        place = [p for p in (resource.city, resource.region) if p.casefold() not in known]
        street = ", ".join(p for p in (resource.address, *place) if p)
        address = " ".join(p for p in (street, resource.postal_code) if p)
    if address:
        found.append(("address", address, "", ""))
    keys = [_key(ch, v, resource.postal_code) for ch, v, _l, _t in found]
    channels = [ch for ch, _v, _l, _t in found]
    sources = list(resource.evidence.get("contacts", ()))
    mentions = [
        [i for i in sources if _mentions(i, ch, key)]
        for ch, key in zip(channels, keys, strict=True)
    ]
    general = [
        i
        for i in sources
        if not any(_mentions(i, ch, key) for ch, key in zip(channels, keys, strict=True))
    ]
    lines = []
    for (channel, value, label, kind), named in zip(found, mentions, strict=True):
        own = named or general or sources
        date = newest_of(*(i.get("date", "") for i in own))
        if not own:
            state = "unsourced"
        elif not date:
            state = "undated"
        else:
            state = "old" if is_old(date, day) else "current"
        lines.append(
            ContactLine(channel, value, label, kind, date, state, dating_words(state, date))
        )
    return [line for line in lines if not (line.old and _newer_exists(line, lines))]


def _newer_exists(line: ContactLine, lines: list[ContactLine]) -> bool:
    return any(
        other.channel == line.channel and other.type == line.type and other.state == "current"
        for other in lines
    )


def _key(channel: str, value: str, postal_code: str) -> str:
    """What a source's note must contain to name this contact itself."""
    if channel == "phone":
        digits = "".join(ch for ch in value.partition(" ext. ")[0] if ch.isdigit())
        return digits[-7:] if len(digits) >= 7 else ""
    if channel == "email":
        return value.casefold()
    return (postal_code if len(postal_code) >= 4 else value[:12]).casefold()


def _mentions(item: Mapping[str, str], channel: str, key: str) -> bool:
    """Whether a contacts source names this contact itself (its digits, email or postcode)."""
    if not key:
        return False
    text = item.get("note", "")
    if channel == "phone":
        return any(key in re.sub(r"\D", "", run) for run in _DIGIT_RUN.findall(text))
    return key in text.casefold()


CHANNEL_LABELS = {"phone": "Phone", "email": "Email", "address": "Address"}
PHONE_TYPE_WORDS = {"fax": "Fax", "text": "Text", "textphone": "Textphone (TTY)", "cell": "Mobile"}


def shown_value(line: ContactLine, country: str) -> str:
    """The contact as people use it: a phone in its national form for the resource's country."""
    return display_phone(line.value, country) if line.channel == "phone" else line.value


def contact_text(line: ContactLine, country: str) -> str:
    """'(888) 598-3789 — Helpline (source dated 13 March 2025)' in one line."""
    purpose = line.label or words(PHONE_TYPE_WORDS.get(line.type, ""))
    text = shown_value(line, country) + (f" — {purpose}" if purpose else "")
    return text + (f" ({line.dating})" if line.dating else "")
