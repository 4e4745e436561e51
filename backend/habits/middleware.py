"""The cached habit list, answered before the rest of the middleware chain.

The list is what every visit opens, and most of its requests are answered from the cache
(habits.apis.signed_in_list). For such a request, the middleware after this one and Django's view
machinery decide nothing: no CORS (no Origin), no redirect, no CSRF check (a GET), no new cookie,
no admin messages; yet their wrappers, the URL resolution and the view's own dispatch cost a
request about 6 % of its CPU (callgrind, the bench's cached list: 3.31 M instructions a request
through the chain, 3.12 M answered here).

So this middleware runs the very hooks of those middleware, in the chain's order, around
`signed_in_list`, and answers with what the chain would have answered: the session's, CSRF's,
Common's (the Host check, Content-Length), the authentication's, X-Frame-Options', the language's
Vary and Content-Language, and CORS's Vary. Whatever it does not answer (not a plain GET of the
list from a browser, an Origin header, a list not cached, a session not signed in, a refused Host
or a redirect) goes down the chain as before. The hooks run here only read (the Host, the CSRF
cookie, the session and the user), and the chain keeps the session loaded here
(`KeptSessionMiddleware`) and the user resolved here (Django's own `request._cached_user`)
instead of loading them again: a list that must be rendered costs no second read of them.
An error while answering is turned into a response as the chain would (Django's
`response_for_exception`, in the request's language) and gets the same hooks.

It stands in for exactly the middleware listed in `STANDS_IN_FOR`, in that order, after it; it
refuses to start (ImproperlyConfigured) when settings.MIDDLEWARE differs, so a change of the chain
has to look at it again. habits/tests/test_list_view.py holds its answers against the chain's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import DisallowedHost, ImproperlyConfigured
from django.core.handlers.exception import response_for_exception
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.common import CommonMiddleware
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import get_script_prefix, reverse
from django.utils import translation

from core.languages import accepted_language
from core.middleware import CorsMiddleware, add_vary
from core.negotiation import JSON

NAME = "habits.middleware.CachedListMiddleware"
# The tail of settings.MIDDLEWARE this middleware answers for, written out on purpose: __init__
# compares the two, so a change to the chain fails at start-up until this file is looked at.
STANDS_IN_FOR = (
    "core.middleware.CorsMiddleware",
    "habits.middleware.KeptSessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Sets its cookie only after a sign-in (accounts.middleware), which reading the list never is.
    "accounts.middleware.DeviceCookieMiddleware",
    # Serves the admin only (core.middleware.AdminMessageMiddleware).
    "core.middleware.AdminMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
)


class KeptSessionMiddleware(SessionMiddleware):
    """Django's, keeping the session CachedListMiddleware has loaded when it leaves the request to
    the chain."""

    def process_request(self, request: HttpRequest) -> None:
        if "session" not in request.__dict__:
            super().process_request(request)


class CachedListMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        middleware = list(settings.MIDDLEWARE)
        after = tuple(middleware[middleware.index(NAME) + 1 :]) if NAME in middleware else ()
        if after != STANDS_IN_FOR:
            raise ImproperlyConfigured(
                f"{NAME} answers as the middleware after it would, and knows only this chain "
                f"after it: {', '.join(STANDS_IN_FOR)}."
            )
        if settings.SESSION_SAVE_EVERY_REQUEST:
            raise ImproperlyConfigured(f"{NAME} does not save the session on every request.")
        # Only their hooks are called, never their own chains.
        self.session = SessionMiddleware(get_response)
        self.common = CommonMiddleware(get_response)
        self.csrf = CsrfViewMiddleware(get_response)
        self.auth = AuthenticationMiddleware(get_response)
        self.xframe = XFrameOptionsMiddleware(get_response)
        self.cors = CorsMiddleware(get_response)

    @functools.cached_property
    def path(self) -> str:
        """The list's path as request.path_info has it (without the script prefix)."""
        path = reverse("habits:habit-list")
        return "/" + path.removeprefix(get_script_prefix())

    @functools.cached_property
    def allow(self) -> str:
        """The Allow header of DRF's answer."""
        from habits.apis import HabitListApi

        probe = HabitListApi()
        probe.setup(HttpRequest())  # as Django does per request: HEAD is answered by get
        return ", ".join(probe.allowed_methods)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        from habits import apis  # the view's module, imported with the URLconf

        if (
            request.path_info != self.path
            or "HTTP_ORIGIN" in request.META  # CORS's own path
            or not apis.takes_browser_path(request)
        ):
            return self.get_response(request)
        return self.answer(request, apis.signed_in_list) or self.get_response(request)

    def answer(
        self, request: HttpRequest, signed_in_list: Callable[[HttpRequest], bytes | None]
    ) -> HttpResponseBase | None:
        """The chain's answer when the list is cached for a signed-in session; None otherwise."""
        self.session.process_request(request)
        try:
            if self.common.process_request(request) is not None:
                return None  # a redirect: the chain's
        except DisallowedHost:
            return None  # the chain's 400
        language = accepted_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        request.LANGUAGE_CODE = language
        response: HttpResponse
        try:
            self.csrf.process_request(request)
            self.auth.process_request(request)
            body = signed_in_list(request)
        except Exception as error:  # noqa: BLE001 - answered as Django's handler answers it
            with translation.override(language):
                response = response_for_exception(request, error)
        else:
            if body is None:
                return None
            response = HttpResponse(body, content_type=JSON)
            response["Allow"] = self.allow
        # The response's way back up the chain, innermost first.
        response = self.xframe.process_response(request, response)
        response = cast(HttpResponse, self.csrf.process_response(request, response))
        response = cast(HttpResponse, self.common.process_response(request, response))
        add_vary(response, "Accept-Language")
        response.headers.setdefault("Content-Language", language)
        response = self.session.process_response(request, response)
        if self.cors.is_enabled(request):
            add_vary(response, "origin")
        return response
