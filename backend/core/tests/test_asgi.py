"""The ASGI application (config.asgi, also what the Lambda runs): one worker-thread hop per request.

Django's own ASGIHandler moves a synchronous middleware chain in and out of threads a dozen times
per request; under load that was most of the server's CPU. These tests call the application as an
ASGI server does and count the switches into a worker thread.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.handlers.asgi import ASGIHandler

from config.asgi import application
from core.asgi import SyncChainASGIHandler
from factories import make_habit, make_user

# request_started's receivers, the request itself, and the response's close().
MAX_HOPS = 3


def call(app: Callable[..., Any], path: str, cookie: str = "") -> tuple[int, Any, int]:
    """One GET through `app`: status, JSON body and the number of run_in_executor calls."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"cookie", cookie.encode())],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    messages: list[dict[str, Any]] = []
    hops = 0

    async def run() -> None:
        nonlocal hops
        loop = asyncio.get_running_loop()
        run_in_executor = loop.run_in_executor

        def counting(*args: Any) -> Any:
            nonlocal hops
            hops += 1
            return run_in_executor(*args)

        loop.run_in_executor = counting  # type: ignore[method-assign,assignment]
        delivered = False

        async def receive() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client never disconnects
            raise AssertionError  # pragma: no cover

        async def send(message: dict[str, Any]) -> None:
            messages.append(message)

        await app(scope, receive, send)

    asyncio.run(run())
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return messages[0]["status"], json.loads(body), hops


def test_the_application_is_the_single_hop_handler() -> None:
    assert isinstance(application, SyncChainASGIHandler)


@pytest.mark.django_db(transaction=True)
def test_a_signed_in_list_request_takes_one_thread_hop(api: Any) -> None:
    user = make_user()
    make_habit(user=user, name="Read")
    api.sign_in(user)
    cookie = f"sessionid={api.cookies['sessionid'].value}"

    status, body, hops = call(application, "/api/habits/", cookie)

    assert status == 200
    assert [habit["name"] for habit in body] == ["Read"]
    assert hops <= MAX_HOPS


@pytest.mark.django_db(transaction=True)
def test_errors_keep_their_json_shape_through_the_handler() -> None:
    status, body, hops = call(application, "/api/habits/")

    assert status == 401
    assert body["code"] == "not_authenticated"
    assert hops <= MAX_HOPS


@pytest.mark.django_db(transaction=True)
def test_django_own_handler_would_hop_many_times() -> None:
    """The figure the single-hop handler exists to avoid (if Django changes, revisit core/asgi)."""
    _, _, hops = call(ASGIHandler(), "/api/habits/")

    assert hops > 2 * MAX_HOPS
