"""Security properties checked as tests: CSRF everywhere, cookies and headers as production sets
them, sessions that end when they should, account deletion that leaves nothing behind, login
throttling, and logs free of secrets.

Production values are read from `config.settings.production` itself (in a subprocess, with the
environment `core/tests/test_configuration.py` uses), then applied here with `override_settings`,
so a change to production.py is what these tests see.
"""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import pytest
import structlog
from core.tests.test_configuration import BACKEND, PRODUCTION_ENV
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import URLPattern
from rest_framework.parsers import JSONParser

from accounts.models import User
from conftest import ApiClient
from core.errors import CODE_CSRF_FAILED, CODE_NOT_AUTHENTICATED, CODE_THROTTLED
from core.logging import SHARED_PROCESSORS
from core.spa import CONTENT_SECURITY_POLICY
from core.tests.test_access_control import UNSAFE, allowed_methods, api_routes, concrete
from factories import PASSWORD, make_entry, make_habit, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/api/auth/login/"
LOGOUT = "/api/auth/logout/"
ME = "/api/auth/me/"
PASSWORD_CHANGE = "/api/auth/password/"
SITE = "habits.example.com"

# The settings production.py decides that shape cookies, headers and HTTPS.
PRODUCTION_SECURITY_SETTINGS = (
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_ENGINE",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "MIDDLEWARE",
    "DEBUG",
)


