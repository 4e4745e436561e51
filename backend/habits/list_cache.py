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
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

LIST_TTL_SECONDS = 60 * 60 * 24
VERSION_TTL_SECONDS = 60 * 60 * 24 * 7


@dataclass(frozen=True, slots=True)
class Slot:
    """Where one list lives in the cache, as of the version read before rendering it."""

    key: str | None
    """None when the cache is off or down: then nothing is stored or served from it."""
    body: bytes | None
    """The cached JSON, None on a miss."""

    def filled(self, body: bytes) -> Slot:
        """Store a freshly rendered `body` in this slot (when the cache is on) and hold it."""
        if self.key is not None:
            cache.set(self.key, body, LIST_TTL_SECONDS)
        return Slot(key=self.key, body=body)


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
    # None when the cache is down.
    return str(version) if version is not None else ""


def lookup(*, user_id: int, archived: bool, today: date) -> Slot:
    """The slot of this user's list for `today`, with its body when it is cached."""
    if not enabled():
        return Slot(key=None, body=None)
    version = _current_version(user_id)
    if not version:
        return Slot(key=None, body=None)
    key = f"habit-list:{user_id}:{int(archived)}:{today.isoformat()}:{version}"
    body = cache.get(key)
    return Slot(key=key, body=None if body is None else bytes(body))


def habits_changed(*, user_id: int) -> None:
    """Replace the user's token, inside or outside a transaction.

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
