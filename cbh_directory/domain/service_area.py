"""Whether an online resource serves a place: its service area ("world", "US", "US-OH"), or,
when none is recorded, the country and region it is based in."""

from __future__ import annotations

from .model import Place


def serves_place(serves: list[str], country: str, region: str, place: Place) -> bool:
    """True when the resource's service area covers the place (country, and region when
    known). Nothing recorded at all (no area, no country) is not a reason to leave it out."""
    if serves:
        return (
            "world" in serves
            or place.country_code in serves
            or f"{place.country_code}-{place.region_code}" in serves
        )
    if not country:
        return True
    if country != place.country_code:
        return False
    return not region or region in (place.region_name, place.region_code)
