"""Changing the sign-in address: the current password first, the new address confirmed from its
inbox, the old one kept until then and told at once."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.apis.email_change import MESSAGE_EMAIL_CHANGE_SENT
from accounts.mails import (
    KIND_EMAIL_CHANGE_REQUESTED,
    KIND_EMAIL_CHANGED,
    KIND_EMAIL_CONFIRM,
    KIND_EMAIL_TAKEN,
)
from accounts.models import User
from accounts.services import (
    MESSAGE_EMAIL_SAME,
    MESSAGE_EMAIL_TAKEN,
    MESSAGE_LINK_INVALID,
    MESSAGE_WRONG_PASSWORD,
)
from conftest import ApiClient, mail_to, token_in
from factories import PASSWORD, make_user
from outbox.models import Message

pytestmark = pytest.mark.django_db

CHANGE = "/api/auth/email/"
CONFIRM = "/api/auth/email/confirm/"
LOGIN = "/api/auth/login/"
NEW = "new.address@example.org"


def change(client: ApiClient, new_email: str = NEW, password: str = PASSWORD) -> Any:
    return client.post(CHANGE, {"password": password, "new_email": new_email})


def test_the_new_address_counts_only_once_confirmed_from_its_inbox(
    signed_in: ApiClient, user: User
) -> None:
    old = user.email
    response = change(signed_in, "New.Address@Example.org")
    assert response.status_code == 202
    assert response.json() == {"email": NEW, "detail": MESSAGE_EMAIL_CHANGE_SENT}
    user.refresh_from_db()
    assert user.email == old
    told = mail_to(old)
    assert told.kind == KIND_EMAIL_CHANGE_REQUESTED
    assert NEW in told.body
    ApiClient().sign_in(user)  # the old address still signs in

    phone = ApiClient()  # the link may be opened anywhere, signed in or not
    confirmed = phone.post(CONFIRM, {"token": token_in(mail_to(NEW, KIND_EMAIL_CONFIRM))})
    assert confirmed.status_code == 200
    assert confirmed.json() == {"email": NEW}
    user.refresh_from_db()
    assert (user.email, user.email_key) == (NEW, NEW)
    assert mail_to(old).kind == KIND_EMAIL_CHANGED
    assert signed_in.get("/api/auth/me/").json()["email"] == NEW
    assert ApiClient().post(LOGIN, {"email": old, "password": PASSWORD}).status_code == 400
    assert ApiClient().post(LOGIN, {"email": NEW, "password": PASSWORD}).status_code == 200


def test_the_current_password_is_needed(signed_in: ApiClient) -> None:
    response = change(signed_in, password="not my password 1")
    assert response.status_code == 400
    assert response.json()["errors"] == {"password": [MESSAGE_WRONG_PASSWORD]}
    assert not Message.objects.exists()


def test_the_same_address_is_refused(signed_in: ApiClient, user: User) -> None:
    response = change(signed_in, user.email.upper())
    assert response.json()["errors"] == {"new_email": [MESSAGE_EMAIL_SAME]}


def test_a_taken_address_gets_the_same_answer_and_its_owner_is_told(signed_in: ApiClient) -> None:
    make_user(email="taken@example.org")
    response = change(signed_in, "taken@example.org")
    assert response.status_code == 202
    assert response.json() == {"email": "taken@example.org", "detail": MESSAGE_EMAIL_CHANGE_SENT}
    assert mail_to("taken@example.org").kind == KIND_EMAIL_TAKEN
    assert not Message.objects.filter(kind=KIND_EMAIL_CONFIRM).exists()


def test_the_link_works_once(signed_in: ApiClient) -> None:
    change(signed_in)
    token = token_in(mail_to(NEW, KIND_EMAIL_CONFIRM))
    assert ApiClient().post(CONFIRM, {"token": token}).status_code == 200
    again = ApiClient().post(CONFIRM, {"token": token})
    assert again.json()["errors"] == {"token": [MESSAGE_LINK_INVALID]}


def test_a_password_reset_from_the_warning_cancels_the_change(
    signed_in: ApiClient, user: User
) -> None:
    change(signed_in)
    warning = mail_to(user.email, KIND_EMAIL_CHANGE_REQUESTED)
    reset = ApiClient().post(
        "/api/auth/password/reset/confirm/",
        {"token": token_in(warning), "new_password": "only the owner knows 77"},
    )
    assert reset.status_code == 200
    assert signed_in.get("/api/auth/me/").status_code == 401  # the other session ended
    late = ApiClient().post(CONFIRM, {"token": token_in(mail_to(NEW, KIND_EMAIL_CONFIRM))})
    assert late.json()["errors"] == {"token": [MESSAGE_LINK_INVALID]}
    user.refresh_from_db()
    assert user.email != NEW


def test_an_address_taken_meanwhile_is_refused_at_the_link(signed_in: ApiClient) -> None:
    change(signed_in)
    make_user(email=NEW)
    response = ApiClient().post(CONFIRM, {"token": token_in(mail_to(NEW, KIND_EMAIL_CONFIRM))})
    assert response.json()["errors"] == {"token": [MESSAGE_EMAIL_TAKEN]}


@pytest.mark.parametrize("token", ["", "x" * 50, "eyJ1c2VyIjoxfQ:abc:def"])
def test_made_up_links_are_refused(token: str) -> None:
    response = ApiClient().post(CONFIRM, {"token": token})
    assert response.status_code == 400
    assert "token" in response.json()["errors"]


def test_asking_needs_a_session() -> None:
    assert change(ApiClient()).status_code == 401
