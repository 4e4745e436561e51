"""The rendered habit list, kept in the shared cache until something in it changes.

The list is what every visit opens, so most requests can skip its queries and rendering. Each user
has a version token; the list is cached under (user, archived, user's today, version). Every write
to the user's habits or entries replaces the token when its transaction commits, so a cached list
is never served after a change: a reader that raced the write stored its copy under the old token,
which nobody asks for again. "Today" in the key makes the day rollover (and a change of time zone
or day start) a miss as well. Tokens are random rather than counters, so an evicted token can never
come back and revive an old copy. Only single-key cache commands are used (cluster-mode Redis).

The cache must be shared by every process serving the user (Redis): with per-process memory, a
write in one process could not reach the copies of another, so it is off unless HABIT_LIST_CACHE is
true (the settings turn it on with REDIS_URL).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

LIST_TTL_SECONDS = 60 * 60 * 24
VERSION_TTL_SECONDS = 60 * 60 * 24 * 7


def _version_key(user_id: int) -> str:
    return f"habit-list:version:{user_id}"


def enabled() -> bool:
    return bool(getattr(settings, "HABIT_LIST_CACHE", False))


def _current_version(user_id: int) -> str:
    key = _version_key(user_id)
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, VERSION_TTL_SECONDS)
        version = cache.get(key)
    # None when the cache is down: then nothing is stored or served from it.
    return str(version) if version is not None else ""


def cached_list(*, user_id: int, archived: bool, today: date, render: Callable[[], bytes]) -> bytes:
    """The list's JSON for this user and day: from the cache, or rendered and stored."""
    if not enabled():
        return render()
    version = _current_version(user_id)
    if not version:
        return render()
    key = f"habit-list:{user_id}:{int(archived)}:{today.isoformat()}:{version}"
    body = cache.get(key)
    if body is None:
        body = render()
        cache.set(key, body, LIST_TTL_SECONDS)
    return bytes(body)


def habits_changed(*, user_id: int) -> None:
    """Call from every write to a user's habits or entries, inside or outside a transaction.

    The token is replaced at once and again when the transaction commits: the first keeps this
    request's own follow-up reads fresh, the second drops anything a concurrent reader cached from
    the data as it was before the commit. (A rollback only costs one extra cache miss.)
    """
    if not enabled():
        return

    def replace_token() -> None:
        cache.set(_version_key(user_id), uuid.uuid4().hex, VERSION_TTL_SECONDS)

    replace_token()
    transaction.on_commit(replace_token)
