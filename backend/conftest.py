"""Shared fixtures: a CSRF-enforcing API client, signed-in users, and the database/cache choice.

Without DATABASE_URL the suite runs on SQLite and local memory; with DATABASE_URL and REDIS_URL it
runs the same tests on PostgreSQL and Redis (CI). Tests marked `postgres` need PostgreSQL: they skip
on SQLite locally and fail under CI=true, where nothing may be skipped.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from accounts.models import User
from factories import PASSWORD, make_user
from outbox.models import Message

CI = os.environ.get("CI", "").lower() == "true"


class ApiClient(Client):
    """Django's test client with CSRF enforced, speaking JSON, taking the token as the SPA does."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(enforce_csrf_checks=True, **kwargs)

    def csrf_token(self) -> str:
        if "csrftoken" not in self.cookies:
            self.get("/api/auth/csrf/")
        return self.cookies["csrftoken"].value

    def _unsafe(self, method: str, path: str, data: Any = None, **extra: Any) -> Any:
        extra.setdefault("HTTP_X_CSRFTOKEN", self.csrf_token())
        body = data if isinstance(data, str | bytes) else json.dumps(data or {})
        content_type = extra.pop("content_type", "application/json")
        return getattr(super(), method)(path, body, content_type=content_type, **extra)

    def post(self, path: str, data: Any = None, **extra: Any) -> Any:  # type: ignore[override]
        return self._unsafe("post", path, data, **extra)

    def put(self, path: str, data: Any = None, **extra: Any) -> Any:  # type: ignore[override]
        return self._unsafe("put", path, data, **extra)

    def patch(self, path: str, data: Any = None, **extra: Any) -> Any:  # type: ignore[override]
        return self._unsafe("patch", path, data, **extra)

    def delete(self, path: str, data: Any = None, **extra: Any) -> Any:  # type: ignore[override]
        return self._unsafe("delete", path, data, **extra)

    def today(self) -> date:
        """The signed-in user's today, as the server sees it (their zone and day start)."""
        return date.fromisoformat(self.get("/api/auth/me/").json()["today"])

    def sign_in(self, user: User, password: str = PASSWORD) -> Any:
        response = self.post("/api/auth/login/", {"email": user.email, "password": password})
        assert response.status_code == 200, response.content
        return response


def mail_to(address: str, kind: str | None = None) -> Message:
    """The newest mail to `address` in the outbox (of `kind` when given)."""
    messages = Message.objects.filter(to=address).order_by("-pk")
    if kind is not None:
        messages = messages.filter(kind=kind)
    message = messages.first()
    assert message is not None, f"no {kind or ''} mail to {address}"
    return message


def token_in(message: Message) -> str:
    """The secret after #token= in the mail's link."""
    found = re.search(r"#token=(\S+)", message.body)
    assert found is not None, message.body
    return found.group(1)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api() -> ApiClient:
    return ApiClient()


@pytest.fixture
def user(db: None) -> User:
    return make_user()


@pytest.fixture
def signed_in(api: ApiClient, user: User) -> ApiClient:
    api.sign_in(user)
    return api


@pytest.fixture
def other_user(db: None) -> User:
    return make_user()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    if on_postgres:
        return
    # Under CI=true pytest_sessionstart has already refused to run without PostgreSQL.
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL"))


def pytest_sessionstart(session: pytest.Session) -> None:
    if CI and not os.environ.get("DATABASE_URL"):
        raise pytest.UsageError("CI=true: set DATABASE_URL (PostgreSQL) and REDIS_URL (Redis).")
