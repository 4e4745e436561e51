"""DRF's content negotiation, with the Accept headers the API's clients send answered at once.

Every API request picks a renderer; DRF's DefaultContentNegotiation parses the Accept header
into media types, orders them by precedence and matches each against each renderer, about 2 % of
a cached habit list's CPU. The SPA sends `application/json`, scripts and tools `*/*` or nothing:
with JSON as the first renderer, DRF's answer to those is always that renderer and
`application/json`, and that is what `select_renderer` returns for them without the parsing.
Anything else (another Accept header, a `?format=`, a format suffix, other renderers) goes to
DRF's own negotiation.
"""

from __future__ import annotations

from collections.abc import Iterable

from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

JSON = "application/json"
# Accept headers whose answer, with a JSON renderer first, is that renderer and JSON.
PLAIN_ACCEPTS = frozenset({"*/*", JSON})


class ContentNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        if (
            isinstance(renderers, list)  # what DRF's views pass
            and renderers
            and renderers[0].media_type == JSON
            and request.META.get("HTTP_ACCEPT", "*/*") in PLAIN_ACCEPTS
            and not format_suffix
            and not request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        ):
            return renderers[0], JSON
        return super().select_renderer(request, renderers, format_suffix)  # type: ignore[no-any-return]
