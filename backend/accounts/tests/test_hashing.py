"""Password hashing: production makes Argon2id hashes at OWASP's parameters, and a hash made
before (PBKDF2) is re-made at the next successful sign-in."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings

from accounts.models import User
from config.tests.test_settings import PRODUCTION_ENV, manage
from conftest import ApiClient
from factories import PASSWORD, make_user

PRODUCTION_HASHERS = [
    "accounts.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
FIRST_HASHER = (
    "from django.conf import settings\n"
    "from django.contrib.auth.hashers import make_password\n"
    "print('first:', settings.PASSWORD_HASHERS[0])\n"
    "print('prefix:', make_password('a long passphrase here').rsplit('$', 2)[0])"
)


def test_production_settings_hash_with_argon2id_at_owasp_parameters() -> None:
    result = manage("shell", "-c", FIRST_HASHER, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "first: accounts.hashers.Argon2idPasswordHasher\n" in result.stdout
    assert "prefix: argon2$argon2id$v=19$m=19456,t=2,p=1\n" in result.stdout


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=PRODUCTION_HASHERS)
def test_a_pbkdf2_hash_is_upgraded_at_the_next_sign_in() -> None:
    user = make_user()
    User.objects.filter(pk=user.pk).update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
    user.refresh_from_db()
    assert user.password.startswith("pbkdf2_sha256$")

    ApiClient().sign_in(user)

    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password(PASSWORD)
    ApiClient().sign_in(user)  # and the new hash signs in
