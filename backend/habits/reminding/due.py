"""The earliest instant any reminder is due, kept in the shared cache so the sender can tell
"nothing to do" without touching the database (a paused Aurora stays paused).

- Every change that can move a reminder (a reminder written or removed, a habit's schedule or
  archive flag, a user's zone or day start; habits.reminding.planning) calls `invalidate`: at once
  and again when its transaction commits.
- The sender reads `earliest()` first. A known instant in the future (or "none at all") means no
  work and no query. Otherwise it reads the database, sends, and stores the new earliest instant
  with `store`, but only when no change happened since it read `generation()` before its query:
  a reminder committed meanwhile is not hidden behind an instant computed without it. (The check
  and the store are two commands, so a change landing between them could still be overwritten;
  the TTL bounds that to a day.)

Single-key commands only (cluster-mode Valkey). Off (every run reads the database) unless the cache
is shared between the API and the sender: REMINDER_DUE_CACHE, on with REDIS_URL.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

EARLIEST_KEY = "reminders:earliest"
GENERATION_KEY = "reminders:generation"
NONE_DUE = "none"
TTL_SECONDS = 24 * 3600


def enabled() -> bool:
    return bool(getattr(settings, "REMINDER_DUE_CACHE", False))


def earliest() -> datetime | str | None:
    """The stored earliest due instant; NONE_DUE when no reminder is set; None when unknown."""
    if not enabled():
        return None
    value = cache.get(EARLIEST_KEY)
    if value == NONE_DUE:
        return NONE_DUE
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).astimezone(UTC)
        except ValueError:
            return None
    return None


def generation() -> str:
    if not enabled():
        return ""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return str(value or "")


def store(instant: datetime | None, *, read_generation: str) -> bool:
    """Store the earliest due `instant` (None: nothing scheduled) unless a change came after
    `read_generation` was read. Whether it was stored."""
    if not enabled() or not read_generation or generation() != read_generation:
        return False
    value = NONE_DUE if instant is None else instant.astimezone(UTC).isoformat()
    cache.set(EARLIEST_KEY, value, TTL_SECONDS)
    return True


def invalidate() -> None:
    """Something may have moved a reminder earlier: the next run reads the database."""
    if not enabled():
        return

    def forget() -> None:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
        cache.delete(EARLIEST_KEY)

    forget()
    transaction.on_commit(forget)
