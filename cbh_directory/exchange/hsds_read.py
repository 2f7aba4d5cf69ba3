"""Reading Open Referral HSDS data packages (1.x, 2.x and 3.0) into validated resources."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..domain import vocabulary as vocab
from ..domain.checkups import make_checkup
from ..domain.contacts import MAX_PHONES, PHONE_TYPES
from ..domain.errors import DatasetError, InputError, ValidationError
from ..domain.imports import ParsedImport, Rejection
from ..domain.languages import NON_ANSWERS, is_written_name, language_entry
from ..domain.validation import (
    COUNTRY_PATTERN,
    is_email,
    is_web_url,
    normalise_resource,
    slugify,
)
from .hsds_common import JSON_TEXT_FIELDS, LIST_TEXT_FIELDS, VOCAB_PREFIXES, language_code
from .hsds_json import flatten, read_payloads
from .hsds_read_fields import (
    COUNTRY_ALIASES,
    Site,
    address_text,
    ages_text,
    clean_text,
    cost_from_text,
    delivery_format,
    integer_text,
    iso_date,
    join_unique,
    name_words,
    number,
    schedule_line,
    with_scheme,
)
from .hsds_read_tables import RawPackage, Table, load_package
from .hsds_read_terms import (
    TermMeaning,
    classify,
    code_from_name,
    is_checkup_term,
    own_code,
    own_taxonomy_ids,
)

# Columns without which a table cannot be joined (or, for services, imported at all).
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "service": ("id", "name"),
    "organization": ("id",),
    "location": ("id",),
    "service_at_location": ("service_id", "location_id"),
    "address": ("location_id",),
    "physical_address": ("location_id",),
    "postal_address": ("location_id",),
    "phone": ("number",),
    "taxonomy_term": ("id",),
    "attribute": ("link_id", "taxonomy_term_id"),
    "service_attribute": ("service_id", "taxonomy_term_id"),
}
_DELIVERY_TAXONOMY = re.compile(r"deliver|attending", re.IGNORECASE)
_OWN_PLACE = ("address", "city", "region", "postal_code", "country")


def _site_hours(site: Site) -> str:
    """A location's own free-text hours (some 1.x exports keep them on the location)."""
    return site.row.get("x_schedule") or site.row.get("hours", "")


_PHONE_TYPE_ALIASES = {"tty": "textphone", "tdd": "textphone", "sms": "text", "mobile": "cell"}
_CLEANED = (
    "name",
    "description",
    "eligibility",
    "service_area",
    "schedule",
    "fees",
    "application_process",
    "wait_time",
)
_ONE_LINE = frozenset({"name", "service_area", "wait_time"})
_NOTES = {
    "own": "services written by CBH Directory, read exactly",
    "own_coordinates": "services placed by their location's own latitude and longitude",
    "organization_address": "services without a location, given their organization's address",
    "organization_location": "services without a location link, given their organization's "
    "only location",
    "unknown_country": "addresses whose country is not a two-letter code (left out)",
    "bad_coordinates": "locations with coordinates out of range or unreadable (left out)",
    "website_https": "websites written without http(s)://, given https://",
    "bad_website": "websites that cannot be web addresses (left out; the service is kept)",
    "cleaned_text": "texts with HTML, entities, typed \\n or blank-line runs made plain",
    "bad_email": "emails that are not email addresses (left out)",
    "bad_date": "assured or modified dates that are not dates (left out)",
    "bad_language": "language entries that cannot be a language's name (left out)",
    "missing_term": "links to taxonomy terms missing from the package (skipped)",
    "code_as_name": "taxonomy terms whose name is a 211/AIRS code, read as the code",
    "format_unknown": "services whose format (online or in person) the source does not state",
}


