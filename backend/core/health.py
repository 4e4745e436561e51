"""Health checks.

- GET /health/ (shallow, public): the process answers. It touches neither the database nor the
  cache, so an uptime monitor polling it never keeps a paused Aurora awake.
- GET /health/deep/ (the pipeline's smoke test after a deploy): whether the database and the cache
  answer. The database is essential (503 without it); the cache is not (the product works without
  Redis, and sessions fall back to the database), so a cache failure is reported as degraded with a
  200.
"""

from __future__ import annotations

from typing import Any

import structlog
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = structlog.get_logger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "down" here
        log.warning("health_database_failed", error=type(error).__name__)
        return False
    return True


def cache_ok() -> bool:
    """Ping the cache through its client, bypassing django-redis's IGNORE_EXCEPTIONS."""
    try:
        client: Any = getattr(cache, "client", None)
        if client is not None and hasattr(client, "get_client"):
            return bool(client.get_client(write=True).ping())
        cache.set("health:ping", "1", 5)
        return bool(cache.get("health:ping") == "1")
    except Exception as error:  # noqa: BLE001 - any failure means "degraded" here
        log.warning("health_cache_failed", error=type(error).__name__)
        return False


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def health_deep(request: HttpRequest) -> JsonResponse:
    database = database_ok()
    cached = cache_ok()
    body = {
        "status": "ok" if database and cached else ("degraded" if database else "unavailable"),
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cached else "degraded",
    }
    return JsonResponse(body, status=200 if database else 503)
