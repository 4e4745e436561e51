from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import override_settings

from accounts.apis.session import MESSAGE_BAD_CREDENTIALS
from accounts.apis.signup import MESSAGE_SIGNUP_SENT
from accounts.mails import KIND_SIGNUP, KIND_SIGNUP_TAKEN
from accounts.models import User
from accounts.services import MESSAGE_WRONG_PASSWORD
from accounts.time_zones import MESSAGE_UNKNOWN_TIME_ZONE
from conftest import ApiClient, mail_to, token_in
from core.errors import CODE_CSRF_FAILED, CODE_INVALID, CODE_NOT_AUTHENTICATED, CODE_THROTTLED
from factories import PASSWORD, make_habit, make_user

pytestmark = pytest.mark.django_db

REGISTER = "/api/auth/register/"
CONFIRM = "/api/auth/register/confirm/"
LOGIN = "/api/auth/login/"
LOGOUT = "/api/auth/logout/"
ME = "/api/auth/me/"


def test_csrf_endpoint_sets_the_cookie_and_tells_the_session_state(
    api: ApiClient, user: User
) -> None:
    response = api.get("/api/auth/csrf/")
    assert response.status_code == 200
    assert response.cookies["csrftoken"].value
    assert response.json() == {"authenticated": False, "user": None}
    api.sign_in(user)
    session = api.get("/api/auth/csrf/").json()
    assert session == {"authenticated": True, "user": api.get(ME).json()}
    assert session["user"]["email"] == user.email


def test_register_mails_a_link_that_makes_the_account_and_signs_in(api: ApiClient) -> None:
    response = api.post(
        REGISTER, {"email": "Ana@Example.org", "password": PASSWORD, "time_zone": "Europe/Paris"}
    )
    assert response.status_code == 202
    assert response.json() == {"email": "ana@example.org", "detail": MESSAGE_SIGNUP_SENT}
    assert not User.objects.exists()
    assert api.get(ME).status_code == 401

    token = token_in(mail_to("ana@example.org", KIND_SIGNUP))
    response = api.post(CONFIRM, {"token": token})
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "ana@example.org"
    assert body["time_zone"] == "Europe/Paris"
    assert body["day_start_hour"] == 0
    assert len(body["today"]) == 10
    assert api.get(ME).json()["email"] == "ana@example.org"


def test_register_defaults_to_utc(api: ApiClient) -> None:
    api.post(REGISTER, {"email": "utc@example.org", "password": PASSWORD})
    response = api.post(CONFIRM, {"token": token_in(mail_to("utc@example.org"))})
    assert response.json()["time_zone"] == "UTC"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "not-an-email", "password": PASSWORD}, "email"),
        ({"email": "a@example.org", "password": "short"}, "password"),
        ({"email": "a@example.org", "password": "password"}, "password"),
        ({"email": "a@example.org", "password": "12345678901"}, "password"),
        (
            {"email": "a@example.org", "password": PASSWORD, "time_zone": "Mars/Olympus"},
            "time_zone",
        ),
        ({"email": "a@example.org"}, "password"),
        ({"email": "x" * 250 + "@example.org", "password": PASSWORD}, "email"),
        ({"email": "a@example.org", "password": 12}, "password"),
    ],
)
def test_register_refuses_bad_input_and_writes_nothing(
    api: ApiClient, payload: dict[str, object], field: str
) -> None:
    response = api.post(REGISTER, payload)
    assert response.status_code == 400
    assert response.json()["code"] == CODE_INVALID
    assert field in response.json()["errors"]
    assert not User.objects.exists()


def test_register_names_the_unknown_time_zone(api: ApiClient) -> None:
    response = api.post(
        REGISTER, {"email": "a@example.org", "password": PASSWORD, "time_zone": "Mars/Olympus"}
    )
    message = MESSAGE_UNKNOWN_TIME_ZONE.format(value="Mars/Olympus")
    assert response.json()["errors"]["time_zone"] == [message]


