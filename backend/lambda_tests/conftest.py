"""Fixtures for calling the Lambda handler the way the Lambda runtime does."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import lambda_handler
from habits.reminders.tests.conftest import midday_user, vapid  # noqa: F401 - fixtures
from habits.reminders.tests.push_endpoint import push_endpoint  # noqa: F401 - a fixture
from lambda_tests.events import DOMAIN, SITE_ORIGIN, FakeContext, cookie_values, http_api_event

Invoke = Callable[[dict[str, Any]], dict[str, Any]]


@pytest.fixture(autouse=True)
def _deployed_hosts(settings: Any) -> None:
    """As configured in every deployed environment: API Gateway's domain is an allowed host and
    the site's origin a trusted CSRF origin."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, DOMAIN]
    settings.CSRF_TRUSTED_ORIGINS = [SITE_ORIGIN]


@pytest.fixture
def invoke() -> Invoke:
    """One handler call with a fresh context; the response must be JSON, as Lambda returns it."""

    def call(event: dict[str, Any]) -> dict[str, Any]:
        response = lambda_handler.handler(event, FakeContext())
        return dict(json.loads(json.dumps(response)))

    return call


def json_body(response: dict[str, Any]) -> Any:
    assert not response.get("isBase64Encoded"), response
    return json.loads(response["body"])


def csrf_cookie(invoke: Invoke) -> str:
    """GET /api/auth/csrf/ through the handler, as the SPA does; the csrftoken cookie's value."""
    response = invoke(http_api_event("GET", "/api/auth/csrf/"))
    assert response["statusCode"] == 200, response
    return cookie_values(response["cookies"])["csrftoken"]
