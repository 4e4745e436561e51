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
from core.cache import RedisCache
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
