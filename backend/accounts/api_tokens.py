"""Personal API tokens: their rules and their format, in one place (no Django here).

A token reads `htk_<prefix>_<secret>`: `prefix` is 12 random hex digits that name the token (shown
in the list, used to look it up; not secret), `secret` is 256 random bits in base64url. Only the
SHA-256 of the secret is stored. A slow hash (Argon2, PBKDF2) is for passwords, which people choose
from a small space that a stolen table lets an attacker search offline; a 256-bit random secret has
no such space (2^256 guesses whatever the hash costs), so one fast hash is as safe, and every API
request can afford it (Argon2id at our password parameters would cost each call 19 MiB and tens of
milliseconds).
"""

from __future__ import annotations

import enum
import hashlib
import re
import secrets
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

TOKEN_KIND = "htk"  # noqa: S105 - the visible kind, not a secret
PREFIX_HEX_DIGITS = 12
SECRET_BYTES = 32
NAME_MAX_LENGTH = 64
TOKENS_PER_USER = 20
# A token may be given a lifetime of 1 to this many days, or none (it lives until revoked).
LIFETIME_MAX_DAYS = 366
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION_SECONDS = 60

_FORMAT = re.compile(
    rf"^{TOKEN_KIND}_(?P<prefix>[0-9a-f]{{{PREFIX_HEX_DIGITS}}})_(?P<secret>[A-Za-z0-9_-]{{43}})$"
)

MESSAGE_TOKEN_INVALID = _("This API token is not valid (revoked, mistyped or unknown).")
MESSAGE_TOKEN_READ_ONLY = _("This API token is read-only: it cannot change anything.")
MESSAGE_TOKEN_LIMIT = format_lazy(
    _("You can have at most {limit} API tokens. Revoke one first."), limit=TOKENS_PER_USER
)


class Scope(enum.StrEnum):
    READ = "read"
    READ_WRITE = "read_write"


SCOPE_LABELS = {Scope.READ: _("Read only"), Scope.READ_WRITE: _("Read and write")}


@dataclass(frozen=True)
class NewToken:
    """A token as made: `value` is shown to its owner once; only `prefix` and `digest` are kept."""

    prefix: str
    digest: str
    value: str


@dataclass(frozen=True)
class Presented:
    """What a request's token says: which token it claims to be, and the digest of its secret."""

    prefix: str
    digest: str


def secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_new() -> NewToken:
    prefix = secrets.token_hex(PREFIX_HEX_DIGITS // 2)
    secret = secrets.token_urlsafe(SECRET_BYTES)
    return NewToken(
        prefix=prefix, digest=secret_digest(secret), value=f"{TOKEN_KIND}_{prefix}_{secret}"
    )


def token_parse(value: str) -> Presented | None:
    """The prefix and secret digest of a token in our format; None for anything else."""
    match = _FORMAT.match(value)
    if match is None:
        return None
    return Presented(prefix=match["prefix"], digest=secret_digest(match["secret"]))


def display_prefix(prefix: str) -> str:
    """What the list shows (and what a token's value starts with)."""
    return f"{TOKEN_KIND}_{prefix}"
