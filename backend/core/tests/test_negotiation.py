"""core.negotiation answers exactly as DRF's own negotiation, parsing only what it must."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer, StaticHTMLRenderer
from rest_framework.request import Request

from core.negotiation import ContentNegotiation

ACCEPTS = [
    None,
    "*/*",
    "application/json",
    "application/json; indent=4",
    "application/*",
    "text/html",
    "text/html, application/json;q=0.9",
    "application/json, */*",
    "image/png",
    "",
]
RENDERER_LISTS = [
    [JSONRenderer()],
    [JSONRenderer(), BrowsableAPIRenderer()],
    [BrowsableAPIRenderer(), JSONRenderer()],
    [StaticHTMLRenderer()],
]


def request(accept: str | None, query: str = "") -> Request:
    headers = {} if accept is None else {"accept": accept}
    return Request(RequestFactory().get(f"/api/habits/{query}", headers=headers))


def outcome(negotiation: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        renderer, media_type = negotiation.select_renderer(*args, **kwargs)
    except (exceptions.NotAcceptable, exceptions.NotFound) as error:
        return type(error)
    except Exception as error:  # noqa: BLE001 - Http404 and the like: compared by type
        return type(error)
    return type(renderer), media_type


@pytest.mark.parametrize("accept", ACCEPTS)
@pytest.mark.parametrize("renderers", RENDERER_LISTS, ids=lambda r: "+".join(map(repr, r)))
@pytest.mark.parametrize("query", ["", "?format=json", "?format=api", "?format=xml"])
def test_the_same_answer_as_drf(accept: str | None, renderers: list[Any], query: str) -> None:
    ours = outcome(ContentNegotiation(), request(accept, query), renderers)
    drf = outcome(DefaultContentNegotiation(), request(accept, query), renderers)
    assert ours == drf


@pytest.mark.parametrize("suffix", ["json", "api"])
def test_a_format_suffix_gets_drfs_answer(suffix: str) -> None:
    renderers = [JSONRenderer(), BrowsableAPIRenderer()]
    ours = outcome(ContentNegotiation(), request("*/*"), renderers, format_suffix=suffix)
    drf = outcome(DefaultContentNegotiation(), request("*/*"), renderers, format_suffix=suffix)
    assert ours == drf


@pytest.mark.parametrize("accept", [None, "*/*", "application/json"])
def test_the_clients_accept_headers_are_not_parsed(
    accept: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def parse(*args: Any) -> Any:
        raise AssertionError("parsed")

    monkeypatch.setattr(DefaultContentNegotiation, "get_accept_list", parse)

    renderer, media_type = ContentNegotiation().select_renderer(request(accept), [JSONRenderer()])

    assert (type(renderer), media_type) == (JSONRenderer, "application/json")


def test_the_api_uses_it(client: Any) -> None:
    from rest_framework.settings import api_settings

    negotiation: Any = api_settings.DEFAULT_CONTENT_NEGOTIATION_CLASS
    assert negotiation is ContentNegotiation
    response = client.get("/api/habits/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406  # negotiated before anything else, as DRF does
