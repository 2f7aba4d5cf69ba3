"""Where an entry serves, in the reader's language: worked out from its codes when its own
text only names them, else its own text marked as English."""

from __future__ import annotations

from . import countries
from .language import current, in_english, words
from .model import Resource

ONLINE_SUFFIX = " (online)"


def service_area_text(resource: Resource) -> str:
    text = resource.service_area.strip()
    if current() == "en" or not text:
        return text
    plain = text.removesuffix(ONLINE_SUFFIX)
    named = _named_by_codes(plain, resource.serves)
    if named is None:
        return in_english(text)
    return f"{named} ({words('online')})" if plain != text else named


def _named_by_codes(plain: str, codes: list[str]) -> str | None:
    """The reader's words for `plain` when it says no more than `codes` do; None otherwise."""
    if codes == ["world"] and plain == "Worldwide":
        return words("Worldwide")
    if len(codes) != 1:
        return None
    code = codes[0]
    if len(code) == 2 and plain == countries.english_name(code):
        return countries.country_label(code, plain)
    # A state or province named alone ("Arkansas") is a proper name, the same in any language.
    if "-" in code and plain.replace(" ", "").isalpha():
        return plain
    return None
