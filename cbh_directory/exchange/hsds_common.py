"""What the HSDS reader and writer share: 3.0 table layouts, the app's own taxonomy, languages."""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
from typing import Any

import langcodes

from ..domain import vocabulary as vocab

# The taxonomy the app writes so that its own packages read back exactly.
TAXONOMY_NAME = "cbh-directory"
# Term codes are "<prefix>:<value>": the prefixes below hold vocabulary values ...
VOCAB_PREFIXES = ("kind", "focus", "moderation", "activity", "format", "cost", "tag")
# ... and "field:<name>" terms carry a text the HSDS tables have no column for, in `value`.
FIELD_PREFIX = "field"
LIST_TEXT_FIELDS = ("alternate_names", "sources", "serves")  # one attribute per item, in order
JSON_TEXT_FIELDS = ("other_phones", "evidence", "taxonomy")  # one attribute of compact JSON
TEXT_FIELDS = (
    "id",
    "alternate_names",
    "moderation_note",
    "activity_note",
    "caveat",
    "ages",
    "sources",
    "address",
    "city",
    "region",
    "postal_code",
    "country",
    "description_es",
    "serves",
    "phone_note",
    "other_phones",
    "evidence",
    "status_note",
    "successor",
    "schedule",
    "fees",
    "application_process",
    "wait_time",
    "taxonomy",
)

_NAMESPACE = uuid.UUID("5d0c6d0e-3f7a-5b8e-9c2e-6cbd1a2e0f47")
_NAMESPACE_BYTES = _NAMESPACE.bytes


