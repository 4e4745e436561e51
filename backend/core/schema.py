"""OpenAPI pieces shared by every endpoint: the error shape and extend_schema.

Cheap to import (drf_spectacular.utils and .types only). drf_spectacular's own extend_schema builds
a subclass of AutoSchema when it decorates, which imports the whole OpenAPI machinery (its
extensions, plumbing, DRF's and Django's test clients) at every cold start; the views use this
module's extend_schema instead, which records its arguments and hands them to drf_spectacular's
when a schema is generated (core.openapi's generator, after the URLconf has imported every view).
The machinery (generator, AutoSchema, extensions, the views) lives in core.openapi and is imported
by the first schema request (core.schema_views) or `manage.py spectacular`, never at a cold start
(lambda_tests/test_cold_path.py).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

Decorated = TypeVar("Decorated")

# (view, method or function; extend_schema's arguments), in the order the decorators ran.
_deferred: list[tuple[Any, dict[str, Any]]] = []


def extend_schema(**arguments: Any) -> Callable[[Decorated], Decorated]:
    """drf_spectacular's extend_schema, same arguments, applied when a schema is generated."""

    def decorator(target: Decorated) -> Decorated:
        _deferred.append((target, arguments))
        return target

    return decorator


def apply_deferred_schemas() -> None:
    """Apply every recorded extend_schema, in decoration order (drf_spectacular's decorator marks
    the function or class it is given in place). Called by core.openapi's generator."""
    from drf_spectacular.utils import extend_schema as spectacular_extend_schema

    while _deferred:
        target, arguments = _deferred.pop(0)
        spectacular_extend_schema(**arguments)(target)


ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "detail": serializers.CharField(help_text="A message a person can act on."),
        "code": serializers.CharField(help_text="A stable machine-readable code."),
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            required=False,
            help_text="400 only: field name -> messages (non_field_errors for the rest).",
        ),
    },
)

ERROR_RESPONSES: dict[int, Any] = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input; `errors` names the fields."),
    401: OpenApiResponse(ErrorSerializer, description="Not signed in."),
    403: OpenApiResponse(ErrorSerializer, description="CSRF check failed or not allowed."),
    404: OpenApiResponse(ErrorSerializer, description="Not found (or not yours)."),
    429: OpenApiResponse(ErrorSerializer, description="Throttled; see Retry-After."),
    503: OpenApiResponse(ErrorSerializer, description="Database unavailable."),
}
