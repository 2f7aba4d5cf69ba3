"""The HSDS API read endpoints on real PostgreSQL: search, filters, distance, pages, ndjson."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cbh_directory.exchange.appjson import read_app_json
from cbh_directory.exchange.hsds_common import stable_uuid
from cbh_directory.hub import queries
from cbh_directory.paths import dataset_file

from .conftest import RunningHub, load_records, record

CURATED = read_app_json(dataset_file()).resources


def _ids(page: dict) -> set[str]:
    return {item["id"] for item in page["contents"]}


def test_root_points_to_the_openapi_and_profile(public_hub: RunningHub) -> None:
    with public_hub.client() as client:
        root = client.get("/").json()
        assert root["version"] == "3.0.0"
        assert client.get(root["openapi_url"]).json()["openapi"].startswith("3.1")
        assert client.get(root["profile"]).json()["taxonomy"] == "cbh-directory"


def test_reading_needs_a_token_unless_public(hub: RunningHub) -> None:
    with hub.client() as anonymous:
        assert anonymous.get("/services").status_code == 401
    with hub.client("cbh_not-a-real-token") as forged:
        assert forged.get("/services").status_code == 401
    with hub.client(hub.user("visitor", "reader")) as reader:
        page = reader.get("/services").json()
        assert page["total_items"] == len(CURATED)


def test_pages_cover_every_service_once(public_hub: RunningHub) -> None:
    with public_hub.client() as client:
        seen: list[str] = []
        page = 1
        while True:
            body = client.get("/services", params={"page": page, "per_page": 20}).json()
            seen += [item["id"] for item in body["contents"]]
            assert body["first_page"] == (page == 1)
            if body["last_page"]:
                break
            page += 1
        assert len(seen) == len(set(seen)) == len(CURATED) == body["total_items"]
        assert body["total_pages"] == page


def test_search_in_english_and_spanish_words(public_hub: RunningHub) -> None:
    cask = next(r for r in CURATED if "CASK" in r.name)
    with public_hub.client() as client:
        hits = client.get("/services", params={"search": "CASK"}).json()
        assert stable_uuid("service", cask.id) in _ids(hits)
        assert hits["total_items"] < len(CURATED)
        # English stemming: "groups" finds "group"
        groups = client.get("/services", params={"search": "groups"}).json()
        assert groups["total_items"] > 0
        # a word nobody wrote finds nothing; a stop word of both languages is no filter
        none = client.get("/services", params={"search": "zzqxjv"}).json()
        assert none["total_items"] == 0 and none["empty"] and none["total_pages"] == 0
        everything = client.get("/services", params={"search": "a"}).json()
        assert everything["total_items"] == len(CURATED)


def test_taxonomy_term_filter_uses_the_profile_terms(public_hub: RunningHub) -> None:
    groups = [r for r in CURATED if r.kind == "support_group"]
    term = stable_uuid("term", "kind:support_group")
    with public_hub.client() as client:
        body = client.get("/services", params={"taxonomy_term_id": term, "per_page": 1000}).json()
        assert _ids(body) == {stable_uuid("service", r.id) for r in groups}
        described = client.get(f"/taxonomy_terms/{term}").json()
        assert described["code"] == "kind:support_group"
        terms = client.get("/taxonomy_terms", params={"search": "moderat", "per_page": 100})
        codes = {t["code"] for t in terms.json()["contents"]}
        assert {"moderation:peer", "moderation:professional"} <= codes


def test_proximity_by_point_and_by_postcode(public_hub: RunningHub, tmp_path: Path) -> None:
    load_records(public_hub.dsn, tmp_path, [
        record("columbus-group", city="Columbus", region="OH", country="US",
               latitude=39.9612, longitude=-82.9988, format="in_person"),
        record("dayton-group", city="Dayton", region="OH", country="US",
               latitude=39.7589, longitude=-84.1916, format="in_person"),
        record("madrid-grupo", city="Madrid", country="ES",
               latitude=40.4168, longitude=-3.7038, format="in_person"),
    ])  # fmt: skip
    columbus, dayton = (stable_uuid("service", rid) for rid in ("columbus-group", "dayton-group"))
    with public_hub.client() as client:
        near = client.get(
            "/services", params={"lat": 39.96, "long": -83.0, "proximity": 5_000}
        ).json()
        assert _ids(near) == {columbus}
        wider = client.get(
            "/services", params={"lat": 39.96, "long": -83.0, "proximity": 150_000}
        ).json()
        assert [item["id"] for item in wider["contents"]] == [columbus, dayton]  # nearest first
        ohio = client.get(
            "/service_at_locations", params={"postcode": "43215", "proximity": 10_000}
        ).json()
        assert [item["service_id"] for item in ohio["contents"]] == [columbus]
        assert ohio["contents"][0]["location"]["latitude"] == 39.9612
        for bad in (
            {"lat": 91, "long": 0, "proximity": 10},
            {"lat": 40, "proximity": 10},
            {"postcode": "00000x", "proximity": 10},
            {"lat": 40, "long": 0},
        ):
            assert client.get("/services", params=bad).status_code == 400


def test_ndjson_streams_every_full_service(public_hub: RunningHub) -> None:
    with public_hub.client() as client:
        response = client.get("/services", params={"format": "ndjson"})
        assert response.headers["content-type"].startswith("application/x-ndjson")
        lines = [json.loads(line) for line in response.text.splitlines()]
        assert len(lines) == len(CURATED)
        assert all("attributes" in line and "organization" in line for line in lines)
        one = client.get(f"/services/{lines[0]['id']}").json()
        assert {k: v for k, v in one.items() if k != "metadata"} == lines[0]
        assert one["metadata"][0]["updated_by"] == "curators"


def test_unknown_ids_and_bad_parameters_are_4xx(public_hub: RunningHub) -> None:
    with public_hub.client() as client:
        for path in ("/services/nope", "/organizations/nope", "/taxonomies/x",
                     "/taxonomy_terms/x", "/service_at_locations/x"):  # fmt: skip
            assert client.get(path).status_code == 404, path
        for params in ({"page": 0}, {"per_page": 100_000}, {"page": "two"},
                       {"modified_after": "yesterday"}, {"format": "xml"},
                       {"full": "maybe"}, {"search": "x" * 10_000}):  # fmt: skip
            assert client.get("/services", params=params).status_code == 400, params


def test_organizations_list_their_services(public_hub: RunningHub) -> None:
    with public_hub.client() as client:
        page = client.get("/organizations", params={"per_page": 5}).json()
        assert page["total_items"] == len(CURATED)
        org = page["contents"][0]
        full = client.get(f"/organizations/{org['id']}", params={"full_service": "true"}).json()
        assert full["services"][0]["organization_id"] == org["id"]
        assert "attributes" in full["services"][0]
        assert "attributes" not in org["services"][0]


def test_many_matches_rank_by_name(
    public_hub: RunningHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_records(public_hub.dsn, tmp_path, [
        record("aaa-plain-group", description="Meets about hippotherapy on Tuesdays."),
        record("zzz-hippotherapy-circle", description="Families."),
    ])  # fmt: skip
    with public_hub.client() as client:
        ranked = client.get("/services", params={"search": "hippotherapy"}).json()["contents"]
        monkeypatch.setattr(queries, "RANK_ALL", 1)  # as if there were thousands of matches
        by_name = client.get("/services", params={"search": "hippotherapy"}).json()["contents"]
        pages = [
            client.get("/services", params={"search": "hippotherapy", "per_page": 1, "page": n})
            for n in (1, 2, 3)
        ]
    assert [s["name"] for s in ranked] == ["Zzz Hippotherapy Circle", "Aaa Plain Group"]
    assert [s["name"] for s in by_name] == ["Zzz Hippotherapy Circle", "Aaa Plain Group"]
    assert [[s["name"] for s in p.json()["contents"]] for p in pages] == [
        ["Zzz Hippotherapy Circle"],
        ["Aaa Plain Group"],
        [],
    ]
    assert all(p.json()["total_items"] == 2 for p in pages)