def stable_uuid(*parts: str) -> str:
    """The same parts always give the same UUID, so repeated exports are identical.

    This is uuid.uuid5(_NAMESPACE, "/".join(parts)), computed without building UUID objects
    (three times faster; a hub load makes a few million of them)."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join(parts).encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# HSDS 3.0 tables the writer produces, in the spec's order: file and fields ("name[:type][!]",
# where the type is a string format (uuid, email, uri) or a Table Schema type; "!" = required).
TABLES_V3: dict[str, tuple[str, str]] = {
    "organization": (
        "organizations.csv",
        "id:uuid! name! alternate_name description! email:email website:uri tax_status tax_id "
        "year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid",
    ),
    "service": (
        "services.csv",
        "id:uuid! organization_id:uuid! program_id:uuid name! alternate_name description url:uri "
        "email:email status! interpretation_services application_process fees_description "
        "wait_time fees accreditations eligibility_description minimum_age:number "
        "maximum_age:number assured_date:date assurer_email:email licenses alert "
        "last_modified:datetime",
    ),
    "attribute": (
        "attributes.csv",
        "id:uuid! link_id:uuid! taxonomy_term_id:uuid! link_type link_entity! value",
    ),
    "service_at_location": (
        "service_at_location.csv",
        "id:uuid! service_id:uuid! location_id:uuid! description",
    ),
    "location": (
        "locations.csv",
        "id:uuid! location_type! url:uri organization_id:uuid name alternate_name description "
        "transportation latitude:number longitude:number external_identifier "
        "external_identifier_type",
    ),
    "phone": (
        "phones.csv",
        "id:uuid! location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid "
        "service_at_location_id:uuid number! extension:number type description",
    ),
    "address": (
        "addresses.csv",
        "id:uuid! location_id:uuid attention address_1! address_2 city! region state_province! "
        "postal_code! country! address_type!",
    ),
    "service_area": (
        "service_areas.csv",
        "id:uuid! service_id:uuid name description extent extent_type uri",
    ),
    "language": (
        "languages.csv",
        "id:uuid! service_id:uuid location_id:uuid phone_id:uuid name code note",
    ),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        "id:uuid! code name! description! parent_id:uuid taxonomy language taxonomy_id:uuid "
        "term_uri:uri",
    ),
    "taxonomy": ("taxonomies.csv", "id:uuid! name! description! uri:uri version"),
}
# The spec's other 3.0 tables: the writer has nothing for them, so they are written with their
# header only (an official-descriptor check then finds every table).
EMPTY_TABLES_V3: dict[str, tuple[str, str]] = {
    "program": ("programs.csv", "id:uuid! organization_id:uuid! name! alternate_name description!"),
    "contact": (
        "contacts.csv",
        "id:uuid! organization_id:uuid service_id:uuid service_at_location_id:uuid "
        "location_id:uuid name title department email:email",
    ),
    "schedule": (
        "schedules.csv",
        "id:uuid! service_id:uuid location_id:uuid service_at_location_id:uuid valid_from:date "
        "valid_to:date dtstart:date timezone:number until:date count:number wkst freq "
        "interval:number byday byweekno bymonthday byyearday description opens_at:time "
        "closes_at:time schedule_link:uri attending_type notes",
    ),
    "funding": ("funding.csv", "id:uuid! organization_id:uuid service_id:uuid source"),
    "required_document": ("required_documents.csv", "id:uuid! service_id:uuid document uri:uri"),
    "accessibility": ("accessibility.csv", "id:uuid! location_id:uuid description details url:uri"),
    "metadata": (
        "metadata.csv",
        "id:uuid! resource_id:uuid! resource_type! last_action_date:date! last_action_type! "
        "field_name! previous_value! replacement_value! updated_by!",
    ),
    "meta_table_description": (
        "meta_table_descriptions.csv",
        "id:uuid! name language character_set",
    ),
    "cost_option": (
        "cost_options.csv",
        "id:uuid! service_id:uuid! valid_from:date valid_to:date option currency amount:number "
        "amount_description",
    ),
    "organization_identifier": (
        "organization_identifiers.csv",
        "id:uuid! organization_id:uuid! identifier_scheme identifier_type! identifier!",
    ),
}
# Every 3.0 table in the spec's datapackage.json order.
SPEC_ORDER_V3 = (
    "organization", "program", "service", "attribute", "service_at_location", "location",
    "phone", "contact", "address", "schedule", "funding", "service_area", "required_document",
    "language", "accessibility", "taxonomy_term", "metadata", "meta_table_description",
    "cost_option", "organization_identifier", "taxonomy",
)  # fmt: skip
ALL_TABLES_V3 = {name: (TABLES_V3 | EMPTY_TABLES_V3)[name] for name in SPEC_ORDER_V3}
ENUMS: dict[tuple[str, str], list[str]] = {
    ("service", "status"): ["active", "inactive", "defunct", "temporarily closed"],
    ("location", "location_type"): ["physical", "postal", "virtual"],
    ("address", "address_type"): ["physical", "postal", "virtual"],
}
# (table, column) -> referenced table; only references between tables the writer produces.
FOREIGN_KEYS: dict[str, list[tuple[str, str]]] = {
    "service": [("organization_id", "organization")],
    "attribute": [("taxonomy_term_id", "taxonomy_term")],
    "service_at_location": [("service_id", "service"), ("location_id", "location")],
    "location": [("organization_id", "organization")],
    "phone": [("location_id", "location"), ("service_id", "service")],
    "address": [("location_id", "location")],
    "service_area": [("service_id", "service")],
    "language": [("service_id", "service"), ("location_id", "location")],
    "taxonomy_term": [("taxonomy_id", "taxonomy")],
}
_STRING_FORMATS = {"uuid", "email", "uri"}


def table_columns(table: str) -> list[str]:
    return [spec.split(":")[0].rstrip("!") for spec in ALL_TABLES_V3[table][1].split()]


def _field(table: str, spec: str) -> dict[str, Any]:
    required = spec.endswith("!")
    name, _, kind = spec.rstrip("!").partition(":")
    field: dict[str, Any] = {"name": name, "type": "string"}
    if kind in _STRING_FORMATS:
        field["format"] = kind
    elif kind:
        field["type"] = kind
    constraints: dict[str, Any] = {"required": required}
    if name == "id":
        constraints["unique"] = True
    if (table, name) in ENUMS:
        constraints["enum"] = ENUMS[(table, name)]
    field["constraints"] = constraints
    return field


def table_schema(table: str) -> dict[str, Any]:
    """The Frictionless Table Schema of one 3.0 table, as the spec's datapackage.json has it."""
    schema: dict[str, Any] = {
        "fields": [_field(table, spec) for spec in ALL_TABLES_V3[table][1].split()],
        "primaryKey": ["id"],
    }
    keys = FOREIGN_KEYS.get(table)
    if keys:
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": target, "fields": ["id"]}}
            for column, target in keys
        ]
    return schema


