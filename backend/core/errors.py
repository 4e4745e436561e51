"""One JSON error shape for the whole API: {"detail": str, "code": str} plus "errors" on 400.

`errors` maps each field to its messages; problems not tied to a field sit under `non_field_errors`.
Django's own error views (404, 500, CSRF failure) answer in the same shape, and a database outage
is a 503, never a 500 or an HTML page.
Messages are translated (lazily: they are read in the language of the request that shows them);
codes never are.
"""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING, Any

import structlog
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler

from core.languages import accepted_language

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as StrPromise

log = structlog.get_logger(__name__)

# Stable codes clients can rely on. Messages live next to them so tests can import both.
CODE_INVALID = "invalid"
CODE_PARSE_ERROR = "parse_error"
CODE_NOT_FOUND = "not_found"
CODE_NOT_AUTHENTICATED = "not_authenticated"
CODE_PERMISSION_DENIED = "permission_denied"
CODE_CSRF_FAILED = "csrf_failed"
CODE_METHOD_NOT_ALLOWED = "method_not_allowed"
CODE_THROTTLED = "throttled"
CODE_SERVER_ERROR = "server_error"
CODE_SERVICE_UNAVAILABLE = "service_unavailable"
CODE_REQUEST_TOO_LARGE = "request_too_large"
CODE_ORIGIN_REFUSED = "origin_not_verified"

MESSAGE_INVALID = _("The request has invalid fields.")
MESSAGE_NOT_FOUND = _("Not found.")
MESSAGE_CSRF_FAILED = _(
    "CSRF check failed: fetch /api/auth/csrf/ and send the csrftoken cookie's value as X-CSRFToken."
)
MESSAGE_SERVER_ERROR = _("Something went wrong on our side. Please try again.")
MESSAGE_SERVICE_UNAVAILABLE = _("The service is temporarily unavailable. Please try again shortly.")
MESSAGE_REQUEST_TOO_LARGE = _("The request body is larger than {limit} bytes.")
MESSAGE_ORIGIN_REFUSED = _("This service answers only through its site.")
MESSAGE_BAD_REQUEST = _("Bad request.")
MESSAGE_PERMISSION_DENIED = _("Permission denied.")

# A database that cannot be reached is often one resuming from a pause: clients retry after this.
RETRY_AFTER_SECONDS = "5"

# Exceptions that mean the database cannot be reached (as opposed to a bug or a constraint), and
# psycopg_pool's PoolTimeout (database_unavailable_errors): psycopg is not imported at a cold start,
# only by the first request that opens a connection.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


class TooManyRequests(Exception):
    """Raised by an app to refuse a request for now: a 429 with Retry-After and `detail` as is.

    `detail` says how long to wait in words (the SPA shows it); DRF's own Throttled would append
    "Expected available in N seconds." to it.
    """

    def __init__(self, *, wait: float, detail: str) -> None:
        super().__init__(detail)
        self.wait = wait
        self.detail = detail


def error_body(
    detail: str | StrPromise, code: str, errors: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"detail": detail, "code": code}
    if errors is not None:
        body["errors"] = errors
    return body


def field_errors(detail: Any) -> dict[str, list[str]]:
    """Flatten DRF's nested error detail into {"field": [messages]} ("a.b" for nested fields)."""
    flat: dict[str, list[str]] = {}

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{prefix}.{key}" if prefix else str(key))
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                if isinstance(inner, dict | list):
                    walk(inner, f"{prefix}.{index}" if prefix else str(index))
                else:
                    flat.setdefault(prefix or "non_field_errors", []).append(str(inner))
        else:
            flat.setdefault(prefix or "non_field_errors", []).append(str(value))

    walk(detail, "")
    return flat


def database_unavailable_errors() -> tuple[type[BaseException], ...]:
    """DATABASE_UNAVAILABLE, plus PoolTimeout once psycopg_pool is loaded: until it is, no pool
    exists that could have raised one."""
    pool = sys.modules.get("psycopg_pool")
    return DATABASE_UNAVAILABLE if pool is None else (*DATABASE_UNAVAILABLE, pool.PoolTimeout)


