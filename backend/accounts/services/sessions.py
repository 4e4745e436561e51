"""Which sessions belong to whom, so they can be ended together."""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.utils import timezone

from accounts.models import User, UserSession


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
