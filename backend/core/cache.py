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

The hot reads (`Client.get`, which every session read is, and core.user_hash's HMGET) go
through `command`: one command on a connection of this thread's own, without the pool's checkout
and return, the client's retry wrapper and its observability counters, which together cost more
CPU than the command itself (see `command`).

The name `core.cache` is also the logger of the errors the cache ignores (settings:
DJANGO_REDIS_LOGGER).
"""

from __future__ import annotations

import os
import threading
from typing import Any, ClassVar

import redis
from django_redis.cache import RedisCache as DjangoRedisCache  # type: ignore[import-untyped]
from django_redis.client import DefaultClient  # type: ignore[import-untyped]
from django_redis.exceptions import ConnectionInterrupted  # type: ignore[import-untyped]
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError


class _ThreadConnection(threading.local):
    pool: Any = None
    pid: int = 0
    connection: Any = None


_own = _ThreadConnection()


def command(client: redis.Redis, *args: Any) -> Any:
    """Run one command on this thread's own connection to `client`'s server; its raw reply.

    The connection is made as the client's pool makes its own (its connection class and arguments:
    the same address, TLS, credentials or IAM token provider, timeouts and health checks) but is
    never checked in or out: a Lambda instance runs one request at a time in one thread (core.asgi
    reuses its threads), so each thread needs one connection, and the pool's checkout costs a lock,
    two process-id checks and a "has the connection unread data" poll per command. A new process
    (a fork) makes its own; a thread that ends takes its connection with it (redis-py closes a
    connection when it is collected).

    Failures: a connection that has served before and breaks (the server closed it while idle) is
    made again and the command sent once more; any other error (a timeout, a refused connection, a
    reply that is an error) is raised at once, so a Redis that is down costs one timeout, never a
    series of retries. A broken connection is closed, and the next command connects anew.
    """
    pool = client.connection_pool
    local = _own
    pid = os.getpid()
    if local.connection is None or local.pool is not pool or local.pid != pid:
        # As the pool's make_connection, without counting it among the pool's own connections.
        connection = pool.connection_class(**dict(pool.connection_kwargs))
        local.connection, local.pool, local.pid = connection, pool, pid
    connection = local.connection
    for attempt in (1, 2):
        served = connection._sock is not None  # connected before this command
        try:
            connection.send_command(*args)
            return connection.read_response()
        except RedisError as error:
            if isinstance(error, RedisConnectionError | redis.TimeoutError):
                connection.disconnect()
            if not (attempt == 1 and served and isinstance(error, RedisConnectionError)):
                raise
        except BaseException:
            connection.disconnect()  # a reply half read would be the next command's
            raise
    raise AssertionError("unreachable")


class Client(DefaultClient):
    """django-redis's client, its GET (every session read is one) through `command`; django-redis
    still answers for the errors (RedisCache's IGNORE_EXCEPTIONS and its log)."""

    def get(
        self, key: Any, default: Any = None, version: int | None = None, client: Any = None
    ) -> Any:
        if client is not None:
            return super().get(key, default, version, client)
        try:
            key = self.make_key(key, version=version)
            value = command(self.get_client(write=False), "GET", key)
        except RedisError as error:
            raise ConnectionInterrupted(connection=None) from error
        return default if value is None else self.decode(value)


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
