"""The user's language: chosen in Settings (PATCH /api/auth/me/), taken from the browser at sign-up,
and the language of the mail the account receives."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from conftest import ApiClient, mail_to, token_in
from factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ME = "/api/auth/me/"
REGISTER = "/api/auth/register/"
CONFIRM = "/api/auth/register/confirm/"
RESET = "/api/auth/password/reset/"


def test_the_user_shows_and_changes_their_language(signed_in: ApiClient, user: User) -> None:
    assert signed_in.get(ME).json()["language"] == "en"
    response = signed_in.patch(ME, {"language": "de"})
    assert response.status_code == 200, response.content
    assert response.json()["language"] == "de"
    user.refresh_from_db()
    assert (user.language, user.time_zone) == ("de", "UTC")
    assert signed_in.get("/api/auth/csrf/").json()["user"]["language"] == "de"


@pytest.mark.parametrize("value", ["fr", "DE", "", 7, None, "de-AT"])
def test_a_language_we_do_not_offer_is_a_field_error(
    signed_in: ApiClient, user: User, value: Any
) -> None:
    response = signed_in.patch(ME, {"language": value})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["errors"]) == ["language"]
    user.refresh_from_db()
    assert user.language == "en"


def test_the_field_error_is_in_the_requests_language(signed_in: ApiClient) -> None:
    response = signed_in.patch(ME, {"language": "fr"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.json()["errors"]["language"] == ['"fr" no es una elección válida.']


def sign_up(email: str, accept_language: str) -> User:
    browser = ApiClient()
    response = browser.post(
        REGISTER,
        {"email": email, "password": PASSWORD, "time_zone": "UTC"},
        HTTP_ACCEPT_LANGUAGE=accept_language,
    )
    assert response.status_code == 202, response.content
    confirmed = browser.post(CONFIRM, {"token": token_in(mail_to(email))})
    assert confirmed.status_code in {200, 201}, confirmed.content
    return User.objects.get(email=email)


@pytest.mark.parametrize(
    ("accept_language", "language"), [("es-ES,es;q=0.9", "es"), ("de", "de"), ("fr", "en")]
)
def test_signing_up_records_the_browsers_language(accept_language: str, language: str) -> None:
    user = sign_up(f"new-{language}@example.org", accept_language)
    assert user.language == language


def test_the_sign_up_mail_is_in_the_language_of_the_request() -> None:
    ApiClient().post(
        REGISTER,
        {"email": "nuevo@example.org", "password": PASSWORD, "time_zone": "UTC"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    mail = mail_to("nuevo@example.org")
    assert mail.subject == "Termina de registrarte en Habit Tracker"
    assert mail.body.startswith("Hola:\n\nAlguien (esperamos que tú)")


def test_mail_to_an_account_is_in_its_language_whatever_the_request_asks() -> None:
    user = make_user(email="ana@example.org", language="es")
    ApiClient().post(RESET, {"email": user.email}, HTTP_ACCEPT_LANGUAGE="de")
    mail = mail_to(user.email)
    assert mail.subject == "Elige una contraseña nueva para Habit Tracker"
    assert "abre este enlace en los próximos 60 minutos" in mail.body.replace("\n", " ")
    assert "#token=" in mail.body


def test_mail_to_an_english_account_stays_english() -> None:
    user = make_user(email="sam@example.org")
    ApiClient().post(RESET, {"email": user.email}, HTTP_ACCEPT_LANGUAGE="es")
    assert mail_to(user.email).subject == "Choose a new Habit Tracker password"
