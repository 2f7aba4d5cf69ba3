"""Country names in the reader's language (CLDR's names through langcodes/language_data)."""

from __future__ import annotations

from functools import lru_cache

from . import language


def country_label(code: str, english: str) -> str:
    """The country `code` named in the reader's language; `english` (the gazetteer's own
    name) in English, or when CLDR does not know the code."""
    if language.current() == "en" or len(code) != 2 or not code.isalpha():
        return english
    return _cldr_name(code.upper(), language.current()) or english


def english_name(code: str) -> str:
    """CLDR's English name of a two-letter country code ("" when it knows none)."""
    return _cldr_name(code.upper(), "en") if len(code) == 2 and code.isalpha() else ""


@lru_cache(maxsize=2048)
def _cldr_name(code: str, lang: str) -> str:
    import langcodes  # loads CLDR's names: only when a country is shown in another language

    unknown = str(langcodes.Language.get("und-ZZ").territory_name(lang))
    name = str(langcodes.Language.get(f"und-{code}").territory_name(lang))
    # An unknown code comes back as "Región desconocida [QQ]"
    return "" if name.startswith(unknown) or name == code else name