def read_hsds(
    path: Path, *, default_country: str = "US", default_kind: str = "local_service"
) -> ParsedImport:
    """Read an HSDS folder, datapackage.json or .zip: one resource per service.

    Unreadable files and missing key columns raise DatasetError; a service that fails validation
    becomes a Rejection and is left out. Nothing is written anywhere."""
    country = _checked_options(default_country, default_kind)
    raw = load_package(Path(path))
    _check_columns(raw.tables)
    return _Reader(raw, country, default_kind).run()


def read_hsds_json(
    path: Path, text: str, *, default_country: str = "US", default_kind: str = "local_service"
) -> ParsedImport:
    """Read HSDS 3.0 JSON services or an ORUK /services page (`text`, the file's contents):
    flattened to tables, then mapped as a package is. Nothing is written anywhere."""
    country = _checked_options(default_country, default_kind)
    raw = flatten(Path(path), read_payloads(Path(path), text))
    _check_columns(raw.tables)
    parsed = _Reader(raw, country, default_kind).run()
    parsed.kind = "hsds"
    return parsed


def _checked_options(default_country: str, default_kind: str) -> str:
    country = default_country.strip().upper()
    if not COUNTRY_PATTERN.match(country):
        raise InputError(
            "bad default country {default_country!r}: use a code such as US",
            default_country=default_country,
        )
    if default_kind not in vocab.KIND_BY_ID:
        raise InputError(
            "unknown kind {kind!r}: use one of {kinds}",
            kind=default_kind,
            kinds=", ".join(vocab.KIND_BY_ID),
        )
    return country


def _check_columns(tables: dict[str, Table]) -> None:
    if "service" not in tables:
        raise DatasetError("the package has no service table (services.csv)")
    for name, table in tables.items():
        for column in REQUIRED_COLUMNS.get(name, ()):
            if column not in table.columns:
                raise DatasetError(
                    "{file} has no “{column}” column", file=table.file, column=column
                )


