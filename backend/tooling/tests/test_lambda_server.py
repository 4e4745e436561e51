"""tooling/lambda_server.py: HTTP in, an API Gateway event through lambda_handler.handler, HTTP
out. The load bench serves the product through it, so a request must mean the same thing there
as it does in production: cookies, CSRF, query strings, status codes, bodies, Set-Cookie."""

from __future__ import annotations

import io
import json
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest

from factories import PASSWORD, make_habit, make_user
from tooling import lambda_server


class Browser:
    """Keeps cookies between requests and sends the CSRF header, as the SPA does."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: Any = None, query: str = ""
    ) -> tuple[int, dict[str, list[str]], bytes]:
        raw = json.dumps(body).encode() if body is not None else b""
        environ: dict[str, Any] = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "RAW_URI": f"{path}?{query}" if query else path,
            "QUERY_STRING": query,
            "HTTP_HOST": "localhost",
            "REMOTE_ADDR": "192.0.2.7",
            "wsgi.input": io.BytesIO(raw),
        }
        if raw:
            environ["CONTENT_TYPE"] = "application/json"
            environ["CONTENT_LENGTH"] = str(len(raw))
        if self.cookies:
            environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if "csrftoken" in self.cookies:
            environ["HTTP_X_CSRFTOKEN"] = self.cookies["csrftoken"]
        setup_testing_defaults(environ)
        started: list[Any] = []
        chunks = lambda_server.application(
            environ, lambda status, headers: started.extend([status, headers])
        )
        headers: dict[str, list[str]] = {}
        for name, value in started[1]:
            headers.setdefault(name.lower(), []).append(value)
        for cookie in headers.get("set-cookie", []):
            name, value = cookie.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return int(started[0].split()[0]), headers, b"".join(chunks)


def test_the_event_is_shaped_as_api_gateway_sends_it() -> None:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/api/habits/",
        "RAW_URI": "/api/habits/?archived=true",
        "QUERY_STRING": "archived=true",
        "HTTP_COOKIE": "sessionid=abc; csrftoken=xyz",
        "HTTP_HOST": "localhost:8000",
        "REMOTE_ADDR": "192.0.2.7",
        "wsgi.input": io.BytesIO(b""),
    }
    event = lambda_server.http_api_event(environ)

    assert event["version"] == "2.0"
    assert event["rawPath"] == "/api/habits/"
    assert event["rawQueryString"] == "archived=true"
    assert event["cookies"] == ["sessionid=abc", "csrftoken=xyz"]
    assert "cookie" not in event["headers"]
    assert event["headers"]["x-forwarded-for"] == "192.0.2.7"
    assert event["requestContext"]["http"] == {
        "method": "GET",
        "path": "/api/habits/",
        "protocol": "HTTP/1.1",
        "sourceIp": "192.0.2.7",
        "userAgent": "",
    }
    assert "body" not in event


def test_a_binary_body_travels_base64_encoded() -> None:
    payload = bytes(range(256))
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/upload",
        "CONTENT_LENGTH": str(len(payload)),
        "CONTENT_TYPE": "application/zip",
        "wsgi.input": io.BytesIO(payload),
    }
    event = lambda_server.http_api_event(environ)

    assert event["isBase64Encoded"] is True
    assert event["headers"]["content-type"] == "application/zip"


@pytest.mark.django_db(transaction=True)
def test_a_person_signs_in_checks_in_and_reads_the_list_through_it() -> None:
    user = make_user()
    habit = make_habit(user=user, name="Read")
    browser = Browser()

    status, _, body = browser.request("GET", "/api/auth/csrf/")
    assert status == 200
    assert json.loads(body) == {"authenticated": False, "user": None}
    assert "csrftoken" in browser.cookies

    status, headers, _ = browser.request(
        "POST", "/api/auth/login/", {"email": user.email, "password": PASSWORD}
    )
    assert status == 200
    # The session, the rotated CSRF token and the device cookie: three Set-Cookie headers from one
    # response.
    assert len(headers["set-cookie"]) == 3
    assert "sessionid" in browser.cookies

    today = json.loads(browser.request("GET", "/api/auth/me/")[2])["today"]
    status, _, body = browser.request(
        "PUT", f"/api/habits/{habit.pk}/entries/{today}/", {"status": "done"}
    )
    assert status == 200, body

    status, headers, body = browser.request("GET", "/api/habits/")
    assert status == 200
    assert headers["content-type"] == ["application/json"]
    [item] = json.loads(body)
    assert item["name"] == "Read"
    assert item["today_entry"]["status"] == "done"

    status, _, body = browser.request("GET", "/api/habits/", query="archived=true")
    assert (status, json.loads(body)) == (200, [])


@pytest.mark.django_db(transaction=True)
def test_errors_keep_their_status_and_json_body() -> None:
    browser = Browser()

    status, _, body = browser.request("GET", "/api/habits/")
    assert (status, json.loads(body)["code"]) == (401, "not_authenticated")

    status, _, body = browser.request("GET", "/api/no-such-thing/")
    assert status == 404
    assert json.loads(body)["code"] == "not_found"

    # No CSRF cookie or header: refused before the view.
    status, _, body = browser.request("POST", "/api/auth/logout/", {})
    assert status == 403
    assert json.loads(body)["code"] == "csrf_failed"
