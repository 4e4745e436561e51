"""API tokens on the wire: `Authorization: Bearer htk_...` signs a request to the habits API in.

Only views built on `TokenOrSessionApi` accept a token (the habits and entries API); every other
view keeps the session alone (core.authentication), so a token can never reach the account's own
management (password, address, passkeys, tokens, deletion). A token skips the CSRF check: CSRF
exists because a browser attaches cookies to requests any page can send, and no browser attaches
a bearer token by itself. A request that sends one is decided by it: a bad one is a 401 with
`WWW-Authenticate: Bearer ... error="invalid_token"` (RFC 6750), never a fall back to the session.

The token's user is read with the token, in the same query, not from the signed-in user cache
(accounts.backends): a deactivated account's tokens stop at once, and that cache, dropped on every
save of the user, is neither read nor filled by token requests.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import authentication, exceptions, permissions, throttling
from rest_framework.request import Request
from rest_framework.views import APIView

from accounts import api_tokens
from accounts.models import ApiToken
from accounts.services import api_token_use
from accounts.throttling import client_address
from core.authentication import SessionAuthentication

KEYWORD = "bearer"


def _bearer(request: Request) -> str | None:
    """The credentials of a Bearer Authorization header; None when the request has none."""
    scheme, _, credentials = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    return credentials.strip() if scheme.lower() == KEYWORD else None


class BearerTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        value = _bearer(request)
        if value is None:
            return None
        token = api_token_use(value=value, address=client_address(request._request))
        if token is None:
            raise exceptions.AuthenticationFailed(api_tokens.MESSAGE_TOKEN_INVALID)
        return (token.user, token)

    def authenticate_header(self, request: Request) -> str:
        if _bearer(request) is not None:
            return 'Bearer realm="api", error="invalid_token"'
        return 'Bearer realm="api"'


class TokenScope(permissions.BasePermission):
    """A read-only token may read (GET, HEAD, OPTIONS) and nothing else."""

    message = api_tokens.MESSAGE_TOKEN_READ_ONLY

    def has_permission(self, request: Request, view: APIView) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken) or request.method in permissions.SAFE_METHODS:
            return True
        return token.scope == api_tokens.Scope.READ_WRITE


class ApiTokenThrottle(throttling.SimpleRateThrottle):
    """Requests per token (API_TOKEN_RATE, e.g. "120/minute"); session requests are not counted."""

    scope = "api_token"

    def get_rate(self) -> str:
        return str(settings.API_TOKEN_RATE)

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        token = request.auth
        return f"throttle:api_token:{token.pk}" if isinstance(token, ApiToken) else None


class TokenOrSessionApi(APIView):
    # The base of every view an API token may call; the rest of the API is session-only. (A comment,
    # not a docstring: drf-spectacular would print a docstring as every subclass's description.)

    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated, TokenScope]
    throttle_classes = [ApiTokenThrottle]
