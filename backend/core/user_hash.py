"""One cache entry per user for what that user's requests read on every visit, so one round trip
fetches all of it.

A signed-in request reads its session (accounts.sessions), the user's row (accounts.backends)
and, for the habit list, the list's token and the list itself (habits.list_cache). On Redis they
are fields of one hash, `user:{<user id>}`: the braces are a hash tag, so the key has one cluster
slot whatever it holds (ElastiCache Serverless runs in cluster mode), and one HMGET reads any set
of fields in one round trip. Each round trip costs the function CPU in the client and the kernel,
and ElastiCache Serverless bills ECPUs by each request's vCPU time and the data it transfers.

Fields (each owner documents its own): `s:<session key>` the user's sessions; `u` the cached user
row; `lv`, `l0`, `l1` the list's token and the active and archived lists. Writes refresh the whole
hash's time to live (TTL_SECONDS); a field that must expire sooner carries its own deadline in its
value. Redis errors are swallowed: a read gives None, a write is lost, as the cache's
IGNORE_EXCEPTIONS does for every other key.

Any other cache (the process's memory, tests without Redis) keeps each field under a key of its own
(`user:<id>:<field>`), with the same calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.cache import cache

TTL_SECONDS = 60 * 60 * 24 * 7


def _client() -> Any | None:
    """The Redis client of the cache when it is django-redis, else None."""
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    return None if get_client is None else get_client(write=True)


def _errors() -> tuple[type[BaseException], ...]:
    from redis.exceptions import RedisError  # only where Redis is the cache

    return (RedisError,)


def _key(user_id: int) -> str:
    return str(cache.make_key(f"user:{{{user_id}}}"))


def _field_key(user_id: int, field: str) -> str:
    return f"user:{user_id}:{field}"


def read(user_id: int, fields: Sequence[str]) -> list[bytes | None] | None:
    """The values of `fields`, in order (None for a field not set); None when the cache is down."""
    client = _client()
    if client is None:
        values = cache.get_many([_field_key(user_id, field) for field in fields])
        return [values.get(_field_key(user_id, field)) for field in fields]
    from core.cache import command  # only where Redis is the cache

    try:
        return list(command(client, "HMGET", _key(user_id), *fields))
    except _errors():
        return None


def write(
    user_id: int,
    values: Mapping[str, bytes],
    *,
    remove: Sequence[str] = (),
    only_new: str | None = None,
) -> None:
    """Set `values` and remove the fields `remove`, in one round trip on Redis.

    With `only_new`, that one field of `values` is set only if it is not set yet (HSETNX).
    """
    client = _client()
    if client is None:
        for field, value in values.items():
            key = _field_key(user_id, field)
            if field == only_new:
                cache.add(key, value, TTL_SECONDS)
            else:
                cache.set(key, value, TTL_SECONDS)
        if remove:
            cache.delete_many([_field_key(user_id, field) for field in remove])
        return
    key = _key(user_id)
    try:
        pipe = client.pipeline(transaction=False)
        for field, value in values.items():
            if field == only_new:
                pipe.hsetnx(key, field, value)
            else:
                pipe.hset(key, field, value)
        if remove:
            pipe.hdel(key, *remove)
        pipe.expire(key, TTL_SECONDS)
        pipe.execute()
    except _errors():
        pass  # as IGNORE_EXCEPTIONS: what is not stored is a miss for the next read


def remove(user_id: int, *fields: str) -> None:
    """Remove `fields` (a user's cached row when the user changes, say)."""
    client = _client()
    if client is None:
        cache.delete_many([_field_key(user_id, field) for field in fields])
        return
    try:
        client.hdel(_key(user_id), *fields)
    except _errors():
        pass
