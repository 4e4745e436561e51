"""Every request body has a ceiling whoever sends it: JSON is read up to 2 MB and nested at most
MAX_JSON_DEPTH levels, and no body over REQUEST_MAX_BYTES is read at all (WSGI or ASGI)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from django.conf import settings

from conftest import ApiClient
from core.asgi import get_asgi_application
from core.errors import CODE_PARSE_ERROR, CODE_REQUEST_TOO_LARGE
from core.parsers import MAX_JSON_DEPTH, MESSAGE_TOO_DEEP, json_depth_exceeds

pytestmark = pytest.mark.django_db

LOGIN = "/api/auth/login/"


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5_000, 100_000])
def test_deeply_nested_json_is_a_400_even_for_a_stranger(depth: int) -> None:
    response = ApiClient().post(LOGIN, nested(depth))
    assert response.status_code == 400, response.content
    assert response.json()["code"] == CODE_PARSE_ERROR
    assert response.json()["detail"] == MESSAGE_TOO_DEEP


def test_json_as_deep_as_allowed_is_parsed() -> None:
    document = json.loads(nested(MAX_JSON_DEPTH))
    assert not json_depth_exceeds(document, MAX_JSON_DEPTH)
    assert json_depth_exceeds([document], MAX_JSON_DEPTH)
    response = ApiClient().post(LOGIN, nested(MAX_JSON_DEPTH))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"  # parsed, then refused as not an object


def test_a_json_body_over_the_upload_limit_is_refused_unread(signed_in: ApiClient) -> None:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = json.dumps({"name": "x" * limit})
    response = signed_in.post("/api/habits/", body)
    assert response.status_code == 400, response.content[:200]
    assert response.json()["code"] == CODE_PARSE_ERROR
    assert str(limit) in response.json()["detail"]


def test_a_declared_body_over_the_ceiling_is_a_413_whatever_its_type() -> None:
    client = ApiClient()
    for content_type in ("application/json", "multipart/form-data; boundary=x", "text/plain"):
        response = client.post(
            LOGIN,
            b"{}",
            content_type=content_type,
            CONTENT_LENGTH=str(settings.REQUEST_MAX_BYTES + 1),
        )
        assert response.status_code == 413, content_type
        assert response.json()["code"] == CODE_REQUEST_TOO_LARGE


def asgi_post(chunks: list[bytes]) -> tuple[int, dict[str, Any], int]:
    """POST `chunks` as a streamed body without a Content-Length; (status, body, chunks read)."""
    application = get_asgi_application()
    pending = list(chunks)
    read = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        chunk = pending.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(pending)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": LOGIN,
        "raw_path": LOGIN.encode(),
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    asyncio.run(application(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(body), read


def test_a_streamed_body_over_the_ceiling_is_not_read_to_its_end(settings: Any) -> None:
    settings.REQUEST_MAX_BYTES = 1_000
    chunks = [b"x" * 400] * 50  # 20 KB, no Content-Length
    status, body, read = asgi_post(chunks)
    assert status == 413
    assert body["code"] == CODE_REQUEST_TOO_LARGE
    assert read == 3  # stopped at the chunk that crossed 1,000 bytes
