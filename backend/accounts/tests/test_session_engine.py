"""The session engine (accounts.sessions): a signed-in session's key names its user, its cached copy
lives in that user's core.user_hash entry, and the database stays the record."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.models import Session

from accounts.models import User, UserSession
from accounts.sessions import FIELD_PREFIX, SessionStore, key_user_id
from conftest import ApiClient
from core import user_hash
from factories import make_user

pytestmark = pytest.mark.django_db

ME = "/api/auth/me/"
LOGOUT = "/api/auth/logout/"


def session_key(client: ApiClient) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def cached_copy(user: User, key: str) -> bytes | None:
    values = user_hash.read(user.pk, [FIELD_PREFIX + key])
    assert values is not None
    return values[0]


def test_a_signed_in_key_names_its_user_and_is_the_one_recorded(user: User) -> None:
    client = ApiClient()
    client.csrf_token()  # an anonymous session may exist before; signing in replaces it
    client.sign_in(user)
    key = session_key(client)
    assert key_user_id(key) == user.pk
    assert len(key) <= 40
    # accounts.signals records the key at user_logged_in: the final one, which the cookie holds.
    assert UserSession.objects.filter(user=user, session_key=key).exists()
    assert Session.objects.filter(session_key=key).exists()
    assert cached_copy(user, key) is not None


def test_a_key_with_another_id_is_no_session(user: User, other_user: User) -> None:
    client = ApiClient()
    client.sign_in(user)
    key = session_key(client)
    secret = key.split("-", 1)[1]
    for forged in (f"{other_user.pk:x}-{secret}", f"0-{secret}", secret, f"{key}x"):
        thief = ApiClient()
        thief.cookies[settings.SESSION_COOKIE_NAME] = forged
        assert thief.get(ME).status_code == 401, forged
    assert client.get(ME).status_code == 200


def test_the_database_is_the_record_when_the_copy_is_gone_or_stale(user: User) -> None:
    client = ApiClient()
    client.sign_in(user)
    key = session_key(client)
    user_hash.remove(user.pk, FIELD_PREFIX + key)  # evicted, or Redis lost it
    assert client.get(ME).status_code == 200
    assert cached_copy(user, key) is not None  # cached again from the database
    stale = b"%d|" % (int(time.time()) - 1) + b'{"_auth_user_id":"999"}'
    user_hash.write(user.pk, {FIELD_PREFIX + key: stale})
    assert client.get(ME).json()["email"] == user.email  # an expired copy is never served


def test_signing_in_as_another_user_moves_the_session_to_that_user(
    user: User, other_user: User
) -> None:
    client = ApiClient()
    client.sign_in(user)
    first = session_key(client)
    client.sign_in(other_user)
    second = session_key(client)
    assert key_user_id(second) == other_user.pk
    assert cached_copy(user, first) is None
    assert client.get(ME).json()["email"] == other_user.email


def test_signing_out_removes_the_copy_and_the_next_session_names_no_one(user: User) -> None:
    client = ApiClient()
    client.sign_in(user)
    key = session_key(client)
    assert client.post(LOGOUT).status_code == 204
    assert cached_copy(user, key) is None
    assert not Session.objects.filter(session_key=key).exists()
    client.csrf_token()
    after = client.cookies.get(settings.SESSION_COOKIE_NAME)
    assert after is None or not after.value or key_user_id(after.value) is None


def test_sessions_made_before_this_engine_still_sign_in(user: User) -> None:
    old = CachedDBStore()  # what django.contrib.sessions.backends.cached_db made before
    old[SESSION_KEY] = str(user.pk)
    old[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    old[HASH_SESSION_KEY] = user.get_session_auth_hash()
    old.create()
    assert old.session_key is not None
    assert key_user_id(old.session_key) is None
    client = ApiClient()
    client.cookies[settings.SESSION_COOKIE_NAME] = old.session_key
    assert client.get(ME).json()["email"] == user.email
    assert client.get("/api/habits/").status_code == 200


def test_a_user_id_too_long_for_the_key_column_keeps_a_plain_key() -> None:
    huge = make_user()
    store = SessionStore()
    store[SESSION_KEY] = str(36**8)  # eight base-36 digits: 8 + 1 + 32 > 40
    store.save()
    assert store.session_key is not None
    assert key_user_id(store.session_key) is None
    store[SESSION_KEY] = str(huge.pk)
    assert key_user_id(store.session_key) == huge.pk


@pytest.mark.parametrize(
    "key",
    [
        "",
        "-" + "a" * 32,
        "1-" + "a" * 31,
        "1_" + "a" * 32,
        "A-" + "a" * 32,
        "1-" + "a" * 33,
        "z" * 8 + "-" + "a" * 32,  # longer than a key's 40 characters allow
    ],
)
def test_keys_that_name_no_user(key: str) -> None:
    assert key_user_id(key) is None
    assert key_user_id("z-" + "a" * 32) == 35


def test_a_user_stored_without_setitem_still_moves_the_key(user: User) -> None:
    store = SessionStore()
    store.create()
    plain = store.session_key
    store.update({SESSION_KEY: str(user.pk)})  # not through __setitem__
    store.save()
    assert key_user_id(store.session_key) == user.pk
    assert not Session.objects.filter(session_key=plain).exists()
    assert SessionStore(store.session_key).load()[SESSION_KEY] == str(user.pk)


def test_a_cookie_with_a_huge_id_is_anonymous_not_an_error(api: ApiClient) -> None:
    """int() refuses more than 4,300 digits: such a cookie must not reach it."""
    api.cookies[settings.SESSION_COOKIE_NAME] = "9" * 5000 + "-" + "a" * 32
    response = api.get(ME)
    assert response.status_code == 401
