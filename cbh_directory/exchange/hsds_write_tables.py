"""The rows of an HSDS 3.0 package built from resources, with the app's own taxonomy."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..domain import vocabulary as vocab
from ..domain.checkups import Checkup
from ..domain.languages import is_written_name
from ..domain.model import Resource
from .atomic import ExportError
from .hsds_common import (
    FIELD_PREFIX,
    JSON_TEXT_FIELDS,
    TABLES_V3,
    TAXONOMY_NAME,
    language_name,
    stable_uuid,
)

Row = dict[str, str]
Tables = dict[str, list[Row]]

COST_TEXT = {"free": "Free", "low": "Low cost", "paid": "Paid"}
_EXTENSION = re.compile(r"^(.+) ext\. (\d{1,6})$")
_AGE_RANGE = re.compile(r"^(\d{1,3})\s*[–-]\s*(\d{1,3})$")
_PLACE = ("address", "city", "region", "postal_code", "country")
_NOTES = (
    "moderation_note",
    "activity_note",
    "caveat",
    "ages",
    "description_es",
    "phone_note",
    "status_note",
    "successor",
    "schedule",
    "fees",
    "application_process",
    "wait_time",
)
# What each "field:<name>" term of the app's taxonomy carries.
FIELD_TERMS = {
    "id": "The resource's id in CBH Directory",
    "alternate_names": "Another name of the resource (one per attribute)",
    "moderation_note": "What the moderation value is based on",
    "activity_note": "What is known about how active the group is",
    "caveat": "What is uncertain about the entry",
    "ages": "The ages served, as text",
    "sources": "A public web address the facts were read from (one per attribute)",
    "address": "The street address, when the full postal address is not known",
    "city": "The city, when the full postal address is not known",
    "region": "The state, province or region, when the full postal address is not known",
    "postal_code": "The postal code, when the full postal address is not known",
    "country": "The ISO 3166-1 country code, when the full postal address is not known",
    "description_es": "The description in Spanish",
    "serves": "An area it serves: world, a country (US) or a region (US-OH); one per attribute",
    "phone_note": "What the main phone number is for",
    "other_phones": "Further phones as JSON: number, ext, type, label",
    "evidence": "The sources behind each group of facts and the dates they show, as JSON",
    "status_note": "What became of a closed or merged organisation",
    "successor": "The id of the resource that carries on its work",
    "schedule": "Opening hours as the source wrote them, a line a day",
    "fees": "What it costs, as the source wrote it",
    "application_process": "How to apply, as the source wrote it",
    "wait_time": "How long the wait is, as the source wrote it",
    "taxonomy": "The service's terms from another taxonomy (211/AIRS...), as JSON: code, name",
    "checkup": "A user's check-up of a group: its moderation and activity as seen on a date, "
    "as compact JSON (docs/HUB.md)",
}


def _vocabulary_terms() -> list[tuple[str, str, str]]:
    """(code, name, description) of every fixed term of the app's taxonomy."""
    groups: list[tuple[str, tuple[vocab.Term, ...]]] = [
        ("kind", vocab.KINDS),
        ("moderation", vocab.MODERATION),
        ("activity", vocab.ACTIVITY),
        ("format", vocab.FORMATS),
        ("cost", vocab.COSTS),
    ]
    terms = [
        (f"{p}:{t.id}", t.label, t.explanation or t.label) for p, group in groups for t in group
    ]
    terms += [
        (f"focus:{t.id}", t.label, t.explanation or f"Focus on {t.label}")
        for t in vocab.FOCUS_TERMS
    ]
    terms += [(f"{FIELD_PREFIX}:{name}", name, text) for name, text in FIELD_TERMS.items()]
    return terms


def _term_rows(tags: list[str]) -> list[Row]:
    taxonomy_id = stable_uuid("taxonomy", TAXONOMY_NAME)
    terms = _vocabulary_terms() + [
        (f"tag:{t}", t, "A free tag used by CBH Directory") for t in tags
    ]
    return [
        {
            "id": stable_uuid("term", code),
            "code": code,
            "name": name,
            "description": description,
            "taxonomy": TAXONOMY_NAME,
            "language": "en",
            "taxonomy_id": taxonomy_id,
        }
        for code, name, description in terms
    ]


def _taxonomy_row() -> Row:
    return {
        "id": stable_uuid("taxonomy", TAXONOMY_NAME),
        "name": TAXONOMY_NAME,
        "description": "CBH Directory's classification of support resources: kinds, focus terms, "
        "moderation, activity, format, cost, tags, and texts HSDS has no field for",
        "version": "1",
    }


def _ages(text: str) -> tuple[str, str]:
    match = _AGE_RANGE.match(text)
    return (match.group(1), match.group(2)) if match else ("", "")


def _coordinate(value: float | None) -> str:
    return "" if value is None else repr(value)


