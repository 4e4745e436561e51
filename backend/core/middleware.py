"""Request logging: one structured line per request, carrying the request id."""

from __future__ import annotations

import hmac
import threading
import time
import uuid
from collections.abc import Callable

import structlog
from corsheaders.middleware import CorsMiddleware as LibraryCorsMiddleware
from django.conf import settings
from django.contrib.messages.middleware import MessageMiddleware
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject, empty

from core import logging as structured_logging
from core.errors import origin_refused_response, request_too_large_response
from core.languages import accepted_language

REQUEST_LOGGER = "core.request"
log = structlog.get_logger(REQUEST_LOGGER)

REQUEST_ID_HEADER = "X-Request-ID"
# Where config.urls mounts the admin (DJANGO_ADMIN_ENABLED); Django's messages serve only there.
ADMIN_PREFIX = "/admin/"


def add_vary(response: HttpResponseBase, header: str) -> None:
    """`patch_vary_headers(response, (header,))`, without its parsing when the response has no
    Vary header yet (as most have when the innermost middleware adds one)."""
    if response.has_header("Vary"):
        patch_vary_headers(response, (header,))
    else:
        response.headers["Vary"] = header


def request_id_for(request: HttpRequest) -> str:
    """Lambda's request id when running under Mangum, else the caller's header, else a new one."""
    scope = getattr(request, "scope", None) or {}
    context = scope.get("aws.context")
    aws_request_id = getattr(context, "aws_request_id", None)
    if aws_request_id:
        return str(aws_request_id)
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if 0 < len(incoming) <= 64 and incoming.replace("-", "").isalnum():
        return incoming
    return uuid.uuid4().hex


def resolved_user(request: HttpRequest) -> object:
    """`request.user` itself, not the lazy object AuthenticationMiddleware puts in its place
    (resolving it, if not done yet): each attribute read through that proxy costs about as much
    as a small function call, and a view that reads the user's fields a dozen times pays it each
    time."""
    user = request.user
    if isinstance(user, SimpleLazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


def resolved_user_id(request: HttpRequest) -> int | None:
    """The user's id if the request already looked the user up; never a query of its own.

    Resolving the lazy user here would run one more database query per request that did not need
    the user, and during a database outage it would wait out the pool's timeout a second time.
    """
    user = request.__dict__.get("user")
    if isinstance(user, SimpleLazyObject):
        user = user._wrapped
        if user is empty:
            return None
    pk = getattr(user, "pk", None)
    return pk if isinstance(pk, int) else None


class RequestLogMiddleware:
    """Logs method, path, status and duration; never bodies, cookies, headers or query strings."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request)
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 2)
        structured_logging.info(
            REQUEST_LOGGER,
            "request",
            method=request.method,
            path=request.path,
            status=response.status_code,
            duration_ms=duration_ms,
            user_id=resolved_user_id(request),
        )
        response[REQUEST_ID_HEADER] = request_id
        structlog.contextvars.clear_contextvars()
        return response


class RequestSizeMiddleware:
    """Refuses a body whose declared length is over REQUEST_MAX_BYTES before anything reads it
    (the ASGI handler also stops reading an undeclared one there)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.REQUEST_MAX_BYTES:
            return request_too_large_response(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        return self.get_response(request)


class OriginVerifyMiddleware:
    """Only requests that came through CloudFront reach the app (when ORIGIN_VERIFY_VALUES is set).

    API Gateway's own endpoint is public: a caller going straight to it would skip the WAF and
    CloudFront, and could set any client-address header. CloudFront adds ORIGIN_VERIFY_HEADER with
    the origin secret's current value to every request it forwards; during a rotation the previous
    value is still accepted. With ORIGIN_VERIFY_SOURCE (a function reading the secret, in AWS) the
    values are read again every REFRESH_SECONDS, and at most every MISMATCH_RELOAD_SECONDS when a
    request does not match, so a rotation reaches warm instances without refusing what CloudFront
    sends; a failed read keeps the values already known.
    """

    REFRESH_SECONDS = 300
    MISMATCH_RELOAD_SECONDS = 60

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = settings.ORIGIN_VERIFY_HEADER
        # Read from META, as request.headers would (which builds a dict of every header first).
        self.meta_key = "HTTP_" + self.header.upper().replace("-", "_")
        self.source: Callable[[], tuple[str, ...]] | None = getattr(
            settings, "ORIGIN_VERIFY_SOURCE", None
        )
        self.values = tuple(value.encode() for value in settings.ORIGIN_VERIFY_VALUES)
        self.loaded_at = time.monotonic()
        self.lock = threading.Lock()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.values and not self.accepts(request.META.get(self.meta_key, "").encode()):
            return origin_refused_response()
        return self.get_response(request)

    def accepts(self, given: bytes) -> bool:
        if self.source is not None and time.monotonic() - self.loaded_at > self.REFRESH_SECONDS:
            self.reload()
        if self.matches(given):
            return True
        if self.source is not None and (
            time.monotonic() - self.loaded_at > self.MISMATCH_RELOAD_SECONDS
        ):
            self.reload()
            return self.matches(given)
        return False

    def matches(self, given: bytes) -> bool:
        # Every value is compared, in constant time, whichever matches.
        results = [hmac.compare_digest(given, value) for value in self.values]
        return any(results)

    def reload(self) -> None:
        assert self.source is not None
        with self.lock:
            self.loaded_at = time.monotonic()
            try:
                values = self.source()
            except Exception as error:  # noqa: BLE001 - keep serving with the known values
                log.warning("origin_secret_reload_failed", error=type(error).__name__)
                return
            if values:
                self.values = tuple(value.encode() for value in values)


class CorsMiddleware(LibraryCorsMiddleware):
    """django-cors-headers' middleware, answering the requests without an Origin header (the SPA's
    same-origin reads) without its machinery: they get what the library gives them, `Vary: origin`
    on the CORS paths and nothing else. Preflights (OPTIONS) and requests with an Origin take the
    library's own path."""

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if "HTTP_ORIGIN" in request.META or request.method == "OPTIONS":
            return super().__call__(request)  # type: ignore[return-value]
        response = self.get_response(request)
        assert isinstance(response, HttpResponseBase)
        if self.is_enabled(request):
            add_vary(response, "origin")
        return response


class LocaleMiddleware:
    """Answers each request in the language its Accept-Language header asks for (core.languages).

    In place of Django's LocaleMiddleware, which also reads a language cookie and URL prefixes this
    product does not use, and leaves the language active on the thread after the response: here it
    is active while the request is handled and rendered, then the previous one is back, so a
    request's language never leaks into what the thread runs next (the reminder sender, a test).
    The user is not loaded for it (User.language is for mail and pushes sent outside a request).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = accepted_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        request.LANGUAGE_CODE = language
        if language == translation.get_language():
            # Active already (the default, for most requests): nothing to switch or switch back.
            response = self.get_response(request)
        else:
            with translation.override(language):
                response = self.get_response(request)
        add_vary(response, "Accept-Language")
        response.headers.setdefault("Content-Language", language)
        return response


class AdminMessageMiddleware(MessageMiddleware):
    """Django's messages (the flash notes after a save), for the admin only.

    Nothing but the admin shows them, and Django's middleware made their storage (a cookie store
    and a session store behind a fallback) for every API request too. The admin's system check
    accepts this subclass in MESSAGE_MIDDLEWARE's place. Requests outside the admin get no
    `request._messages`, which Django's own process_response already allows for.
    """

    def process_request(self, request: HttpRequest) -> None:
        if request.path_info.startswith(ADMIN_PREFIX):
            super().process_request(request)
