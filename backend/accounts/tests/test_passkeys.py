"""Passkeys through the API with a software authenticator whose answers py_webauthn verifies:
add (with the password), list, sign in without a password, remove; and every way an answer can
be wrong is refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings

from accounts.apis.passkeys import MESSAGE_CEREMONY_EXPIRED
from accounts.mails import KIND_PASSKEY_ADDED
from accounts.models import Passkey, User
from accounts.services import (
    MESSAGE_PASSKEY_INVALID,
    MESSAGE_PASSKEY_KNOWN,
    MESSAGE_PASSKEY_REFUSED,
    MESSAGE_WRONG_PASSWORD,
)
from accounts.tests.authenticator import USER_PRESENT, SoftwareAuthenticator
from accounts.throttling import MESSAGE_SIGN_IN_THROTTLED
from conftest import ApiClient, mail_to
from factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

PASSKEYS = "/api/auth/passkeys/"
REGISTER_OPTIONS = "/api/auth/passkeys/register/options/"
REGISTER = "/api/auth/passkeys/register/"
SIGN_IN_OPTIONS = "/api/auth/passkeys/authenticate/options/"
SIGN_IN = "/api/auth/passkeys/authenticate/"
ME = "/api/auth/me/"


def add_passkey(
    client: ApiClient, authenticator: SoftwareAuthenticator, name: str = "Laptop"
) -> Any:
    options = client.post(REGISTER_OPTIONS, {"password": PASSWORD})
    assert options.status_code == 200, options.content
    credential = authenticator.create(options.json()["publicKey"])
    return client.post(REGISTER, {"name": name, "credential": credential})


def sign_in_with(client: ApiClient, authenticator: SoftwareAuthenticator, **flags: Any) -> Any:
    options = client.post(SIGN_IN_OPTIONS)
    assert options.status_code == 200
    return client.post(
        SIGN_IN, {"credential": authenticator.get(options.json()["publicKey"], **flags)}
    )


def test_a_passkey_is_added_listed_used_to_sign_in_and_removed(
    signed_in: ApiClient, user: User
) -> None:
    authenticator = SoftwareAuthenticator()
    added = add_passkey(signed_in, authenticator)
    assert added.status_code == 201
    assert added.json()["name"] == "Laptop"
    assert added.json()["last_used_at"] is None
    assert mail_to(user.email).kind == KIND_PASSKEY_ADDED

    browser = ApiClient()
    response = sign_in_with(browser, authenticator)
    assert response.status_code == 200, response.content
    assert response.json()["email"] == user.email
    assert browser.get(ME).status_code == 200
    assert settings.DEVICE_COOKIE_NAME in response.cookies

    listed = signed_in.get(PASSKEYS).json()
    assert [(item["name"], item["last_used_at"] is not None) for item in listed] == [
        ("Laptop", True)
    ]
    assert Passkey.objects.get().sign_count == 1

    assert signed_in.delete(f"{PASSKEYS}{listed[0]['id']}/").status_code == 204
    assert signed_in.get(PASSKEYS).json() == []
    refused = sign_in_with(ApiClient(), authenticator)
    assert refused.json()["errors"] == {"credential": [MESSAGE_PASSKEY_REFUSED]}


def test_the_options_ask_for_a_discoverable_verified_passkey_of_this_site(
    signed_in: ApiClient, user: User
) -> None:
    options = signed_in.post(REGISTER_OPTIONS, {"password": PASSWORD}).json()["publicKey"]
    assert options["rp"] == {"name": "Habit Tracker", "id": settings.WEBAUTHN_RP_ID}
    assert options["user"]["name"] == user.email
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert options["attestation"] == "none"
    request = ApiClient().post(SIGN_IN_OPTIONS).json()["publicKey"]
    assert request["rpId"] == settings.WEBAUTHN_RP_ID
    assert request["userVerification"] == "required"
    assert request.get("allowCredentials", []) == []


def test_adding_a_passkey_needs_the_password(signed_in: ApiClient) -> None:
    response = signed_in.post(REGISTER_OPTIONS, {"password": "not my password 1"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"password": [MESSAGE_WRONG_PASSWORD]}
    assert ApiClient().post(REGISTER_OPTIONS, {"password": PASSWORD}).status_code == 401


def test_a_challenge_serves_once(signed_in: ApiClient) -> None:
    authenticator = SoftwareAuthenticator()
    options = signed_in.post(REGISTER_OPTIONS, {"password": PASSWORD}).json()["publicKey"]
    credential = authenticator.create(options)
    assert signed_in.post(REGISTER, {"name": "A", "credential": credential}).status_code == 201
    again = signed_in.post(REGISTER, {"name": "B", "credential": credential})
    assert again.json()["errors"] == {"credential": [MESSAGE_CEREMONY_EXPIRED]}
    no_options = ApiClient().post(
        SIGN_IN, {"credential": authenticator.get({"challenge": "AAAA", "rpId": "localhost"})}
    )
    assert no_options.json()["errors"] == {"credential": [MESSAGE_CEREMONY_EXPIRED]}


@override_settings(PASSKEY_CHALLENGE_SECONDS=-1)
def test_a_challenge_expires(signed_in: ApiClient) -> None:
    response = add_passkey(signed_in, SoftwareAuthenticator())
    assert response.json()["errors"] == {"credential": [MESSAGE_CEREMONY_EXPIRED]}


def test_the_same_passkey_cannot_be_added_twice(signed_in: ApiClient) -> None:
    authenticator = SoftwareAuthenticator()
    assert add_passkey(signed_in, authenticator).status_code == 201
    response = add_passkey(signed_in, authenticator, "Again")
    assert response.json()["errors"] == {"credential": [MESSAGE_PASSKEY_KNOWN]}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda a: setattr(a, "origin", "https://evil.example"),
        lambda a: setattr(a, "rp_id", "evil.example"),
    ],
)
def test_answers_for_another_site_are_refused(signed_in: ApiClient, spoil: Any) -> None:
    authenticator = SoftwareAuthenticator()
    assert add_passkey(signed_in, authenticator).status_code == 201
    spoil(authenticator)
    response = sign_in_with(ApiClient(), authenticator)
    assert response.json()["errors"] == {"credential": [MESSAGE_PASSKEY_REFUSED]}


def test_a_registration_for_another_origin_is_refused(signed_in: ApiClient) -> None:
    response = add_passkey(signed_in, SoftwareAuthenticator(origin="https://evil.example"))
    assert response.json()["errors"] == {"credential": [MESSAGE_PASSKEY_INVALID]}


def test_an_assertion_without_user_verification_is_refused(signed_in: ApiClient) -> None:
    authenticator = SoftwareAuthenticator()
    add_passkey(signed_in, authenticator)
    response = sign_in_with(ApiClient(), authenticator, flags=USER_PRESENT)
    assert response.json()["errors"] == {"credential": [MESSAGE_PASSKEY_REFUSED]}


def test_a_cloned_authenticator_is_caught_by_its_counter(signed_in: ApiClient) -> None:
    authenticator = SoftwareAuthenticator()
    add_passkey(signed_in, authenticator)
    assert sign_in_with(ApiClient(), authenticator).status_code == 200
    assert sign_in_with(ApiClient(), authenticator).status_code == 200
    authenticator.sign_count = 1  # a copy that lags behind the original
    assert sign_in_with(ApiClient(), authenticator).status_code == 400


def test_a_forged_signature_or_another_key_is_refused(signed_in: ApiClient) -> None:
    genuine = SoftwareAuthenticator()
    add_passkey(signed_in, genuine)
    forger = SoftwareAuthenticator(
        credential_id=genuine.credential_id, user_handle=genuine.user_handle
    )
    assert sign_in_with(ApiClient(), forger).status_code == 400
    stranger = SoftwareAuthenticator(user_handle=genuine.user_handle)
    assert sign_in_with(ApiClient(), stranger).status_code == 400


def test_a_user_handle_of_another_account_is_refused(signed_in: ApiClient) -> None:
    authenticator = SoftwareAuthenticator()
    add_passkey(signed_in, authenticator)
    authenticator.user_handle = b"\x00" * 32
    assert sign_in_with(ApiClient(), authenticator).status_code == 400


@override_settings(
    LOGIN_THROTTLE={"per_account": 3, "per_address": 100, "per_device": 3, "window_seconds": 900}
)
def test_passkey_sign_in_goes_through_the_sign_in_guard(signed_in: ApiClient, user: User) -> None:
    authenticator = SoftwareAuthenticator()
    add_passkey(signed_in, authenticator)
    for number in range(3):
        ApiClient(REMOTE_ADDR=f"203.0.113.{number}").post(
            "/api/auth/login/", {"email": user.email, "password": "wrong guess 1 2 3"}
        )
    response = sign_in_with(ApiClient(REMOTE_ADDR="203.0.113.99"), authenticator)
    assert response.status_code == 429
    assert response.json()["detail"] == MESSAGE_SIGN_IN_THROTTLED.format(wait="15 minutes")
    # The owner's own browser, a trusted device, still signs in with it.
    assert sign_in_with(signed_in, authenticator).status_code == 200


def test_someone_elses_passkey_cannot_be_removed(signed_in: ApiClient) -> None:
    other = make_user()
    foreign = Passkey.objects.create(
        user=other, name="Theirs", credential_id="abc", public_key=b"k"
    )
    assert signed_in.delete(f"{PASSKEYS}{foreign.pk}/").status_code == 404
    assert Passkey.objects.filter(pk=foreign.pk).exists()


MALFORMED = [
    {},
    {"id": "x", "response": "not an object"},
    {"id": [1], "rawId": 5, "response": {}},
    {
        "id": "A",
        "rawId": "A",
        "type": "public-key",
        "response": {"clientDataJSON": "A", "authenticatorData": "A", "signature": "A"},
    },
    {
        "id": "AAAA",
        "rawId": "AAAA",
        "type": "public-key",
        "response": {
            "clientDataJSON": "e30",
            "authenticatorData": "AAAA",
            "signature": "AA",
            "userHandle": 5,
        },
    },
]


@pytest.mark.parametrize("credential", MALFORMED)
def test_malformed_answers_are_a_400_not_a_500(
    signed_in: ApiClient, credential: dict[str, Any]
) -> None:
    anonymous = ApiClient()
    anonymous.post(SIGN_IN_OPTIONS)
    assert anonymous.post(SIGN_IN, {"credential": credential}).status_code == 400
    signed_in.post(REGISTER_OPTIONS, {"password": PASSWORD})
    assert signed_in.post(REGISTER, {"name": "x", "credential": credential}).status_code == 400


def test_a_cold_start_does_not_import_the_webauthn_library() -> None:
    """py_webauthn (with cryptography and pyOpenSSL, about 100 ms) loads on the first passkey
    request, not when the URL configuration does."""
    import subprocess
    import sys
    from pathlib import Path

    probe = (
        "import django, sys; django.setup(); import config.urls; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        "print(sorted(m for m in ('webauthn', 'cryptography', 'boto3') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=Path(__file__).resolve().parents[2],
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
