from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from core import errors, health, schema_views, spa
from core.middleware import ADMIN_PREFIX

urlpatterns = [
    path("health/", health.health, name="health"),
    path("health/deep/", health.health_deep, name="health-deep"),
    # The admin only where it is enabled: off in production unless DJANGO_ADMIN_ENABLED is set.
    *([path(ADMIN_PREFIX.lstrip("/"), admin.site.urls)] if settings.DJANGO_ADMIN_ENABLED else []),
    path("api/auth/", include("accounts.urls")),
    path("api/", include("habits.urls")),
    # The OpenAPI machinery is imported by the first of these requests, not at a cold start.
    path("api/schema/", schema_views.schema_view, name="schema"),
    path("api/docs/", schema_views.docs_view, name="swagger-ui"),
    # Local only: the outgoing mail with its links (never in production's settings).
    *([path("api/dev/", include("outbox.urls"))] if settings.DEV_MAIL_PAGE else []),
    # Anything else under /api/ is a JSON 404, never the SPA.
    re_path(r"^api(?:/.*)?$", errors.json_not_found),
]

if settings.SERVE_FRONTEND:
    urlpatterns += [
        re_path(r"^assets/(?P<path>.+)$", spa.asset, name="spa-asset"),
        # Every other path that is not the admin or Django's static files is a route of the SPA.
        re_path(r"^(?!admin/|django-static/)(?P<path>.*)$", spa.index, name="spa"),
    ]

handler400 = errors.json_bad_request
handler403 = errors.json_permission_denied
handler404 = errors.json_not_found
handler500 = errors.json_server_error
