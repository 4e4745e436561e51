"""The Redis cache backend: django-redis, with one client per process instead of one per request.

Django keeps its cache backends per execution context (`django.core.cache.caches` is an asgiref
`Local`), and every request served through ASGI, as the Lambda serves them through Mangum, runs in
a context of its own. So django-redis built its whole client again on every request: a
`DefaultClient` (serializer, compressor, connection factory, each found by import path) and a
`redis.Redis` (which copies about 170 response callbacks into a case-insensitive dict). That was
about 1 ms of CPU per request, more than serving a cached habit list. Neither the backend nor the
client holds anything per request: the connection pool is redis-py's, which is thread-safe, and
everything else comes from the settings. So a backend made from the same settings as an earlier one
takes that one's attributes, its client included, instead of building them again.

The name `core.cache` is also the logger of the errors the cache ignores (settings:
DJANGO_REDIS_LOGGER).
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

from django_redis.cache import RedisCache as DjangoRedisCache  # type: ignore[import-untyped]


class RedisCache(DjangoRedisCache):
    # (location, the OPTIONS dict's id, the other settings) -> (that OPTIONS dict, a prepared
    # backend's attributes, its client included). The OPTIONS dict is the settings' own object
    # (Django copies an alias's dict shallowly for each backend); it is kept in the entry so that
    # an id reused after garbage collection cannot match.
    _prepared: ClassVar[dict[tuple[Any, ...], tuple[Any, dict[str, Any]]]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = params.get("OPTIONS")
        key = (
            str(server),
            id(options),
            tuple(sorted((k, repr(v)) for k, v in params.items() if k != "OPTIONS")),
        )
        entry = self._prepared.get(key)
        if entry is not None and entry[0] is options:
            self.__dict__.update(entry[1])
            return
        super().__init__(server, params)
        self.client  # noqa: B018 - made now, so that every backend made from these settings shares it
        if isinstance(options, dict):
            with self._lock:
                self._prepared[key] = (options, dict(self.__dict__))
