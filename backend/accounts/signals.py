"""Keep accounts.UserSession in step with sign-ins and sign-outs, whichever view does them, and give
every browser that signs in its device cookie (accounts.middleware sets it)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from accounts import services
from accounts.models import User
from accounts.throttling import device_issue


@receiver(user_logged_in)
def record_session(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    device_issue(request, user_id=user.pk)
    if request.session.session_key:
        services.user_session_record(user=user, session_key=request.session.session_key)


@receiver(user_logged_out)
def forget_session(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if request.session.session_key:
        services.user_session_forget(session_key=request.session.session_key)
