"""Authentication backend that keeps the signed-in user's row in the shared cache.

Every API request loads its user; that query was half of the cost of a cached habit list. The row
is cached for a short time under the user's id and dropped whenever the user is saved or deleted
(password change, settings, last login, deactivation), so the session check that compares password
hashes always sees the current one. Only with a cache every process shares (Redis), like the list
cache: with per-process memory a change in one process would not reach the others. If Redis loses a
drop during an outage, the copy lives at most USER_CACHE_SECONDS.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import User

USER_CACHE_SECONDS = 120


def _key(user_id: Any) -> str:
    return f"auth-user:{user_id}"


def _enabled() -> bool:
    return bool(getattr(settings, "USER_CACHE", False))


class CachedModelBackend(ModelBackend):
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
