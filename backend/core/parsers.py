"""The API's JSON parser, with the bounds every request body gets whoever sends it.

DRF's own JSONParser reads the whole stream, so a JSON body skipped Django's
DATA_UPLOAD_MAX_MEMORY_SIZE (a 30 MB body was accepted), and a deeply nested one made the parser
recurse until Python's recursion limit, a 500. Here a body is read up to the limit and no further,
and a document nested deeper than MAX_JSON_DEPTH is refused: both are 400s with a clear message.
No request of the API nests more than four levels.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.request import Request

MAX_JSON_DEPTH = 32
MESSAGE_BODY_TOO_LARGE = _("The request body is larger than {limit} bytes.")
MESSAGE_TOO_DEEP = format_lazy(
    _("The JSON document is nested deeper than {limit} levels."), limit=MAX_JSON_DEPTH
)
MESSAGE_NOT_JSON = _("The request body is not valid JSON: {error}.")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def declared_length(request: HttpRequest | Request) -> int:
    """The body's Content-Length, 0 when missing or malformed (as Django reads it): an upload
    declared too big can be refused before Django parses (and spools) it."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def json_depth_exceeds(document: Any, limit: int) -> bool:
    """Whether `document` nests lists and objects more than `limit` levels deep (iteratively)."""
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children)
    return False


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        limit = int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise ParseError(MESSAGE_BODY_TOO_LARGE.format(limit=limit))
        try:
            document = json.loads(body, parse_constant=_refuse_constant)
        except RecursionError:
            raise ParseError(MESSAGE_TOO_DEEP) from None
        except ValueError as error:  # JSONDecodeError, bad UTF-8, NaN and Infinity
            raise ParseError(MESSAGE_NOT_JSON.format(error=error)) from None
        if json_depth_exceeds(document, MAX_JSON_DEPTH):
            raise ParseError(MESSAGE_TOO_DEEP)
        return document
