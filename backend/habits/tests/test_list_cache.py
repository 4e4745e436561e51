"""The cached habit list is never stale: every kind of write shows in the next read."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from conftest import ApiClient
from core import user_hash
from factories import make_habit
from habits import list_cache
from habits.tests.loop_fixtures import loop_habits_csv, make_zip, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_list_cache_on")]


@pytest.fixture
def _list_cache_on() -> object:
    with override_settings(HABIT_LIST_CACHE=True):
        yield


def listed(api: ApiClient) -> Any:
    response = api.get("/api/habits/")
    assert response.status_code == 200
    return response.json()


def test_a_repeated_read_skips_the_habit_queries(signed_in: ApiClient, user: User) -> None:
    make_habit(user=user)
    first = listed(signed_in)
    with CaptureQueriesContext(connection) as queries:
        assert listed(signed_in) == first
    assert not [q for q in queries.captured_queries if "habits_habit" in q["sql"]]


def test_each_user_gets_their_own_list(signed_in: ApiClient, user: User, other_user: User) -> None:
    make_habit(user=user, name="Mine")
    make_habit(user=other_user, name="Theirs")
    assert [h["name"] for h in listed(signed_in)] == ["Mine"]
    other = ApiClient()
    other.sign_in(other_user)
    assert [h["name"] for h in listed(other)] == ["Theirs"]


WRITES: dict[str, Callable[[ApiClient, int, date], object]] = {
    "create": lambda api, _id, _day: api.post("/api/habits/", {"name": "New"}),
    "rename": lambda api, id_, _day: api.patch(f"/api/habits/{id_}/", {"name": "Renamed"}),
    "archive": lambda api, id_, _day: api.patch(f"/api/habits/{id_}/", {"archived": True}),
    "delete": lambda api, id_, _day: api.delete(f"/api/habits/{id_}/"),
    "check in": lambda api, id_, day: api.put(f"/api/habits/{id_}/entries/{day}/", {}),
    "check in yesterday": lambda api, id_, day: api.put(
        f"/api/habits/{id_}/entries/{day - timedelta(days=1)}/", {}
    ),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_shows_in_the_next_read(signed_in: ApiClient, user: User, write: str) -> None:
    habit = make_habit(user=user, name="Walk")
    make_habit(user=user, name="Read")
    day = signed_in.today()
    before = listed(signed_in)
    response = WRITES[write](signed_in, habit.pk, day)
    assert response.status_code in {200, 201, 204}  # type: ignore[attr-defined]
    assert listed(signed_in) != before


def test_reorder_and_entry_delete_show(signed_in: ApiClient, user: User) -> None:
    a, b = make_habit(user=user, position=0), make_habit(user=user, position=1)
    day = signed_in.today()
    signed_in.put(f"/api/habits/{a.pk}/entries/{day}/", {})
    assert listed(signed_in)[0]["today_entry"] is not None
    signed_in.delete(f"/api/habits/{a.pk}/entries/{day}/")
    assert listed(signed_in)[0]["today_entry"] is None
    signed_in.post("/api/habits/reorder/", {"ids": [b.pk, a.pk]})
    assert [h["id"] for h in listed(signed_in)] == [b.pk, a.pk]


def test_an_import_shows(signed_in: ApiClient) -> None:
    before = listed(signed_in)
    habits_csv = loop_habits_csv(
        ["001", "Stretch", "YES_NO", "", "", "1", "1", "#4F46E5", "", "", "", "false"]
    )
    response = upload(signed_in, make_zip({"Habits.csv": habits_csv}))
    assert response.status_code == 200, response.content
    assert listed(signed_in) != before


def redis_client() -> Any:
    """The raw client of the configured cache when it is Redis (CI runs the suite on Redis)."""
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    if get_client is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI runs the backend suite on Redis: set REDIS_URL")
        pytest.skip("the Redis store of the list needs REDIS_URL")
    return get_client(write=True)


def command_calls(client: Any, command: str) -> int:
    return int(client.info("commandstats").get(f"cmdstat_{command}", {}).get("calls", 0))


def all_calls(client: Any) -> int:
    return sum(int(stats["calls"]) for stats in client.info("commandstats").values())


def test_on_redis_a_cached_list_is_one_round_trip(signed_in: ApiClient, user: User) -> None:
    """The session, the user's row and the list in one HMGET (accounts.sessions, habits.apis)."""
    client = redis_client()
    make_habit(user=user)
    first = listed(signed_in)
    reads, writes = command_calls(client, "hmget"), command_calls(client, "hset")
    before = all_calls(client)
    assert listed(signed_in) == first
    # Nothing else: that one, and the INFO that counted `before` (INFO counts itself afterwards).
    assert all_calls(client) - before == 1 + 1
    assert command_calls(client, "hmget") - reads == 1
    assert command_calls(client, "hset") - writes == 0


def test_on_redis_a_user_holds_at_most_three_fields_whatever_the_days(user: User) -> None:
    client = redis_client()
    for offset in range(5):
        for archived in (False, True):
            slot = list_cache.lookup(
                user_id=user.pk, archived=archived, today=date(2026, 3, 1) + timedelta(offset)
            )
            assert slot.body is None
            slot.filled(b"[]")
        list_cache.habits_changed(user_id=user.pk)
    key = cache.make_key(f"user:{{{user.pk}}}")
    assert set(client.hkeys(key)) <= {b"lv", b"l0", b"l1"}
    assert 0 < client.ttl(key) <= user_hash.TTL_SECONDS


def test_a_copy_of_another_day_or_token_is_a_miss(user: User) -> None:
    today = date(2026, 3, 1)
    list_cache.lookup(user_id=user.pk, archived=False, today=today).filled(b"[1]")
    assert list_cache.lookup(user_id=user.pk, archived=False, today=today).body == b"[1]"
    assert list_cache.lookup(user_id=user.pk, archived=True, today=today).body is None
    assert (
        list_cache.lookup(user_id=user.pk, archived=False, today=today + timedelta(1)).body is None
    )
    list_cache.habits_changed(user_id=user.pk)
    assert list_cache.lookup(user_id=user.pk, archived=False, today=today).body is None
