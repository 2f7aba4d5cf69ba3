"""Offline place lookup and distances."""

from __future__ import annotations

import math
import random

import pytest

from cbh_directory.domain.errors import InputError, PlaceNotFoundError
from cbh_directory.domain.validation import parse_radius
from cbh_directory.geo.distance import bounding_box, distance_km
from cbh_directory.geo.gazetteer import search_key
from cbh_directory.service import Directory


@pytest.mark.parametrize(
    "text",
    ["43215", "Columbus, OH", "columbus ohio", "Columbus, Ohio", "COLUMBUS OH", "43215-1234"],
)
def test_columbus_in_every_spelling(synthetic: Directory, text: str) -> None:
    place = synthetic.resolve_place(text)
    assert place.country_code == "US" and place.region_code == "OH"
    assert place.latitude == pytest.approx(39.96, abs=0.05)
    assert place.longitude == pytest.approx(-83.00, abs=0.05)


@pytest.mark.parametrize(
    ("text", "country", "lat", "lon"),
    [
        ("Manchester, UK", "GB", 53.48, -2.24),
        ("Manchester, England", "GB", 53.48, -2.24),
        ("manchester united kingdom", "GB", 53.48, -2.24),
        ("Toronto, Ontario", "CA", 43.70, -79.40),
        ("Zürich", "CH", 47.37, 8.55),
        ("zurich, switzerland", "CH", 47.37, 8.55),
        ("Saint Louis, MO", "US", 38.63, -90.20),
        ("St. Louis", "US", 38.63, -90.20),
        ("Washington, DC", "US", 38.90, -77.04),
        ("Recife, Brazil", "BR", -8.05, -34.90),
    ],
)
def test_cities_with_regions_and_countries(
    synthetic: Directory, text: str, country: str, lat: float, lon: float
) -> None:
    place = synthetic.resolve_place(text)
    assert place.country_code == country
    assert (place.latitude, place.longitude) == pytest.approx((lat, lon), abs=0.1)


def test_ambiguous_names_rank_by_population_with_alternatives(synthetic: Directory) -> None:
    found = synthetic.places("Columbus")
    assert found[0].region_code == "OH"  # the largest Columbus
    regions = [p.region_code for p in found]
    assert {"GA", "IN"} <= set(regions)  # Columbus, Georgia and Indiana are alternatives
    populations = [p.population for p in found if p.kind == "city"]
    assert populations == sorted(populations, reverse=True)


def test_small_towns_come_from_zip_codes(synthetic: Directory) -> None:
    place = synthetic.resolve_place("Deltaville, VA")  # about 1,000 people: not a GeoNames city
    assert place.kind == "town"
    assert place.latitude == pytest.approx(37.55, abs=0.1)


def test_unknown_place_suggests_close_matches(synthetic: Directory) -> None:
    with pytest.raises(PlaceNotFoundError) as caught:
        synthetic.resolve_place("Columbs, OH")
    assert any(s.startswith("Columbus, OH") for s in caught.value.suggestions)
    assert "did you mean" in str(caught.value)
    with pytest.raises(PlaceNotFoundError, match="unknown place"):
        synthetic.resolve_place("Qqqxxzz")


def test_empty_and_absurd_lookups_are_input_errors(synthetic: Directory) -> None:
    for text in ("", "   ", "x" * 1000, "\x00"):
        with pytest.raises(InputError):
            synthetic.resolve_place(text)


def test_unknown_zip_code(synthetic: Directory) -> None:
    with pytest.raises(PlaceNotFoundError):
        synthetic.resolve_place("00000")


def test_completion_offers_big_places_first(synthetic: Directory) -> None:
    labels = [p.label for p in synthetic.complete_place("Columb")]
    assert labels[0].startswith("Columbus, OH")
    assert any("Colombo" in label or "Columbia" in label for label in labels)
    assert synthetic.complete_place("4321")[0].postal_code.startswith("4321")
    assert synthetic.complete_place("") == []


def test_search_key_normalises_spelling() -> None:
    assert search_key("  Zürich ") == "zurich"
    assert search_key("St. Louis") == search_key("Saint Louis") == "st louis"
    assert search_key("Mc Kinney") == search_key("McKinney")
    assert search_key("Winston-Salem") == "winston salem"


def test_known_distance() -> None:
    # Columbus, OH to Chicago, IL is about 443 km by great circle.
    assert distance_km(39.9612, -82.9988, 41.8500, -87.6500) == pytest.approx(443, abs=5)


@pytest.mark.parametrize(
    ("lat", "lon", "radius"),
    [
        (39.96, -83.0, 160.0),
        (64.8, -147.7, 800.0),
        (-33.9, 151.2, 50.0),
        (0.0, 179.9, 300.0),
        (0.0, -179.9, 300.0),
        (89.5, 0.0, 200.0),
    ],
)
def test_bounding_box_contains_every_point_within_the_radius(
    lat: float, lon: float, radius: float
) -> None:
    box = bounding_box(lat, lon, radius)
    rng = random.Random(42)
    for _ in range(2000):
        bearing = rng.uniform(0, 2 * math.pi)
        dist = rng.uniform(0, radius)
        # destination point on a sphere
        angular = dist / 6371.009
        lat1, lon1 = math.radians(lat), math.radians(lon)
        lat2 = math.asin(
            math.sin(lat1) * math.cos(angular)
            + math.cos(lat1) * math.sin(angular) * math.cos(bearing)
        )
        lon2 = lon1 + math.atan2(
            math.sin(bearing) * math.sin(angular) * math.cos(lat1),
            math.cos(angular) - math.sin(lat1) * math.sin(lat2),
        )
        plat = math.degrees(lat2)
        plon = (math.degrees(lon2) + 540) % 360 - 180
        assert box.min_lat - 1e-9 <= plat <= box.max_lat + 1e-9
        assert any(w - 1e-9 <= plon <= e + 1e-9 for w, e in box.lon_ranges), (plat, plon)


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("50mi", 80.47),
        ("80km", 80.0),
        ("25", 40.23),
        ("100 miles", 160.93),
        ("10 KM", 10.0),
        ("2.5mi", 4.02),
    ],
)
def test_radius_parsing(text: str, km: float) -> None:
    assert parse_radius(text) == pytest.approx(km, abs=0.01)


@pytest.mark.parametrize("text", ["", "fifty", "-5mi", "0", "50 parsecs", "1e9", "99999mi"])
def test_bad_radius(text: str) -> None:
    with pytest.raises(InputError, match="radius"):
        parse_radius(text)


def test_a_completion_label_resolves_to_the_same_place(synthetic: Directory) -> None:
    for prefix in ("Columbus", "4321", "Manch"):
        for place in synthetic.complete_place(prefix)[:5]:
            again = synthetic.resolve_place(place.label)
            assert (again.latitude, again.longitude) == pytest.approx(
                (place.latitude, place.longitude), abs=0.01
            ), place.label
