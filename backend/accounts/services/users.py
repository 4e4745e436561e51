"""Writes on an account by its signed-in owner: settings, password, deletion."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services.api_tokens import api_tokens_revoke_all
from accounts.services.sessions import user_sessions_end
from accounts.throttling import SignInClient, guarded
from accounts.time_zones import validate_time_zone

MESSAGE_EMAIL_TAKEN = _("An account with this email address already exists.")
MESSAGE_WRONG_PASSWORD = _("The password is not correct.")
MESSAGE_DAY_START_RANGE = _("The day start hour must be between 0 and 23.")
MESSAGE_UNKNOWN_LANGUAGE = _("Choose one of the languages offered: en, es or de.")


def password_policy_check(*, password: str, user: User, field: str) -> None:
    """The password policy (accounts.passwords, through AUTH_PASSWORD_VALIDATORS) for `field`."""
    try:
        password_validation.validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


@transaction.atomic
def user_signed_in(*, user: User, time_zone: str | None) -> User:
    """After a sign-in from a browser in `time_zone` (None: not said). The local demo account
    (settings.DEMO_DATA) takes that zone: it is made in UTC and tried from anywhere, and its days
    should be the visitor's. Any other account keeps its own (Settings offers the device's)."""
    demo = getattr(settings, "DEMO_DATA", False) and user.email == settings.DEMO_EMAIL
    if demo and time_zone and time_zone != user.time_zone:
        return user_update_settings(user=user, time_zone=time_zone)
    return user


def user_update_settings(
    *,
    user: User,
    time_zone: str | None = None,
    day_start_hour: int | None = None,
    language: str | None = None,
) -> User:
    if time_zone is not None:
        validate_time_zone(time_zone)
        user.time_zone = time_zone
    if day_start_hour is not None:
        if not 0 <= day_start_hour <= 23:
            raise ValidationError({"day_start_hour": [MESSAGE_DAY_START_RANGE]})
        user.day_start_hour = day_start_hour
    if language is not None:
        if language not in dict(settings.LANGUAGES):
            raise ValidationError({"language": [MESSAGE_UNKNOWN_LANGUAGE]})
        user.language = language
    user.save(update_fields=["time_zone", "day_start_hour", "language"])
    return user


def user_password_confirm(
    *, user: User, password: str, client: SignInClient, field: str = "password"
) -> None:
    """Check the signed-in user's password again before a sensitive change, through the sign-in
    guard (a 429 when refused): a stolen session cannot guess its way to the password."""
    allowed = guarded(
        client=client,
        user_id=user.pk,
        email_key=user.email_key,
        check=lambda: user.check_password(password),
    )
    if not allowed:
        raise ValidationError({field: [MESSAGE_WRONG_PASSWORD]})


@transaction.atomic
def user_change_password(
    *, user: User, current_password: str, new_password: str, client: SignInClient
) -> User:
    user_password_confirm(
        user=user, password=current_password, client=client, field="current_password"
    )
    password_policy_check(password=new_password, user=user, field="new_password")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    api_tokens_revoke_all(user=user)
    return user


@transaction.atomic
def user_delete(*, user: User, password: str, client: SignInClient) -> None:
    """Delete the account, its sessions on every device and, through the foreign keys' cascades,
    every row that belonged to it."""
    user_password_confirm(user=user, password=password, client=client)
    user_sessions_end(user=user)
    user.delete()
