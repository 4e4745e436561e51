"""GET /api/schema/ and /api/docs/: the OpenAPI machinery (core.openapi) is imported by the first
of them, not at a cold start (lambda_tests/test_cold_path.py)."""

from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.views.decorators.csrf import csrf_exempt


# csrf_exempt as the views' as_view() are (DRF checks CSRF itself, through the authentication).
@csrf_exempt
def schema_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
    """GET /api/schema/: the OpenAPI document, its machinery imported on the first call."""
    from core import openapi

    response: HttpResponseBase = openapi.views()["schema"](request, *args, **kwargs)
    return response


@csrf_exempt
def docs_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
    """GET /api/docs/: Swagger UI on the schema, its machinery imported on the first call."""
    from core import openapi

    response: HttpResponseBase = openapi.views()["docs"](request, *args, **kwargs)
    return response
