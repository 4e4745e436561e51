"""HTTP served the way the Lambda serves it: each request becomes an API Gateway event for
`lambda_handler.handler`, in a process that handles one request at a time.

Production is API Gateway (HTTP API, payload 2.0) in front of the function; every Lambda instance
runs one request at a time through Mangum, the ASGI application and the middleware chain, and
concurrency comes from more instances. This WSGI application reproduces that on a machine: under
`gunicorn -k sync -w N tooling.lambda_server:application`, each worker process is one warm
instance, N of them run side by side, and every request takes production's path from the handler
on (event -> Mangum -> ASGI -> Django -> Mangum's response). What API Gateway does, and what this
module does in its place:

- the request becomes a payload 2.0 event: rawPath, rawQueryString, lower-case headers, the
  Cookie header as the `cookies` list, the body (base64 unless it is UTF-8 text), and a request
  context with the method, path, source address, request id and time;
- the handler's response becomes the HTTP response: statusCode, headers, one Set-Cookie per entry
  of `cookies`, the body (decoded from base64 when the handler says so).

Used by the load bench (tooling/bench/load.py), for the product and, with the bare-view settings
(tooling/bench/ceiling.py), for its ceiling. Not for production: API Gateway and Lambda are.
"""

from __future__ import annotations

import base64
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import lambda_handler

HOP_HEADERS = frozenset({"connection", "keep-alive", "transfer-encoding", "upgrade"})


@dataclass
class InvocationContext:
    """What the Lambda runtime passes as the context: the request id is what the logs carry."""

    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    function_name: str = "habit-tracker-local"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024

    def get_remaining_time_in_millis(self) -> int:
        return 29_000


def request_headers(environ: dict[str, Any]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            name = key[5:].replace("_", "-").lower()
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
            name = key.replace("_", "-").lower()
        else:
            continue
        if name not in HOP_HEADERS:
            headers[name] = value
    return headers


def http_api_event(environ: dict[str, Any]) -> dict[str, Any]:
    """The payload 2.0 event API Gateway would send for this WSGI request."""
    method = environ["REQUEST_METHOD"]
    raw_uri = environ.get("RAW_URI")
    raw_path = raw_uri.split("?", 1)[0] if raw_uri else quote(environ.get("PATH_INFO", "/"))
    headers = request_headers(environ)
    source_ip = environ.get("REMOTE_ADDR", "127.0.0.1")
    # API Gateway appends the caller's address and tells the protocol it was reached by.
    forwarded = headers.get("x-forwarded-for")
    headers["x-forwarded-for"] = f"{forwarded}, {source_ip}" if forwarded else source_ip
    headers["x-forwarded-proto"] = environ.get("wsgi.url_scheme", "http")
    cookie_header = headers.pop("cookie", "")
    cookies = [part.strip() for part in cookie_header.split(";") if part.strip()]

    length = int(environ.get("CONTENT_LENGTH") or 0)
    raw_body = environ["wsgi.input"].read(length) if length else b""
    now = time.time()
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": raw_path,
        "rawQueryString": environ.get("QUERY_STRING", ""),
        "headers": headers,
        "requestContext": {
            "accountId": "000000000000",
            "apiId": "local",
            "domainName": headers.get("host", "localhost"),
            "domainPrefix": "local",
            "http": {
                "method": method,
                "path": raw_path,
                "protocol": environ.get("SERVER_PROTOCOL", "HTTP/1.1"),
                "sourceIp": source_ip,
                "userAgent": headers.get("user-agent", ""),
            },
            "requestId": uuid.uuid4().hex,
            "routeKey": "$default",
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
            "timeEpoch": int(now * 1000),
        },
        "isBase64Encoded": False,
    }
    if cookies:
        event["cookies"] = cookies
    if raw_body:
        try:
            event["body"] = raw_body.decode("utf-8")
        except UnicodeDecodeError:
            event["body"] = base64.b64encode(raw_body).decode("ascii")
            event["isBase64Encoded"] = True
    return event


def status_line(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} Unknown"


def application(
    environ: dict[str, Any], start_response: Callable[[str, list[tuple[str, str]]], Any]
) -> Iterable[bytes]:
    response = lambda_handler.handler(http_api_event(environ), InvocationContext())
    headers = [
        (name, str(value))
        for name, value in (response.get("headers") or {}).items()
        if name.lower() not in HOP_HEADERS and name.lower() != "content-length"
    ]
    headers += [("Set-Cookie", cookie) for cookie in response.get("cookies") or []]
    body = response.get("body") or ""
    raw = base64.b64decode(body) if response.get("isBase64Encoded") else body.encode("utf-8")
    headers.append(("Content-Length", str(len(raw))))
    start_response(status_line(int(response["statusCode"])), headers)
    return [raw]
