"""Sessions kept beside their user's other cached data, so that one round trip reads them all.

Django's cached_db sessions (settings.SESSION_ENGINE), with one change. A signed-in session's key
starts with its user's id: `<user id in base 36>-<32 random characters>`. Its cached copy is then
the field `s:<key>` of that user's entry in core.user_hash, the entry that also holds the user's
cached row and habit list. So a signed-in request reads its session, its user and its list in a
single HMGET (habits.apis.signed_in_list), where cached_db took three round trips.

What the id in the key changes, and what it does not:
- The key still authenticates: its 32 random characters (165 bits) are the secret, as in Django's
  own keys. The id only says which user's entry to look in. A key whose id is changed is a key that
  does not exist (not in that user's entry, not in the database), and the request is anonymous.
- A key gets its id when the session gets its user: Django's `login()` rotates the key and then
  stores the user, and storing the user rotates it once more, into a key with the id (so the key
  that `user_logged_in` records, accounts.signals, is the final one). A session whose key has an
  id always holds that user: storing another user rotates again. Signing out flushes the session,
  and the next one starts without an id.
- The id is visible to whoever holds the cookie, who is signed in as that user already; the cookie
  is HttpOnly and never logged.
- Anonymous sessions, keys made before this engine, and ids too long for the 40 characters of the
  database's key column keep cached_db's own copy, under a cache key of its own.

The copy in the entry holds the session's JSON after its expiry time, and is served only before
it; the database stays the record (cached_db's fallback, kept): a session missing from the cache
(Redis down, the entry evicted) is read from the database and cached again.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from asgiref.sync import sync_to_async
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.utils.crypto import get_random_string

from core import user_hash

FIELD_PREFIX = "s:"
SEPARATOR = "-"
RANDOM_LENGTH = 32
KEY_MAX_LENGTH = 40  # django_session.session_key
ID_MAX_DIGITS = KEY_MAX_LENGTH - len(SEPARATOR) - RANDOM_LENGTH
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = DIGITS[digit] + digits
        if not number:
            return digits


def key_user_id(session_key: str | None) -> int | None:
    """The user id a session key starts with; None for a key without one."""
    if not session_key:
        return None
    head, separator, secret = session_key.partition(SEPARATOR)
    # The cookie is the caller's: a head longer than a key can hold is no id (and never reaches
    # int(), whose work grows with the digits and which refuses more than 4,300).
    if not separator or len(secret) != RANDOM_LENGTH or not 0 < len(head) <= ID_MAX_DIGITS:
        return None
    if head.strip(DIGITS):
        return None
    return int(head, 36)


def _named_user(data: Mapping[str, Any]) -> int | None:
    """The user id a session holding `data` has in its key: its user's, unless it holds none or an
    id too long for the database's key column."""
    text = str(data.get(SESSION_KEY, ""))
    if not text.isdigit():
        return None
    user_id = int(text)
    return user_id if len(_base36(user_id)) <= ID_MAX_DIGITS else None


class SessionStore(CachedDBStore):
    def __init__(self, session_key: str | None = None) -> None:
        super().__init__(session_key)
        self._alongside: Sequence[str] = ()
        self._read_alongside: dict[str, bytes | None] = {}

    # --- the key ------------------------------------------------------------------------------

    def _get_new_session_key(self) -> str:
        user_id = _named_user(getattr(self, "_session_cache", None) or {})
        prefix = "" if user_id is None else _base36(user_id) + SEPARATOR
        while True:
            session_key = prefix + get_random_string(RANDOM_LENGTH, VALID_KEY_CHARS)
            if not self.exists(session_key):
                return session_key

    def _key_fits(self) -> bool:
        """Whether the key names the user the data holds (no one, when it holds no one or an id
        too long to name)."""
        data = getattr(self, "_session_cache", None) or {}
        return key_user_id(self.session_key) == _named_user(data)

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        if key == SESSION_KEY and not self._key_fits():
            # The session has a user now (or another one): a key of that user's.
            self.cycle_key()

    def exists(self, session_key: str) -> bool:
        if key_user_id(session_key) is not None:
            return DBStore.exists(self, session_key)
        return bool(super().exists(session_key))

    # --- reading --------------------------------------------------------------------------------

    def read_with(self, fields: Sequence[str]) -> Mapping[str, bytes | None]:
        """Load the session, reading `fields` of its user's core.user_hash entry in the same round
        trip; their values. Empty when nothing was read with it: the session was loaded already,
        its key has no user, or the cache is down."""
        if hasattr(self, "_session_cache"):
            return {}
        self._alongside = tuple(fields)
        try:
            self._get_session()  # type: ignore[attr-defined]
        finally:
            self._alongside = ()
        read, self._read_alongside = self._read_alongside, {}
        return read

    def load(self) -> dict[str, Any]:
        user_id = key_user_id(self.session_key)
        if user_id is None:
            return super().load()
        wanted = [self._field(), *self._alongside]
        values = user_hash.read(user_id, wanted)
        if values is not None:
            self._read_alongside = dict(zip(wanted[1:], values[1:], strict=True))
            data = self._decoded(values[0])
            if data is not None:
                return data
        stored = self._get_session_from_db()  # type: ignore[attr-defined]
        if stored is None:
            return {}
        data = self.decode(stored.session_data)
        self._keep_copy(user_id, data, self.get_expiry_age(expiry=stored.expire_date))
        return data

    # --- writing --------------------------------------------------------------------------------

    def save(self, must_create: bool = False) -> None:
        if not must_create and self.session_key is not None and not self._key_fits():
            # A user stored without __setitem__ (update(), setdefault()): the key follows as well.
            self.cycle_key()  # saves the data under the new key, and deletes the old one
            return
        user_id = key_user_id(self.session_key)
        if user_id is None:
            super().save(must_create)
            return
        DBStore.save(self, must_create)
        self._keep_copy(user_id, self._session, self.get_expiry_age())  # type: ignore[attr-defined]

    def delete(self, session_key: str | None = None) -> None:
        key = session_key if session_key is not None else self.session_key
        user_id = key_user_id(key)
        if key is None or user_id is None:
            super().delete(session_key)
            return
        DBStore.delete(self, key)
        user_hash.remove(user_id, FIELD_PREFIX + key)

    # Django's async session API (unused by this product's sync views) through the same code.
    async def aload(self) -> dict[str, Any]:
        return await sync_to_async(self.load)()

    async def asave(self, must_create: bool = False) -> None:
        await sync_to_async(self.save)(must_create)

    async def adelete(self, session_key: str | None = None) -> None:
        await sync_to_async(self.delete)(session_key)

    async def aexists(self, session_key: str) -> bool:
        return await sync_to_async(self.exists)(session_key)

    # --- the copy in the user's entry -----------------------------------------------------------

    def _field(self, session_key: str | None = None) -> str:
        return FIELD_PREFIX + str(session_key or self.session_key)

    def _keep_copy(self, user_id: int, data: dict[str, Any], age: int) -> None:
        if age <= 0:
            user_hash.remove(user_id, self._field())
            return
        deadline = int(time.time()) + int(age)
        payload = self.serializer().dumps(data)
        user_hash.write(user_id, {self._field(): b"%d|" % deadline + payload})

    def _decoded(self, value: bytes | None) -> dict[str, Any] | None:
        if not value:
            return None
        deadline, _, payload = bytes(value).partition(b"|")
        if not deadline.isdigit() or int(deadline) <= time.time():
            return None
        try:
            data = self.serializer().loads(payload)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
