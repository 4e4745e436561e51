"""The secrets in emailed links, and how each is checked.

- Sign-up: a random token; only its SHA-256 is stored (accounts.models.SignupRequest), so the
  table alone cannot open an account.
- Password reset: Django's PasswordResetTokenGenerator (an HMAC of the user's id, password hash,
  last sign-in, address and a timestamp), valid for PASSWORD_RESET_TIMEOUT and void once the
  password changes or the user signs in: single use without a table.
- Address change: a signed payload (user, new address) with an HMAC of the account's password hash
  and current address, valid for EMAIL_LINK_MAX_AGE; void once the address or the password changes
  (so a password reset also voids a pending change).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from accounts.models import User

EMAIL_CHANGE_SALT = "accounts.tokens.email_change"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def random_token() -> str:
    return secrets.token_urlsafe(32)


def reset_token(user: User) -> str:
    """`<user id, base64>.<Django's token>`; for an unsaved user the same work, opening nothing."""
    uid = urlsafe_base64_encode(force_bytes(user.pk or 0))
    return f"{uid}.{default_token_generator.make_token(user)}"


def reset_token_user(token: str) -> User | None:
    """The user `token` may reset the password of, or None."""
    uid, _, token_part = token.partition(".")
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (ValueError, TypeError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token_part):
        return None
    return user


def _account_state(user: User) -> str:
    return salted_hmac(EMAIL_CHANGE_SALT, f"{user.password}|{user.email_key}").hexdigest()[:32]


def email_change_token(user: User, new_email: str) -> str:
    payload = {"user": user.pk, "email": new_email, "state": _account_state(user)}
    return signing.dumps(payload, salt=EMAIL_CHANGE_SALT, compress=True)


@dataclass(frozen=True)
class EmailChange:
    user: User
    new_email: str


def email_change_read(token: str) -> EmailChange | None:
    try:
        payload = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=settings.EMAIL_LINK_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    user = User.objects.filter(pk=payload.get("user"), is_active=True).first()
    if user is None or not constant_time_compare(payload.get("state", ""), _account_state(user)):
        return None
    return EmailChange(user=user, new_email=str(payload["email"]))
