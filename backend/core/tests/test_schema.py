"""The OpenAPI schema, generated on request (core.schema's views, core.openapi's generator): it
carries what the views' deferred extend_schema decorations and the session-cookie extension say,
although none of that machinery is imported before the first schema request
(lambda_tests/test_cold_path.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import ApiClient
from core.tests.test_lazy_views import LAZY, LAZY_ROUTES

pytestmark = pytest.mark.django_db


def schema(api: ApiClient) -> dict[str, Any]:
    response = api.get("/api/schema/?format=json")
    assert response.status_code == 200
    return dict(response.json())


def test_the_schema_documents_the_session_cookie_and_the_api_token(
    api: ApiClient,
) -> None:
    document = schema(api)

    schemes = document["components"]["securitySchemes"]
    assert schemes["sessionCookie"] == {"type": "apiKey", "in": "cookie", "name": "sessionid"}
    assert schemes["apiToken"]["scheme"] == "bearer"
    assert set(schemes) == {"sessionCookie", "apiToken"}
    assert {"sessionCookie": []} in document["paths"]["/api/habits/"]["get"]["security"]
    assert {"apiToken": []} in document["paths"]["/api/habits/"]["get"]["security"]
    assert {"apiToken": []} not in document["paths"]["/api/auth/password/"]["post"]["security"]


def test_the_schema_carries_each_views_extend_schema(api: ApiClient) -> None:
    document = schema(api)

    listing = document["paths"]["/api/habits/"]["get"]
    assert listing["tags"] == ["habits"]
    assert [p["name"] for p in listing["parameters"]] == ["archived"]
    assert listing["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    assert document["paths"]["/api/auth/login/"]["post"]["tags"] == ["auth"]
    # Generated twice in one process (the decorations are applied once, on the first).
    assert schema(api) == document


def test_the_swagger_page_is_served_and_refuses_writes(api: ApiClient) -> None:
    assert api.get("/api/docs/").status_code == 200
    assert api.post("/api/schema/", {}).status_code == 405


def test_the_schema_documents_the_views_loaded_on_first_use(api: ApiClient) -> None:
    """Routes whose view a cold start does not import (core.lazy_views) are in the schema with
    their operations and their extend_schema, as when the URLconf imported every view."""
    paths = schema(api)["paths"]
    lazy_routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route) for route in LAZY_ROUTES}

    assert len(lazy_routes) == len(LAZY) == 27
    assert lazy_routes <= set(paths)
    assert set(paths["/api/auth/passkeys/{passkey_id}/"]) == {"delete"}
    assert paths["/api/import/jobs/{job_id}/uploaded/"]["post"]["tags"] == ["import and export"]
    assert paths["/api/export/loop/"]["get"]["operationId"] == "export_loop_retrieve"
    assert set(paths["/api/habits/{habit_id}/reminder/"]) == {"get", "put", "delete"}
    assert paths["/api/habits/{habit_id}/reminder/"]["put"]["tags"] == ["reminders"]


def test_the_stand_ins_become_drf_spectaculars_objects() -> None:
    """core.schema's OpenApiResponse, OpenApiParameter, OpenApiTypes and inline_serializer (the
    cold path's views use them, not drf_spectacular.utils) make drf_spectacular's, once each."""
    from drf_spectacular import types, utils

    from core import schema

    for location in ("QUERY", "PATH", "HEADER", "COOKIE"):
        assert getattr(schema.OpenApiParameter, location) == getattr(
            utils.OpenApiParameter, location
        )
    parameter = schema.OpenApiParameter(
        "day", schema.OpenApiTypes.DATE, schema.OpenApiParameter.PATH
    )
    made = schema.made_now({"parameters": [parameter], 200: (schema.ERROR_RESPONSES[404],)})

    assert isinstance(made["parameters"][0], utils.OpenApiParameter)
    assert made["parameters"][0].type is types.OpenApiTypes.DATE
    assert made["parameters"][0].location == "path"
    assert made["parameters"][0] is parameter.make()
    error = made[200][0]
    assert isinstance(error, utils.OpenApiResponse)
    assert error.response is schema.ErrorSerializer.make()
    assert type(error.response).__name__ == "Error"
