"""Language names as people type them (English, their own name, any case) -> ISO 639-1 codes."""

from __future__ import annotations

import unicodedata

from .vocabulary import LANGUAGE_NAMES

# Names besides the English one in vocabulary.LANGUAGE_NAMES: the language's own name (with and
# without accents) and other common names; codes the dataset holds that it does not name.
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "am": ("Amharic", "አማርኛ"),
    "ar": ("عربي", "العربية"),
    "de": ("Deutsch",),
    "el": ("Greek", "ελληνικά"),
    "es": ("Español", "Castellano", "Castilian"),
    "fr": ("Français",),
    "ht": ("Haitian Creole", "Kreyòl", "Creole"),
    "it": ("Italiano",),
    "ja": ("日本語",),
    "ko": ("한국어",),
    "nl": ("Nederlands",),
    "pl": ("Polski",),
    "pt": ("Português",),
    "ru": ("Русский",),
    "so": ("Somali", "Soomaali"),
    "tl": ("Filipino",),
    "vi": ("Tiếng Việt",),
    "zh": ("中文", "Mandarin", "Cantonese"),
}
EXTRA_LABELS = {"am": "Amharic", "el": "Greek", "ht": "Haitian Creole", "so": "Somali"}


def fold(text: str) -> str:
    """Lower case without accents: 'Español' and 'espanol' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def language_names() -> dict[str, str]:
    """Every name we know (folded) -> its code; codes themselves included."""
    names: dict[str, str] = {}
    for code, label in {**EXTRA_LABELS, **LANGUAGE_NAMES}.items():
        names[fold(code)] = code
        names[fold(label)] = code
    for code, others in OTHER_NAMES.items():
        for name in others:
            names[fold(name)] = code
    return names


LANGUAGE_BY_NAME = language_names()


def language_code(text: str) -> str | None:
    """'Spanish', 'es', 'español', 'ES' -> 'es'; None when the name is not known."""
    return LANGUAGE_BY_NAME.get(fold(text))


def language_name(code: str) -> str:
    """'es' -> 'Spanish' (the code when no name is known)."""
    return LANGUAGE_NAMES.get(code) or EXTRA_LABELS.get(code, code)
