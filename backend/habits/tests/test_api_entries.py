from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection

from accounts.models import User
from conftest import ApiClient
from factories import make_entry, make_habit, make_user
from habits.models import Entry
from habits.rules import (
    MESSAGE_BAD_DAY,
    MESSAGE_BEFORE_EARLIEST_DAY,
    MESSAGE_NOTE_ONLY,
    MESSAGE_VALUE_FOR_BOOLEAN,
    MESSAGE_VALUE_REQUIRED,
)

pytestmark = pytest.mark.django_db


def entries_url(habit_id: int, day: str | date = "") -> str:
    suffix = f"{day}/" if day else ""
    return f"/api/habits/{habit_id}/entries/{suffix}"


def test_put_creates_then_replaces_the_days_entry(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    day = signed_in.today()
    first = signed_in.put(entries_url(habit.pk, day), {"status": "done", "note": "first"})
    assert first.status_code == 200
    assert first.json() == {
        "date": day.isoformat(),
        "status": "done",
        "value": None,
        "note": "first",
    }
    again = signed_in.put(entries_url(habit.pk, day), {"status": "skipped"})
    assert again.json()["status"] == "skipped"
    assert again.json()["note"] == ""
    assert Entry.objects.filter(habit=habit).count() == 1


def test_put_is_idempotent(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    day = signed_in.today()
    bodies = [signed_in.put(entries_url(habit.pk, day), {"note": "same"}).json() for _ in range(3)]
    assert bodies[0] == bodies[1] == bodies[2]
    assert Entry.objects.count() == 1


def test_numeric_entries_keep_exact_decimals(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user, kind="numeric", target_value=Decimal(2))
    day = signed_in.today()
    for _ in range(10):
        response = signed_in.put(entries_url(habit.pk, day), {"value": "0.1"})
    assert response.json()["value"] == 0.1
    assert Entry.objects.get().value == Decimal("0.100")


def test_entries_by_date_range(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    today = signed_in.today()
    for offset in range(10):
        make_entry(habit=habit, day=today - timedelta(days=offset))
    start, end = today - timedelta(days=5), today - timedelta(days=2)
    response = signed_in.get(entries_url(habit.pk) + f"?start={start}&end={end}")
    assert [e["date"] for e in response.json()] == [
        (start + timedelta(days=n)).isoformat() for n in range(4)
    ]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?start=2024-02-30", "start"),
        ("?start=2024-03-02&end=2024-03-01", "start"),
        ("?end=yesterday", "end"),
        ("?start=1900-01-01&end=2024-01-01", "start"),
    ],
)
def test_entries_refuse_bad_ranges(
    signed_in: ApiClient, user: User, query: str, field: str
) -> None:
    habit = make_habit(user=user)
    response = signed_in.get(entries_url(habit.pk) + query)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_delete_clears_the_day(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    day = signed_in.today()
    make_entry(habit=habit, day=day)
    assert signed_in.delete(entries_url(habit.pk, day)).status_code == 204
    assert not Entry.objects.exists()
    assert signed_in.delete(entries_url(habit.pk, day)).status_code == 204


@pytest.mark.parametrize("day", ["2023-02-30", "2023-13-01", "20230201", "2023-2-1", "Today"])
def test_impossible_dates_are_a_400(signed_in: ApiClient, user: User, day: str) -> None:
    habit = make_habit(user=user)
    response = signed_in.put(entries_url(habit.pk, day), {"status": "done"})
    assert response.status_code == 400
    assert response.json()["errors"]["date"] == [MESSAGE_BAD_DAY]
    assert not Entry.objects.exists()


def test_today_names_the_users_today(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    response = signed_in.put(entries_url(habit.pk, "today"), {"status": "done"})
    assert response.status_code == 200
    assert response.json()["date"] == signed_in.today().isoformat()
    assert signed_in.delete(entries_url(habit.pk, "today")).status_code == 204
    assert not Entry.objects.exists()


def test_days_after_the_users_today_are_refused(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    tomorrow = signed_in.today() + timedelta(days=1)
    response = signed_in.put(entries_url(habit.pk, tomorrow), {"status": "done"})
    assert response.status_code == 400
    assert "after today" in response.json()["errors"]["date"][0]
    assert not Entry.objects.exists()


def test_future_is_judged_in_the_users_zone() -> None:
    # At 23:30 UTC it is already the next day in Tokyo, and still the same day in Los Angeles.
    instant = datetime(2024, 6, 1, 23, 30, tzinfo=UTC)
    for zone, allowed in (("Asia/Tokyo", True), ("America/Los_Angeles", False)):
        person = make_user(time_zone=zone)
        habit = make_habit(user=person)
        client = ApiClient()
        client.sign_in(person)
        with mock.patch("accounts.selectors.timezone") as clock:
            clock.now.return_value = instant
            response = client.put(entries_url(habit.pk, "2024-06-02"), {"status": "done"})
        assert (response.status_code == 200) is allowed, response.content


def test_days_before_1970_are_refused(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    response = signed_in.put(entries_url(habit.pk, "1969-12-31"), {"status": "done"})
    assert response.json()["errors"]["date"] == [MESSAGE_BEFORE_EARLIEST_DAY]


@pytest.mark.parametrize(
    ("kind", "payload", "field", "message"),
    [
        ("boolean", {"status": "done", "value": 3}, "value", MESSAGE_VALUE_FOR_BOOLEAN),
        ("numeric", {"status": "done"}, "value", MESSAGE_VALUE_REQUIRED),
        ("numeric", {"value": -2}, "value", None),
        ("numeric", {"value": "1e400"}, "value", None),
        ("boolean", {"status": "finished"}, "status", None),
        ("boolean", {"note": "x" * 1001}, "note", None),
        ("boolean", {"note": 5}, "note", None),
    ],
)
def test_entries_refuse_bad_input(
    signed_in: ApiClient,
    user: User,
    kind: str,
    payload: dict[str, object],
    field: str,
    message: str | None,
) -> None:
    habit = make_habit(user=user, kind=kind)
    response = signed_in.put(entries_url(habit.pk, signed_in.today()), payload)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert field in errors
    if message:
        assert errors[field] == [message]
    assert not Entry.objects.exists()


def test_a_note_alone_records_no_status_and_counts_for_nothing(
    signed_in: ApiClient, user: User
) -> None:
    habit = make_habit(user=user)
    today = signed_in.today()
    make_entry(habit=habit, day=today - timedelta(days=1))
    response = signed_in.put(entries_url(habit.pk, today), {"status": None, "note": "sore knee"})
    assert response.status_code == 200, response.content
    assert response.json() == {
        "date": today.isoformat(),
        "status": None,
        "value": None,
        "note": "sore knee",
    }
    assert Entry.objects.get(habit=habit, date=today).status is None
    stats = signed_in.get(f"/api/habits/{habit.pk}/stats/").json()
    assert stats["total_done"] == 1
    assert (
        stats["current_streak"] == 1
    )  # today is still open: the note neither broke nor extended it
    (listed,) = signed_in.get("/api/habits/").json()
    assert listed["today_entry"]["status"] is None
    assert listed["today_entry"]["note"] == "sore knee"


@pytest.mark.parametrize(
    "payload",
    [{"status": None}, {"status": None, "note": ""}, {"status": None, "note": "x", "value": "2"}],
)
def test_no_status_needs_a_note_and_no_value(
    signed_in: ApiClient, user: User, payload: dict[str, object]
) -> None:
    habit = make_habit(user=user, kind="numeric", target_value=Decimal(1))
    response = signed_in.put(entries_url(habit.pk, signed_in.today()), payload)
    assert response.status_code == 400
    assert response.json()["errors"]["status"] == [MESSAGE_NOTE_ONLY]
    assert not Entry.objects.exists()


def test_another_users_entries_are_a_404(signed_in: ApiClient) -> None:
    foreign = make_habit()
    make_entry(habit=foreign, day=date(2024, 1, 1), note="secret")
    assert signed_in.get(entries_url(foreign.pk)).status_code == 404
    assert signed_in.put(entries_url(foreign.pk, "2024-01-01"), {}).status_code == 404
    assert signed_in.delete(entries_url(foreign.pk, "2024-01-01")).status_code == 404
    assert Entry.objects.get().note == "secret"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_puts_of_one_day_all_succeed_with_one_row() -> None:
    user = make_user()
    habit = make_habit(user=user)
    day = date.today() - timedelta(days=1)
    barrier = threading.Barrier(20)
    statuses: list[int] = []
    # Twenty sessions of one person, signed in one after another: twenty sign-ins at once would
    # meet the sign-in guard (it counts each attempt before checking it), which is not under test.
    clients = [ApiClient() for _ in range(20)]
    for client in clients:
        client.sign_in(user)

    def put(number: int) -> None:
        try:
            client = clients[number]
            barrier.wait(timeout=30)
            response = client.put(entries_url(habit.pk, day), {"note": f"writer {number}"})
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=put, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 20
    assert Entry.objects.filter(habit=habit, date=day).count() == 1
