"""URL patterns whose DRF view is imported by its first request, not at a cold start.

`lazy_path("export/loop/", "habits.loop.apis.LoopExportApi", name=...)` routes like
`path("export/loop/", LoopExportApi.as_view(), name=...)`; the view's module (and what it imports)
loads when a request reaches the route, or when anything reads the view's attributes: the OpenAPI
generator reads `.cls`, so a schema still documents every lazy view
(core/tests/test_lazy_views.py, core/tests/test_schema.py). Only what Django reads before calling a
view is answered without the import: `csrf_exempt` (True, as every DRF view's as_view() sets it)
and the pattern's `lookup_str` (reverse() reads it for every pattern). Rare features' views go here
(imports, exports, reminders, tokens, passkeys, sign-up, recovery);
lambda_tests/test_cold_path.py holds their modules out of the cold start.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.urls import URLPattern
from django.urls.resolvers import RoutePattern
from django.utils.functional import cached_property


class LazyView:
    """`Class.as_view(**initkwargs)` of a dotted class path, built on first use."""

    # What DRF's APIView.as_view() sets (CsrfViewMiddleware reads it before the view is called);
    # core/tests/test_lazy_views.py checks that every lazy view's real callable says the same.
    csrf_exempt = True

    def __init__(self, dotted_path: str, **initkwargs: Any) -> None:
        self.dotted_path = dotted_path
        self.lazy_initkwargs = initkwargs

    @cached_property
    def view(self) -> Any:
        module_name, _, class_name = self.dotted_path.rpartition(".")
        module = importlib.import_module(module_name)
        try:
            view_class = getattr(module, class_name)
        except AttributeError as error:  # not an AttributeError: __getattr__ would hide it
            raise ImportError(f"{module_name} has no view {class_name!r}") from error
        return view_class.as_view(**self.lazy_initkwargs)

    def __call__(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return self.view(request, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        # Anything else (cls, initkwargs, view_class, __name__, ...) is the real view's. Other
        # special names are not: copy, pickle and inspect look them up on any object.
        if name.startswith("__") and name not in {"__name__", "__qualname__"}:
            raise AttributeError(name)
        if name in {"view", "dotted_path", "lazy_initkwargs"}:  # not set yet (copy, unpickling)
            raise AttributeError(name)
        return getattr(self.view, name)

    def __repr__(self) -> str:
        return f"<LazyView {self.dotted_path}>"


class LazyURLPattern(URLPattern):
    """A URLPattern whose lookup_str is the class path, read without importing the view (it is
    what Django computes for a class-based view: the class's module and qualified name)."""

    callback: LazyView

    @cached_property
    def lookup_str(self) -> str:
        return self.callback.dotted_path


def lazy_path(route: str, dotted_path: str, *, name: str, **initkwargs: Any) -> LazyURLPattern:
    """path(route, <dotted_path>.as_view(**initkwargs), name=name), imported on first use."""
    pattern = RoutePattern(route, name=name, is_endpoint=True)
    return LazyURLPattern(pattern, LazyView(dotted_path, **initkwargs), None, name)
