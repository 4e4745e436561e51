"""The push relay: a tiny Lambda function outside the VPC that POSTs one ready Web Push request.

The reminder sender runs inside the VPC (it needs the database) without a NAT gateway, so it
cannot reach the browsers' push services. It encrypts and signs each message itself
(habits.reminding.webpush) and invokes this function synchronously with
`{"endpoint": "https://...", "headers": {...}, "body_b64": "..."}`; the answer is
`{"status": <the push service's HTTP status>}` (0 when it could not be reached), so a 404 or 410
lets the sender delete the subscription.

Standard library only (no layer, no packaging). It holds no secret and reads no data: it can only
POST an already encrypted body to a push service. Endpoints must be https on a known push
service's host (the same list as habits.rules.PUSH_SERVICE_HOSTS); only the headers a push needs
pass; redirects are not followed. `PUSH_RELAY_ALLOW_HTTP=true` lets the tests use a local http
endpoint; it is ignored inside Lambda.
"""

from __future__ import annotations

import base64
import binascii
import os
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

PUSH_SERVICE_HOSTS = (
    "googleapis.com",
    "push.services.mozilla.com",
    "push.apple.com",
    "notify.windows.com",
)
ALLOWED_HEADERS = {"authorization", "content-encoding", "content-type", "ttl", "urgency", "topic"}
MAX_BODY_BYTES = 4096
MAX_ENDPOINT_LENGTH = 1000
TIMEOUT_SECONDS = 10


class RefusedError(ValueError):
    """The event is not a push this relay sends (raised: the invoker sees a FunctionError)."""


def handler(event: Any, context: Any) -> dict[str, int]:
    endpoint, headers, body = _checked(event)
    request = urllib.request.Request(endpoint, data=body, headers=headers, method="POST")  # noqa: S310
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return {"status": int(response.status)}
    except urllib.error.HTTPError as error:
        return {"status": int(error.code)}
    except (urllib.error.URLError, TimeoutError, OSError):
        return {"status": 0}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect is answered with its own status


def _allow_http() -> bool:
    in_lambda = bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))
    flag = os.environ.get("PUSH_RELAY_ALLOW_HTTP", "").lower() in {"1", "true", "yes"}
    return flag and not in_lambda


def _checked(event: Any) -> tuple[str, dict[str, str], bytes]:
    if not isinstance(event, dict):
        raise RefusedError("the event must be an object")
    endpoint = event.get("endpoint")
    headers = event.get("headers")
    body_b64 = event.get("body_b64")
    if not isinstance(endpoint, str) or len(endpoint) > MAX_ENDPOINT_LENGTH:
        raise RefusedError("endpoint must be a URL")
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError as error:
        raise RefusedError("endpoint must be a URL") from error
    if _allow_http() and parts.scheme in {"http", "https"} and host:
        pass
    elif parts.scheme != "https" or not any(host.endswith("." + k) for k in PUSH_SERVICE_HOSTS):
        raise RefusedError("endpoint is not a known push service over https")
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.lower() in ALLOWED_HEADERS
        for k, v in headers.items()
    ):
        raise RefusedError(f"headers must be strings among {sorted(ALLOWED_HEADERS)}")
    if any("\r" in v or "\n" in v for v in headers.values()):
        raise RefusedError("header values must be one line")
    if not isinstance(body_b64, str):
        raise RefusedError("body_b64 must be base64")
    try:
        body = base64.b64decode(body_b64, validate=True)
    except (binascii.Error, ValueError) as error:
        raise RefusedError("body_b64 must be base64") from error
    if len(body) > MAX_BODY_BYTES:
        raise RefusedError(f"a push body holds at most {MAX_BODY_BYTES} bytes")
    return endpoint, headers, body
