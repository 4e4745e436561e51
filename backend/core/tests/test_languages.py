"""Every request is answered in the language its Accept-Language header asks for (English, Spanish
or German; English when it names none of them): our own messages, DRF's and Django's alike. Codes
never change."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from accounts.models import User
from conftest import ApiClient
from core.errors import CODE_INVALID, CODE_NOT_FOUND, CODE_REQUEST_TOO_LARGE
from core.languages import accepted_language, supported_language
from factories import PASSWORD

pytestmark = pytest.mark.django_db

HABITS = "/api/habits/"
LOGIN = "/api/auth/login/"


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("", "en"),
        ("de", "de"),
        ("de-AT,de;q=0.9,en;q=0.8", "de"),
        ("es-MX", "es"),
        ("fr-FR,fr;q=0.9", "en"),
        ("fr,es;q=0.5", "es"),
        ("*", "en"),
        ("en-GB;q=0.1,de;q=0.9", "de"),
        ("not a language!", "en"),
    ],
)
def test_the_language_is_the_first_of_ours_the_header_accepts(header: str, language: str) -> None:
    assert accepted_language(header) == language


def test_a_language_code_becomes_one_of_ours() -> None:
    assert [supported_language(code) for code in ("de-at", "es", "pt-br", None)] == [
        "de",
        "es",
        "en",
        "en",
    ]


def test_an_unknown_habit_is_not_found_in_the_requests_language(signed_in: ApiClient) -> None:
    for header, detail in (("de", "Nicht gefunden."), ("es", "No encontrado."), ("", "Not found.")):
        response = signed_in.get(f"{HABITS}999999/", HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 404
        assert response.json() == {"detail": detail, "code": CODE_NOT_FOUND}
        assert response["Content-Language"] == (header or "en")
        assert "Accept-Language" in response["Vary"]


def test_our_own_field_messages_are_translated(signed_in: ApiClient) -> None:
    body = {"name": "Read", "frequency": {"times": 3, "days": 2}}
    german = signed_in.post(HABITS, body, HTTP_ACCEPT_LANGUAGE="de").json()
    assert german["code"] == CODE_INVALID
    assert german["detail"] == "Die Anfrage enthält ungültige Felder."
    assert "Die Anzahl der Male darf die Tage nicht übersteigen." in str(german["errors"])
    spanish = signed_in.post(HABITS, body, HTTP_ACCEPT_LANGUAGE="es").json()
    assert spanish["detail"] == "La solicitud tiene campos no válidos."
    assert "Las veces no deben superar los días." in str(spanish["errors"])
    english = signed_in.post(HABITS, body).json()
    assert "Times must not exceed days." in str(english["errors"])


def test_drfs_own_messages_come_in_the_requests_language(signed_in: ApiClient) -> None:
    # DRF ships these translations: its German reads "zwingend erforderlich".
    expected = {
        "de": "Dieses Feld ist zwingend erforderlich.",
        "es": "Este campo es requerido.",
        "": "This field is required.",
    }
    for header, message in expected.items():
        response = signed_in.post(HABITS, {}, HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 400
        assert response.json()["errors"]["name"] == [message]


def test_a_failed_sign_in_says_so_in_the_requests_language(user: User) -> None:
    expected = {
        "de": "Die E-Mail-Adresse oder das Passwort ist nicht korrekt.",
        "es": "La dirección de correo o la contraseña no son correctas.",
        "": "The email address or the password is not correct.",
    }
    for header, message in expected.items():
        response = ApiClient().post(
            LOGIN, {"email": user.email, "password": PASSWORD + "x"}, HTTP_ACCEPT_LANGUAGE=header
        )
        assert response.status_code == 400
        assert response.json()["errors"]["non_field_errors"] == [message]


def test_a_body_refused_before_the_middleware_is_still_translated() -> None:
    response = ApiClient().post(
        LOGIN,
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(settings.REQUEST_MAX_BYTES + 1),
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 413
    assert response.json() == {
        "detail": f"Der Anfragetext ist größer als {settings.REQUEST_MAX_BYTES} Bytes.",
        "code": CODE_REQUEST_TOO_LARGE,
    }


def test_a_requests_language_ends_with_its_response(signed_in: ApiClient) -> None:
    signed_in.get(f"{HABITS}999999/", HTTP_ACCEPT_LANGUAGE="de")
    assert translation.get_language() == settings.LANGUAGE_CODE


def test_a_language_cookie_is_not_read(signed_in: ApiClient) -> None:
    signed_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = signed_in.get(f"{HABITS}999999/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.json()["detail"] == "No encontrado."


@pytest.mark.parametrize("existing", [None, "", "Cookie", "accept-language", "*", "Cookie, Origin"])
@pytest.mark.parametrize("header", ["Accept-Language", "origin"])
def test_add_vary_is_djangos_patch_vary_headers(existing: str | None, header: str) -> None:
    from django.http import HttpResponse
    from django.utils.cache import patch_vary_headers

    from core.middleware import add_vary

    ours, django = HttpResponse(), HttpResponse()
    if existing is not None:
        ours["Vary"] = django["Vary"] = existing
    add_vary(ours, header)
    patch_vary_headers(django, (header,))
    assert ours.get("Vary") == django.get("Vary")
