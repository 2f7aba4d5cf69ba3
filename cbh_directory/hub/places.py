"""Postcode centroids for the API's `postcode` parameter, from the app's offline gazetteer."""

from __future__ import annotations

import functools
import gzip

from ..paths import gazetteer_dir


@functools.cache
def _postcodes() -> dict[str, tuple[float, float]]:
    found: dict[str, tuple[float, float]] = {}
    with gzip.open(gazetteer_dir() / "places.tsv.gz", "rt", encoding="utf-8") as stream:
        header = next(stream).rstrip("\n").split("\t")
        kind, code = header.index("kind"), header.index("postal_code")
        lat, lon = header.index("latitude"), header.index("longitude")
        for line in stream:
            parts = line.rstrip("\n").split("\t")
            if parts[kind] == "postal" and parts[code]:
                found.setdefault(parts[code].upper(), (float(parts[lat]), float(parts[lon])))
    return found


def postcode_centroid(code: str) -> tuple[float, float] | None:
    """The centroid of a postcode the gazetteer knows (US ZIP codes), or None."""
    return _postcodes().get(code.strip().upper())
