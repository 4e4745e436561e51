"""Runs inside a fresh interpreter: import a Lambda handler, serve one /health/ event, report.

    python lambda_probe.py cold-start MODULE     time import + first request (bench-cold-start)
    python lambda_probe.py image-check           the product's handler, checked end to end

Prints one JSON object on its last line of stdout. Only the standard library is imported before
the handler, so the figures and the isolation check see the handler's own imports.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import sysconfig
import time
import uuid
from typing import Any

API_DOMAIN = "abc123.execute-api.us-east-1.amazonaws.com"


class Context:
    function_name = "probe"
    memory_limit_in_mb = 1024

    def __init__(self) -> None:
        self.aws_request_id = str(uuid.uuid4())

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


def health_event(path: str = "/health/") -> dict[str, Any]:
    """GET `path` as API Gateway HTTP API (payload 2.0) sends it from CloudFront."""
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {
            "accept": "application/json",
            "host": API_DOMAIN,
            "user-agent": "Amazon CloudFront",
            "x-forwarded-for": "203.0.113.10",
            "x-forwarded-port": "443",
            "x-forwarded-proto": "https",
        },
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": API_DOMAIN,
            "http": {
                "method": "GET",
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.10",
                "userAgent": "Amazon CloudFront",
            },
            "requestId": "probe",
            "routeKey": "$default",
            "stage": "$default",
            "timeEpoch": 1795336200000,
        },
        "isBase64Encoded": False,
    }


def cold_start(module_name: str) -> dict[str, Any]:
    cpu_started = time.process_time()
    started = time.perf_counter()
    module = importlib.import_module(module_name)
    imported = time.perf_counter()
    response = module.handler(health_event(), Context())
    answered = time.perf_counter()
    cpu_answered = time.process_time()
    return {
        "import_ms": round((imported - started) * 1000, 1),
        "first_request_ms": round((answered - imported) * 1000, 1),
        "total_ms": round((answered - started) * 1000, 1),
        # The process's CPU time over the same span: what a busy machine does not inflate.
        "cpu_ms": round((cpu_answered - cpu_started) * 1000, 1),
        "status": response["statusCode"],
    }


def foreign_modules(allowed: list[str]) -> list[str]:
    """Loaded modules whose file is outside the allowed folders and the standard library."""
    stdlib = [sysconfig.get_paths()[name] for name in ("stdlib", "platstdlib")]
    roots = tuple(os.path.realpath(path) + os.sep for path in [*allowed, *stdlib])
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if (path := getattr(module, "__file__", None))
        and not os.path.realpath(path).startswith(roots)
    )


def image_check() -> dict[str, Any]:
    figures = cold_start("lambda_handler")
    import lambda_handler

    context = Context()
    health = lambda_handler.handler(health_event("/health/deep/"), context)
    migrate = lambda_handler.handler({"manage": "migrate --noinput"}, Context())
    warmup = lambda_handler.handler(
        {"source": "aws.events", "detail-type": "Scheduled Event", "warmup": True}, Context()
    )
    return {
        **figures,
        "python": sys.version.split()[0],
        "health_status": health["statusCode"],
        "health_body": json.loads(health["body"]),
        "request_id_echoed": health["headers"].get("x-request-id") == context.aws_request_id,
        "migrate": migrate,
        "warmup": warmup,
        "foreign_modules": foreign_modules(
            [os.path.dirname(__file__), *os.environ.get("PYTHONPATH", "").split(os.pathsep)]
        ),
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["cold-start"] and len(argv) == 2:
        result = cold_start(argv[1])
    elif argv == ["image-check"]:
        result = image_check()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
