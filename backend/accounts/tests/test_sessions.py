"""Sessions and sign-in as security depends on them: a new session key at every sign-in, sessions
that end on the server when they should (sign-out, password change, account deletion), deletion that
leaves no row behind, and login throttling per account and per address."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django.utils.crypto import salted_hmac

from accounts.models import User
from accounts.sessions import FIELD_PREFIX, SessionStore
from conftest import ApiClient
from core import user_hash
from core.errors import CODE_NOT_AUTHENTICATED, CODE_THROTTLED
from factories import PASSWORD, make_entry, make_habit, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/api/auth/login/"
LOGOUT = "/api/auth/logout/"
ME = "/api/auth/me/"
PASSWORD_CHANGE = "/api/auth/password/"


def session_value(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


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


def djangos_session_auth_hash(user: User) -> str:
    """AbstractBaseUser._get_session_auth_hash, spelled out (Django 5.2)."""
    salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
    return salted_hmac(salt, user.password, algorithm="sha256").hexdigest()


def test_the_session_auth_hash_is_djangos_for_every_password_and_key(user: User) -> None:
    first = user.get_session_auth_hash()
    assert first == djangos_session_auth_hash(user)
    with override_settings(SECRET_KEY="another-secret-key-" + "x" * 40):
        assert user.get_session_auth_hash() == djangos_session_auth_hash(user)
        assert user.get_session_auth_hash() != first
    user.set_password("a brand new passphrase 43")
    assert user.get_session_auth_hash() == djangos_session_auth_hash(user)
    assert user.get_session_auth_hash() != first


def test_the_session_auth_hash_is_computed_once_per_password_and_key(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return salted_hmac(*args, **kwargs)

    monkeypatch.setattr("accounts.models.salted_hmac", counting)
    user.set_password("a passphrase seen for the first time 44")
    hashes = {user.get_session_auth_hash() for _ in range(3)}
    assert len(hashes) == 1
    assert calls == [user.password]


def test_a_session_survives_a_secret_key_rotation_only_with_the_old_key_as_a_fallback(
    user: User,
) -> None:
    client = ApiClient()
    client.sign_in(user)
    old, new = settings.SECRET_KEY, "the-rotated-secret-key-" + "y" * 40
    with override_settings(SECRET_KEY=new, SECRET_KEY_FALLBACKS=[]):
        assert client.get(ME).status_code == 401
    client = ApiClient()
    client.sign_in(user)
    with override_settings(SECRET_KEY=new, SECRET_KEY_FALLBACKS=[old]):
        assert client.get(ME).status_code == 200  # verified with the fallback; rehashed
        assert client.get(ME).status_code == 200


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
    group = client.post("/api/groups/", {"name": "Morning"}).json()
    client.post("/api/habits/", {"name": "Made through the API", "group": group["id"]})
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
    assert user_hash.read(user.pk, [FIELD_PREFIX + phone_key]) == [None]  # nor in the cache


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
