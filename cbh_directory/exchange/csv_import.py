"""CSV import: columns mapped to fields (guessed, then confirmed by the user), rows validated."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ..domain import vocabulary as vocab
from ..domain.csv_safe import FORMULA_PREFIXES
from ..domain.errors import DatasetError, ValidationError
from ..domain.exports import COLUMN_LABELS
from ..domain.imports import IGNORE, CountryLookup, CsvTable, ParsedImport, Rejection
from ..domain.language import words
from ..domain.model import JSON_FIELDS, LIST_FIELDS, Resource
from ..domain.validation import normalise_resource, slugify
from .text_files import detect_encoding, input_size

MAX_CELL = 1_000_000
MAX_ROWS = 500_000
FIELDS: tuple[str, ...] = tuple(Resource.field_names())

# Other names people give the columns, normalised (lower case, letters and digits only).
SYNONYMS: dict[str, str] = {
    "organization": "name",
    "organisation": "name",
    "orgname": "name",
    "resource": "name",
    "title": "name",
    "url": "website",
    "web": "website",
    "site": "website",
    "homepage": "website",
    "telephone": "phone",
    "tel": "phone",
    "phonenumber": "phone",
    "mail": "email",
    "emailaddress": "email",
    "zip": "postal_code",
    "zipcode": "postal_code",
    "postcode": "postal_code",
    "state": "region",
    "province": "region",
    "county": "region",
    "lat": "latitude",
    "lng": "longitude",
    "lon": "longitude",
    "long": "longitude",
    "type": "kind",
    "category": "kind",
    "street": "address",
    "address1": "address",
    "summary": "description",
    "about": "description",
    "verified": "last_verified",
    "lastchecked": "last_verified",
    "language": "languages",
    "fees": "cost",
    "fee": "cost",
    "whoitisfor": "eligibility",
    "serves": "service_area",
    "akas": "alternate_names",
    "alsoknownas": "alternate_names",
    "source": "sources",
    "pleasenote": "caveat",
}


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_LABELS = {_key(label): name for name, label in COLUMN_LABELS.items() if name in FIELDS}
_FIELD_KEYS = {_key(name): name for name in FIELDS}


def guess_field(header: str) -> str:
    """The field a column header most likely means, or IGNORE."""
    key = _key(header)
    return _FIELD_KEYS.get(key) or _LABELS.get(key) or SYNONYMS.get(key) or IGNORE


def guess_mapping(headers: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for header in headers:
        field = guess_field(header)
        if field and field not in used:
            mapping[header] = field
            used.add(field)
        else:
            mapping[header] = IGNORE
    return mapping


def header_key(headers: list[str]) -> str:
    """Identifies a set of headers, so a mapping the user chose can be remembered for it."""
    return hashlib.sha1("\n".join(h.strip().casefold() for h in headers).encode()).hexdigest()[:16]


class CsvRows:
    """A CSV file's data rows, (line number, cells), read from the file each time they are
    walked: a large file is never held in memory whole."""

    def __init__(self, path: Path, codec: str, dialect: type[csv.Dialect] | csv.Dialect) -> None:
        self.path = path
        self.codec = codec
        self.dialect = dialect
        # The first row, read with the header: the mapping dialog shows it as a sample
        # without touching the file again (from the GUI thread).
        self.first = next(iter(self), None)

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        name = self.path.name
        csv.field_size_limit(MAX_CELL)
        with open(self.path, encoding=self.codec, newline="") as handle:
            reader = csv.reader(handle, self.dialect, strict=True)
            count = 0
            try:
                next(reader, None)  # the header
                for cells in reader:
                    if any(c.strip() for c in cells):
                        count += 1
                        if count > MAX_ROWS:
                            raise DatasetError(
                                "{name} has more than {max_rows:,} rows",
                                name=name,
                                max_rows=MAX_ROWS,
                            )
                        yield reader.line_num, cells
            except csv.Error as exc:
                raise DatasetError(
                    "{name}, line {line_num}: {reason}",
                    name=name,
                    line_num=reader.line_num,
                    reason=exc,
                ) from exc
            except UnicodeDecodeError as exc:  # the file changed since it was checked
                raise DatasetError(
                    "{name} is no longer valid {codec} text", name=name, codec=self.codec
                ) from exc

    def __bool__(self) -> bool:
        return self.first is not None

    def __getitem__(self, index: int) -> tuple[int, list[str]]:
        if index == 0 and self.first is not None:
            return self.first
        for number, row in enumerate(self):
            if number == index:
                return row
        raise IndexError(index)


def read_table(path: Path) -> CsvTable:
    """Open a CSV file (UTF-8 or Windows-1252, comma, semicolon or tab separated): its header
    is read and checked now, its rows as they are walked."""
    input_size(path)
    try:
        codec, encoding = detect_encoding(path)
        with open(path, encoding=codec, newline="") as handle:
            start = handle.read(20_000)
    except OSError as exc:
        raise DatasetError("cannot read {path}: {reason}", path=path, reason=exc) from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(
            "{name} is not valid text: {reason}", name=path.name, reason=exc.reason
        ) from exc
    if not start.strip():
        raise DatasetError("{name} is empty", name=path.name)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(start, ",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(MAX_CELL)
    try:
        with open(path, encoding=codec, newline="") as handle:
            reader = csv.reader(handle, dialect, strict=True)
            headers = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        raise DatasetError("{name}, line 1: {reason}", name=path.name, reason=exc) from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(
            "{name} is not valid {encoding} text", name=path.name, encoding=encoding
        ) from exc
    if not any(headers):
        raise DatasetError("{name} has no header row", name=path.name)
    if len(set(headers)) != len(headers):
        raise DatasetError("{name} has two columns with the same name", name=path.name)
    return CsvTable(path.name, headers, CsvRows(path, codec, dialect), encoding)


def _unneutralise(text: str) -> str:
    """Undo the apostrophe our CSV export puts before formula-like cells."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def _term_id(value: str, terms: dict[str, vocab.Term], extra: dict[str, str] | None = None) -> str:
    key = _key(value)
    for term_id, term in terms.items():
        if key in (_key(term_id), _key(term.label)):
            return term_id
    if extra and key in extra:
        return extra[key]
    return value.strip()


