"""Language names as people type them (English, their own name, any case) -> ISO 639-1 codes."""

from __future__ import annotations

import re
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


# A code as stored: ISO 639-1, or three letters where a language has none (sign languages: ase).
CODE_PATTERN = re.compile(r"^[a-z]{2,3}$")
# A language written as a word that no code is known for ("Karen", "Chin (Hakha)"): letters of any
# script, spaces, hyphens, apostrophes, dots and brackets; no digits, no list separators.
_NAME_PATTERN = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ \-'’.()])*$")
MAX_NAME = 60
# What a form's language box holds when it names no language; not kept as a language.
NON_ANSWERS = frozenset({"other", "others", "n/a", "na", "none", "unknown", "various", "-"})


def language_entry(text: str) -> str | None:
    """One entry of a resource's languages: a code ('ES' -> 'es'), a known name as its code
    ('Spanish' -> 'es'), any other language name as written ('Karen'); None for what cannot
    be a language's name."""
    written = " ".join(text.split())
    if CODE_PATTERN.match(written.lower()):
        return written.lower()
    code = language_code(written)
    if code:
        return code
    if len(written) <= MAX_NAME and _NAME_PATTERN.match(written):
        return written
    return None


def is_written_name(entry: str) -> bool:
    """True for an entry kept as the source wrote it rather than as a code."""
    return not CODE_PATTERN.match(entry)
