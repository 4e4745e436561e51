from __future__ import annotations

from unittest import mock

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_public_health_answers_without_touching_the_database_or_the_cache() -> None:
    with (
        mock.patch("core.health.connection.cursor", side_effect=AssertionError("database used")),
        mock.patch("core.health.cache", side_effect=AssertionError("cache used")),
    ):
        response = Client().get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_deep_health_reports_database_and_cache() -> None:
    response = Client().get("/health/deep/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_deep_health_is_503_without_the_database() -> None:
    with mock.patch("core.health.connection.cursor", side_effect=RuntimeError("down")):
        response = Client().get("/health/deep/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_a_cache_failure_is_degraded_but_200() -> None:
    with mock.patch("core.health.cache") as cache:
        cache.client.get_client.side_effect = ConnectionError("redis down")
        response = Client().get("/health/deep/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "degraded"}


def test_health_only_answers_get() -> None:
    assert Client().post("/health/").status_code == 405
    assert Client().post("/health/deep/").status_code == 405
