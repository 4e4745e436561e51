"""The VAPID pair derived from the secret key: a valid P-256 key, the same on every function that
shares the secret, another for another secret, and what production uses when no key is named."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from config.tests.test_settings import PRODUCTION_ENV, manage
from config.vapid import P256_ORDER, derived_private_key, hkdf_sha256

SECRET = "a-realistic-production-key-" + "x7Qp2Lm9" * 6


def scalar(key: str) -> int:
    return int.from_bytes(base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)), "big")


def test_hkdf_matches_rfc_5869_test_case_1() -> None:
    okm = hkdf_sha256(
        bytes.fromhex("0b" * 22),
        salt=bytes.fromhex("000102030405060708090a0b0c"),
        info=bytes.fromhex("f0f1f2f3f4f5f6f7f8f9"),
        length=42,
    )

    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_the_derived_key_is_a_p256_key_that_signs() -> None:
    key = derived_private_key(SECRET)
    private = ec.derive_private_key(scalar(key), ec.SECP256R1())

    assert 1 <= scalar(key) < P256_ORDER
    assert len(key) == 43
    assert private.public_key().public_numbers().curve.name == "secp256r1"


def test_the_same_secret_gives_the_same_pair_and_another_secret_another() -> None:
    assert derived_private_key(SECRET) == derived_private_key(SECRET)
    assert derived_private_key(SECRET) != derived_private_key(SECRET + "!")


def test_nothing_to_derive_from_is_refused() -> None:
    with pytest.raises(ValueError, match="secret key"):
        derived_private_key("")


def test_production_derives_the_key_when_no_secret_names_one() -> None:
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; from habits.reminding import push; "
        "print('VAPID', settings.VAPID_PRIVATE_KEY, push.public_key())",
        env=PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if line.startswith("VAPID ")]
    _, private, public = line.split()
    assert private == derived_private_key(PRODUCTION_ENV["DJANGO_SECRET_KEY"])
    assert len(public) == 87
