"""Small readers of HSDS cell values: numbers, ages, dates, costs, countries, addresses, places."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

COUNTRY_ALIASES = {
    "USA": "US",
    "U.S.": "US",
    "U.S.A.": "US",
    "UNITED STATES": "US",
    "UNITED STATES OF AMERICA": "US",
    "CANADA": "CA",
    "CAN": "CA",
    "UK": "GB",
    "GBR": "GB",
    "UNITED KINGDOM": "GB",
    "AUSTRALIA": "AU",
    "AUS": "AU",
}
_FREE = re.compile(r"\b(?:free|no fees?|no charge|no cost|none)\b", re.IGNORECASE)
_LOW = re.compile(r"\b(?:sliding[- ]scale|low[- ]cost|reduced (?:fee|cost|rate)s?)\b", re.I)
_PAID = re.compile(r"[$£€]\s?\d|\b\d+(?:\.\d+)?\s?(?:usd|gbp|eur|dollars?|pounds?)\b", re.I)
_STOPWORDS = frozenset({"the", "and", "for", "inc", "llc", "ltd", "of", "de", "la", "los"})


@dataclass(slots=True)
class Site:
    """A service's location with its addresses (type, row) and checked coordinates."""

    id: str
    row: dict[str, str]
    addresses: list[tuple[str, dict[str, str]]]
    coords: tuple[float, float] | None

    @property
    def kind(self) -> str:
        return self.row.get("location_type", "").lower()

    @property
    def physical(self) -> bool:
        """Typed physical, or (untyped, as before 3.0) with coordinates or a physical address."""
        if self.kind:
            return self.kind == "physical"
        return self.coords is not None or any(t == "physical" for t, _ in self.addresses)


# Words a source uses for how a service is delivered (ORUK service_delivery and attending_type,
# a delivery_methods list), by the format they are evidence of; phone and post count as online.
_DELIVERY = {
    "online": "online",
    "virtual": "online",
    "remote": "online",
    "internet": "online",
    "web": "online",
    "website": "online",
    "video": "online",
    "telehealth": "online",
    "telephone": "online",
    "phone": "online",
    "email": "online",
    "post": "online",
    "postal": "online",
    "in person": "in_person",
    "inperson": "in_person",
    "face to face": "in_person",
    "venue": "in_person",
    "home visit": "in_person",
    "outreach": "in_person",
    "drop in": "in_person",
    "walk in": "in_person",
}


def delivery_format(sites: list[Site], delivery: list[str]) -> str:
    """The format from evidence only: a physical site or a word saying in person; a virtual
    site or a word saying online, by phone or by post; both; or "unknown" when nothing says.
    A website alone is not evidence: most services that meet in person have one."""
    said = {_DELIVERY.get(" ".join(re.split(r"[\s_-]+", w.strip().lower()))) for w in delivery}
    online = "online" in said or any(s.kind == "virtual" for s in sites)
    in_person = "in_person" in said or any(s.physical for s in sites)
    if online and in_person:
        return "hybrid"
    return "online" if online else "in_person" if in_person else "unknown"


def number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def integer_text(text: str) -> str:
    """'12.0' -> '12' (numbers typed as floats by spreadsheets); other text unchanged."""
    value = number(text)
    return str(int(value)) if value is not None and value == int(value) else text


