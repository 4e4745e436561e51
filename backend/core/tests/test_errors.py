from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError

from conftest import ApiClient
from core.errors import (
    CODE_NOT_FOUND,
    CODE_SERVER_ERROR,
    CODE_SERVICE_UNAVAILABLE,
    MESSAGE_SERVICE_UNAVAILABLE,
    field_errors,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/nope/", "/api/habits/not-a-number/", "/api", "/api/v2/x"])
def test_unknown_api_urls_are_json_404s(signed_in: ApiClient, path: str) -> None:
    response = signed_in.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found.", "code": CODE_NOT_FOUND}


def test_an_unexpected_error_is_a_json_500(signed_in: ApiClient) -> None:
    signed_in.raise_request_exception = False
    with mock.patch("habits.selectors.habit_list", side_effect=RuntimeError("boom")):
        response = signed_in.get("/api/habits/")
    assert response.status_code == 500
    assert response.json()["code"] == CODE_SERVER_ERROR
    assert "boom" not in response.content.decode()


def test_a_database_outage_in_a_view_is_a_503(signed_in: ApiClient) -> None:
    with mock.patch("habits.selectors.habit_list", side_effect=OperationalError("gone")):
        response = signed_in.get("/api/habits/")
    assert response.status_code == 503
    assert response.json() == {
        "detail": MESSAGE_SERVICE_UNAVAILABLE,
        "code": CODE_SERVICE_UNAVAILABLE,
    }


def test_a_database_outage_before_the_view_is_a_503(signed_in: ApiClient) -> None:
    # The session is read by middleware, before any view: Django's handler500 answers there.
    signed_in.raise_request_exception = False
    with mock.patch(
        "accounts.sessions.SessionStore.load",
        side_effect=OperationalError("gone"),
    ):
        response = signed_in.get("/api/habits/")
    assert response.status_code == 503
    assert response.json()["code"] == CODE_SERVICE_UNAVAILABLE


def test_field_errors_flatten_nested_details() -> None:
    assert field_errors({"frequency": {"times": ["bad"]}, "weekdays": [["x"], ["y"]]}) == {
        "frequency.times": ["bad"],
        "weekdays.0": ["x"],
        "weekdays.1": ["y"],
    }
    assert field_errors(["whole body"]) == {"non_field_errors": ["whole body"]}


def test_a_pool_timeout_means_the_database_is_unavailable() -> None:
    # core.errors does not import psycopg_pool (a cold start does not need it); once a pool
    # exists, its timeout is recognised, on its own and as the cause of Django's error.
    from django.db import DatabaseError
    from psycopg_pool import PoolTimeout

    from core.errors import is_database_unavailable

    assert is_database_unavailable(PoolTimeout("no connection within 5 s"))
    wrapped = DatabaseError("could not get a connection")
    wrapped.__cause__ = PoolTimeout("no connection within 5 s")
    assert is_database_unavailable(wrapped)
    assert not is_database_unavailable(ValueError("a bug"))