# English names, native names and ISO 639-2/3 codes that 211 exports use, mapped to ISO 639-1.
_LANGUAGE_ALIASES: dict[str, str] = {
    # Sign languages have no two-letter code: ISO 639-3's (ase, bfi) or the group's (sgn).
    "american sign language": "ase",
    "asl": "ase",
    "british sign language": "bfi",
    "bsl": "bfi",
    "sign language": "sgn",
    "sign": "sgn",
    "ase": "ase",
    "bfi": "bfi",
    "sgn": "sgn",
    "albanian": "sq",
    "amharic": "am",
    "armenian": "hy",
    "bengali": "bn",
    "bosnian": "bs",
    "burmese": "my",
    "cantonese": "zh",
    "mandarin": "zh",
    "croatian": "hr",
    "czech": "cs",
    "danish": "da",
    "farsi": "fa",
    "persian": "fa",
    "finnish": "fi",
    "greek": "el",
    "gujarati": "gu",
    "creole": "ht",
    "haitian creole": "ht",
    "hebrew": "he",
    "hindi": "hi",
    "hungarian": "hu",
    "indonesian": "id",
    "cambodian": "km",
    "khmer": "km",
    "lao": "lo",
    "nepali": "ne",
    "norwegian": "no",
    "pashto": "ps",
    "punjabi": "pa",
    "romanian": "ro",
    "serbian": "sr",
    "somali": "so",
    "swahili": "sw",
    "swedish": "sv",
    "filipino": "tl",
    "tamil": "ta",
    "telugu": "te",
    "thai": "th",
    "tigrinya": "ti",
    "turkish": "tr",
    "ukrainian": "uk",
    "urdu": "ur",
    "welsh": "cy",
    "yiddish": "yi",
    "yoruba": "yo",
    "español": "es",
    "espanol": "es",
    "français": "fr",
    "deutsch": "de",
    "eng": "en",
    "spa": "es",
    "fra": "fr",
    "fre": "fr",
    "deu": "de",
    "ger": "de",
    "ita": "it",
    "por": "pt",
    "rus": "ru",
    "zho": "zh",
    "chi": "zh",
    "ara": "ar",
    "vie": "vi",
    "kor": "ko",
    "jpn": "ja",
    "pol": "pl",
    "urd": "ur",
    "hin": "hi",
    "tgl": "tl",
    "nld": "nl",
    "dut": "nl",
}
LANGUAGE_CODES: dict[str, str] = {
    **{name.casefold(): code for code, name in vocab.LANGUAGE_NAMES.items()},
    **_LANGUAGE_ALIASES,
}
_TWO_LETTERS = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$")


def language_code(text: str) -> str | None:
    """'es', 'es-MX', 'Spanish', 'spa' -> 'es'; 'Chuukese' -> 'chk' (langcodes, when the name
    is exactly that language's); None when the language is not recognised."""
    key = text.strip().casefold()
    if key in LANGUAGE_CODES:
        return LANGUAGE_CODES[key]
    match = _TWO_LETTERS.match(key)
    return match.group(1) if match else _named_language(key)


@functools.lru_cache(maxsize=1024)
def _named_language(key: str) -> str | None:
    # langcodes also guesses ("Karen" -> Kari): only a name that is the language's own English
    # name counts, so a guess is never stored as fact.
    try:
        found = langcodes.find(key)
    except LookupError:
        return None
    code = found.language or ""
    exact = found.display_name().casefold() == key
    return code if exact and 2 <= len(code) <= 3 and code.isalpha() else None


# The last English name of each code wins: "haitian creole" over "creole".
_LANGUAGE_NAMES = {
    code: name.title()
    for name, code in _LANGUAGE_ALIASES.items()
    if len(name) > 3 and name.isascii()
}


def language_name(code: str) -> str:
    """An English name for the writer's language rows (the code itself when unknown)."""
    return vocab.LANGUAGE_NAMES.get(code) or _LANGUAGE_NAMES.get(code, code)
