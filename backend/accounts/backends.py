"""The authentication backend: every password sign-in through the sign-in guard, and the signed-in
user's row kept in the shared cache.

`authenticate` (which Django's `authenticate()` calls for the API and the admin alike) looks the
account up by its canonical address and checks the password only through
`accounts.throttling.guarded`, so every path that signs in with a password shares one throttle.
An unknown address costs the same hashing as a known one (Django's own countermeasure, kept).

Every API request also loads its user; that query was half of the cost of a cached habit list.
The row is cached for a short time under the user's id and dropped whenever the user is saved or
deleted (password change, settings, last login, deactivation), so the session check that compares
password hashes always sees the current one. Only with a cache every process shares (Redis), like
the list cache: with per-process memory a change in one process would not reach the others. If
Redis loses a drop during an outage, the copy lives at most USER_CACHE_SECONDS.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.addresses import canonical_email
from accounts.models import User
from accounts.throttling import guarded, sign_in_client

USER_CACHE_SECONDS = 120


def _key(user_id: Any) -> str:
    return f"auth-user:{user_id}"


def _enabled() -> bool:
    return bool(getattr(settings, "USER_CACHE", False))


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
        if not _enabled():
            return super().get_user(user_id)
        user = cache.get(_key(user_id))
        if isinstance(user, User):
            return user if self.user_can_authenticate(user) else None
        user = super().get_user(user_id)
        if isinstance(user, User):
            cache.set(_key(user_id), user, USER_CACHE_SECONDS)
        return user


@receiver(post_save, sender=User)
@receiver(post_delete, sender=User)
def forget_cached_user(sender: Any, instance: User, **kwargs: Any) -> None:
    if _enabled():
        cache.delete(_key(instance.pk))
