"""Sending a ready Web Push request: straight to the push service locally, through the relay
function in AWS (the sender runs in the VPC without a NAT gateway; backend/push_relay.py runs
outside it). Also which endpoints a subscription may name, and the server's VAPID identity.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext

from habits import rules

if TYPE_CHECKING:  # cryptography loads on the first push, not at a cold start of every request
    from habits.reminding.webpush import PushRequest, Vapid

TIMEOUT_SECONDS = 10
STATUS_UNREACHABLE = 0  # no answer: a network error, a timeout, a relay that failed


def vapid() -> Vapid | None:
    """The server's VAPID identity, None when push is not configured."""
    private_key = getattr(settings, "VAPID_PRIVATE_KEY", "") or ""
    if not private_key:
        return None
    return _vapid(private_key, getattr(settings, "VAPID_SUBJECT", "") or "")


@lru_cache(maxsize=2)
def _vapid(private_key: str, subject: str) -> Vapid:
    from habits.reminding.webpush import Vapid

    identity = Vapid.from_settings(private_key, subject)
    configured = getattr(settings, "VAPID_PUBLIC_KEY", "") or ""
    if configured and configured.rstrip("=") != identity.public_key:
        raise ValueError("VAPID_PUBLIC_KEY is not the public half of VAPID_PRIVATE_KEY")
    return identity


def public_key() -> str | None:
    identity = vapid()
    return None if identity is None else identity.public_key


def endpoint_problem(endpoint: str) -> str | None:
    """Why a subscription may not name `endpoint` (None when it may): https and a known push
    service, unless PUSH_ALLOW_ANY_ENDPOINT (local and test settings only)."""
    try:
        parts = urlsplit(endpoint)
        host = parts.hostname or ""
    except ValueError:
        return gettext(rules.MESSAGE_PUSH_ENDPOINT)
    if getattr(settings, "PUSH_ALLOW_ANY_ENDPOINT", False):
        return (
            None
            if parts.scheme in {"http", "https"} and host
            else gettext(rules.MESSAGE_PUSH_ENDPOINT)
        )
    if parts.scheme != "https" or not rules.push_host_allowed(host):
        return gettext(rules.MESSAGE_PUSH_ENDPOINT)
    return None


def push_post(request: PushRequest) -> int:
    """Deliver one push; the push service's HTTP status (201 on success, 404/410 when the
    subscription is gone), STATUS_UNREACHABLE without an answer."""
    if endpoint_problem(request.endpoint) is not None:
        return STATUS_UNREACHABLE
    relay = getattr(settings, "PUSH_RELAY_FUNCTION", "") or ""
    if relay:
        return _through_relay(relay, request)
    return _direct(request)


def _direct(request: PushRequest) -> int:
    outgoing = urllib.request.Request(  # noqa: S310 - the scheme is checked by endpoint_problem
        request.endpoint, data=request.body, headers=request.headers, method="POST"
    )
    try:
        with urllib.request.urlopen(outgoing, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (urllib.error.URLError, TimeoutError, OSError):
        return STATUS_UNREACHABLE


@lru_cache(maxsize=1)
def _lambda_client() -> Any:
    import boto3  # imported here: only AWS sends through the relay
    from botocore.config import Config

    # The relay waits at most TIMEOUT_SECONDS for the push service. A retried invocation may push
    # twice; the push service replaces a pending message of the same Topic and the browser a
    # notification of the same tag.
    return boto3.client(
        "lambda",
        config=Config(
            connect_timeout=3, read_timeout=TIMEOUT_SECONDS + 5, retries={"max_attempts": 2}
        ),
    )


def _through_relay(function: str, request: PushRequest) -> int:
    try:
        answer = _lambda_client().invoke(
            FunctionName=function,
            InvocationType="RequestResponse",
            Payload=json.dumps(request.relay_event()).encode(),
        )
        if answer.get("FunctionError"):
            return STATUS_UNREACHABLE
        return int(json.loads(answer["Payload"].read())["status"])
    except Exception:  # noqa: BLE001 - any failure of the relay is one undelivered push
        return STATUS_UNREACHABLE
