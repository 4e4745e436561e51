"""OpenAPI pieces shared by every endpoint: the error shape and extend_schema.

Cheap to import: not even drf_spectacular.utils (about 1% of a cold start, measured), whose
OpenApiResponse, OpenApiParameter, OpenApiTypes and inline_serializer the views of the cold path
take from here instead: stand-ins (`Later`) that become drf_spectacular's objects when a schema is
generated, with the rest of extend_schema's arguments. drf_spectacular's own extend_schema builds
a subclass of AutoSchema when it decorates, which imports the whole OpenAPI machinery (its
extensions, plumbing, DRF's and Django's test clients) at every cold start; the views use this
module's extend_schema instead, which records its arguments and hands them to drf_spectacular's
when a schema is generated (core.openapi's generator, once listing the endpoints has imported
every view, those routed by core.lazy_views too).
The machinery (generator, AutoSchema, extensions, the views) lives in core.openapi and is imported
by the first schema request (core.schema_views) or `manage.py spectacular`, never at a cold start
(lambda_tests/test_cold_path.py).
"""

import importlib
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from rest_framework import serializers

Decorated = TypeVar("Decorated")


class Later:
    """A drf_spectacular object (`module.name`, called with `args` and `kwargs` unless `call` is
    false), made the first time a schema is generated and the same object from then on."""

    def __init__(
        self, path: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None
    ) -> None:
        self.later_path = path
        self.later_args = args
        self.later_kwargs = kwargs
        self._made: Any = None
        self._done = False

    def make(self) -> Any:
        if not self._done:
            module, *names = self.later_path.split(".")
            made: Any = importlib.import_module(f"drf_spectacular.{module}")
            for name in names:
                made = getattr(made, name)
            if self.later_kwargs is not None:
                made = made(*made_now(self.later_args), **made_now(self.later_kwargs))
            self._made, self._done = made, True
        return self._made

    def __repr__(self) -> str:
        return f"<Later {self.later_path}>"


def made_now(value: Any) -> Any:
    """`value` with every Later in it (in dicts, lists and tuples) made."""
    if isinstance(value, Later):
        return value.make()
    if isinstance(value, dict):
        return {made_now(key): made_now(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(made_now(item) for item in value)
    return value


class OpenApiResponse(Later):
    """drf_spectacular.utils.OpenApiResponse, made when a schema is generated."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__("utils.OpenApiResponse", args, kwargs)


class OpenApiParameter(Later):
    """drf_spectacular.utils.OpenApiParameter, made when a schema is generated."""

    # drf_spectacular's values (core/tests/test_schema.py compares them).
    QUERY: ClassVar[str] = "query"
    PATH: ClassVar[str] = "path"
    HEADER: ClassVar[str] = "header"
    COOKIE: ClassVar[str] = "cookie"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__("utils.OpenApiParameter", args, kwargs)


class _OpenApiTypes:
    """drf_spectacular.types.OpenApiTypes: `OpenApiTypes.INT` is made when a schema is generated."""

    def __getattr__(self, name: str) -> Later:
        if name.startswith("_"):
            raise AttributeError(name)
        return Later(f"types.OpenApiTypes.{name}")


OpenApiTypes = _OpenApiTypes()


def inline_serializer(*args: Any, **kwargs: Any) -> Later:
    """drf_spectacular.utils.inline_serializer, made (once) when a schema is generated."""
    return Later("utils.inline_serializer", args, kwargs)


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
        spectacular_extend_schema(**made_now(arguments))(target)


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
