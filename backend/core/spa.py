"""Serving the built SPA (frontend/dist) from Django, for `make run` and local use.

Hashed assets under /assets/ are immutable and cached for a year; index.html is never cached so
a new deployment is picked up at once. Any other non-API path gets index.html so deep links
reload. In AWS, S3 + CloudFront do this and SERVE_FRONTEND is off.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.views.decorators.http import require_safe

from core.errors import CODE_NOT_FOUND, MESSAGE_NOT_FOUND, error_body

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
# The SPA loads only its own scripts and styles and talks only to its own origin.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
MISSING_BUILD = (
    "The front end is not built yet. Run `make run` (it builds it) or `make frontend-build`."
)


def _dist() -> Path:
    return Path(settings.FRONTEND_DIST_DIR).resolve()


def _inside(root: Path, relative: str) -> Path | None:
    candidate = (root / relative).resolve()
    if root not in candidate.parents or not candidate.is_file():
        return None
    return candidate


@require_safe
def asset(request: HttpRequest, path: str) -> HttpResponseBase:
    found = _inside(_dist() / "assets", path)
    if found is None:
        return JsonResponse(error_body(MESSAGE_NOT_FOUND, CODE_NOT_FOUND), status=404)
    content_type, _ = mimetypes.guess_type(found.name)
    response = FileResponse(found.open("rb"), content_type=content_type)
    response["Cache-Control"] = IMMUTABLE
    return response


@require_safe
def index(request: HttpRequest, path: str = "") -> HttpResponseBase:
    root = _dist()
    # Top-level files of the build (favicon, manifest, robots.txt) are served as they are.
    if path and "/" not in path:
        found = _inside(root, path)
        if found is not None and found.name != "index.html":
            content_type, _ = mimetypes.guess_type(found.name)
            build_file = FileResponse(found.open("rb"), content_type=content_type)
            build_file["Cache-Control"] = "public, max-age=3600"
            return build_file
    index_html = root / "index.html"
    if not index_html.is_file():
        return HttpResponse(MISSING_BUILD, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(index_html.read_bytes(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = NO_CACHE
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
