"""Writes on accounts. Keyword-only; each runs in one transaction."""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.addresses import canonical_email
from accounts.models import User, UserSession
from accounts.throttling import SignInClient, guarded
from accounts.time_zones import validate_time_zone

MESSAGE_EMAIL_TAKEN = "An account with this email address already exists."
MESSAGE_WRONG_PASSWORD = "The password is not correct."  # noqa: S105 - a message
MESSAGE_DAY_START_RANGE = "The day start hour must be between 0 and 23."


def user_create(*, email: str, password: str, time_zone: str = "UTC") -> User:
    email = canonical_email(email)
    validate_time_zone(time_zone)
    candidate = User(email=email, time_zone=time_zone)
    try:
        password_validation.validate_password(password, user=candidate)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    if User.objects.filter(email_key=email).exists():
        raise ValidationError({"email": [MESSAGE_EMAIL_TAKEN]})
    try:
        with transaction.atomic():
            return User.objects.create_user(email=email, password=password, time_zone=time_zone)
    except IntegrityError:  # a concurrent registration of the same address won the race
        raise ValidationError({"email": [MESSAGE_EMAIL_TAKEN]}) from None


@transaction.atomic
def user_update_settings(
    *, user: User, time_zone: str | None = None, day_start_hour: int | None = None
) -> User:
    if time_zone is not None:
        validate_time_zone(time_zone)
        user.time_zone = time_zone
    if day_start_hour is not None:
        if not 0 <= day_start_hour <= 23:
            raise ValidationError({"day_start_hour": [MESSAGE_DAY_START_RANGE]})
        user.day_start_hour = day_start_hour
    user.save(update_fields=["time_zone", "day_start_hour"])
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
    try:
        password_validation.validate_password(new_password, user=user)
    except ValidationError as error:
        raise ValidationError({"new_password": error.messages}) from None
    user.set_password(new_password)
    user.save(update_fields=["password"])
    return user


@transaction.atomic
def user_delete(*, user: User, password: str, client: SignInClient) -> None:
    """Delete the account, its sessions on every device and, through the foreign keys' cascades,
    every row that belonged to it."""
    user_password_confirm(user=user, password=password, client=client)
    user_sessions_end(user=user)
    user.delete()


def user_session_record(*, user: User, session_key: str) -> None:
    """Remember that `session_key` is signed in as `user`; forget the user's expired sessions."""
    expired = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    UserSession.objects.filter(user=user, created_at__lt=expired).delete()
    UserSession.objects.update_or_create(session_key=session_key, defaults={"user": user})


def user_session_forget(*, session_key: str) -> None:
    UserSession.objects.filter(session_key=session_key).delete()


def user_sessions_end(*, user: User, keep: str | None = None) -> int:
    """End the user's sessions (in the cache and the database), except `keep`; return how many."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(
        UserSession.objects.filter(user=user)
        .exclude(session_key=keep or "")
        .values_list("session_key", flat=True)
    )
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(session_key__in=keys).delete()
    return len(keys)
