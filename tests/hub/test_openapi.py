"""Every endpoint's responses validate against the official HSDS API 3.0 OpenAPI description."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import httpx
import jsonschema
import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from cbh_directory.exchange.hsds_common import stable_uuid
from cbh_directory.hub.openapi_doc import official, served_openapi

from .conftest import RunningHub
from .hsds_schemas import checkable_openapi, compiled, local_schemas

SPEC, REPLACED = checkable_openapi()
OPENAPI = OpenAPI.from_dict(SPEC)  # validates the description itself (openapi-spec-validator)


def check(hub_client: httpx.Client, path: str, params: dict[str, Any] | None = None) -> Any:
    """GET and validate the request and the response against the description."""
    response = hub_client.get(path, params=params)
    assert response.status_code == 200, (path, response.text[:300])
    url = urlsplit(str(response.request.url))
    request = MockRequest(
        f"{url.scheme}://{url.netloc}", "get", url.path, args=dict(response.request.url.params)
    )
    OPENAPI.validate_request(request)
    OPENAPI.validate_response(
        request, MockResponse(response.content, status_code=200, content_type="application/json")
    )
    return response.json()


def test_the_served_description_is_valid_openapi_and_keeps_the_official_paths() -> None:
    served = served_openapi()
    assert set(official()["paths"]) <= set(served["paths"])
    assert set(local_schemas()) == REPLACED  # every remote schema was checked locally
    profile = [path for path in served["paths"] if path.startswith("/profile")]
    broken = {**SPEC, "paths": {"/services": {"get": {"responses": "none"}}}}
    with pytest.raises(OpenAPIValidationError):
        OpenAPI.from_dict(broken)
    assert profile and all(
        op.get("x-cbh-directory-profile")
        for path in profile
        for op in served["paths"][path].values()
    )


def test_every_endpoint_validates(public_hub: RunningHub) -> None:
    with public_hub.client() as client:
        check(client, "/")
        services = check(client, "/services", {"per_page": 100})
        assert services["contents"]
        check(client, "/services", {"full": "true", "per_page": 5, "page": 2})
        check(client, "/services", {"minimal": "true", "per_page": 1000})
        check(client, "/services", {"search": "ataxia", "modified_after": "2020-01-01T00:00:00Z"})
        term = stable_uuid("term", "kind:support_group")
        check(client, "/services", {"taxonomy_term_id": term})
        taxonomy = stable_uuid("taxonomy", "cbh-directory")
        check(client, "/services", {"taxonomy_id": taxonomy, "per_page": 3})
        for item in services["contents"]:
            full = check(client, f"/services/{item['id']}")
            assert full["attributes"]
        organizations = check(client, "/organizations", {"per_page": 10})
        check(client, "/organizations", {"full_service": "true", "per_page": 2})
        org_id = organizations["contents"][0]["id"]
        check(client, f"/organizations/{org_id}")
        check(client, f"/organizations/{org_id}", {"full_service": "true"})
        check(client, "/services", {"organization_id": org_id})
        check(client, "/taxonomies")
        check(client, f"/taxonomies/{taxonomy}")
        terms = check(client, "/taxonomy_terms", {"per_page": 1000})
        assert terms["total_items"] == len(terms["contents"]) > 50
        check(client, "/taxonomy_terms", {"taxonomy_id": taxonomy, "top_only": "true"})
        check(client, f"/taxonomy_terms/{term}")
        links = check(client, "/service_at_locations", {"per_page": 100})
        assert links["contents"]
        check(client, "/service_at_locations", {"search": "group", "postcode": "43215",
                                                "proximity": "100000"})  # fmt: skip
        check(client, f"/service_at_locations/{links['contents'][0]['id']}")


def test_ndjson_lines_validate_as_fully_nested_services(public_hub: RunningHub) -> None:
    schema = compiled("service")
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    with public_hub.client() as client:
        lines = client.get("/services", params={"format": "ndjson"}).text.splitlines()
    assert lines
    for line in lines:
        validator.validate(json.loads(line))


def test_the_check_fails_on_a_response_that_breaks_the_schema(public_hub: RunningHub) -> None:
    with public_hub.client() as client:
        body = client.get("/services", params={"per_page": 1}).json()
    del body["contents"][0]["name"]  # required by the HSDS service schema
    request = MockRequest(public_hub.url, "get", "/services")
    with pytest.raises(Exception, match="name"):
        OPENAPI.validate_response(
            request, MockResponse(json.dumps(body).encode(), 200, content_type="application/json")
        )
