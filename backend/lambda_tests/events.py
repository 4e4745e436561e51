"""API Gateway events shaped as API Gateway sends them, and a stand-in for Lambda's context."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

API_ID = "r3pmxmplak"
DOMAIN = f"{API_ID}.execute-api.eu-west-1.amazonaws.com"
# CloudFront forwards /api/* to API Gateway without the viewer's Host, so Django sees API Gateway's
# domain as the host and the site's origin in the Origin header of a browser's unsafe request.
SITE_ORIGIN = "https://habits.example.com"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SOURCE_IP = "203.0.113.10"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


@dataclass
class FakeContext:
    """The attributes of awslambdaric's LambdaContext that the code may read."""

    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    function_name: str = "habit-tracker-staging-api"
    function_version: str = "7"
    invoked_function_arn: str = (
        "arn:aws:lambda:eu-west-1:123456789012:function:habit-tracker-staging-api:live"
    )
    memory_limit_in_mb: int = 1024
    log_group_name: str = "/aws/lambda/habit-tracker-staging-api"
    log_stream_name: str = "2026/11/22/[7]0123456789abcdef"

    def get_remaining_time_in_millis(self) -> int:
        return 29_000


def _body(body: str | bytes | None, base64_encoded: bool) -> tuple[str | None, bool]:
    if body is None:
        return None, False
    raw = body.encode() if isinstance(body, str) else body
    if base64_encoded:
        return base64.b64encode(raw).decode(), True
    return raw.decode(), False


def http_api_event(
    method: str,
    path: str,
    *,
    query: str = "",
    headers: dict[str, str] | None = None,
    cookies: list[str] | None = None,
    body: str | bytes | None = None,
    base64_encoded: bool = False,
    stage: str = "$default",
) -> dict[str, Any]:
    """An HTTP API payload 2.0 event. With a named stage, rawPath starts with /<stage>."""
    raw_path = path if stage == "$default" else f"/{stage}{path}"
    all_headers = {
        "accept": "application/json",
        "accept-encoding": "gzip, deflate, br",
        "host": DOMAIN,
        "user-agent": USER_AGENT,
        "x-amzn-trace-id": "Root=1-673fa0b2-5d3b2c1a0e4f6a7b8c9d0e1f",
        "x-forwarded-for": SOURCE_IP,
        "x-forwarded-port": "443",
        "x-forwarded-proto": "https",
    }
    if body is not None:
        all_headers["content-length"] = str(len(body))
    if method in UNSAFE_METHODS:
        all_headers["origin"] = SITE_ORIGIN
    all_headers.update({name.lower(): value for name, value in (headers or {}).items()})
    encoded, is_base64 = _body(body, base64_encoded)
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": raw_path,
        "rawQueryString": query,
        "headers": all_headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": API_ID,
            "domainName": DOMAIN,
            "domainPrefix": API_ID,
            "http": {
                "method": method,
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": SOURCE_IP,
                "userAgent": USER_AGENT,
            },
            "requestId": "BpNf2hS1joEEJgQ=",
            "routeKey": "$default",
            "stage": stage,
            "time": "22/Nov/2026:08:30:00 +0000",
            "timeEpoch": 1795336200000,
        },
        "isBase64Encoded": is_base64,
    }
    if cookies:
        event["cookies"] = cookies
    if query:
        event["queryStringParameters"] = {
            name: ",".join(values) for name, values in parse_qs(query).items()
        }
    if encoded is not None:
        event["body"] = encoded
    return event


def rest_api_event(
    method: str,
    path: str,
    *,
    query: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
    body: str | bytes | None = None,
    base64_encoded: bool = False,
    stage: str = "prod",
) -> dict[str, Any]:
    """A REST API (payload 1.0) proxy event: headers as sent, plus their multi-value copy."""
    all_headers = {
        "Accept": "application/json",
        "Host": DOMAIN,
        "User-Agent": USER_AGENT,
        "X-Forwarded-For": SOURCE_IP,
        "X-Forwarded-Port": "443",
        "X-Forwarded-Proto": "https",
    }
    if body is not None:
        all_headers["Content-Length"] = str(len(body))
    if method in UNSAFE_METHODS:
        all_headers["Origin"] = SITE_ORIGIN
    all_headers.update(headers or {})
    encoded, is_base64 = _body(body, base64_encoded)
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": method,
        "headers": all_headers,
        "multiValueHeaders": {name: [value] for name, value in all_headers.items()},
        "queryStringParameters": (
            {name: values[-1] for name, values in query.items()} if query else None
        ),
        "multiValueQueryStringParameters": query or None,
        "pathParameters": {"proxy": path.lstrip("/")},
        "stageVariables": None,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": API_ID,
            "domainName": DOMAIN,
            "httpMethod": method,
            "identity": {"sourceIp": SOURCE_IP, "userAgent": USER_AGENT},
            "path": f"/{stage}{path}",
            "protocol": "HTTP/1.1",
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "resourcePath": "/{proxy+}",
            "stage": stage,
        },
        "body": encoded,
        "isBase64Encoded": is_base64,
    }


def scheduled_warmup_event() -> dict[str, Any]:
    """What the Terraform EventBridge rule sends (a constant input)."""
    return {"source": "aws.events", "detail-type": "Scheduled Event", "warmup": True}


def cookie_values(set_cookies: list[str]) -> dict[str, str]:
    """name -> value of each Set-Cookie header."""
    pairs = (header.split(";", 1)[0].split("=", 1) for header in set_cookies)
    return {name.strip(): value for name, value in pairs}
