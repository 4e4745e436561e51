"""Security properties of the whole site, checked as tests: CSRF on every unsafe route, cookies and
headers as production sets them, HTTPS and host checks, the SPA's content security policy, and logs
free of secrets. (Sessions and sign-in: accounts/tests/test_sessions.py.)

Production values are read from `config.settings.production` itself (in a subprocess, with the
environment `config/tests/test_settings.py` uses), then applied here with `override_settings`, so a
change to production.py is what these tests see.
"""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import structlog
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.urls import URLPattern
from rest_framework.parsers import JSONParser

from accounts.models import User
from accounts.throttling import client_address
from config.tests.test_settings import BACKEND, PRODUCTION_ENV
from conftest import ApiClient, mail_to, token_in
from core import middleware as core_middleware
from core.errors import CODE_CSRF_FAILED, CODE_ORIGIN_REFUSED
from core.logging import SHARED_PROCESSORS
from core.spa import CONTENT_SECURITY_POLICY
from core.tests.test_access_control import UNSAFE, allowed_methods, api_routes, concrete
from factories import make_entry, make_habit

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

# Routes that read no cookie at all (no session authentication): a forged cross-site request carries
# nothing the attacker could not send directly, so CSRF has nothing to protect.
CSRF_EXEMPT = {
    # A notification's "Done"/"Skip" from the service worker: the signed token in the body is the
    # capability (habits.reminding.tokens); test_the_act_endpoint_ignores_the_session below.
    "api/reminders/act/",
    # The schema and Swagger UI: plain views that load the OpenAPI machinery on first use and serve
    # GET only (core/tests/test_schema.py: writes are refused).
    "api/schema/",
    "api/docs/",
}


def test_every_unsafe_method_of_every_api_route_needs_the_csrf_token(signed_in: ApiClient) -> None:
    habit = make_habit(user=User.objects.get())
    make_entry(habit=habit, day=date(2024, 1, 1))
    signed_in.csrf_token()
    checked = []
    for route, pattern in api_routes():
        if route in CSRF_EXEMPT:
            continue
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


def test_the_act_endpoint_ignores_the_session(signed_in: ApiClient) -> None:
    """Exempt from CSRF because a session gives it nothing: signed in or not, without a valid
    token it records nothing."""
    habit = make_habit(user=User.objects.get())
    extras: list[dict[str, Any]] = [{}, {"HTTP_X_CSRFTOKEN": signed_in.csrf_token()}]
    for extra in extras:
        response = raw_unsafe(signed_in, "post", "/api/reminders/act/", **extra)
        assert response.status_code == 400
        assert "token" in response.json()["errors"]
    assert habit.entries.count() == 0


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
    registered = client.post("/api/auth/register/", {"email": email, "password": first})
    assert remember_cookies(registered).status_code == 202
    signup_token = token_in(mail_to(email))
    secrets.add(signup_token)
    confirmed = client.post("/api/auth/register/confirm/", {"token": signup_token})
    assert remember_cookies(confirmed).status_code == 201
    remember_cookies(client.post("/api/auth/password/reset/", {"email": email}))
    secrets.add(token_in(mail_to(email)))
    remember_cookies(
        client.post("/api/auth/email/", {"password": first, "new_email": "logs2@example.org"})
    )
    secrets.add(token_in(mail_to("logs2@example.org")))
    habit = remember_cookies(client.post("/api/habits/", {"name": "Read"})).json()
    for day in ("2024-03-01", "2024-03-02"):
        remember_cookies(
            client.put(f"/api/habits/{habit['id']}/entries/{day}/", {"status": "done"})
        )
    remember_cookies(client.get("/api/habits/"))
    remember_cookies(client.get(f"/api/habits/{habit['id']}/stats/"))
    raw_unsafe(client, "post", "/api/habits/")  # a CSRF failure is logged by Django
    api_token = client.post("/api/auth/tokens/", {"name": "cli", "scope": "read"}).json()["token"]
    secrets.add(api_token)
    bearer = Client(HTTP_AUTHORIZATION=f"Bearer {api_token}")
    assert bearer.get("/api/habits/").status_code == 200
    assert bearer.post("/api/habits/", {"name": "x"}).status_code == 403
    assert Client(HTTP_AUTHORIZATION=f"Bearer {api_token}x").get("/api/habits/").status_code == 401
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


