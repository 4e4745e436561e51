"""Django's cache handler, with one set of backends per process instead of one per request.

Kept apart from core.cache, which imports redis-py (and, through it, cryptography): core.apps
calls this at every start, Redis or not, and a cold start imports the Redis client with the first
request that uses the cache, not before.
"""

from __future__ import annotations

import types

# Backends whose one instance may serve every thread and request of the process: django-redis
# over redis-py's thread-safe pool (core.cache), and Django's process-memory and dummy caches
# (whose state is module-level already, behind a lock).
SHAREABLE_BACKENDS = frozenset(
    {
        "core.cache.RedisCache",  # redis-py's pool is thread-safe
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    }
)


def share_backends_across_requests() -> bool:
    """One set of cache backends per process instead of one per request (core.apps calls this).

    `django.core.cache.caches` keeps its backends in an asgiref Local, per execution context, and
    every request served through ASGI has a context of its own: so each request made its backends
    again and then looked them up through the Local on every cache call, about 3 % of a cached
    habit list's CPU. When every configured backend is one whose instance may be shared, the
    handler keeps them in a plain namespace instead. A test that overrides CACHES gets Django's
    Local back (django.test.signals), which only costs speed. Returns whether it did.
    """
    from django.core.cache import caches

    if not all(config["BACKEND"] in SHAREABLE_BACKENDS for config in caches.settings.values()):
        return False
    caches._connections = types.SimpleNamespace()  # type: ignore[attr-defined]
    return True