class _Reader:
    """Maps each service row to a resource, with dict indexes over the other tables."""

    def __init__(self, raw: RawPackage, country: str, kind: str) -> None:
        self.raw = raw
        self.tables = raw.tables
        self.country = country
        self.kind = kind
        self.counts: Counter[str] = Counter()
        self.kind_counts: Counter[tuple[str, str]] = Counter()
        self.has_schedules = any(t in raw.tables for t in ("regular_schedule", "schedule"))
        self.unknown_languages: set[str] = set()
        self.prefix = slugify(raw.name or "hsds", 24)
        self.used_ids: set[str] = set()
        self.sites: dict[str, Site] = {}
        self._indexes: dict[tuple[str, str], dict[str, list[int]]] = {}  # (table, column)
        self.meanings: dict[str, TermMeaning] = {}
        terms = self.tables.get("taxonomy_term")
        if terms is None and raw.version != "3.0":
            terms = self.tables.get("taxonomy")  # HSDS 1.0 kept its terms in "taxonomy"
        self.terms = {r["id"]: r for r in reversed(terms.rows) if r.get("id")} if terms else {}
        for term_id, term in self.terms.items():
            coded = code_from_name(term)
            if coded is not None:
                self.terms[term_id] = coded
                self.counts["code_as_name"] += 1
        taxonomies = self.tables.get("taxonomy")
        self.own_taxonomies = own_taxonomy_ids(taxonomies.rows if taxonomies else [])
        # Taxonomies of ways of delivery ("Delivery methods"): their terms say online or in person.
        self.delivery_taxonomies = {
            row["id"]
            for row in (taxonomies.rows if taxonomies else [])
            if row.get("id") and _DELIVERY_TAXONOMY.search(row.get("name", ""))
        }
        self.checkup_values: list[str] = []  # the service being read: its check-ups' JSON

    def rows(self, table: str, column: str, value: str) -> list[dict[str, str]]:
        if not value:
            return []
        key = (table, column)
        index = self._indexes.get(key)
        if index is None:
            found = self.tables.get(table)
            index = self._indexes[key] = found.index(column) if found else {}
        positions = index.get(value)
        if not positions:
            return []
        rows = self.tables[table].rows
        return [rows[i] for i in positions]

    def first(self, table: str, column: str, value: str) -> dict[str, str]:
        return next(iter(self.rows(table, column, value)), {})

    def run(self) -> ParsedImport:
        result = ParsedImport(source=self.raw.source, kind="hsds", notes=list(self.raw.notes))
        services = self.tables["service"]
        first_row: dict[str, int] = {}
        for position, row in enumerate(services.rows):
            where = services.where(position)
            sid = row.get("id", "")
            if not sid:
                empty = not row.get("name", "").strip()
                reason = "is empty, and so is the name: a blank row" if empty else "is empty"
                result.rejected.append(Rejection(where, "id", reason))
                continue
            if sid in first_row:
                reason = f"the service id {sid!r} is used again (first on row {first_row[sid]})"
                result.rejected.append(Rejection(where, "id", reason))
                continue
            first_row[sid] = services.numbers[position]
            self._add(result, where, row)
        result.notes.extend(self._summary())
        if not self.counts["own"]:  # another tool's export: its ids all carry our prefix
            result.source_prefix = self.prefix + "-"
        return result

    def _add(self, result: ParsedImport, where: str, row: dict[str, str]) -> None:
        try:
            resource = normalise_resource(self.map_service(row))
        except ValidationError as exc:
            problems = exc.problems
            field, reason = problems[0] if len(problems) == 1 else ("", str(exc))
            result.rejected.append(Rejection(where, field, reason))
            return
        if resource.id in self.used_ids:
            reason = f"the id {resource.id!r} is already used by an earlier service"
            result.rejected.append(Rejection(where, "id", reason))
            return
        self.used_ids.add(resource.id)
        result.resources.append(resource)
        for position, value in enumerate(self.checkup_values, 1):
            try:
                data = json.loads(value)
            except ValueError:
                data = None
            try:
                if not isinstance(data, dict) or not data.get("id"):
                    raise InputError("not a check-up object with an id")
                result.checkups.append(make_checkup(resource.id, data))
            except InputError as exc:
                result.notes.append(f"{where}: check-up {position} left out: {exc.message}")

    def map_service(self, row: dict[str, str]) -> dict[str, object]:
        sid = row["id"]
        org = self.first("organization", "id", row.get("organization_id", ""))
        terms = self.service_terms(sid)
        own = [
            (code, value) for term, value in terms if (code := own_code(term, self.own_taxonomies))
        ]
        exact = any(code == ("field", "id") for code, _ in own)
        self.checkup_values = [
            value for term, value in terms if exact and is_checkup_term(term, self.own_taxonomies)
        ]
        sites = self.service_sites(sid) or self.organization_site(org)
        phones = self.phone_rows(sid, sites, org)
        status = row.get("status", "").lower()
        data: dict[str, object] = {
            "name": row.get("name", ""),
            "description": row.get("description") or ("" if exact else org.get("description", "")),
            "website": self.website(row, org),
            "email": self.email(row, org),
            "phone": self.phone(phones, exact),
            "other_phones": [] if exact else self.other_phones(phones),
            "eligibility": self.eligibility(sid, row),
            "ages": ages_text(row),
            "service_area": self.service_area(sid),
            "languages": self.languages(sid, [] if exact else sites),
            "last_verified": self.verified(row),
            "status": "inactive" if status in ("inactive", "defunct") else "active",
            "cost": self.cost(sid, row),
            "format": self.format(sid, sites, row, terms),
            "schedule": self.schedule(sid, sites),
            "fees": join_unique([row.get("fees_description", ""), row.get("fees", "")]),
            "application_process": row.get("application_process", ""),
            "wait_time": row.get("wait_time", ""),
            "taxonomy": [
                self.kept_term(term) for term, _ in terms if not own_code(term, self.own_taxonomies)
            ],
            **self.place(sites, exact),
        }
        if exact:
            self.apply_own(data, row, own)
        else:
            self.apply_terms(data, [term for term, _ in terms])
            data["id"] = self.new_id(sid)
            data["alternate_names"] = self.alternate_names(row, org)
            self.clean(data)
        if data["format"] == "unknown":
            self.counts["format_unknown"] += 1
        return data

    def clean(self, data: dict[str, object]) -> None:
        """Text from other tools: escapes, HTML and entities made plain (counted once a field)."""
        for key in _CLEANED:
            text = data.get(key)
            if isinstance(text, str) and text:
                plain = clean_text(text)
                if key in _ONE_LINE:
                    plain = " ".join(plain.split())
                if plain != text.strip():
                    self.counts["cleaned_text"] += 1
                data[key] = plain

    # -- joins -------------------------------------------------------------------------------

    def service_terms(self, sid: str) -> list[tuple[dict[str, str], str]]:
        """The service's taxonomy terms, in file order, each with its attribute value."""
        links: list[tuple[str, str]] = []
        for r in self.rows("attribute", "link_id", sid):
            if r.get("link_entity", "").lower() in ("", "service"):
                links.append((r.get("taxonomy_term_id", ""), r.get("value", "")))
        links += [
            (r["taxonomy_term_id"], "") for r in self.rows("service_attribute", "service_id", sid)
        ]
        for r in self.rows("other_attribute", "link_id", sid):
            if r.get("link_type", "").lower() in ("", "service"):
                links.append((r.get("taxonomy_term_id", ""), ""))
        for r in self.rows("service_taxonomy", "service_id", sid):
            links.append((r.get("taxonomy_term_id") or r.get("taxonomy_id", ""), ""))
        found: list[tuple[dict[str, str], str]] = []
        for term_id, value in links:
            term = self.terms.get(term_id)
            if term is None:
                self.counts["missing_term"] += 1
            else:
                found.append((term, value))
        return found

    def service_sites(self, sid: str) -> list[Site]:
        links = self.rows("service_at_location", "service_id", sid)
        ids = dict.fromkeys(r["location_id"] for r in links if r.get("location_id"))
        return [self.site(location_id) for location_id in ids]

    def organization_site(self, org: dict[str, str]) -> list[Site]:
        """For a service with no location: its organization's only location, in a package
        that ties locations to organizations alone (no service_at_location table); else the
        organization's own addresses (1.x/2.x tie postal and physical addresses to it too)."""
        org_id = org.get("id", "")
        if "service_at_location" not in self.tables:
            locations = self.rows("location", "organization_id", org_id)
            if len(locations) == 1 and locations[0].get("id"):  # several: which one is unsaid
                self.counts["organization_location"] += 1
                return [self.site(locations[0]["id"])]
        addresses = [
            (kind, r)
            for table, kind in (("physical_address", "physical"), ("postal_address", "postal"))
            for r in self.rows(table, "organization_id", org_id)
        ]
        if not addresses:
            return []
        self.counts["organization_address"] += 1
        return [Site(f"organization {org_id}", {}, addresses, None)]

    def site(self, location_id: str) -> Site:
        if location_id not in self.sites:
            addresses = [
                (r.get("address_type", "").lower() or "physical", r)
                for r in self.rows("address", "location_id", location_id)
            ]
            addresses += [
                ("physical", r) for r in self.rows("physical_address", "location_id", location_id)
            ]
            addresses += [
                ("postal", r) for r in self.rows("postal_address", "location_id", location_id)
            ]
            row = self.first("location", "id", location_id)
            self.sites[location_id] = Site(location_id, row, addresses, self.coords(row))
        return self.sites[location_id]

    def coords(self, row: dict[str, str]) -> tuple[float, float] | None:
        text = (row.get("latitude", ""), row.get("longitude", ""))
        if not any(text):
            return None
        lat, lon = (number(t) for t in text)
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.counts["bad_coordinates"] += 1
            return None
        return lat, lon

    # -- fields ------------------------------------------------------------------------------

    def website(self, row: dict[str, str], org: dict[str, str]) -> str:
        candidates = [row.get("url", ""), org.get("website", ""), org.get("url", "")]
        given = [c.strip() for c in candidates if c.strip()]
        for text in given:
            if is_web_url(text):
                return text
            fixed = with_scheme(text)
            if fixed and is_web_url(fixed):
                self.counts["website_https"] += 1
                return fixed
        if given:
            self.counts["bad_website"] += 1
        return ""

    def email(self, row: dict[str, str], org: dict[str, str]) -> str:
        candidates = [row.get("email", ""), org.get("email", "")]
        return self._first_valid(candidates, is_email, "bad_email")

    def _first_valid(
        self, candidates: list[str], valid: Callable[[str], bool], counter: str
    ) -> str:
        given = [c for c in candidates if c]
        chosen = next((c for c in given if valid(c)), "")
        if given and not chosen:
            self.counts[counter] += 1
        return chosen

    def phone_rows(self, sid: str, sites: list[Site], org: dict[str, str]) -> list[dict[str, str]]:
        """The service's phones, else its first location's with any, else its organization's."""
        found = self.rows("phone", "service_id", sid)
        if not found:
            by_site = (self.rows("phone", "location_id", s.id) for s in sites)
            found = next((rows for rows in by_site if rows), [])
        return found or self.rows("phone", "organization_id", org.get("id", ""))

    def phone(self, found: list[dict[str, str]], exact: bool) -> str:
        if not found:
            return ""
        number = found[0].get("number", "")
        if not exact:
            number = number.strip("\"'").strip()  # the spec's own example quotes its number
        extension = integer_text(found[0].get("extension", ""))
        return f"{number} ext. {extension}" if number and extension else number

    def other_phones(self, found: list[dict[str, str]]) -> list[dict[str, str]]:
        """Every further phone, with its type, extension and what it is for."""
        phones: list[dict[str, str]] = []
        for row in found[1 : MAX_PHONES + 1]:
            number = row.get("number", "").strip("\"'").strip()
            kind = row.get("type", "").strip().lower()
            kind = _PHONE_TYPE_ALIASES.get(kind, kind)
            if not number:
                continue
            extension = integer_text(row.get("extension", "").strip())
            phones.append(
                {
                    "number": number,
                    "ext": extension if extension.isdigit() else "",
                    "type": kind if kind in PHONE_TYPES else "voice",
                    "label": " ".join(
                        p
                        for p in (row.get("description", ""), "" if kind in PHONE_TYPES else kind)
                        if p
                    )[:200],
                }
            )
        return phones

    def eligibility(self, sid: str, row: dict[str, str]) -> str:
        if row.get("eligibility_description"):
            return row["eligibility_description"]
        rows = self.rows("eligibility", "service_id", sid)
        return join_unique([r.get("eligibility") or r.get("description", "") for r in rows])

    def schedule(self, sid: str, sites: list[Site]) -> str:
        """Opening hours, a line a day ("Monday 9:00–17:00"), from the service's schedule rows,
        else its locations'; else a location's own free-text hours."""
        rows: list[dict[str, str]] = []
        if not self.has_schedules:
            return "\n".join(dict.fromkeys(h for s in sites if (h := _site_hours(s))))
        for table in ("regular_schedule", "schedule"):
            rows += self.rows(table, "service_id", sid)
        for site in sites if not rows else []:
            for table in ("regular_schedule", "schedule"):
                rows += self.rows(table, "location_id", site.id)
        lines = [schedule_line(r) for r in rows]
        if not any(lines):
            lines = [_site_hours(s) for s in sites]
        return "\n".join(dict.fromkeys(line for line in lines if line))

    def kept_term(self, term: dict[str, str]) -> dict[str, str]:
        """A taxonomy term as the resource keeps it: code, name and the taxonomy's name."""
        taxonomy = term.get("taxonomy") or term.get("vocabulary", "")
        if term.get("taxonomy_id"):
            taxonomy = self.first("taxonomy", "id", term["taxonomy_id"]).get("name", taxonomy)
        name = term.get("name") or term.get("term", "")
        return {"code": term.get("code", ""), "name": name, "taxonomy": taxonomy}

    def service_area(self, sid: str) -> str:
        rows = self.rows("service_area", "service_id", sid)
        return join_unique(
            [r.get("description") or r.get("name") or r.get("service_area", "") for r in rows]
        )

    def languages(self, sid: str, sites: list[Site]) -> list[str]:
        rows = self.rows("language", "service_id", sid)
        for site in sites:
            rows = rows + self.rows("language", "location_id", site.id)
        entries: list[str] = []
        for row in rows:
            text = row.get("code") or row.get("language") or row.get("name", "")
            for part in re.split(r"[,;/]", text):
                written = " ".join(part.split())
                if not written or written.casefold() in NON_ANSWERS:
                    continue
                # A language no code is known for is kept as the source wrote it ("Karen").
                entry = language_code(written) or language_entry(written)
                if entry is None:
                    self.counts["bad_language"] += 1
                    continue
                if is_written_name(entry):
                    self.unknown_languages.add(entry)
                if entry not in entries:
                    entries.append(entry)
        return entries

    def verified(self, row: dict[str, str]) -> str:
        text = row.get("assured_date") or row.get("last_modified", "")
        date = iso_date(text) if text else ""
        if date is None:
            self.counts["bad_date"] += 1
        return date or ""

    def cost(self, sid: str, row: dict[str, str]) -> str:
        options = self.rows("cost_option", "service_id", sid)
        amounts = [a for r in options if (a := number(r.get("amount", ""))) is not None]
        if any(a > 0 for a in amounts):
            return "paid"
        if amounts:
            return "free"
        texts = [row.get("fees_description", ""), row.get("fees", "")]
        texts += [f"{r.get('option', '')} {r.get('amount_description', '')}" for r in options]
        return cost_from_text(" ".join(texts))

    def format(
        self,
        sid: str,
        sites: list[Site],
        row: dict[str, str],
        terms: list[tuple[dict[str, str], str]],
    ) -> str:
        said = [
            r.get("service_delivery") or r.get("delivery_method", "")
            for r in self.rows("service_delivery", "service_id", sid)
        ]
        for term, value in terms:
            if term.get("taxonomy_id", "") in self.delivery_taxonomies or (
                _DELIVERY_TAXONOMY.search(term.get("taxonomy", ""))
            ):
                said += [term.get("name", ""), term.get("code", ""), value]
        for column in ("delivery_methods", "attending_type", "service_delivery"):
            said += re.split(r"[,;|]", row.get(column, ""))
        return delivery_format(sites, said)

    def place(self, sites: list[Site], exact: bool) -> dict[str, object]:
        chosen = next(
            (
                (s, a)
                for kind in ("physical", "postal")
                for s in sites
                for t, a in s.addresses
                if t == kind
            ),
            None,
        )
        data: dict[str, object] = dict.fromkeys(_OWN_PLACE, "")
        if chosen:
            address = chosen[1]
            data.update(
                address=address_text(address),
                city=address.get("city", ""),
                region=address.get("state_province") or address.get("region", ""),
                postal_code=address.get("postal_code", ""),
                country=self.country_code(address.get("country", ""), exact),
            )
        if not exact and not data["country"]:
            self.counts["default_country"] += 1
            data["country"] = self.country
        located = [chosen[0]] if chosen and chosen[0].coords else []
        site = next(iter(located + [s for s in sites if s.coords]), None)
        if site and site.coords:
            data["latitude"], data["longitude"] = site.coords
            self.counts["own_coordinates"] += 1
        return data

    def country_code(self, text: str, exact: bool) -> str:
        code = text.strip().upper()
        if exact or not code:
            return code
        code = COUNTRY_ALIASES.get(code, code)
        if COUNTRY_PATTERN.match(code):
            return code
        self.counts["unknown_country"] += 1
        return ""

    # -- kind, focus, ids -------------------------------------------------------------------

    def apply_terms(self, data: dict[str, object], terms: list[dict[str, str]]) -> None:
        """Kind: the first term naming a specific kind, else a term's local_service, else the
        default; the preview counts each kind and how it was found."""
        found: list[TermMeaning] = []
        focus: list[str] = []
        for term in terms:
            key = term.get("id", "")
            if key not in self.meanings:
                self.meanings[key] = classify(term)
            meaning = self.meanings[key]
            if meaning.kind:
                found.append(meaning)
            focus += [f for f in meaning.focus if f not in focus]
        chosen = next((m for m in found if m.kind != "local_service"), None)
        chosen = chosen or next(iter(found), None)
        if chosen and chosen.kind:
            kind = chosen.kind
            how = "211/AIRS code" if chosen.by_code else "term name"
        else:
            kind, how = self.kind, "no term naming a kind"
        self.kind_counts[(kind, how)] += 1
        # The terms themselves are kept whole (data["taxonomy"]): no tag repeats them.
        data.update(kind=kind, focus=focus, tags=[])

    def apply_own(
        self, data: dict[str, object], row: dict[str, str], own: list[tuple[tuple[str, str], str]]
    ) -> None:
        """Fields from the app's own taxonomy, verbatim (a package written by this app)."""
        self.counts["own"] += 1
        lists: dict[str, list[str]] = {"focus": [], "tags": [], "sources": [], "serves": []}
        lists["alternate_names"] = [row["alternate_name"]] if row.get("alternate_name") else []
        data.update(kind=self.kind, ages="", moderation_note="", activity_note="", caveat="")
        data.update(description_es="", phone_note="", status_note="", successor="")
        data.update(schedule="", fees="", application_process="", wait_time="", taxonomy=[])
        for (prefix, value), text in own:
            if prefix in ("focus", "tag"):
                lists["focus" if prefix == "focus" else "tags"].append(value)
            elif prefix in VOCAB_PREFIXES:
                data[prefix] = value
            elif value in LIST_TEXT_FIELDS:
                lists[value].append(text)
            elif value in JSON_TEXT_FIELDS:
                try:
                    data[value] = json.loads(text)
                except ValueError:
                    data[value] = text  # validation names the field
            else:
                data[value] = text
        data.update(lists)

    def alternate_names(self, row: dict[str, str], org: dict[str, str]) -> list[str]:
        names = [n.strip() for n in row.get("alternate_name", "").split(";") if n.strip()]
        org_name = org.get("name", "")
        name = row.get("name", "")
        # A service called "Case Management" says nothing of its provider: keep the provider's name.
        if org_name and org_name not in names and not (name_words(org_name) & name_words(name)):
            names.append(org_name)
        return names

    def new_id(self, sid: str) -> str:
        base = f"{self.prefix}-{slugify(sid, 59 - len(self.prefix))}"
        candidate, number = base, 1
        while candidate in self.used_ids:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def _summary(self) -> list[str]:
        counts = self.counts
        total = sum(self.kind_counts.values())  # the services read, not the rows refused
        notes = [f"{text}: {counts[key]}" for key, text in _NOTES.items() if counts[key]]
        if self.kind_counts:
            parts = [
                f"{vocab.KIND_BY_ID[kind].label} {count} ({how})"
                for (kind, how), count in sorted(
                    self.kind_counts.items(), key=lambda item: (-item[1], item[0])
                )
            ]
            notes.append(f"kinds of the {total} services: " + "; ".join(parts))
        if counts["default_country"]:
            notes.append(
                f"services without a country, given {self.country}: {counts['default_country']}"
            )
        if self.unknown_languages:
            names = ", ".join(sorted(self.unknown_languages)[:10])
            notes.append(f"languages kept as written (no code known): {names}")
        return notes
