"""The password policy (accounts.passwords) wherever a password is chosen."""

from __future__ import annotations

import pytest

from accounts.passwords import (
    MESSAGE_PASSWORD_BLANK,
    MESSAGE_PASSWORD_COMMON,
    MESSAGE_PASSWORD_TOO_SHORT,
    PASSWORD_MIN_LENGTH,
    disguises_undone,
)
from conftest import ApiClient
from factories import PASSWORD

pytestmark = pytest.mark.django_db


def choose(client: ApiClient, new_password: str) -> list[str]:
    response = client.post(
        "/api/auth/password/", {"current_password": PASSWORD, "new_password": new_password}
    )
    assert response.status_code == 400, response.content
    return list(response.json()["errors"]["new_password"])


@pytest.mark.parametrize(
    ("password", "message"),
    [
        (" " * 8, MESSAGE_PASSWORD_TOO_SHORT),  # eight spaces: short before it is anything else
        (" " * 20, MESSAGE_PASSWORD_BLANK),
        ("\t \u3000" * 6, MESSAGE_PASSWORD_BLANK),  # any kind of space
        ("Passw0rd!", MESSAGE_PASSWORD_TOO_SHORT),
        ("Passw0rd!" + " " * 10, MESSAGE_PASSWORD_TOO_SHORT),  # padding does not count
        ("P@ssw0rd123456789!!", MESSAGE_PASSWORD_COMMON),
        ("Passw0rd!2024-2025", MESSAGE_PASSWORD_COMMON),
        ("ILOVEYOU!!!!!!!!!!", MESSAGE_PASSWORD_COMMON),
        ("qwertyuiop1234567", MESSAGE_PASSWORD_COMMON),
        ("dr4g0n 1234567890", MESSAGE_PASSWORD_COMMON),
        ("i love you 123456", MESSAGE_PASSWORD_COMMON),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(
    signed_in: ApiClient, password: str, message: str
) -> None:
    assert message in choose(signed_in, password)


def test_eight_spaces_and_passw0rd_are_refused_on_every_count(signed_in: ApiClient) -> None:
    """The two examples of the finding, as the service's validators see them."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as spaces:
        validate_password(" " * 8)
    assert spaces.value.messages == [str(MESSAGE_PASSWORD_BLANK)]
    with pytest.raises(ValidationError) as passw0rd:
        validate_password("Passw0rd!")
    assert passw0rd.value.messages == [
        str(MESSAGE_PASSWORD_TOO_SHORT),
        str(MESSAGE_PASSWORD_COMMON),
    ]


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery 7",
        "  fifteen chars!!  ",  # 15 once the ends are left out
        "Tr0ub4dor&3 is long now",
        "x" * 128,
    ],
)
def test_long_uncommon_passwords_are_accepted(signed_in: ApiClient, password: str) -> None:
    response = signed_in.post(
        "/api/auth/password/", {"current_password": PASSWORD, "new_password": password}
    )
    assert response.status_code == 204, response.content


def test_the_disguises_people_use_are_undone() -> None:
    assert "password" in disguises_undone("Passw0rd!")
    assert "password" in disguises_undone("P4$$w0rd 2024")
    assert "iloveyou" in disguises_undone("I love you 1!")
    assert "lollipop" in disguises_undone("1o11ipop")


def test_the_minimum_length_is_in_the_schema(api: ApiClient) -> None:
    schema = api.get("/api/schema/?format=json").json()["components"]["schemas"]
    assert schema["PasswordInputRequest"]["properties"]["new_password"]["minLength"] == (
        PASSWORD_MIN_LENGTH
    )