def join_unique(values: list[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def _age(text: str) -> str:
    value = number(text)
    return integer_text(text) if value is not None and value >= 0 else ""


def ages_text(row: dict[str, str]) -> str:
    """'5–18', '12+', 'up to 21' from minimum_age / maximum_age."""
    low, high = _age(row.get("minimum_age", "")), _age(row.get("maximum_age", ""))
    if low and high:
        return f"{low}–{high}"
    return f"{low}+" if low else f"up to {high}" if high else ""


def iso_date(text: str) -> str | None:
    """The ISO date of '2024-03-15', '2024-03-15T10:30:00Z' or '03/15/2024'; None if unreadable."""
    head = text[:10]
    if len(head) == 10 and head[4] == "-" and head[7] == "-" and head[:4].isdigit():
        try:  # the usual shape, without strptime's cost (a 211 export has one per service)
            return dt.date.fromisoformat(head).isoformat()
        except ValueError:
            return None
    for value, pattern in ((text[:10], "%Y-%m-%d"), (text, "%m/%d/%Y")):
        try:
            return dt.datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def cost_from_text(text: str) -> str:
    """'Free', 'no fees' -> free; 'sliding scale' -> low; '$150 per visit' -> paid."""
    for cost, pattern in (("free", _FREE), ("low", _LOW), ("paid", _PAID)):
        if pattern.search(text):
            return cost
    return "unknown"


def name_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 1 and w not in _STOPWORDS}


def address_text(row: dict[str, str]) -> str:
    """address_1 to address_4 (2.x has four lines), joined with commas."""
    lines = [row.get(f"address_{n}", "") for n in (1, 2, 3, 4)]
    return ", ".join(line for line in lines if line)


# A web address written without its scheme: a host with a dot and a known-looking ending, then
# perhaps a path ("www.example.org", "example.org/help"); never an email or a phrase.
_BARE_HOST = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?::\d{1,5})?(?:[/?#]\S*)?$", re.I
)


def with_scheme(text: str) -> str | None:
    """'www.example.org' -> 'https://www.example.org'; None when it cannot be an address."""
    value = text.strip()
    if "@" in value.split("/", 1)[0] or not _BARE_HOST.match(value):
        return None
    return "https://" + value


_LITERAL_ESCAPES = re.compile(r"\\r\\n|\\n|\\r|\\t")
_BREAK = re.compile(r"<br\s*/?>|</?p(?:\s[^<>]*)?>|</?li(?:\s[^<>]*)?>|</div\s*>", re.I)
_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.I)
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def clean_text(text: str) -> str:
    """Literal backslash escapes ('\\n' typed as two characters), HTML breaks, tags and
    entities become plain text with real line breaks."""
    if "\\" in text:
        text = _LITERAL_ESCAPES.sub(lambda m: "\t" if m.group() == "\\t" else "\n", text)
    if "<" in text:
        text = _TAG.sub("", _BREAK.sub("\n", text))
    if "&" in text:
        text = html.unescape(text).replace("\xa0", " ")
    if "\n\n\n" in text or "\n \n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_BYDAY = dict(zip(("MO", "TU", "WE", "TH", "FR", "SA", "SU"), _DAYS, strict=True))


def _day_names(row: dict[str, str]) -> str:
    """'Monday', from a 1.x/2.x weekday (a name or 1–7, Monday first) or a 3.0 byday list."""
    weekday = row.get("weekday", "").strip()
    if weekday.isdigit() and 1 <= int(weekday) <= 7:
        return _DAYS[int(weekday) - 1]
    if weekday:
        return weekday.title()
    days = [_BYDAY.get(d.strip().upper()[-2:], "") for d in row.get("byday", "").split(",")]
    return ", ".join(d for d in days if d)


def _clock(text: str) -> str:
    """'09:00:00' -> '9:00'; other text unchanged."""
    value = text.strip()
    if len(value) >= 5 and value[2] == ":" and value[:2].isdigit():
        value = value[:5].lstrip("0") or "0"
        return "0" + value if value.startswith(":") else value
    return value


def schedule_line(row: dict[str, str]) -> str:
    """'Monday 9:00–17:00' (or the row's own description) from one schedule row; '' for a
    day without hours."""
    day = _day_names(row)
    opens, closes = _clock(row.get("opens_at", "")), _clock(row.get("closes_at", ""))
    hours = f"{opens}–{closes}" if opens and closes else opens or closes
    text = " ".join(p for p in (day, hours) if p) if hours else ""
    note = row.get("description", "").strip()
    return f"{text} ({note})" if text and note else text or note