_KIND_SHORT = {_key(label): kind for kind, label in vocab.KIND_SHORT.items()}
_LANGUAGES = {_key(name): code for code, name in vocab.LANGUAGE_NAMES.items()}


def _convert(field: str, value: str, country: CountryLookup | None) -> object:
    value = _unneutralise(value.strip())
    if field == "kind":
        return _term_id(value, vocab.KIND_BY_ID, _KIND_SHORT)
    if field == "moderation":
        return _term_id(value, vocab.MODERATION_BY_ID)
    if field == "activity":
        return _term_id(value, vocab.ACTIVITY_BY_ID)
    if field == "format":
        return _term_id(value, vocab.FORMAT_BY_ID, {"inperson": "in_person", "both": "hybrid"})
    if field == "cost":
        return _term_id(value, vocab.COST_BY_ID)
    if field == "status":
        return _term_id(value, vocab.STATUS_BY_ID)
    if field == "country" and value and country is not None:
        return country(value) or value
    if field in JSON_FIELDS:
        try:
            return json.loads(value) if value else None
        except ValueError:
            return value  # validation names the field
    if field in LIST_FIELDS:
        items = [v.strip() for v in value.replace("|", ";").split(";") if v.strip()]
        if field == "focus":
            found = [vocab.focus_lookup(v) for v in items]
            return [t.id if t else v for t, v in zip(found, items, strict=True)]
        if field == "languages":
            return [_LANGUAGES.get(_key(v), v) for v in items]  # validation settles the rest
        return items
    return value


def parse_rows(
    table: CsvTable,
    mapping: dict[str, str],
    *,
    default_kind: str = "local_service",
    country: CountryLookup | None = None,
) -> ParsedImport:
    """Turn mapped rows into resources; a row that fails validation is rejected, not fatal."""
    chosen = {h: f for h, f in mapping.items() if f and h in table.headers}
    unknown = sorted({f for f in chosen.values() if f not in FIELDS})
    if unknown:
        raise DatasetError(
            "{source}: columns mapped to fields that do not exist: {unknown}; "
            "the fields are: {fields}",
            source=table.source,
            unknown=", ".join(unknown),
            fields=", ".join(FIELDS),
        )
    if "name" not in chosen.values():
        raise DatasetError("{source}: no column is mapped to the name", source=table.source)
    if len(set(chosen.values())) != len(chosen):
        raise DatasetError(
            "{source}: two columns are mapped to the same field", source=table.source
        )
    index = {h: table.headers.index(h) for h in chosen}
    parsed = ParsedImport(source=table.source, kind="csv")
    if table.encoding != "utf-8":
        parsed.notes.append(
            words("{source} was read as {encoding} text").format(
                source=table.source, encoding=table.encoding
            )
        )
    seen: set[str] = set()
    for line, cells in table.rows:
        values: dict[str, object] = {}
        for header, field in chosen.items():
            position = index[header]
            values[field] = _convert(
                field, cells[position] if position < len(cells) else "", country
            )
        if not values.get("kind"):
            values["kind"] = default_kind
        if not values.get("id"):
            values["id"] = slugify(str(values.get("name") or ""))
        row = f"line {line}"
        try:
            resource = normalise_resource(values)
        except ValidationError as exc:
            parsed.rejected.extend(Rejection(row, f, reason) for f, reason in exc.problems)
            continue
        if resource.id in seen:
            parsed.rejected.append(Rejection(row, "id", f"{resource.id!r} appears twice"))
            continue
        seen.add(resource.id)
        parsed.resources.append(resource)
    return parsed