@pytest.fixture(scope="module")
def production_settings() -> dict[str, Any]:
    """The security settings as config.settings.production computes them."""
    script = (
        "import json, django\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        f"names = {list(PRODUCTION_SECURITY_SETTINGS)!r}\n"
        "print(json.dumps({name: getattr(settings, name) for name in names}))\n"
    )
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BACKEND,
        env={**clean, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    values: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    if values["SECURE_PROXY_SSL_HEADER"] is not None:
        values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(production_settings: dict[str, Any]) -> Iterator[dict[str, Any]]:
    with override_settings(ALLOWED_HOSTS=[SITE], **production_settings):
        yield production_settings


def https_client() -> ApiClient:
    """A client that reaches the app as CloudFront does: HTTPS named by X-Forwarded-Proto, the
    site's host, and the Referer a browser sends (Django checks it on HTTPS unsafe requests)."""
    return ApiClient(
        HTTP_HOST=SITE,
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_REFERER=f"https://{SITE}/",
    )


def session_value(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def raw_unsafe(client: Client, method: str, path: str, *, form: bool = False, **extra: Any) -> Any:
    """An unsafe request without the X-CSRFToken header (the cookie is still sent): JSON, or the
    multipart form a cross-site page can post without any preflight."""
    if form:
        return getattr(Client, method)(client, path, {"file": io.BytesIO(b"x")}, **extra)
    return getattr(Client, method)(client, path, "{}", content_type="application/json", **extra)


def takes_json(pattern: URLPattern) -> bool:
    view = pattern.callback.view_class  # type: ignore[attr-defined]
    return any(issubclass(parser, JSONParser) for parser in view().parser_classes)


# --- CSRF -----------------------------------------------------------------------------------------


def test_every_unsafe_method_of_every_api_route_needs_the_csrf_token(signed_in: ApiClient) -> None:
    habit = make_habit(user=User.objects.get())
    make_entry(habit=habit, day=date(2024, 1, 1))
    signed_in.csrf_token()
    checked = []
    for route, pattern in api_routes():
        for method in allowed_methods(pattern):
            if method not in UNSAFE:
                continue
            path = concrete(route, habit.pk)
            form = not takes_json(pattern)
            for extra in ({}, {"HTTP_X_CSRFTOKEN": "x" * 32}):
                response = raw_unsafe(signed_in, method, path, form=form, **extra)
                where = f"{method.upper()} {path} {extra}"
                assert response.status_code == 403, where
                assert response.json()["code"] == CODE_CSRF_FAILED, where
            checked.append(f"{method} {route}")
    assert len(checked) >= 10, checked
    # Nothing was changed or ended by the refused requests.
    assert signed_in.get(ME).status_code == 200
    habit.refresh_from_db()
    assert habit.entries.count() == 1


def test_anonymous_unsafe_requests_need_the_csrf_token_too(user: User) -> None:
    """Login CSRF: an attacker's page must not sign the victim in to the attacker's account."""
    anonymous = ApiClient()
    anonymous.csrf_token()
    for path in ("/api/auth/login/", "/api/auth/register/"):
        response = raw_unsafe(anonymous, "post", path)
        assert response.status_code == 403, path
        assert response.json()["code"] == CODE_CSRF_FAILED


# --- Cookies and headers in production ------------------------------------------------------------


def test_production_session_cookie_is_httponly_secure_and_lax(
    production: dict[str, Any], user: User
) -> None:
    client = https_client()
    response = client.sign_in(user)
    cookie = response.cookies[production["SESSION_COOKIE_NAME"]]
    assert cookie["httponly"] is True
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["domain"]  # required by the __Host- prefix
    set_cookie = str(response.cookies)
    assert "HttpOnly" in set_cookie
    assert "Secure" in set_cookie
    assert "SameSite=Lax" in set_cookie
    csrf = client.get("/api/auth/csrf/").cookies.get(production["CSRF_COOKIE_NAME"])
    # The SPA must read the CSRF cookie, so it is not HttpOnly, but it is Secure and Lax.
    csrf = csrf or response.cookies[production["CSRF_COOKIE_NAME"]]
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"
    assert client.get(ME).status_code == 200


def test_production_security_headers(production: dict[str, Any], user: User) -> None:
    response = https_client().get("/api/auth/csrf/")
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert "max-age=63072000" in hsts
    assert "includeSubDomains" in hsts
    assert "preload" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_redirects_plain_http_except_health(production: dict[str, Any]) -> None:
    plain = Client(HTTP_HOST=SITE)
    response = plain.get("/api/auth/csrf/")
    assert response.status_code == 301
    assert response["Location"].startswith(f"https://{SITE}/")
    assert plain.get("/health/").status_code == 200


def test_production_refuses_unknown_hosts(production: dict[str, Any]) -> None:
    response = Client(HTTP_HOST="evil.example.net", HTTP_X_FORWARDED_PROTO="https").get(ME)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")


def test_spa_index_has_a_content_security_policy(tmp_path: Path) -> None:
    """In AWS the index is served by CloudFront (its response headers policy); locally and in any
    single-server deployment Django serves it, with this policy."""
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    with override_settings(FRONTEND_DIST_DIR=tmp_path):
        response = Client().get("/habits/3")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY
    for directive in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


# --- Sessions -------------------------------------------------------------------------------------


def test_login_rotates_the_session_key_against_fixation(user: User) -> None:
    planted = SessionStore()
    planted["planted"] = True
    planted.create()
    victim = ApiClient()
    victim.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key or ""
    victim.sign_in(user)
    assert session_value(victim) != planted.session_key
    attacker = ApiClient()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key or ""
    assert attacker.get(ME).status_code == 401
    assert not Session.objects.filter(session_key=planted.session_key).exists()


def test_signing_in_as_someone_else_starts_a_new_session(user: User, other_user: User) -> None:
    """Signing in again as the same user keeps the key (Django's rule: no privilege changes);
    signing in as another user must not inherit the first one's session."""
    client = ApiClient()
    client.sign_in(user)
    first = session_value(client)
    client.sign_in(other_user)
    assert session_value(client) != first
    assert client.get(ME).json()["email"] == other_user.email
    assert not Session.objects.filter(session_key=first).exists()


def test_logout_ends_the_session_on_the_server(signed_in: ApiClient) -> None:
    stolen = session_value(signed_in)
    assert signed_in.post(LOGOUT).status_code == 204
    replay = ApiClient()
    replay.cookies[settings.SESSION_COOKIE_NAME] = stolen
    response = replay.get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == CODE_NOT_AUTHENTICATED
    assert not Session.objects.filter(session_key=stolen).exists()
    assert not SessionStore().exists(stolen)


def test_password_change_ends_the_other_sessions_and_keeps_this_one(user: User) -> None:
    laptop, phone = ApiClient(), ApiClient()
    laptop.sign_in(user)
    phone.sign_in(user)
    before = session_value(laptop)
    new_password = "a brand new passphrase 42"
    response = laptop.post(
        PASSWORD_CHANGE, {"current_password": PASSWORD, "new_password": new_password}
    )
    assert response.status_code == 204
    assert session_value(laptop) != before  # rotated too
    assert laptop.get(ME).status_code == 200
    assert phone.get(ME).status_code == 401
    stale = ApiClient()
    stale.cookies[settings.SESSION_COOKIE_NAME] = before
    assert stale.get(ME).status_code == 401
    assert ApiClient().post(LOGIN, {"email": user.email, "password": PASSWORD}).status_code == 400
    ApiClient().sign_in(user, new_password)


# --- Account deletion -----------------------------------------------------------------------------


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def sessions_of(user_id: int) -> list[str]:
    return [
        session.session_key
        for session in Session.objects.all()
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id)
    ]


def test_deleting_the_account_removes_every_row_that_belonged_to_it(
    other_user: User,
) -> None:
    bystander = make_habit(user=other_user)
    make_entry(habit=bystander, day=date(2024, 1, 1))
    ApiClient().sign_in(other_user)
    before = row_counts()

    victim = make_user()
    for index in range(3):
        habit = make_habit(user=victim, kind="numeric" if index else "boolean")
        for day in range(1, 6):
            make_entry(habit=habit, day=date(2024, 1, day))
    client = ApiClient()
    client.sign_in(victim)
    client.post("/api/habits/", {"name": "Made through the API"})
    assert row_counts() != before

    response = client.delete(ME, {"password": PASSWORD})
    assert response.status_code == 204
    assert row_counts() == before
    assert sessions_of(victim.pk) == []
    assert client.get(ME).status_code == 401


def test_deleting_the_account_removes_its_sessions_on_other_devices(user: User) -> None:
    phone = ApiClient()
    phone.sign_in(user)
    phone_key = session_value(phone)
    laptop = ApiClient()
    laptop.sign_in(user)
    before = Session.objects.count()
    assert laptop.delete(ME, {"password": PASSWORD}).status_code == 204
    assert phone.get(ME).status_code == 401
    assert sessions_of(user.pk) == []
    assert Session.objects.count() == before - 2
    assert cache.get(SessionStore(phone_key).cache_key) is None


# --- Login throttling -----------------------------------------------------------------------------


def failed_login(client: ApiClient, email: str) -> Any:
    return client.post(LOGIN, {"email": email, "password": "not the password 1"})


def test_login_is_throttled_per_account_with_retry_after(user: User) -> None:
    limit = settings.LOGIN_THROTTLE["per_account"]
    for _ in range(limit):
        assert failed_login(ApiClient(REMOTE_ADDR="10.0.0.1"), user.email).status_code == 400
    # From another address, and with the right password: still refused.
    response = ApiClient(REMOTE_ADDR="10.0.0.2").post(
        LOGIN, {"email": user.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 429
    assert response.json()["code"] == CODE_THROTTLED
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= settings.LOGIN_THROTTLE["window_seconds"]
    assert "sessionid" not in response.cookies


def test_login_is_throttled_per_address(user: User) -> None:
    limit = settings.LOGIN_THROTTLE["per_address"]
    client = ApiClient(REMOTE_ADDR="10.0.0.3")
    for index in range(limit):
        assert failed_login(client, f"nobody{index}@example.org").status_code == 400
    response = client.post(LOGIN, {"email": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    # Another address is not affected.
    ApiClient(REMOTE_ADDR="10.0.0.4").sign_in(user)


# --- Logs -----------------------------------------------------------------------------------------


@pytest.fixture
def all_log_lines() -> Iterator[io.StringIO]:
    """Every log record, at every level, rendered as production renders it (JSON lines)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                structlog.processors.JSONRenderer(),
            ],
            foreign_pre_chain=SHARED_PROCESSORS,
        )
    )
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def test_no_secret_password_or_session_id_in_any_log_line(all_log_lines: io.StringIO) -> None:
    secrets: set[str] = {str(settings.SECRET_KEY)}
    first, second, wrong = "first passphrase 9 blue", "second passphrase 8 red", "wrong guess 7 x"
    secrets |= {first, second, wrong}
    client = ApiClient()

    def remember_cookies(response: Any) -> Any:
        cookies: SimpleCookie = response.cookies
        secrets.update(morsel.value for morsel in cookies.values() if morsel.value)
        return response

    remember_cookies(client.get("/api/auth/csrf/"))
    secrets.add(client.csrf_token())
    email = "logs@example.org"
    assert (
        remember_cookies(
            client.post("/api/auth/register/", {"email": email, "password": first})
        ).status_code
        == 201
    )
    habit = remember_cookies(client.post("/api/habits/", {"name": "Read"})).json()
    for day in ("2024-03-01", "2024-03-02"):
        remember_cookies(
            client.put(f"/api/habits/{habit['id']}/entries/{day}/", {"status": "done"})
        )
    remember_cookies(client.get("/api/habits/"))
    remember_cookies(client.get(f"/api/habits/{habit['id']}/stats/"))
    raw_unsafe(client, "post", "/api/habits/")  # a CSRF failure is logged by Django
    remember_cookies(
        client.post(PASSWORD_CHANGE, {"current_password": wrong, "new_password": second})
    )
    remember_cookies(
        client.post(PASSWORD_CHANGE, {"current_password": first, "new_password": second})
    )
    remember_cookies(client.post(LOGOUT))
    attacker = ApiClient(REMOTE_ADDR="10.9.9.9")
    for _ in range(settings.LOGIN_THROTTLE["per_account"] + 1):
        remember_cookies(attacker.post(LOGIN, {"email": email, "password": wrong}))
    remember_cookies(client.post(LOGIN, {"email": email, "password": first}))
    secrets.add(User.objects.get(email=email).password)  # the hash

    text = all_log_lines.getvalue()
    assert text.count('"event": "request"') >= 15, text[:2000]
    secrets = {value for value in secrets if len(value) >= 8}
    assert len(secrets) >= 8
    leaked = [value for value in secrets if value in text]
    assert leaked == [], f"secrets in the logs: {leaked}"
