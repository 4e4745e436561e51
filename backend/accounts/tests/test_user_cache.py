"""The signed-in user's cached row (accounts.backends): what is served from it, and when not."""

from __future__ import annotations

import pickle
import time

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from accounts.backends import USER_FIELD, CachedModelBackend, prefetched_user
from accounts.models import User
from core import user_hash

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_user_cache_on")]


@pytest.fixture
def _user_cache_on() -> object:
    with override_settings(USER_CACHE=True):
        yield


def served_from_cache(user_id: int) -> tuple[User | None, bool]:
    with CaptureQueriesContext(connection) as queries:
        found = CachedModelBackend().get_user(user_id)
    return found, not queries.captured_queries


def test_the_cached_row_is_the_row(user: User) -> None:
    first, cached = served_from_cache(user.pk)
    assert not cached
    second, cached = served_from_cache(user.pk)
    assert cached
    assert first is not None
    assert second is not None
    for field in User._meta.concrete_fields:
        assert getattr(second, field.attname) == getattr(user, field.attname), field.name
    assert second._state.adding is False
    assert second._state.db == "default"
    assert second.get_session_auth_hash() == user.get_session_auth_hash()


def test_an_expired_or_foreign_copy_is_read_again(user: User) -> None:
    served_from_cache(user.pk)
    names = tuple(field.attname for field in User._meta.concrete_fields)
    values = tuple(getattr(user, name) for name in names)
    old = b"%d|" % (int(time.time()) - 1) + pickle.dumps((names, values))
    user_hash.write(user.pk, {USER_FIELD: old})
    assert not served_from_cache(user.pk)[1]  # past its deadline
    other_fields = b"%d|" % (int(time.time()) + 60) + pickle.dumps((names[:-1], values[:-1]))
    user_hash.write(user.pk, {USER_FIELD: other_fields})
    assert not served_from_cache(user.pk)[1]  # cached before the fields changed (a deploy)
    assert served_from_cache(user.pk)[1]


def test_a_prefetched_row_counts_only_for_its_user(user: User, other_user: User) -> None:
    served_from_cache(user.pk)
    raw = user_hash.read(user.pk, [USER_FIELD])
    assert raw is not None
    with prefetched_user(user.pk, raw[0]):
        found = CachedModelBackend().get_user(other_user.pk)
    assert found is not None
    assert found.pk == other_user.pk
    with prefetched_user(user.pk, None), CaptureQueriesContext(connection) as queries:
        assert CachedModelBackend().get_user(user.pk) == user  # nothing prefetched: the database
    assert queries.captured_queries
