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

The token and lists are fields of the user's entry in core.user_hash (one Redis hash per user):
`lv` holds the token and `l0` and `l1` (active, archived) each hold one list as
"<today>|<token>|<JSON>". A read is one HMGET of the token and the list (one round trip, one key,
which cluster mode allows), and the API's list view folds the user's cached row into that same
read (habits.apis.habit_list); a list whose day or token is not the current one is a miss, and the
next render overwrites it, so a user's entry holds at most these three list fields.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction

from core import user_hash

TOKEN_FIELD = "lv"  # noqa: S105 - a field name, not a secret
LIST_FIELDS = ("l0", "l1")  # the active habits, the archived ones


@dataclass(frozen=True, slots=True)
class Slot:
    """Where one list lives in the cache, as of the token read before rendering it."""

    user_id: int | None
    """None when the cache is off or down: then nothing is stored or served from it."""
    field: str
    """Which list: LIST_FIELDS[0] the active habits, LIST_FIELDS[1] the archived ones."""
    stamp: str
    """"<today>|<token>|": what a stored copy must start with to be this slot's."""
    body: bytes | None
    """The cached JSON, None on a miss."""

    def filled(self, body: bytes) -> Slot:
        """Store a freshly rendered `body` in this slot (when the cache is on) and hold it."""
        if self.user_id is not None:
            user_hash.write(self.user_id, {self.field: self.stamp.encode() + body})
        return Slot(user_id=self.user_id, field=self.field, stamp=self.stamp, body=body)


def enabled() -> bool:
    return bool(getattr(settings, "HABIT_LIST_CACHE", False))


def _new_token() -> bytes:
    return uuid.uuid4().hex.encode()


def fields(*, archived: bool) -> tuple[str, str]:
    """The fields of core.user_hash a lookup of this list reads, in the order `lookup` wants."""
    return (TOKEN_FIELD, LIST_FIELDS[archived])


def lookup(
    *, user_id: int, archived: bool, today: date, read: Sequence[bytes | None] | None = None
) -> Slot:
    """The slot of this user's list for `today`, with its body when it is cached.

    `read` is the values of `fields(archived=...)` when the caller has already read them (in the
    same round trip as other fields of the user's entry); without it they are read here.
    """
    field = LIST_FIELDS[archived]
    if not enabled():
        return Slot(user_id=None, field=field, stamp="", body=None)
    values = read if read is not None else user_hash.read(user_id, fields(archived=archived))
    if values is not None and values[0] is None:
        # The user's first list (or the entry expired): a token that no other reader replaces.
        user_hash.write(user_id, {TOKEN_FIELD: _new_token()}, only_new=TOKEN_FIELD)
        values = user_hash.read(user_id, fields(archived=archived))
    token, stored = values if values is not None else (None, None)
    if token is None:
        return Slot(user_id=None, field=field, stamp="", body=None)  # the cache is down
    stamp = f"{today.isoformat()}|{bytes(token).decode()}|"
    fresh = stored is not None and bytes(stored).startswith(stamp.encode())
    body = bytes(stored)[len(stamp) :] if fresh and stored is not None else None
    return Slot(user_id=user_id, field=field, stamp=stamp, body=body)


def _replace_token(user_id: int) -> None:
    # The lists go with the old token: they could never be served again, only take memory.
    user_hash.write(user_id, {TOKEN_FIELD: _new_token()}, remove=LIST_FIELDS)


def habits_changed(*, user_id: int) -> None:
    """Replace the user's token, inside or outside a transaction.

    The token is replaced at once and again when the transaction commits: the first keeps this
    request's own follow-up reads fresh, the second drops anything a concurrent reader cached from
    the data as it was before the commit. (A rollback only costs one extra cache miss.)
    """
    if not enabled():
        return
    _replace_token(user_id)
    transaction.on_commit(lambda: _replace_token(user_id))
