"""Phone numbers with the `phonenumbers` library: stored as E.164, shown the national way."""

from __future__ import annotations

import functools
import re

import phonenumbers

from .errors import InputError

_E164 = re.compile(r"^\+[1-9]\d{3,14}$")
_EXTENSION = re.compile(r"\s*(?:ext\.?|x|extension)\s*(\d{1,6})\s*$", re.IGNORECASE)


def normalise_phone(text: str, country: str = "") -> str:
    """'(614) 555-0100 ext 12' with country US -> '+16145550100 ext. 12'. Raises InputError."""
    raw = (text or "").strip()
    if not raw:
        return ""
    extension = ""
    match = _EXTENSION.search(raw)
    if match:
        extension, raw = match.group(1), raw[: match.start()]
    region = (country or "US").upper()
    e164 = _e164(raw, region)
    if e164 is None:
        raise InputError("{text!r} is not a phone number", text=text) from None
    if not e164:
        raise InputError(
            "{text!r} is not a possible phone number for {region}", text=text, region=region
        )
    return f"{e164} ext. {extension}" if extension else e164


@functools.lru_cache(maxsize=4096)
def _e164(raw: str, region: str) -> str | None:
    """E.164, '' for an impossible number, None for no number. Cached: parsing is slow, and
    in an import many services share their organisation's number."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return ""
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


_LETTER = re.compile(r"[^\W\d_]")


def phone_letters_problem(text: str, country: str = "") -> str | None:
    """Why a number typed with letters ('555-CALL-NOW') is not saved: the letters are read
    as keypad digits, and the person sees those digits before anything is stored."""
    raw = _EXTENSION.sub("", (text or "").strip())
    if not _LETTER.search(raw) or not any(ch.isdigit() for ch in raw):
        return None  # no letters, or no number at all (normalise_phone says so)
    digits = phonenumbers.convert_alpha_characters_in_number(raw)
    try:
        number = phonenumbers.parse(digits, (country or "US").upper())
    except phonenumbers.NumberParseException:
        return f"{text!r} has letters; type the number in digits"
    if not phonenumbers.is_possible_number(number):
        return f"{text!r} has letters; type the number in digits"
    dialled = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return f"{text!r} has letters; on a keypad it dials {dialled}. Type the digits to save it"


def phone_or_text(text: str, country: str = "") -> str:
    """E.164 when the text is a phone number, else the text as given (for imports)."""
    try:
        return normalise_phone(text, country)
    except InputError:
        return (text or "").strip()


def display_phone(stored: str, country: str = "") -> str:
    """National format for a number of the resource's own country, international otherwise."""
    if not stored.startswith("+"):
        return stored
    main, _, extension = stored.partition(" ext. ")
    try:
        number = phonenumbers.parse(main, None)
    except phonenumbers.NumberParseException:
        return stored
    region = phonenumbers.region_code_for_number(number)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if region and region == (country or "US").upper()
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    shown = phonenumbers.format_number(number, style)
    return f"{shown} ext. {extension}" if extension else shown


def tel_uri(stored: str) -> str | None:
    """'tel:+16145550100;ext=12' for a stored E.164 number, else None."""
    main, _, extension = stored.partition(" ext. ")
    main = "".join(ch for ch in main if ch not in " -.()")
    if not _E164.match(main) or (extension and not extension.isdigit()):
        return None  # only numbers the app stored itself become links: no ;phone-context=
    return f"tel:{main}" + (f";ext={extension}" if extension else "")
