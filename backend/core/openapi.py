"""The OpenAPI machinery: imported by the first schema request (core.schema_views) or by
`manage.py spectacular` (SPECTACULAR_SETTINGS' generator class), never at a cold start.

drf_spectacular.extensions alone costs ~80-180 ms to import (it pulls in its plumbing, DRF's test
client and django.test); a request that is not for the schema never needs it.
"""

from collections.abc import Callable
from functools import cache
from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator as SpectacularSchemaGenerator

from core.schema import apply_deferred_schemas


class SessionCookieScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Documents the project's session authentication (a cookie, plus X-CSRFToken on writes).

    Defining the class registers it with drf_spectacular: importing this module is enough."""

    target_class = "core.authentication.SessionAuthentication"
    name = "sessionCookie"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}


class BearerTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Documents the personal API tokens (accounts.authentication, named by path: core imports no
    app) in the schema; the operations that accept them list it."""

    target_class = "accounts.authentication.BearerTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A personal API token (Settings > API tokens), `htk_...`. Habits and entries only; "
                "a read-only token gets 403 on writes. No CSRF token needed."
            ),
        }


class SchemaGenerator(SpectacularSchemaGenerator):
    """drf_spectacular's generator; named in SPECTACULAR_SETTINGS so that every way of generating
    the schema (the view, `manage.py spectacular`) imports this module and its extension first.
    Once the endpoints are listed (which imports every view: the URLconf's, and those of
    core.lazy_views when their `cls` is read), the views' deferred extend_schema decorations
    (core.schema) are applied."""

    def _initialise_endpoints(self) -> None:
        super()._initialise_endpoints()  # type: ignore[no-untyped-call]
        apply_deferred_schemas()


@cache
def views() -> dict[str, Callable[..., Any]]:
    """The schema and Swagger UI views, built once. drf_spectacular.views reads the generator class
    (this module's) when it is imported, hence not at this module's import."""
    from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

    return {
        "schema": SpectacularAPIView.as_view(),
        "docs": SpectacularSwaggerView.as_view(url_name="schema"),
    }
