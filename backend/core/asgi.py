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

import io
import tempfile
import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any

import django
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.conf import settings
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler, ASGIRequest
from django.http import HttpRequest, HttpResponseBase

from core.errors import request_too_large_response

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

    async def read_body(self, receive: Any) -> Any:
        """Django's, with a ceiling: a body over REQUEST_MAX_BYTES is not read any further (Django
        would spool any amount to disk before a view could refuse it)."""
        limit = int(settings.REQUEST_MAX_BYTES)
        body_file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - Django closes it
            max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE, mode="w+b"
        )
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                body_file.close()
                raise RequestAborted()
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                body_file.close()
                return _OversizedBody()
            body_file.write(chunk)
            if not message.get("more_body", False):
                break
        body_file.seek(0)
        return body_file

    def create_request(
        self, scope: Mapping[str, Any], body_file: IO[bytes]
    ) -> tuple[ASGIRequest, None] | tuple[None, HttpResponseBase]:
        if isinstance(body_file, _OversizedBody):
            headers = dict(scope.get("headers") or ())
            accept_language = headers.get(b"accept-language", b"").decode("latin-1")
            return None, request_too_large_response(accept_language)
        return super().create_request(scope, body_file)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        response: HttpResponseBase = await sync_to_async(self.get_response, thread_sensitive=True)(
            request
        )
        return response


class _OversizedBody(io.BytesIO):
    """Stands for a body that was not read because it is over the ceiling."""


def get_asgi_application() -> SyncChainASGIHandler:
    """Like django.core.asgi.get_asgi_application: sets Django up, returns the application."""
    django.setup(set_prefix=False)
    return SyncChainASGIHandler()
