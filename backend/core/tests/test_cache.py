"""The Redis cache backend (core.cache): one client per process, whatever the request contexts.

Django keeps cache backends per execution context, and every ASGI request (the Lambda's, through
Mangum) has a context of its own; django-redis then built a new client, and a new redis.Redis, per
request. Creating a client does not connect, so most of these tests need no Redis server.
"""

from __future__ import annotations

import contextvars
import os
from typing import Any

import pytest
import redis
from django.core.cache import caches
from django.test import Client, override_settings

from config.settings.base import cache_settings
from core.cache import RedisCache, command
from core.cache_handler import share_backends_across_requests
from core.tests.test_asgi import call
from factories import make_habit, make_user

URL = "redis://127.0.0.1:6379/15"


def backend_in_new_context() -> Any:
    """caches["default"] as a new request context sees it: a backend made for that context."""
    return contextvars.Context().run(lambda: caches["default"])


def test_backends_of_separate_request_contexts_share_one_client() -> None:
    with override_settings(CACHES=cache_settings(URL)):
        first, second = backend_in_new_context(), backend_in_new_context()
        assert isinstance(first, RedisCache)
        assert first is not second  # Django made one per context, as before
        assert first.client is second.client
        assert first.client.get_client(write=True) is second.client.get_client(write=True)
        assert second.make_key("k") == first.make_key("k") == "ht:1:k"


def test_the_process_shares_one_backend_across_request_contexts(tmp_path: Any) -> None:
    # override_settings(CACHES=...) gives the handler Django's per-context Local back.
    with override_settings(CACHES=cache_settings(URL)):
        assert backend_in_new_context() is not backend_in_new_context()
        assert share_backends_across_requests()
        assert backend_in_new_context() is backend_in_new_context()
    files = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
    }
    with override_settings(CACHES=files):  # not known to be safe to share: left per context
        assert not share_backends_across_requests()
        assert backend_in_new_context() is not backend_in_new_context()


def test_other_settings_get_a_client_of_their_own() -> None:
    settings = cache_settings(URL)
    with override_settings(CACHES=settings):
        shared = backend_in_new_context().client
    other_location = {"default": {**settings["default"], "LOCATION": "redis://127.0.0.1:6379/14"}}
    other_prefix = {"default": {**settings["default"], "KEY_PREFIX": "other"}}
    other_options = cache_settings(URL)  # equal values, another dict: settings changed
    for changed in (other_location, other_prefix, other_options):
        with override_settings(CACHES=changed):
            backend = backend_in_new_context()
            assert backend.client is not shared
            assert backend.client is backend_in_new_context().client
    with override_settings(CACHES=other_prefix):
        assert backend_in_new_context().make_key("k") == "other:1:k"


def test_a_backend_without_options_still_works_alone() -> None:
    backend = RedisCache(URL, {"KEY_PREFIX": "x"})
    assert backend.client is not RedisCache(URL, {"KEY_PREFIX": "x"}).client
    assert backend.make_key("k") == "x:1:k"


@pytest.mark.django_db(transaction=True)
def test_asgi_requests_build_no_redis_client_after_the_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not hasattr(caches["default"], "client"):  # not Redis
        if os.environ.get("CI") == "true":
            pytest.fail("CI runs the backend suite on Redis: set REDIS_URL")
        pytest.skip("needs REDIS_URL")
    from config.asgi import application

    user = make_user()
    make_habit(user=user)
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    def request() -> tuple[int, Any, int]:
        # From an empty context, as the Lambda's event loop runs each request: nothing that this
        # test made through the cache before is there to be reused.
        return contextvars.Context().run(call, application, "/api/habits/", cookie)

    assert request()[0] == 200  # the process's first client

    made = 0
    init = redis.Redis.__init__

    def counting(self: redis.Redis, *args: Any, **kwargs: Any) -> None:
        nonlocal made
        made += 1
        init(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting)
    for _ in range(3):
        status, body, _hops = request()
        assert status == 200
        assert len(body) == 1
    assert made == 0


def live_redis() -> redis.Redis:
    client = redis.Redis.from_url(URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail("CI has Redis on 127.0.0.1:6379")
        pytest.skip("needs Redis on 127.0.0.1:6379")
    return client


def test_command_answers_as_the_client_does() -> None:
    client = live_redis()
    client.set("quick:k", b"v")
    client.hset("quick:h", mapping={"a": b"1", "b": b"2"})
    assert command(client, "GET", "quick:k") == client.get("quick:k") == b"v"
    assert command(client, "GET", "quick:missing") is None
    assert command(client, "HMGET", "quick:h", "a", "x", "b") == [b"1", None, b"2"]
    with pytest.raises(redis.ResponseError):  # a reply that is an error is raised, not retried
        command(client, "HMGET", "quick:k", "a")
    assert command(client, "GET", "quick:k") == b"v"  # and the connection still serves


def test_a_connection_the_server_closed_is_made_again() -> None:
    client = live_redis()
    client.set("quick:k", b"v")
    own = command(client, "CLIENT", "ID")
    assert client.client_kill_filter(_id=own) == 1  # as a server closes an idle connection
    assert command(client, "GET", "quick:k") == b"v"
    assert command(client, "CLIENT", "ID") != own


def test_a_redis_that_is_down_costs_one_attempt(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = 0
    connect = redis.connection.Connection._connect

    def counting(self: Any) -> Any:
        nonlocal attempts
        attempts += 1
        return connect(self)  # type: ignore[no-untyped-call]

    monkeypatch.setattr(redis.connection.Connection, "_connect", counting)
    down = redis.Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.5)
    with pytest.raises(redis.ConnectionError):
        command(down, "GET", "k")
    assert attempts == 1
    settings = cache_settings("redis://127.0.0.1:1/0")
    with override_settings(CACHES=settings):
        backend = backend_in_new_context()
        assert backend.get("k", "default") == "default"  # IGNORE_EXCEPTIONS, as django-redis
    assert attempts == 2


def test_the_cache_reads_what_django_redis_wrote() -> None:
    live_redis()
    with override_settings(CACHES=cache_settings(URL)):
        backend = backend_in_new_context()
        for value in (b"bytes", "text", 7, {"session": [1, 2]}, None):
            backend.set("quick:value", value)
            assert backend.get("quick:value", "missing") == value
        backend.delete("quick:value")
        assert backend.get("quick:value", "missing") == "missing"
