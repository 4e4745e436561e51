"""Completion rates per ISO week, calendar month and calendar year."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings

from habits.engine import HabitSpec, Mark, PeriodCompletion, Status, completion
from habits.tests.engine.strategies import done_on, habits, numeric, yes_no

MONDAY = date(2026, 3, 9)
UNITS = ("week", "month", "year")


def week_of(*days: int) -> list[date]:
    """Days of the week starting MONDAY, 0 being Monday."""
    return [MONDAY + timedelta(days=n) for n in days]


def test_a_daily_habit_expects_every_day_of_the_week() -> None:
    rows = completion(yes_no(), done_on(week_of(0, 1, 2, 3, 4)), MONDAY, week_of(6)[0], "week")
    assert rows == [PeriodCompletion(MONDAY, date(2026, 3, 15), done=5, scheduled=7, rate=5 / 7)]


def test_periods_are_clipped_to_the_range() -> None:
    rows = completion(
        yes_no(), done_on(week_of(2, 3, 7)), date(2026, 3, 11), date(2026, 3, 17), "week"
    )
    assert rows == [
        PeriodCompletion(date(2026, 3, 11), date(2026, 3, 15), done=2, scheduled=5, rate=0.4),
        PeriodCompletion(date(2026, 3, 16), date(2026, 3, 17), done=1, scheduled=2, rate=0.5),
    ]


def test_months_and_years_follow_the_calendar() -> None:
    months = completion(yes_no(), {}, date(2026, 1, 15), date(2026, 3, 3), "month")
    assert [(row.start, row.end, row.scheduled) for row in months] == [
        (date(2026, 1, 15), date(2026, 1, 31), 17),
        (date(2026, 2, 1), date(2026, 2, 28), 28),
        (date(2026, 3, 1), date(2026, 3, 3), 3),
    ]
    years = completion(yes_no(), {}, date(2025, 12, 30), date(2026, 1, 2), "year")
    assert [(row.start, row.end) for row in years] == [
        (date(2025, 12, 30), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 1, 2)),
    ]


def test_n_in_d_expects_n_times_the_period_over_d_rounded_half_up() -> None:
    spec = yes_no(times=3, days=7)
    marks = done_on(week_of(0, 1, 2, 3))
    [week] = completion(spec, marks, MONDAY, MONDAY + timedelta(days=6), "week")
    assert (week.done, week.scheduled, week.rate) == (4, 3, 1.0)
    [march] = completion(spec, marks, date(2026, 3, 1), date(2026, 3, 31), "month")
    assert (march.done, march.scheduled) == (4, 13)  # 3 * 31 / 7 = 13.3
    [year] = completion(spec, {}, date(2025, 1, 1), date(2025, 12, 31), "year")
    assert year.scheduled == 156  # 3 * 365 / 7 = 156.4
    [half] = completion(yes_no(times=1, days=2), {}, MONDAY, MONDAY, "week")
    assert half.scheduled == 1  # 1 * 1 / 2 rounds half up


def test_weekdays_count_only_their_days() -> None:
    spec = yes_no(weekdays=[1, 2, 3, 4, 5])
    marks = done_on(week_of(0, 1, 5, 6))  # Monday, Tuesday, and the weekend
    [week] = completion(spec, marks, MONDAY, MONDAY + timedelta(days=6), "week")
    assert (week.done, week.scheduled, week.rate) == (2, 5, 0.4)


def test_n_in_d_on_weekdays_never_expects_more_than_the_allowed_days() -> None:
    spec = yes_no(times=3, days=7, weekdays=[1, 2, 3, 4, 5])
    [week] = completion(spec, {}, MONDAY, MONDAY + timedelta(days=6), "week")
    assert week.scheduled == 3
    [weekend] = completion(spec, done_on(week_of(5)), week_of(5)[0], week_of(6)[0], "week")
    assert (weekend.done, weekend.scheduled, weekend.rate) == (0, 0, 0.0)


def test_numeric_days_count_when_done_and_on_target() -> None:
    spec = numeric("10")
    marks = {
        MONDAY: Mark(Status.DONE, Decimal("12")),
        MONDAY + timedelta(days=1): Mark(Status.DONE, Decimal("8")),
        MONDAY + timedelta(days=2): Mark(Status.NOT_DONE, Decimal("15")),
    }
    [week] = completion(spec, marks, MONDAY, MONDAY + timedelta(days=6), "week")
    assert (week.done, week.scheduled) == (1, 7)


def test_an_empty_range_has_no_rows() -> None:
    assert completion(yes_no(), {}, MONDAY, MONDAY - timedelta(days=1), "week") == []


@settings(max_examples=50, deadline=None)
@given(habits())
def test_every_unit_splits_the_same_range(habit: tuple[HabitSpec, dict[date, Mark]]) -> None:
    spec, marks = habit
    start, end = date(2025, 11, 20), date(2026, 3, 18)
    by_unit = {
        unit: completion(spec, marks, start, end, unit) for unit in ("week", "month", "year")
    }
    done = {sum(row.done for row in rows) for rows in by_unit.values()}
    assert len(done) == 1
    for rows in by_unit.values():
        assert rows[0].start == start
        assert rows[-1].end == end
        assert all(b.start == a.end + timedelta(days=1) for a, b in itertools.pairwise(rows))
        assert all(0.0 <= row.rate <= 1.0 for row in rows)
