"""Under the handler each request logs one JSON line with Lambda's request id, and no secret."""

from __future__ import annotations

import io
import json
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings

import lambda_handler
from core.logging import logging_config
from factories import PASSWORD, make_user
from lambda_tests.conftest import csrf_cookie
from lambda_tests.events import FakeContext, cookie_values, http_api_event


@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    """The production logging configuration (JSON lines), writing to a buffer for the test."""
    config = logging_config("INFO", "json")
    stream = io.StringIO()
    config["handlers"]["default"]["stream"] = stream
    logging.config.dictConfig(config)
    yield stream
    logging.config.dictConfig(settings.LOGGING)


def log_lines(stream: io.StringIO) -> tuple[str, list[dict[str, Any]]]:
    output = stream.getvalue()
    return output, [json.loads(line) for line in output.splitlines()]


@pytest.mark.django_db(transaction=True)
def test_the_request_line_carries_the_lambda_request_id_and_no_secret(
    json_logs: io.StringIO,
) -> None:
    user = make_user()
    invoke = lambda event: lambda_handler.handler(event, FakeContext())  # noqa: E731
    token = csrf_cookie(invoke)
    context = FakeContext(aws_request_id="8f4cbb3e-2d7e-4b5e-9c55-1f0d1f1f6a01")
    json_logs.seek(0)
    json_logs.truncate()

    response = lambda_handler.handler(
        http_api_event(
            "POST",
            "/api/auth/login/",
            headers={"content-type": "application/json", "x-csrftoken": token},
            cookies=[f"csrftoken={token}"],
            body=json.dumps({"email": user.email, "password": PASSWORD}),
        ),
        context,
    )

    output, lines = log_lines(json_logs)
    requests = [line for line in lines if line["event"] == "request"]
    assert response["statusCode"] == 200
    assert requests == [
        {
            "event": "request",
            "method": "POST",
            "path": "/api/auth/login/",
            "status": 200,
            "duration_ms": requests[0]["duration_ms"],
            "user_id": user.pk,
            "request_id": context.aws_request_id,
            "level": "info",
            "logger": "core.request",
            "timestamp": requests[0]["timestamp"],
        }
    ]
    assert response["headers"]["x-request-id"] == context.aws_request_id
    session_id = cookie_values(response["cookies"])["sessionid"]
    for secret in (PASSWORD, token, session_id, user.email):
        assert secret not in output


def test_a_management_command_logs_its_name_with_the_request_id(
    json_logs: io.StringIO,
) -> None:
    context = FakeContext()

    lambda_handler.handler({"manage": "check --tag security"}, context)

    _, lines = log_lines(json_logs)
    manage = [line for line in lines if line["event"] == "manage"]
    assert len(manage) == 1
    assert manage[0]["command"] == "check"
    assert manage[0]["request_id"] == context.aws_request_id
    assert "security" not in json.dumps(manage[0])