def test_register_answers_a_taken_address_as_a_new_one_and_tells_its_owner(
    api: ApiClient,
) -> None:
    make_user(email="taken@example.org")
    response = api.post(REGISTER, {"email": "TAKEN@example.org", "password": PASSWORD})
    assert response.status_code == 202
    assert response.json() == {"email": "taken@example.org", "detail": MESSAGE_SIGNUP_SENT}
    assert mail_to("taken@example.org").kind == KIND_SIGNUP_TAKEN
    assert User.objects.count() == 1


def test_login_and_logout(api: ApiClient, user: User) -> None:
    response = api.post(LOGIN, {"email": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 200
    assert response.json()["id"] == user.pk
    assert api.post(LOGOUT).status_code == 204
    response = api.get(ME)
    assert response.status_code == 401
    assert response.json()["code"] == CODE_NOT_AUTHENTICATED


def test_login_with_a_wrong_password_is_a_400(api: ApiClient, user: User) -> None:
    response = api.post(LOGIN, {"email": user.email, "password": "wrong password"})
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [MESSAGE_BAD_CREDENTIALS]


def test_login_rotates_the_session_key(api: ApiClient, user: User) -> None:
    session = api.session  # an anonymous session exists before signing in
    session["marker"] = "before"
    session.save()
    before = session.session_key
    api.sign_in(user)
    after = api.cookies["sessionid"].value
    assert after
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_unsafe_requests_need_the_csrf_token(user: User) -> None:
    client = ApiClient()
    response = client.post(
        LOGIN, {"email": user.email, "password": PASSWORD}, HTTP_X_CSRFTOKEN="missing"
    )
    assert response.status_code == 403
    assert response.json()["code"] == CODE_CSRF_FAILED


def throttle(**limits: int) -> dict[str, int]:
    return {
        "per_account": 100,
        "per_address": 100,
        "per_device": 100,
        "window_seconds": 600,
    } | limits


@override_settings(LOGIN_THROTTLE=throttle(per_account=3))
def test_login_is_throttled_per_account(api: ApiClient, user: User) -> None:
    for _ in range(3):
        assert api.post(LOGIN, {"email": user.email, "password": "nope nope"}).status_code == 400
    response = api.post(LOGIN, {"email": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert response.json()["code"] == CODE_THROTTLED
    assert 0 < int(response["Retry-After"]) <= 600
    # Another account from the same address is not locked by this one.
    other = make_user()
    assert api.post(LOGIN, {"email": other.email, "password": PASSWORD}).status_code == 200


@override_settings(LOGIN_THROTTLE=throttle(per_address=4))
def test_login_is_throttled_per_client_address(api: ApiClient, user: User) -> None:
    for number in range(4):
        api.post(LOGIN, {"email": f"nobody{number}@example.org", "password": "nope nope"})
    response = api.post(LOGIN, {"email": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    elsewhere = ApiClient(REMOTE_ADDR="10.9.8.7")
    assert elsewhere.post(LOGIN, {"email": user.email, "password": PASSWORD}).status_code == 200


@override_settings(LOGIN_THROTTLE=throttle(per_account=3))
def test_after_signing_in_a_browser_counts_its_failures_on_its_own(
    api: ApiClient, user: User
) -> None:
    for _ in range(2):
        api.post(LOGIN, {"email": user.email, "password": "nope nope"})
    api.sign_in(user)
    for _ in range(2):
        api.post(LOGIN, {"email": user.email, "password": "nope nope"})
    assert api.post(LOGIN, {"email": user.email, "password": PASSWORD}).status_code == 200


def test_me_updates_settings(signed_in: ApiClient) -> None:
    response = signed_in.patch(ME, {"time_zone": "Asia/Tokyo", "day_start_hour": 4})
    assert response.status_code == 200
    assert response.json()["time_zone"] == "Asia/Tokyo"
    assert response.json()["day_start_hour"] == 4


@pytest.mark.parametrize(
    "payload",
    [
        {"time_zone": "Nowhere/City"},
        {"day_start_hour": 24},
        {"day_start_hour": -1},
        {"day_start_hour": "four"},
    ],
)
def test_me_refuses_bad_settings(
    signed_in: ApiClient, user: User, payload: dict[str, object]
) -> None:
    response = signed_in.patch(ME, payload)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == set(payload)
    user.refresh_from_db()
    assert (user.time_zone, user.day_start_hour) == ("UTC", 0)


def test_delete_account_needs_the_password(signed_in: ApiClient, user: User) -> None:
    response = signed_in.delete(ME, {"password": "not it"})
    assert response.status_code == 400
    assert response.json()["errors"]["password"] == [MESSAGE_WRONG_PASSWORD]
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_account_removes_everything(signed_in: ApiClient, user: User) -> None:
    make_habit(user=user)
    survivor = make_habit()
    assert signed_in.delete(ME, {"password": PASSWORD}).status_code == 204
    assert not User.objects.filter(pk=user.pk).exists()
    assert list(user.habits.all()) == []
    assert signed_in.get(ME).status_code == 401
    survivor.refresh_from_db()


def test_password_change_ends_other_sessions(user: User) -> None:
    first, second = ApiClient(), ApiClient()
    first.sign_in(user)
    second.sign_in(user)
    response = first.post(
        "/api/auth/password/", {"current_password": PASSWORD, "new_password": "another long pass 8"}
    )
    assert response.status_code == 204
    assert first.get(ME).status_code == 200
    assert second.get(ME).status_code == 401


def test_password_change_checks_the_current_password(signed_in: ApiClient) -> None:
    response = signed_in.post(
        "/api/auth/password/", {"current_password": "wrong", "new_password": "another long pass 8"}
    )
    assert response.status_code == 400
    assert "current_password" in response.json()["errors"]


@override_settings(USER_CACHE=True)
def test_the_cached_user_follows_every_change(user: User) -> None:
    from accounts.backends import USER_FIELD, CachedModelBackend
    from core import user_hash

    first, second = ApiClient(), ApiClient()
    first.sign_in(user)
    second.sign_in(user)
    assert second.get(ME).status_code == 200
    assert user_hash.read(user.pk, [USER_FIELD]) != [None]  # cached by the request above
    # A settings change shows at once in the other session.
    first.patch(ME, {"time_zone": "Asia/Tokyo"})
    assert second.get(ME).json()["time_zone"] == "Asia/Tokyo"
    # A password change ends the other session although its user was cached.
    second.get(ME)
    response = first.post(
        "/api/auth/password/", {"current_password": PASSWORD, "new_password": "another long pass 8"}
    )
    assert response.status_code == 204
    assert second.get(ME).status_code == 401
    assert first.get(ME).status_code == 200
    # Deactivation is not served from the cache either.
    first.get(ME)
    user.refresh_from_db()
    user.is_active = False
    user.save()
    assert CachedModelBackend().get_user(user.pk) is None
    assert first.get(ME).status_code == 401


@override_settings(DEMO_DATA=True)
def test_the_demo_account_takes_the_zone_of_the_browser_that_signs_in(api: ApiClient) -> None:
    demo = make_user(email="demo@example.com", time_zone="UTC")
    other = make_user(email="ada@example.org", time_zone="Europe/Paris")
    response = api.post(
        LOGIN, {"email": demo.email, "password": PASSWORD, "time_zone": "America/Denver"}
    )
    assert response.status_code == 200
    assert response.json()["time_zone"] == "America/Denver"
    assert api.get(ME).json()["time_zone"] == "America/Denver"
    api.post(LOGOUT)
    api.post(LOGIN, {"email": other.email, "password": PASSWORD, "time_zone": "Asia/Tokyo"})
    other.refresh_from_db()
    assert other.time_zone == "Europe/Paris"  # any other account keeps its own zone


def test_a_sign_in_with_an_unknown_zone_is_refused_before_the_password(
    api: ApiClient, user: User
) -> None:
    response = api.post(
        LOGIN, {"email": user.email, "password": PASSWORD, "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 400
    assert response.json()["errors"]["time_zone"] == [
        MESSAGE_UNKNOWN_TIME_ZONE.format(value="Mars/Olympus")
    ]
    assert api.get(ME).status_code == 401
