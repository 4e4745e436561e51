"""OpenAPI pieces shared by every endpoint: the error shape."""

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

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


class SessionCookieScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Documents the project's session authentication (a cookie, plus X-CSRFToken on writes)."""

    target_class = "core.authentication.SessionAuthentication"
    name = "sessionCookie"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}
