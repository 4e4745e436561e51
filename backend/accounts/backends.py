"""The authentication backend: every password sign-in through the sign-in guard, and the signed-in
user's row kept in the shared cache.

`authenticate` (which Django's `authenticate()` calls for the API and the admin alike) looks the
account up by its canonical address and checks the password only through
`accounts.throttling.guarded`, so every path that signs in with a password shares one throttle.
An unknown address costs the same hashing as a known one (Django's own countermeasure, kept).

Every API request also loads its user; that query was half of the cost of a cached habit list.
The row is cached for a short time in the user's entry of core.user_hash (field `u`: its deadline,
then its fields' values) and dropped whenever the user is saved or deleted (password change,
settings, last login, deactivation), so the session check that compares password hashes always
sees the current one. Only with a cache every process shares (Redis), like the list cache: with
per-process memory a change in one process would not reach the others. If Redis loses a drop during
an outage, the copy lives at most USER_CACHE_SECONDS.

A caller that reads the user's entry for its own fields anyway (the habit list) reads `u` in the
same round trip and hands it over with `prefetched_user`, so that Django's `get_user` (which also
checks the session's password hash) finds it instead of reading again.
"""

from __future__ import annotations

import functools
import pickle
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.addresses import canonical_email
from accounts.models import User
from accounts.throttling import guarded, sign_in_client
from core import user_hash

USER_CACHE_SECONDS = 120
USER_FIELD = "u"

# (user id, the value of USER_FIELD read for it) while a caller hands over a read of its own.
_prefetched: ContextVar[tuple[int, bytes | None] | None] = ContextVar(
    "prefetched_user", default=None
)


def enabled() -> bool:
    return bool(getattr(settings, "USER_CACHE", False))


# The cached row is the concrete fields' values, rebuilt with Model.from_db as a query would: about
# a third of the CPU of unpickling the model instance. The field names are kept with them, so a
# row cached before a deploy that changed the fields is a miss, not a wrong user.
@functools.cache
def _field_names() -> tuple[str, ...]:
    return tuple(field.attname for field in User._meta.concrete_fields)


def _encoded(user: User) -> bytes:
    deadline = int(time.time()) + USER_CACHE_SECONDS
    names = _field_names()
    values = tuple(getattr(user, name) for name in names)
    return b"%d|" % deadline + pickle.dumps((names, values), pickle.HIGHEST_PROTOCOL)


def _decoded(value: bytes | None) -> User | None:
    """The cached row in `value`, None when there is none or its deadline has passed."""
    if not value:
        return None
    deadline, _, data = bytes(value).partition(b"|")
    if not deadline.isdigit() or int(deadline) < time.time():
        return None
    names, values = pickle.loads(data)  # noqa: S301 - written by this module to the product's Redis
    if names != _field_names():
        return None
    return User.from_db(DEFAULT_DB_ALIAS, names, values)


@contextmanager
def prefetched_user(user_id: int, value: bytes | None) -> Iterator[None]:
    """While inside, `get_user(user_id)` takes `value` (USER_FIELD as just read) for the cache's."""
    token = _prefetched.set((user_id, value))
    try:
        yield
    finally:
        _prefetched.reset(token)


class CachedModelBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        address = username if username is not None else kwargs.get("email")
        if address is None or password is None:
            return None
        email_key = canonical_email(address)
        user = User.objects.filter(email_key=email_key).first()

        def check() -> bool:
            if user is None:
                User().set_password(password)  # the hashing a real check costs
                return False
            return user.check_password(password) and self.user_can_authenticate(user)

        user_id = user.pk if user is not None else None
        allowed = guarded(
            client=sign_in_client(request), user_id=user_id, email_key=email_key, check=check
        )
        return user if allowed else None

    def get_user(self, user_id: Any) -> User | None:
        if not enabled():
            return super().get_user(user_id)
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        prefetched = _prefetched.get()
        if prefetched is not None and prefetched[0] == pk:
            value = prefetched[1]
        else:
            values = user_hash.read(pk, (USER_FIELD,))
            value = None if values is None else values[0]
        user = _decoded(value)
        if user is not None and user.pk == pk:
            return user if self.user_can_authenticate(user) else None
        user = super().get_user(pk)
        if isinstance(user, User):
            user_hash.write(pk, {USER_FIELD: _encoded(user)})
        return user


@receiver(post_save, sender=User)
@receiver(post_delete, sender=User)
def forget_cached_user(sender: Any, instance: User, **kwargs: Any) -> None:
    if enabled() and instance.pk is not None:
        user_hash.remove(int(instance.pk), USER_FIELD)
