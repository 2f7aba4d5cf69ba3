"""Distances between coordinates (geopy great-circle) and bounding boxes that pre-filter them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .offline_geopy import EARTH_RADIUS, great_circle

EARTH_RADIUS_KM = EARTH_RADIUS  # geopy's mean Earth radius, 6371.009 km


@dataclass(frozen=True, slots=True)
class BoundingBox:
    """A latitude/longitude box; `lon_ranges` has two ranges when it crosses the antimeridian."""

    min_lat: float
    max_lat: float
    lon_ranges: tuple[tuple[float, float], ...]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(great_circle((lat1, lon1), (lat2, lon2)).km)


def bounding_box(lat: float, lon: float, radius_km: float) -> BoundingBox:
    """The smallest lat/lon box containing every point within `radius_km` of (lat, lon)."""
    angular = radius_km / EARTH_RADIUS_KM
    min_lat = lat - math.degrees(angular)
    max_lat = lat + math.degrees(angular)
    if min_lat <= -90 or max_lat >= 90:
        # A pole is inside the circle: every longitude qualifies.
        return BoundingBox(max(min_lat, -90.0), min(max_lat, 90.0), ((-180.0, 180.0),))
    # Widest longitude span of the circle (at the latitude of the tangent points).
    delta_lon = math.degrees(math.asin(min(1.0, math.sin(angular) / math.cos(math.radians(lat)))))
    west, east = lon - delta_lon, lon + delta_lon
    if west < -180:
        ranges: tuple[tuple[float, float], ...] = ((west + 360, 180.0), (-180.0, east))
    elif east > 180:
        ranges = ((west, 180.0), (-180.0, east - 360))
    else:
        ranges = ((west, east),)
    return BoundingBox(min_lat, max_lat, ranges)


def within(
    lat: float,
    lon: float,
    radius_km: float | None,
    candidates: Iterable[tuple[int, float, float]],
) -> Iterator[tuple[int, float]]:
    """Yield (key, distance_km) for candidates (key, lat, lon) within the radius (all if None)."""
    for key, clat, clon in candidates:
        d = distance_km(lat, lon, clat, clon)
        if radius_km is None or d <= radius_km:
            yield key, d
