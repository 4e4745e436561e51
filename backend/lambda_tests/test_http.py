"""HTTP events through the handler: API Gateway HTTP API (payload 2.0) and REST API (1.0)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import lambda_handler
from conftest import mail_to, token_in
from factories import PASSWORD, make_habit, make_user
from lambda_tests.conftest import Invoke, csrf_cookie, json_body
from lambda_tests.events import FakeContext, cookie_values, http_api_event, rest_api_event

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(invoke: Invoke, email: str, *, base64_encoded: bool = False) -> dict[str, Any]:
    token = csrf_cookie(invoke)
    return invoke(
        http_api_event(
            "POST",
            "/api/auth/login/",
            headers={"content-type": "application/json", "x-csrftoken": token},
            cookies=[f"csrftoken={token}"],
            body=json.dumps({"email": email, "password": PASSWORD}),
            base64_encoded=base64_encoded,
        )
    )


def session_cookies(response: dict[str, Any]) -> list[str]:
    values = cookie_values(response["cookies"])
    return [f"sessionid={values['sessionid']}", f"csrftoken={values['csrftoken']}"]


def test_get_with_a_query_string(invoke: Invoke) -> None:
    user = make_user()
    make_habit(user=user, name="Run")
    make_habit(user=user, name="Old habit", archived=True)
    cookies = session_cookies(sign_in(invoke, user.email))

    archived = invoke(http_api_event("GET", "/api/habits/", query="archived=true", cookies=cookies))
    active = invoke(http_api_event("GET", "/api/habits/", cookies=cookies))

    assert archived["statusCode"] == 200
    assert [habit["name"] for habit in json_body(archived)] == ["Old habit"]
    assert [habit["name"] for habit in json_body(active)] == ["Run"]


def test_register_with_csrf_then_confirm_then_me_with_the_session_cookie(invoke: Invoke) -> None:
    token = csrf_cookie(invoke)

    def post(path: str, body: dict[str, str], cookies: list[str]) -> dict[str, Any]:
        return invoke(
            http_api_event(
                "POST",
                path,
                headers={"content-type": "application/json", "x-csrftoken": token},
                cookies=[f"csrftoken={token}", *cookies],
                body=json.dumps(body),
            )
        )

    registered = post("/api/auth/register/", {"email": "new@example.org", "password": PASSWORD}, [])
    link_token = token_in(mail_to("new@example.org"))
    anonymous_session = cookie_values(registered["cookies"])["sessionid"]
    confirmed = post(
        "/api/auth/register/confirm/", {"token": link_token}, [f"sessionid={anonymous_session}"]
    )
    me = invoke(http_api_event("GET", "/api/auth/me/", cookies=session_cookies(confirmed)))

    assert registered["statusCode"] == 202, registered
    assert confirmed["statusCode"] == 201, confirmed
    assert me["statusCode"] == 200
    assert json_body(me)["email"] == "new@example.org"


def test_a_post_without_the_csrf_token_is_refused_as_json(invoke: Invoke) -> None:
    token = csrf_cookie(invoke)

    response = invoke(
        http_api_event(
            "POST",
            "/api/auth/register/",
            headers={"content-type": "application/json"},
            cookies=[f"csrftoken={token}"],
            body=json.dumps({"email": "new@example.org", "password": PASSWORD}),
        )
    )

    assert response["statusCode"] == 403
    assert set(json_body(response)) >= {"detail", "code"}


def test_login_sets_the_session_device_and_csrf_cookies_in_the_cookies_list(
    invoke: Invoke,
) -> None:
    user = make_user()

    response = sign_in(invoke, user.email)

    assert response["statusCode"] == 200, response
    assert set(cookie_values(response["cookies"])) == {"sessionid", "csrftoken", "device"}
    assert "set-cookie" not in response["headers"]


def test_a_base64_encoded_body_is_decoded(invoke: Invoke) -> None:
    user = make_user()

    response = sign_in(invoke, user.email, base64_encoded=True)

    assert response["statusCode"] == 200, response
    assert json_body(response)["email"] == user.email


def test_head_answers_without_a_body(invoke: Invoke) -> None:
    user = make_user()
    cookies = session_cookies(sign_in(invoke, user.email))

    response = invoke(http_api_event("HEAD", "/api/auth/me/", cookies=cookies))

    assert response["statusCode"] == 200
    assert response.get("body", "") == ""


def test_an_unknown_path_is_a_json_404(invoke: Invoke) -> None:
    response = invoke(http_api_event("GET", "/api/no-such-thing/"))

    assert response["statusCode"] == 404
    assert response["headers"]["content-type"] == "application/json"
    assert set(json_body(response)) >= {"detail", "code"}


def test_health(invoke: Invoke) -> None:
    response = invoke(http_api_event("GET", "/health/"))
    assert response["statusCode"] == 200
    assert json_body(response) == {"status": "ok"}

    response = invoke(http_api_event("GET", "/health/deep/"))
    assert response["statusCode"] == 200
    assert json_body(response)["database"] == "ok"


def test_a_named_stage_prefix_is_stripped() -> None:
    staged = lambda_handler.http_adapter("/staging")
    event = http_api_event("GET", "/api/auth/csrf/", stage="staging")
    assert event["rawPath"] == "/staging/api/auth/csrf/"

    response = lambda_handler.handle(event, FakeContext(), adapter=staged)

    assert response["statusCode"] == 200
    assert "csrftoken" in cookie_values(response["cookies"])


def test_rest_api_payload_1_0_with_multi_value_query_and_cookies(invoke: Invoke) -> None:
    user = make_user()
    make_habit(user=user, name="Old habit", archived=True)
    token = csrf_cookie(invoke)
    login = invoke(
        rest_api_event(
            "POST",
            "/api/auth/login/",
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": token,
                "Cookie": f"csrftoken={token}",
            },
            body=json.dumps({"email": user.email, "password": PASSWORD}),
        )
    )
    set_cookies = login["multiValueHeaders"]["set-cookie"]
    cookie_header = "; ".join(f"{k}={v}" for k, v in cookie_values(set_cookies).items())

    listing = invoke(
        rest_api_event(
            "GET",
            "/api/habits/",
            query={"archived": ["true"]},
            headers={"Cookie": cookie_header},
        )
    )

    assert login["statusCode"] == 200, login
    assert set(cookie_values(set_cookies)) == {"sessionid", "csrftoken", "device"}
    assert listing["statusCode"] == 200
    assert [habit["name"] for habit in json_body(listing)] == ["Old habit"]
