"""Routes whose view is imported by its first request (core.lazy_views) behave as `path(route,
View.as_view())` would: same view, same attributes Django and DRF read, same reverse(), the same
answer to a request. That their modules stay out of a cold start is lambda_tests/test_cold_path.py;
that the schema still documents them is core/tests/test_schema.py."""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import iscoroutinefunction
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.converters import UUIDConverter
from rest_framework.views import APIView

from conftest import ApiClient
from core.lazy_views import LazyURLPattern, LazyView, lazy_path


def patterns(
    resolver: URLResolver | None = None, prefix: str = "", route: str = "/"
) -> Iterator[tuple[str, str, Any]]:
    """(namespace-qualified name, full route, pattern) for every endpoint of the URLconf."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            yield from patterns(pattern, prefix + namespace, route + str(pattern.pattern))
        else:
            yield prefix + (pattern.name or ""), route + str(pattern.pattern), pattern


LAZY = [(name, pattern) for name, _, pattern in patterns() if isinstance(pattern, LazyURLPattern)]
LAZY_ROUTES = {route for _, route, pattern in patterns() if isinstance(pattern, LazyURLPattern)}

# The rare features' views (core.lazy_views' docstring names them); a route moved back to path()
# should be a decision, seen here.
LAZY_MODULES = {
    "accounts.apis.api_tokens",
    "accounts.apis.email_change",
    "accounts.apis.passkeys",
    "accounts.apis.recovery",
    "accounts.apis.signup",
    "habits.backup.apis",
    "habits.loop.apis",
    "habits.reminders.apis",
    "habits.transfers.apis",
}


UUID = "6b1f6d1e-54d5-4d36-9a0a-3d1c2f1e0b1a"


def real_view(pattern: LazyURLPattern) -> Any:
    module_name, _, class_name = pattern.callback.dotted_path.rpartition(".")
    view_class = getattr(importlib.import_module(module_name), class_name)
    return view_class.as_view()


def test_the_rare_features_routes_are_lazy() -> None:
    modules = {p.callback.dotted_path.rpartition(".")[0] for _, p in LAZY}

    assert modules == LAZY_MODULES
    assert len(LAZY) == 27


@pytest.mark.parametrize(("name", "pattern"), LAZY, ids=[name for name, _ in LAZY])
def test_a_lazy_route_is_what_path_with_as_view_would_be(name: str, pattern: Any) -> None:
    real = real_view(pattern)
    lazy = pattern.callback

    assert issubclass(real.cls, APIView)
    # What Django reads before the view runs, answered without importing it.
    assert lazy.csrf_exempt is getattr(real, "csrf_exempt", False) is True
    assert not hasattr(real, "_non_atomic_requests")
    assert not iscoroutinefunction(real)
    assert not iscoroutinefunction(lazy)
    assert not real.cls.view_is_async
    # What reverse() reads for every pattern: Django's own lookup_str of the real view.
    assert pattern.lookup_str == URLPattern(pattern.pattern, real).lookup_str
    # Everything else is the real view's (DRF and drf-spectacular read cls and initkwargs).
    assert lazy.cls is real.cls
    assert lazy.view_class is real.view_class
    assert lazy.initkwargs == real.initkwargs == {}
    assert lazy.__name__ == real.__name__
    assert inspect.signature(lazy.view).parameters.keys() == {"request", "args", "kwargs"}


@pytest.mark.parametrize(("name", "pattern"), LAZY, ids=[name for name, _ in LAZY])
def test_a_lazy_route_reverses_and_resolves_to_its_view(name: str, pattern: Any) -> None:
    values = {
        key: UUID if isinstance(converter, UUIDConverter) else 7
        for key, converter in pattern.pattern.converters.items()
    }
    url = reverse(name, kwargs=values)
    match = resolve(url)

    assert match.view_name == name
    assert match.func is pattern.callback
    assert match.func.view_class is real_view(pattern).view_class
    assert match._func_path == pattern.lookup_str


def test_a_lazy_view_imports_its_module_on_first_use_only() -> None:
    view = LazyView("core.tests.lazy_view_sample.SampleApi")

    assert "core.tests.lazy_view_sample" not in sys.modules
    assert view.csrf_exempt is True
    assert repr(view) == "<LazyView core.tests.lazy_view_sample.SampleApi>"
    assert "core.tests.lazy_view_sample" not in sys.modules
    assert view.cls.__name__ == "SampleApi"
    assert "core.tests.lazy_view_sample" in sys.modules


def test_a_lazy_view_naming_a_missing_class_fails_loudly() -> None:
    view = LazyView("core.lazy_views.NoSuchApi")

    with pytest.raises(ImportError, match="NoSuchApi"):
        view.cls  # noqa: B018 - the import is the point


def test_lazy_path_routes_like_path() -> None:
    pattern = lazy_path("things/<int:thing_id>/", "core.tests.lazy_view_sample.SampleApi", name="t")

    assert pattern.name == "t"
    match = pattern.resolve("things/3/")
    assert match is not None
    assert match.kwargs == {"thing_id": 3}
    assert pattern.resolve("things/x/") is None


@pytest.mark.django_db
def test_a_request_to_a_lazy_route_is_answered_by_its_view(signed_in: ApiClient) -> None:
    assert signed_in.get("/api/auth/tokens/").status_code == 200
    assert signed_in.get("/api/push/subscriptions/").status_code == 200
    assert ApiClient().get("/api/auth/tokens/").status_code in (401, 403)