def is_database_unavailable(error: BaseException | None) -> bool:
    unavailable = database_unavailable_errors()
    return isinstance(error, unavailable) or (
        isinstance(error, DatabaseError) and isinstance(error.__cause__, unavailable)
    )


def service_unavailable() -> dict[str, Any]:
    return error_body(MESSAGE_SERVICE_UNAVAILABLE, CODE_SERVICE_UNAVAILABLE)


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if is_database_unavailable(exc):
        log.error("database_unavailable", error=type(exc).__name__)
        return Response(
            service_unavailable(),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": RETRY_AFTER_SECONDS},
        )
    if isinstance(exc, DjangoValidationError):
        # Services raise Django's ValidationError; it is the client's input all the same.
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(MESSAGE_NOT_FOUND)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, TooManyRequests):
        # Throttled(wait=...) would append "Expected available in N seconds." to the detail.
        throttled = exceptions.Throttled(detail=exc.detail)
        throttled.wait = math.ceil(exc.wait)  # type: ignore[attr-defined]
        exc = throttled

    response = exception_handler(exc, context)
    if response is None:
        return None  # a bug: Django's handler500 answers with the JSON 500
    if not isinstance(exc, exceptions.APIException):
        return response

    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(MESSAGE_INVALID, CODE_INVALID, field_errors(exc.detail))
    elif isinstance(exc, exceptions.ParseError):
        message = str(exc.detail)
        response.data = error_body(message, CODE_PARSE_ERROR, {"non_field_errors": [message]})
    else:
        code = _code_for(exc)
        detail = MESSAGE_CSRF_FAILED if code == CODE_CSRF_FAILED else str(exc.detail)
        response.data = error_body(detail, code)
    return response


def _code_for(exc: exceptions.APIException) -> str:
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        return CODE_NOT_AUTHENTICATED
    if isinstance(exc, exceptions.PermissionDenied):
        return (
            CODE_CSRF_FAILED
            if str(exc.detail).startswith("CSRF Failed")
            else (CODE_PERMISSION_DENIED)
        )
    if isinstance(exc, exceptions.NotFound):
        return CODE_NOT_FOUND
    if isinstance(exc, exceptions.MethodNotAllowed):
        return CODE_METHOD_NOT_ALLOWED
    if isinstance(exc, exceptions.Throttled):
        return CODE_THROTTLED
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


# --- Django's error views, in the same shape ------------------------------------------------------


def json_bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body(MESSAGE_BAD_REQUEST, CODE_INVALID), status=400)


def json_permission_denied(
    request: HttpRequest, exception: Exception | None = None
) -> JsonResponse:
    return JsonResponse(error_body(MESSAGE_PERMISSION_DENIED, CODE_PERMISSION_DENIED), status=403)


def json_not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body(MESSAGE_NOT_FOUND, CODE_NOT_FOUND), status=404)


def json_server_error(request: HttpRequest) -> JsonResponse:
    # Called by Django while handling an uncaught exception, so sys.exc_info() names it.
    if is_database_unavailable(sys.exc_info()[1]):
        response = JsonResponse(service_unavailable(), status=503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
    return JsonResponse(error_body(MESSAGE_SERVER_ERROR, CODE_SERVER_ERROR), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> JsonResponse:
    return JsonResponse(error_body(MESSAGE_CSRF_FAILED, CODE_CSRF_FAILED), status=403)


def request_too_large_response(accept_language: str = "") -> JsonResponse:
    """413 for a body over REQUEST_MAX_BYTES, refused before anything reads it: before
    LocaleMiddleware, so the language comes from the request's Accept-Language header here."""
    with translation.override(accepted_language(accept_language)):
        message = MESSAGE_REQUEST_TOO_LARGE.format(limit=settings.REQUEST_MAX_BYTES)
    return JsonResponse(error_body(message, CODE_REQUEST_TOO_LARGE), status=413)


def origin_refused_response() -> JsonResponse:
    """403 for a request that did not come through CloudFront (core.middleware)."""
    return JsonResponse(error_body(MESSAGE_ORIGIN_REFUSED, CODE_ORIGIN_REFUSED), status=403)