class TableBuilder:
    """Adds one resource at a time to the tables; `tables()` returns them, terms included."""

    def __init__(self, country_names: dict[str, str]) -> None:
        self.country_names = country_names
        self.rows: Tables = {name: [] for name in TABLES_V3}
        self.tags: dict[str, None] = {}
        self.ids: set[str] = set()

    def add(self, r: Resource, checkups: Iterable[Checkup] = ()) -> None:
        if r.id in self.ids:
            raise ExportError("two resources share the id {id!r}; nothing was written", id=r.id)
        self.ids.add(r.id)
        org_id, service_id = stable_uuid("organization", r.id), stable_uuid("service", r.id)
        first_alt = r.alternate_names[0] if r.alternate_names else ""
        self.rows["organization"].append(
            {
                "id": org_id,
                "name": r.name,
                "alternate_name": first_alt,
                "description": r.description or r.name,
                "email": r.email,
                "website": r.website,
            }
        )
        minimum, maximum = _ages(r.ages)
        self.rows["service"].append(
            {
                "id": service_id,
                "organization_id": org_id,
                "name": r.name,
                "alternate_name": first_alt,
                "description": r.description,
                "url": r.website,
                "email": r.email,
                "status": r.status,
                "fees_description": r.fees or COST_TEXT.get(r.cost, ""),
                "application_process": r.application_process,
                "wait_time": r.wait_time,
                "eligibility_description": r.eligibility,
                "minimum_age": minimum,
                "maximum_age": maximum,
                # HSDS wants a whole date; a month or a year only travels in the evidence.
                "assured_date": r.last_verified if len(r.last_verified) == 10 else "",
            }
        )
        complete = self._location(r, org_id, service_id)
        self._contacts(r, service_id)
        self._attributes(r, service_id, complete)
        for checkup in checkups:
            self.rows["attribute"].append(
                {
                    "id": stable_uuid("attribute", r.id, "checkup", checkup.id),
                    "link_id": service_id,
                    "taxonomy_term_id": stable_uuid("term", f"{FIELD_PREFIX}:checkup"),
                    "link_entity": "service",
                    "value": json.dumps(
                        checkup.profile(), ensure_ascii=False, separators=(",", ":")
                    ),
                }
            )

    def _location(self, r: Resource, org_id: str, service_id: str) -> bool:
        """Write the location (and a full address if known); True when the address was written."""
        complete = all(getattr(r, name) for name in _PLACE)
        if not (r.has_location or any(getattr(r, name) for name in _PLACE)):
            return False
        location_id = stable_uuid("location", r.id)
        # A place whose format is not stated is written as postal: it claims no site to visit.
        if r.format in ("in_person", "hybrid"):
            kind = "physical"
        else:
            kind = "virtual" if r.format == "online" and not complete else "postal"
        country = self.country_names.get(r.country, r.country)
        self.rows["location"].append(
            {
                "id": location_id,
                "location_type": kind,
                "url": r.website if kind == "virtual" else "",
                "organization_id": org_id,
                "name": r.name,
                "description": ", ".join(p for p in (r.city, r.region, country) if p),
                "latitude": _coordinate(r.latitude),
                "longitude": _coordinate(r.longitude),
            }
        )
        link = {"id": stable_uuid("service_at_location", r.id), "service_id": service_id}
        self.rows["service_at_location"].append({**link, "location_id": location_id})
        if complete:
            self.rows["address"].append(
                {
                    "id": stable_uuid("address", r.id),
                    "location_id": location_id,
                    "address_1": r.address,
                    "city": r.city,
                    "state_province": r.region,
                    "postal_code": r.postal_code,
                    "country": r.country,
                    "address_type": "physical" if kind == "physical" else "postal",
                }
            )
        return complete

    def _contacts(self, r: Resource, service_id: str) -> None:
        if r.phone:
            match = _EXTENSION.match(r.phone)
            number, extension = match.groups() if match else (r.phone, "")
            self.rows["phone"].append(
                {
                    "id": stable_uuid("phone", r.id),
                    "service_id": service_id,
                    "number": number,
                    "extension": extension,
                    "type": "voice",
                }
            )
        for code in r.languages:
            written = is_written_name(code)  # no code known: the name as the source wrote it
            self.rows["language"].append(
                {
                    "id": stable_uuid("language", r.id, code),
                    "service_id": service_id,
                    "name": code if written else language_name(code),
                    "code": "" if written else code,
                }
            )
        if r.service_area:
            self.rows["service_area"].append(
                {
                    "id": stable_uuid("service_area", r.id),
                    "service_id": service_id,
                    "name": r.service_area,
                    "description": r.service_area,
                }
            )

    def _attributes(self, r: Resource, service_id: str, complete: bool) -> None:
        pairs = [("field:id", r.id), (f"kind:{r.kind}", "")]
        pairs += [(f"focus:{f}", "") for f in r.focus] + [(f"tag:{t}", "") for t in r.tags]
        pairs += [
            (f"{name}:{getattr(r, name)}", "")
            for name in ("moderation", "activity", "format", "cost")
        ]
        pairs += [("field:alternate_names", name) for name in r.alternate_names[1:]]
        pairs += [(f"field:{name}", getattr(r, name)) for name in _NOTES if getattr(r, name)]
        pairs += [("field:sources", url) for url in r.sources]
        pairs += [("field:serves", area) for area in r.serves]
        pairs += [
            (f"field:{name}", json.dumps(getattr(r, name), ensure_ascii=False, sort_keys=True))
            for name in JSON_TEXT_FIELDS
            if getattr(r, name)
        ]
        if not complete:
            pairs += [(f"field:{name}", getattr(r, name)) for name in _PLACE if getattr(r, name)]
        self.tags.update(dict.fromkeys(r.tags))
        for number, (code, value) in enumerate(pairs):
            self.rows["attribute"].append(
                {
                    "id": stable_uuid("attribute", r.id, str(number)),
                    "link_id": service_id,
                    "taxonomy_term_id": stable_uuid("term", code),
                    "link_entity": "service",
                    "value": value,
                }
            )

    def tables(self) -> Tables:
        tables = dict(self.rows)
        tables["taxonomy"] = [_taxonomy_row()]
        tables["taxonomy_term"] = _term_rows(list(self.tags))
        return tables
