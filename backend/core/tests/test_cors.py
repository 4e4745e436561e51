"""core.middleware.CorsMiddleware answers as django-cors-headers' own middleware, and reads no
header but Origin to do it; OriginVerifyMiddleware reads its one header the same way."""

from __future__ import annotations

from typing import Any

import pytest
from corsheaders.middleware import CorsMiddleware as LibraryCorsMiddleware
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory, override_settings

from core.middleware import CorsMiddleware, OriginVerifyMiddleware

ALLOWED = "https://app.example.org"


def answer(middleware_class: Any, request: HttpRequest) -> HttpResponse:
    def view(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("{}", content_type="application/json")
        response["Vary"] = "Cookie"
        return response

    response = middleware_class(view)(request)
    assert isinstance(response, HttpResponse)
    return response


@pytest.mark.parametrize("path", ["/api/habits/", "/health/", "/"])
@pytest.mark.parametrize("method", ["get", "post", "options"])
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"origin": ALLOWED},
        {"origin": "https://elsewhere.example"},
        {"origin": ""},
        {"origin": ALLOWED, "access-control-request-method": "PUT"},
    ],
)
def test_the_same_answer_as_the_librarys(path: str, method: str, headers: dict[str, str]) -> None:
    factory = RequestFactory()
    with override_settings(CORS_ALLOWED_ORIGINS=[ALLOWED]):
        ours = answer(CorsMiddleware, getattr(factory, method)(path, headers=headers))
        library = answer(LibraryCorsMiddleware, getattr(factory, method)(path, headers=headers))
    assert ours.status_code == library.status_code
    assert dict(ours.headers) == dict(library.headers)


def test_a_request_without_origin_gets_vary_and_no_header_dict() -> None:
    request = RequestFactory().get("/api/habits/", headers={"accept": "application/json"})

    response = answer(CorsMiddleware, request)

    assert response["Vary"] == "Cookie, origin"
    assert "Access-Control-Allow-Origin" not in response
    assert "headers" not in request.__dict__  # request.headers (a cached property) never built


def test_the_api_runs_it() -> None:
    with override_settings(CORS_ALLOWED_ORIGINS=[ALLOWED]):
        response = Client().get("/api/auth/csrf/", headers={"origin": ALLOWED})
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "origin" in response["Vary"]


@pytest.mark.parametrize(
    ("name", "sent", "status"),
    [
        ("X-Origin-Verify", {"x-origin-verify": "s" * 40}, 200),
        ("X-Origin-Verify", {"X-ORIGIN-VERIFY": "s" * 40}, 200),
        ("x-cdn-secret", {"X-Cdn-Secret": "s" * 40}, 200),
        ("X-Cdn-Secret", {"x-origin-verify": "s" * 40}, 403),
        ("X-Origin-Verify", {}, 403),
    ],
)
def test_the_origin_secret_header_is_found_whatever_its_case(
    name: str, sent: dict[str, str], status: int
) -> None:
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    with override_settings(ORIGIN_VERIFY_HEADER=name, ORIGIN_VERIFY_VALUES=("s" * 40,)):
        middleware = OriginVerifyMiddleware(view)
        request = RequestFactory().get("/health/", headers=sent)
        response = middleware(request)
    assert response.status_code == status
    assert "headers" not in request.__dict__
