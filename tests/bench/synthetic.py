"""SYNTHETIC directories for benchmarks and tests: made-up resources spread over real places.

Nothing here is real: every name and description is generated, every id starts with "syn-",
and the files are written to temporary folders only, never to resources/ or a user's database.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from cbh_directory.exchange.appjson import read_app_json
from cbh_directory.paths import dataset_file

KINDS = (
    ("support_group", 40),
    ("financial_aid", 20),
    ("national_org", 15),
    ("clinical_finder", 13),
    ("school_guide", 12),
)
FOCUS = (
    ("disability", 14),
    ("rare-disease", 12),
    ("cerebellar-hypoplasia", 10),
    ("ataxia", 8),
    ("epilepsy", 7),
    ("hydrocephalus", 5),
    ("undiagnosed", 5),
    ("CASK", 3),
    ("CACNA1A", 3),
    ("KIF1A", 2),
    ("joubert", 3),
    ("charge", 2),
    ("dandy-walker", 2),
    ("pch", 2),
    ("congenital-cmv", 3),
    ("zika", 1),
    ("prematurity", 3),
    ("friedreich-ataxia", 2),
    ("ataxia-telangiectasia", 1),
    ("ITPR1", 1),
    ("VLDLR", 1),
)
MODERATION = (("unknown", 50), ("peer", 25), ("professional", 15), ("unmoderated", 10))
ACTIVITY = (("unknown", 45), ("moderate", 25), ("high", 15), ("low", 15))
FORMATS = (("online", 40), ("in_person", 35), ("hybrid", 25))
COSTS = (("free", 60), ("unknown", 15), ("low", 15), ("paid", 10))
NOUNS = (
    "Parent Network",
    "Family Circle",
    "Support Group",
    "Foundation",
    "Alliance",
    "Resource Center",
    "Assistance Fund",
    "Advocacy Project",
    "Clinic Finder",
    "Coalition",
    "Peer Connection",
    "Caregiver Program",
    "Education Guide",
    "Helpline",
    "Society",
)
WORDS = (
    "families",
    "children",
    "support",
    "parents",
    "caregivers",
    "therapy",
    "school",
    "grants",
    "insurance",
    "medicaid",
    "respite",
    "equipment",
    "mobility",
    "diagnosis",
    "genetic",
    "counseling",
    "peer",
    "mentors",
    "monthly",
    "meetings",
    "online",
    "forum",
    "volunteers",
    "advocates",
    "special",
    "education",
    "IEP",
    "accommodations",
    "clinicians",
    "neurology",
    "physical",
    "occupational",
    "speech",
    "balance",
    "coordination",
    "development",
    "research",
    "registry",
    "conference",
    "events",
    "newsletter",
    "helpline",
    "information",
    "rare",
    "condition",
    "community",
    "local",
    "chapters",
    "services",
    "referrals",
    "transport",
    "housing",
    "benefits",
    "funding",
    "applications",
    "waivers",
    "siblings",
    "grief",
    "stories",
)


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    values, weights = _TABLES.setdefault(
        id(weighted),
        (
            [v for v, _ in weighted],
            list(itertools.accumulate(w for _, w in weighted)),
        ),
    )
    return rng.choices(values, cum_weights=weights)[0]


_TABLES: dict[int, tuple[list[str], list[int]]] = {}


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    region: str
    country: str
    latitude: float
    longitude: float
    weight: float


def towns(db: sqlite_utils.Database, limit: int = 8000) -> list[Town]:
    """Real places to spread resources over: mostly US cities, some worldwide, by population."""
    rows = db.execute(
        "SELECT name, region_name, region_code, country_code, latitude, longitude, population "
        "FROM places WHERE kind = 'city' ORDER BY (country_code = 'US') DESC, population DESC "
        "LIMIT ?",
        [limit],
    ).fetchall()
    return [
        Town(name, region or code, country, lat, lon, max(population, 1) ** 0.5)
        for name, region, code, country, lat, lon, population in rows
    ]


def vocabulary() -> tuple[list[str], list[int]]:
    """Words of the real curated descriptions with their frequencies (a Zipf-like spread), so
    synthetic text has common and rare words the way real descriptions do."""
    counts: dict[str, int] = {}
    for resource in read_app_json(dataset_file()).resources:
        for word in re.findall(r"[A-Za-z][A-Za-z'-]+", resource.description):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    return words, list(itertools.accumulate(counts[w] for w in words))


def resources(count: int, places: list[Town], seed: int = 7) -> Iterator[dict[str, Any]]:
    """`count` SYNTHETIC resources as app-JSON records, the same every run for a seed."""
    rng = random.Random(seed)
    cumulative = list(itertools.accumulate(t.weight for t in places))
    words, word_weights = vocabulary()
    today = dt.date(2026, 11, 24)
    for number in range(count):
        town = rng.choices(places, cum_weights=cumulative)[0]
        kind = _pick(rng, KINDS)
        focus = list(dict.fromkeys(_pick(rng, FOCUS) for _ in range(rng.choice((0, 1, 1, 2, 3)))))
        text = rng.choices(words, cum_weights=word_weights, k=rng.randint(30, 90))
        description = " ".join(text).capitalize() + "."
        fmt = _pick(rng, FORMATS)
        record: dict[str, Any] = {
            "id": f"syn-{number:06d}",
            "name": f"{town.name} {rng.choice(NOUNS)} {number}",
            "kind": kind,
            "focus": focus,
            "tags": rng.sample(WORDS, rng.randint(0, 3)),
            "description": description,
            "moderation": _pick(rng, MODERATION) if kind == "support_group" else "unknown",
            "activity": _pick(rng, ACTIVITY) if kind == "support_group" else "unknown",
            "format": fmt,
            "languages": ["en"] + (["es"] if rng.random() < 0.2 else []),
            "cost": _pick(rng, COSTS),
            "country": town.country,
            "region": town.region,
            "city": town.name,
            "latitude": round(town.latitude + rng.uniform(-0.05, 0.05), 5),
            "longitude": round(town.longitude + rng.uniform(-0.05, 0.05), 5),
            "website": f"https://syn-{number}.example.org/",
            "phone": f"+1614555{number % 10000:04d}" if town.country == "US" else "",
            "sources": ["https://example.org/synthetic-source"],
            "last_verified": (today - dt.timedelta(days=rng.randint(0, 1100))).isoformat(),
        }
        yield record


def write_app_json(path: Path, records: list[dict[str, Any]]) -> Path:
    payload = {
        "format": "cbh-directory",
        "format_version": 1,
        "dataset_version": "0",
        "title": "SYNTHETIC benchmark directory",
        "resources": records,
    }
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


TERMS = {
    "support_group": "Support Groups",
    "financial_aid": "Financial Assistance",
    "national_org": "Advocacy",
    "clinical_finder": "Medical Care",
    "school_guide": "Special Education",
}


def write_hsds_211(folder: Path, records: list[dict[str, Any]]) -> Path:
    """A plain HSDS 3.0 package shaped like a 211 export (taxonomy terms by name, integer-free
    UUIDs, addresses and phones in their own tables) — not the app's own taxonomy."""
    folder.mkdir(parents=True, exist_ok=True)
    ns = uuid.UUID("12345678-1234-5678-1234-567812345678")

    def uid(*parts: object) -> str:
        return str(uuid.uuid5(ns, "/".join(map(str, parts))))

    tables: dict[str, tuple[list[str], list[list[Any]]]] = {
        "organizations": (["id", "name", "description", "website", "email"], []),
        "services": (
            [
                "id",
                "organization_id",
                "name",
                "description",
                "url",
                "status",
                "fees_description",
                "assured_date",
            ],
            [],
        ),
        "locations": (
            ["id", "organization_id", "location_type", "name", "latitude", "longitude"],
            [],
        ),
        "service_at_location": (["id", "service_id", "location_id"], []),
        "addresses": (
            [
                "id",
                "location_id",
                "address_1",
                "city",
                "region",
                "state_province",
                "postal_code",
                "country",
                "address_type",
            ],
            [],
        ),
        "phones": (["id", "service_id", "number", "type"], []),
        "taxonomy_terms": (["id", "code", "name", "description", "taxonomy"], []),
        "attributes": (
            ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
            [],
        ),
    }
    term_ids = {kind: uid("term", kind) for kind in TERMS}
    for kind, name in TERMS.items():
        tables["taxonomy_terms"][1].append(
            [term_ids[kind], kind.upper(), name, name, "211 LA County"]
        )
    for record in records:
        org, svc, loc = uid("org", record["id"]), uid("svc", record["id"]), uid("loc", record["id"])
        tables["organizations"][1].append(
            [org, record["name"], record["description"], record["website"], ""]
        )
        tables["services"][1].append(
            [
                svc,
                org,
                record["name"],
                record["description"],
                record["website"],
                "active",
                "Free" if record["cost"] == "free" else "",
                record["last_verified"],
            ]
        )
        if record["format"] != "online":
            tables["locations"][1].append(
                [loc, org, "physical", record["city"], record["latitude"], record["longitude"]]
            )
            tables["service_at_location"][1].append([uid("sal", record["id"]), svc, loc])
            tables["addresses"][1].append(
                [
                    uid("adr", record["id"]),
                    loc,
                    "1 Main Street",
                    record["city"],
                    record["region"],
                    record["region"],
                    "00000",
                    record["country"],
                    "physical",
                ]
            )
        if record["phone"]:
            tables["phones"][1].append([uid("tel", record["id"]), svc, record["phone"], "voice"])
        tables["attributes"][1].append(
            [uid("att", record["id"]), svc, term_ids[record["kind"]], "service", "service", ""]
        )
    descriptor = {
        "name": "synthetic-211",
        "profile": "tabular-data-package",
        "version": "3.0",
        "resources": [],
    }
    for name, (fields, rows) in tables.items():
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(fields)
            writer.writerows(rows)
        table = name[:-1] if name.endswith("s") else name
        table = {"addresse": "address", "taxonomy_term": "taxonomy_term"}.get(table, table)
        descriptor["resources"].append(
            {"name": table, "path": path.name, "profile": "tabular-data-resource"}
        )  # type: ignore[attr-defined]
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=1), encoding="utf-8")
    return folder
