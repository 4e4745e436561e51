"""The rendered habit list, kept in the shared cache until something in it changes.

The list is what every visit opens, so most requests can skip its queries and rendering. Each user
has a version token; the list is cached under (user, archived, user's today, version). Every write
to the user's habits or entries replaces the token (`habits_changed`, called by habits.changes) when
its transaction commits, so a cached list is never served after a change: a reader that raced the
write read the old token before rendering and stored its copy under it, which nobody asks for
again. "Today" in the key makes the day rollover (and a change of time zone or day start) a miss as
well. Tokens are random rather than counters, so an evicted token can never come back and revive
an old copy. Only single-key cache commands are used (cluster-mode Redis).

The cache must be shared by every process serving the user (Redis): with per-process memory, a
write in one process could not reach the copies of another, so it is off unless HABIT_LIST_CACHE is
true (the settings turn it on with REDIS_URL). The selectors own the reading side
(`habits.selectors.habit_list_slot`).

On Redis (django-redis), a user's token and lists live in one hash, `habit-list:{<user id>}`: the
field `v` holds the token and the fields `0` and `1` (active, archived) each hold one list as
"<today>|<token>|<JSON>". A read is one HMGET (one round trip, one key, which cluster mode allows);
a list whose day or token is not the current one is a miss, and the next render overwrites it, so
a user's hash holds at most three fields. Any other cache (tests without Redis) keeps the token and
each list under keys of their own, read one after the other, with the same rules.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

LIST_TTL_SECONDS = 60 * 60 * 24
VERSION_TTL_SECONDS = 60 * 60 * 24 * 7


@dataclass(frozen=True, slots=True)
class Slot:
    """Where one list lives in the cache, as of the token read before rendering it."""

    store: _Store | None
    """None when the cache is off or down: then nothing is stored or served from it."""
    field: str
    """Which list: "0" the active habits, "1" the archived ones."""
    stamp: str
    """"<today>|<token>|": what a stored copy must start with to be this slot's."""
    body: bytes | None
    """The cached JSON, None on a miss."""

    def filled(self, body: bytes) -> Slot:
        """Store a freshly rendered `body` in this slot (when the cache is on) and hold it."""
        if self.store is not None:
            self.store.put(self, body)
        return Slot(store=self.store, field=self.field, stamp=self.stamp, body=body)


def enabled() -> bool:
    return bool(getattr(settings, "HABIT_LIST_CACHE", False))


def _new_token() -> str:
    return uuid.uuid4().hex


class _Store:
    """The generic store: Django's cache API, the token and each list under keys of their own."""

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id

    def _version_key(self) -> str:
        return f"habit-list:version:{self.user_id}"

    def _list_key(self, field: str) -> str:
        return f"habit-list:{self.user_id}:{field}"

    def read(self, field: str) -> tuple[str, bytes | None]:
        """The current token ("" when the cache is down) and the stored copy of list `field`."""
        key = self._version_key()
        token = cache.get(key)
        if token is None:
            cache.add(key, _new_token(), VERSION_TTL_SECONDS)
            token = cache.get(key)
        if token is None:
            return "", None
        stored = cache.get(self._list_key(field))
        return str(token), None if stored is None else bytes(stored)

    def put(self, slot: Slot, body: bytes) -> None:
        cache.set(self._list_key(slot.field), slot.stamp.encode() + body, LIST_TTL_SECONDS)

    def replace_token(self) -> None:
        cache.set(self._version_key(), _new_token(), VERSION_TTL_SECONDS)


class _RedisStore(_Store):
    """One hash per user (see the module's docstring): a read is a single HMGET."""

    def __init__(self, user_id: int, client: Any) -> None:
        super().__init__(user_id)
        self.client = client
        self.key = cache.make_key(f"habit-list:{{{user_id}}}")

    def read(self, field: str) -> tuple[str, bytes | None]:
        from redis.exceptions import RedisError  # only where Redis is the cache

        try:
            token, stored = self.client.hmget(self.key, ["v", field])
            if token is None:
                self.client.hsetnx(self.key, "v", _new_token())
                self.client.expire(self.key, VERSION_TTL_SECONDS)
                token, stored = self.client.hmget(self.key, ["v", field])
        except RedisError:
            return "", None
        return ("", None) if token is None else (token.decode(), stored)

    def put(self, slot: Slot, body: bytes) -> None:
        from redis.exceptions import RedisError

        try:
            pipe = self.client.pipeline(transaction=False)
            pipe.hset(self.key, slot.field, slot.stamp.encode() + body)
            pipe.expire(self.key, VERSION_TTL_SECONDS)
            pipe.execute()
        except RedisError:
            pass  # A list not stored is only a miss for the next read.

    def replace_token(self) -> None:
        from redis.exceptions import RedisError

        # The lists go with the old token: they could never be served again, only take memory.
        try:
            pipe = self.client.pipeline(transaction=False)
            pipe.hset(self.key, "v", _new_token())
            pipe.hdel(self.key, "0", "1")
            pipe.expire(self.key, VERSION_TTL_SECONDS)
            pipe.execute()
        except RedisError:
            pass  # As the generic store: a cache that is down serves nothing either.


def _store(user_id: int) -> _Store:
    client_of = getattr(getattr(cache, "client", None), "get_client", None)
    if client_of is None:
        return _Store(user_id)
    return _RedisStore(user_id, client_of(write=True))


def lookup(*, user_id: int, archived: bool, today: date) -> Slot:
    """The slot of this user's list for `today`, with its body when it is cached."""
    if not enabled():
        return Slot(store=None, field="", stamp="", body=None)
    store = _store(user_id)
    field = str(int(archived))
    token, stored = store.read(field)
    if not token:
        return Slot(store=None, field=field, stamp="", body=None)
    stamp = f"{today.isoformat()}|{token}|"
    fresh = stored is not None and stored.startswith(stamp.encode())
    body = bytes(stored[len(stamp) :]) if fresh and stored is not None else None
    return Slot(store=store, field=field, stamp=stamp, body=body)


def habits_changed(*, user_id: int) -> None:
    """Replace the user's token, inside or outside a transaction.

    The token is replaced at once and again when the transaction commits: the first keeps this
    request's own follow-up reads fresh, the second drops anything a concurrent reader cached from
    the data as it was before the commit. (A rollback only costs one extra cache miss.)
    """
    if not enabled():
        return
    store = _store(user_id)
    store.replace_token()
    transaction.on_commit(store.replace_token)
