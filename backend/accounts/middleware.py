"""Gives a browser its device cookie when someone signs in on it (accounts.throttling says why).

Every sign-in, whichever view does it (API, admin, passkey, a confirmed sign-up or password reset),
goes through Django's `login()`, whose signal marks the request (`accounts.signals`); this
middleware then sets the signed cookie on the response.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from accounts.throttling import DEVICE_COOKIE_SALT, device_to_issue


class DeviceCookieMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        device = device_to_issue(request)
        if device is not None:
            response.set_signed_cookie(
                settings.DEVICE_COOKIE_NAME,
                device.cookie_value(),
                salt=DEVICE_COOKIE_SALT,
                max_age=settings.DEVICE_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Strict",
                path="/",
            )
        return response
