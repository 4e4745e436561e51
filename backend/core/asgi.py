"""The ASGI application: Django's handler, with each request run in one hop to a reused thread.

Our code is synchronous end to end (DRF views, the ORM, django-redis, and every middleware but
CORS). Django's own ASGIHandler still builds an asynchronous middleware chain, and a synchronous
middleware in it pays its way out: each `MiddlewareMixin` runs `process_request` and
`process_response` through `sync_to_async`, the view and `process_view` through one more, and a
synchronous-only middleware (WhiteNoise, the request log) through `async_to_sync` back onto the
event loop. It also starts a new thread for every request (a fresh single-thread executor per
request context) and another to join it. Measured under gunicorn + uvicorn, that was 17 switches
into a worker thread and two thread starts per request, and four times the CPU of the request's
own work.

`SyncChainASGIHandler` differs in two ways, and is otherwise Django's (the ASGI scope and body
handling, the request_started/request_finished signals, streaming and file responses, disconnect
handling):

- it builds the synchronous chain, as WSGI does, and runs it in a single `sync_to_async` call: the
  request's middleware, view and response handling all happen in that one thread;
- a request context gets a single-thread executor from a free list and gives it back when the
  request has finished, instead of a new thread each time. Each request still has a thread of its
  own while it runs (requests in one process overlap their database and Redis waits, as before);
  a thread serves one request at a time, so Django's per-thread database connections keep their
  rules (taken from the pool at first use, returned at request_finished).

Used by the Lambda (Mangum, one request at a time: one thread for the life of the instance) and by
every ASGI server (config.asgi).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import django
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.http import HttpRequest, HttpResponseBase

# Idle threads kept for the next requests; beyond this many at once, a finished request's thread
# is let go (its executor shut down off the event loop).
IDLE_THREADS = 32


class SyncChainASGIHandler(ASGIHandler):
    def __init__(self) -> None:
        super().__init__()
        self._idle: list[ThreadPoolExecutor] = []

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        executor = (
            self._idle.pop()
            if self._idle
            else ThreadPoolExecutor(max_workers=1, thread_name_prefix="django-request")
        )
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            if len(self._idle) < IDLE_THREADS:
                self._idle.append(executor)
            else:
                threading.Thread(target=executor.shutdown, daemon=True).start()

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        response: HttpResponseBase = await sync_to_async(self.get_response, thread_sensitive=True)(
            request
        )
        return response


def get_asgi_application() -> SyncChainASGIHandler:
    """Like django.core.asgi.get_asgi_application: sets Django up, returns the application."""
    django.setup(set_prefix=False)
    return SyncChainASGIHandler()
