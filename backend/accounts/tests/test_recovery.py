"""Password reset by email: the same answer whether or not the address has an account, a link
that works once and not for long, and a new password that ends every other session."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import override_settings

from accounts.apis.recovery import MESSAGE_RESET_SENT
from accounts.mails import KIND_RESET, KIND_RESET_UNKNOWN, PAGE_SIGNUP
from accounts.models import User
from accounts.passwords import MESSAGE_PASSWORD_COMMON
from accounts.services import MESSAGE_LINK_INVALID
from accounts.throttling import MESSAGE_MAIL_THROTTLED
from conftest import ApiClient, mail_to, token_in
from factories import PASSWORD, make_user
from outbox.models import Message

pytestmark = pytest.mark.django_db

RESET = "/api/auth/password/reset/"
CONFIRM = "/api/auth/password/reset/confirm/"
LOGIN = "/api/auth/login/"
ME = "/api/auth/me/"
NEW = "a brand new passphrase 42"


def ask(email: str, client: ApiClient | None = None) -> Any:
    return (client or ApiClient()).post(RESET, {"email": email})


def test_the_answer_is_the_same_whether_or_not_the_account_exists(user: User) -> None:
    known, unknown = ask(user.email), ask("nobody@example.org")
    assert known.status_code == unknown.status_code == 202
    assert known.json() == {"email": user.email, "detail": MESSAGE_RESET_SENT}
    assert unknown.json() == {"email": "nobody@example.org", "detail": MESSAGE_RESET_SENT}
    assert sorted(known.cookies) == sorted(unknown.cookies)
    assert mail_to(user.email).kind == KIND_RESET
    note = mail_to("nobody@example.org")
    assert note.kind == KIND_RESET_UNKNOWN
    assert f"{PAGE_SIGNUP}\n" in note.body
    assert User.objects.count() == 1


def test_a_new_password_from_the_link_ends_every_other_session_and_signs_in(user: User) -> None:
    laptop, phone = ApiClient(), ApiClient()
    laptop.sign_in(user)
    phone.sign_in(user)
    ask(user.email)
    browser = ApiClient()
    response = browser.post(CONFIRM, {"token": token_in(mail_to(user.email)), "new_password": NEW})
    assert response.status_code == 200
    assert response.json()["email"] == user.email
    assert browser.get(ME).status_code == 200
    assert laptop.get(ME).status_code == 401
    assert phone.get(ME).status_code == 401
    assert ApiClient().post(LOGIN, {"email": user.email, "password": PASSWORD}).status_code == 400
    ApiClient().sign_in(user, NEW)


def test_the_link_works_once(user: User) -> None:
    ask(user.email)
    token = token_in(mail_to(user.email))
    assert ApiClient().post(CONFIRM, {"token": token, "new_password": NEW}).status_code == 200
    again = ApiClient().post(CONFIRM, {"token": token, "new_password": "yet another passphrase 7"})
    assert again.status_code == 400
    assert again.json()["errors"] == {"token": [MESSAGE_LINK_INVALID]}


def test_the_link_stops_working_after_an_hour(user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    ask(user.email)
    token = token_in(mail_to(user.email))
    later = datetime.now() + timedelta(hours=1, minutes=1)  # the generator's naive clock
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    response = ApiClient().post(CONFIRM, {"token": token, "new_password": NEW})
    assert response.json()["errors"] == {"token": [MESSAGE_LINK_INVALID]}


def test_a_weak_password_is_refused_and_the_link_still_works(user: User) -> None:
    ask(user.email)
    token = token_in(mail_to(user.email))
    weak = ApiClient().post(CONFIRM, {"token": token, "new_password": "Passw0rd!2024-2025"})
    assert weak.json()["errors"] == {"new_password": [MESSAGE_PASSWORD_COMMON]}
    assert ApiClient().post(CONFIRM, {"token": token, "new_password": NEW}).status_code == 200


@pytest.mark.parametrize("token", ["", "nonsense", "MQ.abc-def", "!!.x", "MTIzNDU2.abc-def"])
def test_made_up_links_are_refused(user: User, token: str) -> None:
    response = ApiClient().post(CONFIRM, {"token": token, "new_password": NEW})
    assert response.status_code == 400
    assert "token" in response.json()["errors"]


@override_settings(MAIL_THROTTLE={"per_recipient": 2, "per_address": 100, "window_seconds": 3600})
def test_requests_are_throttled_per_address_asked_for(user: User) -> None:
    for email in (user.email, "nobody@example.org"):
        statuses = [ask(email, ApiClient(REMOTE_ADDR=f"192.0.2.{n}")).status_code for n in range(3)]
        assert statuses == [202, 202, 429]
    assert Message.objects.count() == 4


@override_settings(MAIL_THROTTLE={"per_recipient": 100, "per_address": 2, "window_seconds": 3600})
def test_requests_are_throttled_per_client(user: User) -> None:
    client = ApiClient(REMOTE_ADDR="192.0.2.77")
    statuses = [ask(f"n{n}@example.org", client).status_code for n in range(3)]
    assert statuses == [202, 202, 429]
    refused = ask(user.email, client)
    assert refused.json()["detail"] == MESSAGE_MAIL_THROTTLED.format(wait="60 minutes")


@override_settings(MAIL_THROTTLE={"per_recipient": 2, "per_address": 100, "window_seconds": 3600})
def test_any_spelling_of_the_address_reaches_the_account_and_counts_against_it() -> None:
    """Case, spaces and look-alike letters are one address, as at sign-up: the person who types
    their address differently still gets the link, and nobody gets more mail by varying it."""
    make_user(email="kate@example.org")
    spellings = [
        " KATE@Example.ORG ",
        "\N{KELVIN SIGN}ate@example.org",
        "\uff4b\uff41\uff54\uff45@example.org",  # fullwidth
    ]
    responses = [
        ask(email, ApiClient(REMOTE_ADDR=f"192.0.2.{n}")) for n, email in enumerate(spellings)
    ]
    assert [response.status_code for response in responses] == [202, 202, 429]
    assert responses[0].json()["email"] == "kate@example.org"
    assert [mail.kind for mail in Message.objects.filter(to="kate@example.org")] == [KIND_RESET] * 2
    assert Message.objects.count() == 2
