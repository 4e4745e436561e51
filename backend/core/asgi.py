"""The ASGI application: Django's handler, with the whole request run in one worker-thread hop.

Our code is synchronous end to end (DRF views, the ORM, django-redis, and every middleware but
CORS). Django's own ASGIHandler still builds an asynchronous middleware chain, and a synchronous
middleware in it pays its way out: each `MiddlewareMixin` runs `process_request` and
`process_response` through `sync_to_async`, the view and `process_view` through one more, and a
synchronous-only middleware (WhiteNoise, the request log) through `async_to_sync` back onto the
event loop. Measured under gunicorn + uvicorn, that was a dozen thread switches per request and
four times the CPU of the request's own work.

`SyncChainASGIHandler` builds the synchronous chain, as WSGI does, and runs it in a single
`sync_to_async` call per request: the request's middleware, view and response handling all happen
in that one thread. Everything else is Django's: the ASGI scope and body handling, the
request_started/request_finished signals, streaming and file responses, disconnect handling.
The thread is the same thread-sensitive one Django uses for synchronous views, so the database
connections keep their per-thread rules. Used by the Lambda (Mangum) and by every ASGI server.
"""

from __future__ import annotations

import django
from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.http import HttpRequest, HttpResponseBase


class SyncChainASGIHandler(ASGIHandler):
    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        response: HttpResponseBase = await sync_to_async(self.get_response, thread_sensitive=True)(
            request
        )
        return response


def get_asgi_application() -> SyncChainASGIHandler:
    """Like django.core.asgi.get_asgi_application: sets Django up, returns the application."""
    django.setup(set_prefix=False)
    return SyncChainASGIHandler()
