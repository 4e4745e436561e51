"""Reads on accounts."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from accounts.calendar import user_today as calendar_user_today
from accounts.models import ApiToken, Passkey, User


def user_today(*, user: User, now: datetime | None = None) -> date:
    """The user's current date: their IANA zone, shifted by their day start hour."""
    return calendar_user_today(now or timezone.now(), user.time_zone, user.day_start_hour)


def signed_in_user(request: object) -> User:
    """The request's user, typed; the views that call this require authentication."""
    user = getattr(request, "user", None)
    assert isinstance(user, User)
    return user


def passkey_list(*, user: User) -> QuerySet[Passkey]:
    """The user's passkeys, oldest first."""
    return Passkey.objects.filter(user=user).order_by("created_at", "pk")


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """The user's API tokens, newest first."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")
