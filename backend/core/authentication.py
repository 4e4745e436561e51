from typing import Any

from rest_framework import authentication
from rest_framework.request import Request


class SessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication with two changes the product relies on.

    - CSRF is checked on every unsafe request, signed in or not (DRF checks it only for signed-in
      users, which leaves register and login open to login CSRF).
    - A request that is not signed in gets 401, not 403: the SPA reads 401 as "send the user to sign
      in" and 403 as "signed in, but refused". DRF answers 401 only when the authenticator names a
      WWW-Authenticate scheme.
    """

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        # The check reads the form body of a POST; give it Django's request, as the CSRF middleware
        # would, so it never runs the view's parsers (a JSON body sent to a multipart-only view
        # must end as 401 for a stranger, not 415).
        self.enforce_csrf(request._request)  # type: ignore[arg-type]
        user = getattr(request._request, "user", None)
        if not user or not user.is_active:
            return None
        return (user, None)

    def authenticate_header(self, request: Request) -> str:
        return 'Session realm="api"'