# --- Only through CloudFront ----------------------------------------------------------------------

ORIGIN_CURRENT, ORIGIN_PREVIOUS = "c" * 40, "p" * 40


@pytest.mark.parametrize(
    ("header", "status"),
    [
        (None, 403),
        ("", 403),
        ("c" * 39, 403),
        (ORIGIN_CURRENT + "x", 403),
        (ORIGIN_CURRENT, 200),
        (ORIGIN_PREVIOUS, 200),  # during a rotation
    ],
)
def test_only_requests_carrying_the_origin_secret_reach_the_app(
    header: str | None, status: int
) -> None:
    """API Gateway's own endpoint is public: a request that did not come through CloudFront lacks
    the header CloudFront adds, and is refused before anything else runs."""
    extra: dict[str, Any] = {} if header is None else {"HTTP_X_ORIGIN_VERIFY": header}
    with override_settings(ORIGIN_VERIFY_VALUES=(ORIGIN_CURRENT, ORIGIN_PREVIOUS)):
        response = Client().get("/api/auth/csrf/", **extra)
        health = Client().get("/health/", **extra)
    assert response.status_code == status
    assert health.status_code == status
    if status == 403:
        assert response.json()["code"] == CODE_ORIGIN_REFUSED


def test_the_client_address_comes_from_cloudfront_not_from_x_forwarded_for() -> None:
    factory = RequestFactory()
    request = factory.get(
        "/",
        HTTP_CLOUDFRONT_VIEWER_ADDRESS="198.51.100.10:46532",
        HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.10",
        REMOTE_ADDR="10.0.0.7",
    )
    ipv6 = factory.get("/", HTTP_CLOUDFRONT_VIEWER_ADDRESS="2001:db8::7:443")
    with override_settings(
        CLIENT_ADDRESS_HEADER="CloudFront-Viewer-Address", TRUSTED_PROXY_COUNT=2
    ):
        assert client_address(request) == "198.51.100.10"
        assert client_address(ipv6) == "2001:db8::7"
    with override_settings(CLIENT_ADDRESS_HEADER="", TRUSTED_PROXY_COUNT=0):
        assert client_address(request) == "10.0.0.7"


def test_a_rotated_origin_secret_reaches_a_warm_instance_without_refusing_cloudfront(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CloudFront starts sending the new value while this instance still holds the old pair: the
    first mismatch re-reads the secret (at most once a minute) and the request is served."""
    secret = {"values": (ORIGIN_CURRENT, ORIGIN_PREVIOUS)}
    reads: list[float] = []
    clock = [1000.0]
    fake_time = SimpleNamespace(monotonic=lambda: clock[0], perf_counter=time.perf_counter)
    monkeypatch.setattr(core_middleware, "time", fake_time)

    def read_secret() -> tuple[str, ...]:
        reads.append(clock[0])
        return secret["values"]

    rotated = "r" * 40
    with override_settings(
        ORIGIN_VERIFY_VALUES=(ORIGIN_CURRENT, ORIGIN_PREVIOUS), ORIGIN_VERIFY_SOURCE=read_secret
    ):
        client = Client()
        assert client.get("/health/", HTTP_X_ORIGIN_VERIFY=ORIGIN_CURRENT).status_code == 200
        secret["values"] = (rotated, ORIGIN_CURRENT)
        clock[0] += 61
        assert client.get("/health/", HTTP_X_ORIGIN_VERIFY=rotated).status_code == 200
        assert len(reads) == 1
        # A stranger's wrong values do not make it read the secret more than once a minute.
        for _ in range(5):
            assert client.get("/health/", HTTP_X_ORIGIN_VERIFY="x" * 40).status_code == 403
        assert len(reads) == 1
        clock[0] += 301  # and it is read again every five minutes anyway
        assert client.get("/health/", HTTP_X_ORIGIN_VERIFY=rotated).status_code == 200
        assert len(reads) == 2
