"""Stored engine states: which are kept, which a write drops, and that computations continuing
them give exactly what computing from scratch gives."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from accounts.selectors import user_today
from conftest import ApiClient
from factories import make_habit, make_user
from habits import checkpoints, services
from habits.checkpoints import MONTH_END_DAYS, RECENT_LAG_DAYS, continuations, entry_rows
from habits.engine import EngineState, advance, habit_stats, habit_summary
from habits.models import Entry, Habit, HabitCheckpoint
from habits.rules import MAX_HABITS_PER_USER, Status
from habits.specs import ENTRY_ROW_FIELDS, habit_spec, marks_from_rows
from habits.tests.loop_fixtures import export, upload

pytestmark = pytest.mark.django_db

SCHEDULES: list[dict[str, Any]] = [
    {},
    {"frequency_times": 3, "frequency_days": 7},
    {"frequency_times": 2, "frequency_days": 7, "period": "calendar", "weekdays_mask": 0b0011111},
    {"frequency_times": 10, "frequency_days": 31, "period": "calendar"},
    {"frequency_times": 2, "frequency_days": 365, "period": "calendar"},
    {"kind": "numeric", "target_value": Decimal(5), "frequency_times": 2, "frequency_days": 5},
    {"kind": "numeric", "target_value": Decimal(3), "target_type": "at_most"},
]


def seed(habit: Habit, today: date, days: int, rng: random.Random, density: float = 0.6) -> None:
    """Random entries over the `days` before today, written directly (no side effects)."""
    numeric = habit.kind == "numeric"
    Entry.objects.bulk_create(
        Entry(
            habit=habit,
            date=today - timedelta(days=offset),
            status=rng.choice([Status.DONE, Status.DONE, Status.NOT_DONE, Status.SKIPPED]),
            value=Decimal(rng.randint(0, 8)) if numeric else None,
        )
        for offset in range(days)
        if rng.random() < density
    )


def all_marks(habit: Habit) -> Any:
    return marks_from_rows(Entry.objects.filter(habit=habit).values_list(*ENTRY_ROW_FIELDS))


def stored(habit: Habit) -> dict[date, tuple[int, EngineState]]:
    return {
        row.day: (row.pk, EngineState.from_json(row.state))
        for row in HabitCheckpoint.objects.filter(habit=habit)
    }


def is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def expected_days(first: date, today: date) -> set[date]:
    """The year-ends the history has passed, the month-ends of the last MONTH_END_DAYS at least
    RECENT_LAG_DAYS old, and the recent day."""
    days = {date(year, 12, 31) for year in range(first.year, today.year)}
    ago = (today - timedelta(days=lag) for lag in range(RECENT_LAG_DAYS, MONTH_END_DAYS))
    days |= {day for day in ago if is_month_end(day) and day >= first}
    recent = today - timedelta(days=RECENT_LAG_DAYS)
    return days | ({recent} if recent >= first else set())


def assert_like_scratch(habit: Habit, today: date) -> None:
    """The stored summary and every stored state are exactly those computed from scratch, and
    exactly the days that should be kept are."""
    habit.refresh_from_db()
    spec, marks = habit_spec(habit), all_marks(habit)
    summary = habit_summary(spec, marks, today)
    assert habit.summary_day == today
    assert habit.summary_current_streak == summary.current_streak
    assert habit.summary_score.hex() == summary.score.hex()
    rows = stored(habit)
    for day, (_, state) in rows.items():
        from_scratch = advance(spec, marks, day)
        assert from_scratch is not None
        assert state == from_scratch
        assert state.score.hex() == from_scratch.score.hex()
    past = [day for day in marks if day <= today]
    expected = expected_days(min(past), today) if past else set()
    # Beyond those, only month-ends that earlier computations (of an earlier today) stored.
    assert expected <= set(rows)
    assert all(is_month_end(day) for day in set(rows) - expected), sorted(set(rows) - expected)


@contextmanager
def entries_read() -> Iterator[list[dict[int, list[Any]]]]:
    """What `entry_rows` returns while the block runs."""
    seen: list[dict[int, list[Any]]] = []

    def spy(**kwargs: Any) -> Any:
        rows = entry_rows(**kwargs)
        seen.append(dict(rows))
        return rows

    with mock.patch.object(checkpoints, "entry_rows", side_effect=spy):
        yield seen


def test_a_first_write_stores_the_year_ends_and_the_recent_state(user: User) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user, frequency_times=3, frequency_days=7)
    seed(habit, today, 3 * 366, random.Random(1))
    services.entry_upsert(habit=habit, day=today)
    assert len(stored(habit)) >= 4
    assert_like_scratch(habit, today)


def test_a_write_on_an_old_day_drops_exactly_the_states_from_that_day_on(user: User) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user, frequency_times=2, frequency_days=7, period="calendar")
    seed(habit, today, 4 * 366, random.Random(2))
    services.entry_upsert(habit=habit, day=today)
    before = stored(habit)
    changed = date(today.year - 2, 6, 15)

    services.entry_upsert(habit=habit, day=changed, status=Status.SKIPPED)

    after = stored(habit)
    assert set(after) == set(before)
    for day, (pk, state) in after.items():
        kept = day < changed
        assert (pk == before[day][0]) is kept, day  # a new row for each dropped state
        if kept:
            assert state == before[day][1]
    assert_like_scratch(habit, today)


def test_a_write_in_the_last_two_months_keeps_every_state(user: User) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user)
    seed(habit, today, 2 * 366, random.Random(3))
    services.entry_upsert(habit=habit, day=today)
    before = {day: pk for day, (pk, _) in stored(habit).items()}

    with entries_read() as seen:
        services.entry_delete(habit=habit, day=today - timedelta(days=RECENT_LAG_DAYS - 1))

    assert {day: pk for day, (pk, _) in stored(habit).items()} == before
    (rows,) = seen
    recent = today - timedelta(days=RECENT_LAG_DAYS)
    assert min(day for day, _, _ in rows[habit.pk]) > recent - timedelta(days=3)
    assert_like_scratch(habit, today)


def test_a_schedule_change_drops_every_state_and_stores_new_ones(user: User) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user)
    seed(habit, today, 2 * 366, random.Random(4))
    services.entry_upsert(habit=habit, day=today)
    before = {pk for pk, _ in stored(habit).values()}

    services.habit_update(habit=habit, frequency={"times": 4, "days": 7})

    after = stored(habit)
    assert before.isdisjoint(pk for pk, _ in after.values())
    assert all(state.fits(habit_spec(habit)) for _, state in after.values())
    assert_like_scratch(habit, today)


@pytest.mark.parametrize("fields", SCHEDULES)
def test_stored_states_stay_those_from_scratch_through_random_writes(
    user: User, fields: dict[str, Any]
) -> None:
    today = user_today(user=user)
    rng = random.Random(str(fields))
    habit = make_habit(user=user, **fields)
    seed(habit, today, 3 * 366, rng, density=0.3)
    numeric = habit.kind == "numeric"
    for _ in range(8):
        day = today - timedelta(days=rng.choice([rng.randrange(3 * 366), rng.randrange(90)]))
        if rng.random() < 0.25:
            services.entry_delete(habit=habit, day=day)
        else:
            status = rng.choice(list(Status))
            value = Decimal(rng.randint(0, 9)) if numeric and status == Status.DONE else None
            services.entry_upsert(habit=habit, day=day, status=status, value=value)
        assert_like_scratch(habit, today)


def test_deleting_the_first_entry_moves_every_state(user: User) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user)
    first = today - timedelta(days=5 * 366)
    Entry.objects.create(habit=habit, date=first)
    seed(habit, today, 366, random.Random(5))
    services.entry_upsert(habit=habit, day=today)
    assert min(stored(habit)) == date(first.year, 12, 31)
    services.entry_delete(habit=habit, day=first)
    assert min(stored(habit)) > today - timedelta(days=367)
    assert_like_scratch(habit, today)


def test_the_catch_up_continues_the_recent_state_and_moves_it_forward(user: User) -> None:
    today = user_today(user=user)
    yesterday = today - timedelta(days=1)
    habit = make_habit(user=user, kind="numeric", target_value=Decimal(4), frequency_days=3)
    Entry.objects.create(habit=habit, date=today - timedelta(days=4000), value=Decimal(9))
    seed(habit, today, 400, random.Random(6))
    services.habit_summaries_catch_up(user=user, today=yesterday)
    assert_like_scratch(habit, yesterday)
    _, recent = stored(habit)[yesterday - timedelta(days=RECENT_LAG_DAYS)]

    with entries_read() as seen:
        services.habit_summaries_catch_up(user=user, today=today)

    (rows,) = seen
    assert min(day for day, _, _ in rows[habit.pk]).toordinal() >= recent.reads_from
    assert_like_scratch(habit, today)  # the recent state moved to today's
    with entries_read() as seen:
        services.habit_summaries_catch_up(user=user, today=today)
    assert seen == []  # nothing stale


def test_a_time_zone_change_moving_today_back_a_day_is_caught_up_exactly(
    signed_in: ApiClient, user: User
) -> None:
    now = datetime(2026, 3, 18, 3, 0, tzinfo=UTC)  # still the 17th in New York
    with mock.patch("accounts.selectors.timezone") as clock:
        clock.now.return_value = now
        habit = make_habit(user=user, frequency_times=2, frequency_days=3)
        seed(habit, date(2026, 3, 17), 900, random.Random(7))
        for day in (date(2026, 3, 18), date(2026, 3, 17)):
            assert signed_in.put(f"/api/habits/{habit.pk}/entries/{day}/", {}).status_code == 200
        assert signed_in.get("/api/habits/").status_code == 200
        assert_like_scratch(habit, date(2026, 3, 18))

        response = signed_in.patch("/api/auth/me/", {"time_zone": "America/New_York"})
        assert response.json()["today"] == "2026-03-17"
        (item,) = signed_in.get("/api/habits/").json()

    habit.refresh_from_db()
    expected = habit_summary(habit_spec(habit), all_marks(habit), date(2026, 3, 17))
    assert item["current_streak"] == expected.current_streak
    assert item["score"] == expected.score
    assert habit.summary_day == date(2026, 3, 17)
    assert habit.summary_score.hex() == expected.score.hex()
    # The recent state of the later today is still valid and still kept.
    assert date(2026, 3, 18) - timedelta(days=RECENT_LAG_DAYS) in stored(habit)


def many_stale_habits(user: User, count: int, today: date) -> list[Habit]:
    """`count` habits, each with one entry 5 years ago and the last 100 days, whose summaries and
    states are of yesterday."""
    habits = Habit.objects.bulk_create(
        Habit(user=user, name=f"Habit {n}", position=n, frequency_times=n % 3 + 1, frequency_days=3)
        for n in range(count)
    )
    rng = random.Random(8)
    Entry.objects.bulk_create(
        Entry(habit=habit, date=day)
        for habit in habits
        for day in [today - timedelta(days=5 * 366)]
        + [today - timedelta(days=n) for n in range(100) if rng.random() < 0.7]
    )
    services.habit_summaries_catch_up(user=user, today=today - timedelta(days=1))
    return habits


def catch_up_queries(user: User, today: date) -> tuple[list[str], list[dict[int, list[Any]]]]:
    with CaptureQueriesContext(connection) as captured, entries_read() as seen:
        services.habit_summaries_catch_up(user=user, today=today)
    return [query["sql"] for query in captured], seen


def test_a_catch_up_reads_only_the_entries_after_each_states_lookback(user: User) -> None:
    today = user_today(user=user)
    habits = many_stale_habits(user, 40, today)
    lookback = {
        habit.pk: state.reads_from
        for habit in habits
        for state in [continuations(habits=[habit], before=today, today=today)[habit.pk].state]
        if state is not None
    }
    assert len(lookback) == len(habits)

    _, (rows,) = catch_up_queries(user, today)

    for habit in habits:
        assert min(day for day, _, _ in rows[habit.pk]).toordinal() >= lookback[habit.pk]
        assert_like_scratch(habit, today)


@pytest.mark.postgres
def test_a_catch_up_of_500_habits_takes_as_many_queries_as_of_5(user: User) -> None:
    today = user_today(user=user)
    many_stale_habits(user, 5, today)
    few, _ = catch_up_queries(user, today)
    other = make_user()
    many_stale_habits(other, MAX_HABITS_PER_USER, today)

    many, (rows,) = catch_up_queries(other, today)

    assert len(many) == len(few)
    assert any("FOR UPDATE" in sql for sql in many)
    assert len(rows) == MAX_HABITS_PER_USER
    # Each habit's last 100 days at most, never the entry of 5 years ago.
    assert sum(map(len, rows.values())) <= MAX_HABITS_PER_USER * 100
    assert all(day > today - timedelta(days=200) for row in rows.values() for day, _, _ in row)


def test_stats_continue_a_stored_state_and_equal_stats_from_scratch(
    signed_in: ApiClient, user: User
) -> None:
    today = signed_in.today()
    habit = make_habit(user=user, frequency_times=10, frequency_days=31, period="calendar")
    seed(habit, today, 6 * 366, random.Random(9))
    assert signed_in.put(f"/api/habits/{habit.pk}/entries/{today}/", {}).status_code == 200
    queries = [
        "",
        f"?start={today - timedelta(days=30)}",
        f"?start={date(today.year - 3, 2, 1)}&end={date(today.year - 2, 1, 1)}",
        f"?start={today - timedelta(days=7 * 366)}&end={today - timedelta(days=5 * 366)}",
    ]
    first = min(all_marks(habit))
    for query in queries:
        url = f"/api/habits/{habit.pk}/stats/{query}"
        with entries_read() as seen:
            continued = signed_in.get(url).json()
        start = date.fromisoformat(continued["score_history"][0]["date"])
        before = [state for day, (_, state) in stored(habit).items() if day < start]
        HabitCheckpoint.objects.filter(habit=habit).delete()
        from_scratch = signed_in.get(url).json()
        assert continued == from_scratch
        services.entry_upsert(habit=habit, day=today)  # the states again
        (rows,) = seen
        first_read = min(day for day, _, _ in rows[habit.pk])
        if start > first:  # from the latest state before the range, reading from its lookback
            assert first_read.toordinal() >= max(before, key=lambda state: state.day).reads_from
        else:
            assert first_read == first
    spec, marks = habit_spec(habit), all_marks(habit)
    engine = habit_stats(spec, marks, today, today - timedelta(days=364), today)
    assert continued["score"] == engine.score


def test_an_import_stores_states_equal_to_those_from_scratch(
    signed_in: ApiClient, user: User
) -> None:
    today = signed_in.today()
    habit = make_habit(user=user, name="Read", frequency_times=3, frequency_days=7)
    seed(habit, today, 3 * 366, random.Random(10))
    content = export(signed_in)
    habit.delete()

    assert upload(signed_in, content).status_code == 200
    assert upload(signed_in, content).status_code == 200  # again: changes nothing

    (imported,) = Habit.objects.filter(user=user)
    assert len(stored(imported)) >= 4
    assert_like_scratch(imported, today)


def test_states_of_other_rules_or_unreadable_ones_are_not_continued_and_get_replaced(
    user: User,
) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user)
    seed(habit, today, 2 * 366, random.Random(11))
    services.entry_upsert(habit=habit, day=today)
    rows = list(HabitCheckpoint.objects.filter(habit=habit).order_by("day"))
    rows[-1].state = {**rows[-1].state, "key": "v0 of another engine"}
    rows[-2].state = {"not": "a state"}
    HabitCheckpoint.objects.bulk_update(rows[-2:], ["state"])

    assert continuations(habits=[habit], before=today, today=today)[habit.pk].state is None
    assert continuations(habits=[habit], before=rows[-1].day, today=today)[habit.pk].state is None
    services.habit_summaries_catch_up(user=user, today=today + timedelta(days=1))
    assert_like_scratch(habit, today + timedelta(days=1))


def test_stats_of_the_last_year_continue_the_month_end_before_it(
    signed_in: ApiClient, user: User
) -> None:
    today = signed_in.today()
    habit = make_habit(user=user)
    seed(habit, today, 3 * 366, random.Random(11))
    assert signed_in.get("/api/habits/").status_code == 200  # the day's first read stores states
    url = f"/api/habits/{habit.pk}/stats/"
    with entries_read() as seen:
        continued = signed_in.get(url).json()
    start = date.fromisoformat(continued["score_history"][0]["date"])
    (rows,) = seen
    # From the month-end before the range (and its lookback), not from the year-end before it.
    assert min(day for day, _, _ in rows[habit.pk]) >= start - timedelta(days=62)
    HabitCheckpoint.objects.filter(habit=habit).delete()
    assert signed_in.get(url).json() == continued
