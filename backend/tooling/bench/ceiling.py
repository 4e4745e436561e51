"""The load bench's ceiling: a bare Django JSON view, no apps, no middleware, no database.

Served by the same command as the product (by default `gunicorn -k sync -w 4
tooling.lambda_server:application`: an API Gateway event per request through
lambda_handler.handler, Mangum and the ASGI application; see tooling/bench/load.py) with
DJANGO_SETTINGS_MODULE=tooling.bench.ceiling: this module is both the settings and the URL
configuration. The product's throughput is read against it.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import path

DEBUG = False
SECRET_KEY = "ceiling-bench-only-not-a-secret"  # noqa: S105 - serves one constant JSON view
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "tooling.bench.ceiling"
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
LOGGING_CONFIG = None
API_BASE_PATH = ""  # read by lambda_handler, which tooling/lambda_server.py calls
REQUEST_MAX_BYTES = 2 * 1024 * 1024  # read by core.asgi, as in the product

BARE_PATH = "bare/"


def bare(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


urlpatterns = [path(BARE_PATH, bare)]
