"""Personal API tokens (accounts.api_tokens has the format and the rules): create one (its value
is returned once and never stored), revoke one, revoke them all, and sign a request in with one.

Tokens are ended with every other credential a stolen session could have left behind: a password
change or reset revokes them all (as it ends the other sessions), and deleting the account deletes
them with it.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from accounts import api_tokens, mails
from accounts.models import ApiToken, User
from accounts.throttling import api_token_guarded

PREFIX_ATTEMPTS = 3


@dataclass(frozen=True)
class CreatedToken:
    """A new token's row and its value, shown to its owner this once."""

    token: ApiToken
    value: str


@transaction.atomic
def api_token_create(
    *,
    user: User,
    name: str,
    scope: api_tokens.Scope,
    site_url: str,
    lifetime_days: int | None = None,
) -> CreatedToken:
    """A new token; its owner is told by mail (a stolen session must not add one unnoticed)."""
    # The user's row is locked so two parallel creations cannot both pass the count.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if ApiToken.objects.filter(user=user).count() >= api_tokens.TOKENS_PER_USER:
        raise ValidationError({"non_field_errors": [api_tokens.MESSAGE_TOKEN_LIMIT]})
    expires_at = (
        timezone.now() + timedelta(days=lifetime_days) if lifetime_days is not None else None
    )
    token, new = _insert(user=user, name=name, scope=scope, expires_at=expires_at)
    mails.mail_api_token_created(
        to=user.email,
        name=name,
        access=api_tokens.SCOPE_LABELS[scope],
        link=mails.link(site_url, mails.PAGE_SETTINGS),
        language=user.language,
    )
    return CreatedToken(token=token, value=new.value)


def _insert(**fields: object) -> tuple[ApiToken, api_tokens.NewToken]:
    """The row of a new token; a taken 48-bit prefix (a collision) draws again, a few times."""
    for _ in range(PREFIX_ATTEMPTS - 1):
        new = api_tokens.token_new()
        try:
            with transaction.atomic():
                return ApiToken.objects.create(prefix=new.prefix, digest=new.digest, **fields), new
        except IntegrityError:
            continue
    new = api_tokens.token_new()
    return ApiToken.objects.create(prefix=new.prefix, digest=new.digest, **fields), new


def api_token_revoke(*, user: User, token_id: int) -> None:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise Http404


def api_tokens_revoke_all(*, user: User) -> None:
    ApiToken.objects.filter(user=user).delete()


def api_token_use(*, value: str, address: str) -> ApiToken | None:
    """The live token `value` is, with its user, or None (unknown, revoked, expired, malformed, or
    its user deactivated); throttled per client address (accounts.throttling.api_token_guarded).

    The secret's digest is compared in constant time. The token's last use is written at most once
    per LAST_USED_RESOLUTION_SECONDS, by a conditional update, so a busy script is not a write per
    request.
    """

    def lookup() -> ApiToken | None:
        presented = api_tokens.token_parse(value)
        if presented is None:
            return None
        token = ApiToken.objects.select_related("user").filter(prefix=presented.prefix).first()
        if token is None or not hmac.compare_digest(token.digest, presented.digest):
            return None
        if token.expires_at is not None and token.expires_at <= timezone.now():
            return None
        return token if token.user.is_active else None

    token = api_token_guarded(address=address, check=lookup)
    if token is not None:
        _touch(token)
    return token


def _touch(token: ApiToken) -> None:
    now = timezone.now()
    stale = now - timedelta(seconds=api_tokens.LAST_USED_RESOLUTION_SECONDS)
    if token.last_used_at is not None and token.last_used_at > stale:
        return
    ApiToken.objects.filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale), pk=token.pk
    ).update(last_used_at=now)
    token.last_used_at = now
