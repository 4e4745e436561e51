"""Streaks: examples with exact numbers for each kind of schedule, and their invariants."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from habits.engine import HabitSpec, Kind, Mark, Period, Status, Streaks, TargetType, streaks
from habits.tests.engine.strategies import TODAY, ago, done_on, habits, numeric, yes_no

SETTINGS = settings(max_examples=100, deadline=None)
DAILY = yes_no()
WEEKDAYS = yes_no(weekdays=[1, 2, 3, 4, 5])
ROLLING_3_IN_7 = yes_no(times=3, days=7)
CALENDAR_3_A_WEEK = yes_no(times=3, days=7, period=Period.CALENDAR)


def day(month: int, number: int) -> date:
    return date(2026, month, number)


# Daily -----------------------------------------------------------------------------------------


def test_a_daily_streak_ends_yesterday_while_today_is_open() -> None:
    assert streaks(DAILY, done_on(ago(n) for n in range(1, 6)), TODAY) == Streaks(5, 5)
    marks = {**done_on(ago(n) for n in range(1, 6)), TODAY: Mark(Status.NOT_DONE)}
    assert streaks(DAILY, marks, TODAY) == Streaks(5, 5)


def test_a_daily_streak_counts_today_once_done() -> None:
    assert streaks(DAILY, done_on(ago(n) for n in range(6)), TODAY) == Streaks(6, 6)


def test_a_missed_yesterday_ends_the_current_daily_streak() -> None:
    assert streaks(DAILY, done_on(ago(n) for n in range(2, 7)), TODAY) == Streaks(0, 5)
    marks = {**done_on(ago(n) for n in range(2, 7)), ago(1): Mark(Status.NOT_DONE)}
    assert streaks(DAILY, {**marks, TODAY: Mark(Status.DONE)}, TODAY) == Streaks(1, 5)


def test_a_skipped_day_neither_breaks_nor_counts_in_a_daily_streak() -> None:
    marks = {**done_on([ago(4), ago(3), ago(1), ago(0)]), ago(2): Mark(Status.SKIPPED)}
    assert streaks(DAILY, marks, TODAY) == Streaks(4, 4)


def test_unscheduled_weekdays_neither_break_nor_count() -> None:
    # Monday 9 March to Friday 13, nothing on the weekend, then Monday 16 and Tuesday 17.
    week = [day(3, n) for n in (9, 10, 11, 12, 13, 16, 17)]
    assert day(3, 18) == TODAY
    assert streaks(WEEKDAYS, done_on(week), TODAY) == Streaks(7, 7)
    assert streaks(WEEKDAYS, done_on([*week, TODAY]), TODAY) == Streaks(8, 8)
    # Done on Saturday: not scheduled, so not counted either.
    assert streaks(WEEKDAYS, done_on([*week, day(3, 14)]), TODAY) == Streaks(7, 7)
    # Missing Friday 13 breaks it.
    assert streaks(WEEKDAYS, done_on(d for d in week if d != day(3, 13)), TODAY) == Streaks(2, 4)


def test_times_equal_to_days_means_every_scheduled_day() -> None:
    every_day = yes_no(times=7, days=7, period=Period.CALENDAR)
    marks = done_on(ago(n) for n in range(1, 4))
    assert streaks(every_day, marks, TODAY) == streaks(DAILY, marks, TODAY) == Streaks(3, 3)


def test_no_entries_no_streak() -> None:
    assert streaks(DAILY, {}, TODAY) == Streaks(0, 0)
    assert streaks(CALENDAR_3_A_WEEK, {}, TODAY) == Streaks(0, 0)


# Rolling "3 in 7 days" ---------------------------------------------------------------------------

# Done 9, 7 and 5 days ago: the window from 9 days ago to 3 days ago holds 3 and is covered.
SPREAD = done_on([ago(9), ago(7), ago(5)])


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (ago(3), Streaks(7, 7)),  # the whole covered window, ending today
        (ago(2), Streaks(7, 7)),  # today uncovered but still open
        (ago(1), Streaks(0, 7)),  # yesterday uncovered: broken
    ],
)
def test_a_rolling_streak_covers_the_days_of_windows_that_met_the_target(
    today: date, expected: Streaks
) -> None:
    assert streaks(ROLLING_3_IN_7, SPREAD, today) == expected


def test_a_new_repetition_extends_the_rolling_coverage() -> None:
    # Done 1 day ago too: the window from 7 days ago to yesterday now holds 3 (7, 5 and 1 days ago).
    marks = {**SPREAD, **done_on([ago(1)])}
    assert streaks(ROLLING_3_IN_7, marks, TODAY) == Streaks(9, 9)
    # And today: the window starting 5 days ago holds 5, 1 and 0 days ago, covering today.
    assert streaks(ROLLING_3_IN_7, {**marks, **done_on([TODAY])}, TODAY) == Streaks(10, 10)


def test_a_rolling_window_does_not_count_days_before_the_first_repetition() -> None:
    marks = {ago(5): Mark(Status.NOT_DONE), **done_on([ago(2), ago(1), ago(0)])}
    assert streaks(ROLLING_3_IN_7, marks, TODAY) == Streaks(3, 3)


def test_skipped_days_do_not_break_a_rolling_streak() -> None:
    # Covered from 9 to 3 days ago, then two skipped days, then today, still open.
    marks = {**SPREAD, ago(2): Mark(Status.SKIPPED), ago(1): Mark(Status.SKIPPED)}
    assert streaks(ROLLING_3_IN_7, marks, TODAY) == Streaks(7, 7)


# Calendar "3 per week" (ISO weeks, Monday to Sunday) ---------------------------------------------

WEEK_1 = [day(3, 2), day(3, 4), day(3, 6)]  # 3 of 3: met
WEEK_2 = [day(3, 9), day(3, 10), day(3, 11), day(3, 12)]  # 4: met
# Week 3 holds today, Wednesday 18 March.


def test_a_calendar_streak_counts_the_done_days_of_consecutive_met_weeks() -> None:
    marks = done_on([*WEEK_1, *WEEK_2, day(3, 16)])
    assert streaks(CALENDAR_3_A_WEEK, marks, TODAY) == Streaks(7, 7)  # this week still open


def test_the_current_week_counts_once_met() -> None:
    marks = done_on([*WEEK_1, *WEEK_2, day(3, 16), day(3, 17), day(3, 18)])
    assert streaks(CALENDAR_3_A_WEEK, marks, TODAY) == Streaks(10, 10)


def test_a_missed_week_breaks_the_calendar_streak() -> None:
    marks = done_on([*WEEK_1, day(3, 9), day(3, 10)])
    assert streaks(CALENDAR_3_A_WEEK, marks, TODAY) == Streaks(0, 3)
    marks = done_on([*WEEK_1, day(3, 9), day(3, 10), day(3, 16), day(3, 17), day(3, 18)])
    assert streaks(CALENDAR_3_A_WEEK, marks, TODAY) == Streaks(3, 3)


def test_skips_lower_a_calendar_target_only_when_they_make_it_unreachable() -> None:
    five_skipped = {day(3, n): Mark(Status.SKIPPED) for n in range(11, 16)}
    marks = {**done_on([*WEEK_1, day(3, 9), day(3, 10)]), **five_skipped}
    assert streaks(CALENDAR_3_A_WEEK, marks, TODAY) == Streaks(5, 5)
    four_skipped = {day(3, n): Mark(Status.SKIPPED) for n in range(12, 16)}
    marks = {**done_on([*WEEK_1, day(3, 9), day(3, 10)]), **four_skipped}
    assert streaks(CALENDAR_3_A_WEEK, marks, TODAY) == Streaks(0, 3)


def test_a_calendar_month_streak() -> None:
    twice_a_month = yes_no(times=2, days=30, period=Period.CALENDAR)
    marks = done_on([day(1, 31), day(2, 1), day(2, 28), day(3, 1)])
    # January holds one (not met, so not counted), February two, March is still open.
    assert streaks(twice_a_month, marks, TODAY) == Streaks(2, 2)
    assert streaks(twice_a_month, {**marks, **done_on([day(1, 2)])}, TODAY) == Streaks(4, 4)


def test_a_calendar_year_streak() -> None:
    thrice_a_year = yes_no(times=3, days=365, period=Period.CALENDAR)
    marks = done_on([date(2024, 5, 1), date(2025, 1, 1), date(2025, 6, 1), date(2025, 12, 31)])
    # 2024 held one (not met), 2025 three, 2026 is still open.
    assert streaks(thrice_a_year, marks, TODAY) == Streaks(3, 3)


def test_other_calendar_lengths_are_blocks_counted_from_a_monday() -> None:
    # 2 in 14 days: fortnights starting Monday 29 December 1969, so one starts on Monday 9 March.
    fortnightly = yes_no(times=2, days=14, period=Period.CALENDAR)
    marks = done_on([day(3, 8), day(3, 9), day(3, 10)])
    assert streaks(fortnightly, marks, TODAY) == Streaks(2, 2)


# Numeric ---------------------------------------------------------------------------------------


def test_a_numeric_day_counts_when_done_and_on_target() -> None:
    spec = numeric("10")
    marks = {
        ago(3): Mark(Status.DONE, Decimal("8")),
        ago(2): Mark(Status.DONE, Decimal("12")),
        ago(1): Mark(Status.DONE, Decimal("10")),
        TODAY: Mark(Status.DONE, Decimal("5")),  # not yet on target: still open
    }
    assert streaks(spec, marks, TODAY) == Streaks(2, 2)
    not_done = {**marks, ago(1): Mark(Status.NOT_DONE, Decimal("10"))}
    assert streaks(spec, not_done, TODAY) == Streaks(0, 1)


def test_an_at_most_day_counts_when_done_and_under_the_limit() -> None:
    spec = numeric("3", TargetType.AT_MOST)
    marks = {ago(2): Mark(Status.DONE, Decimal("4")), ago(1): Mark(Status.DONE, Decimal("3"))}
    assert streaks(spec, {**marks, TODAY: Mark(Status.DONE, Decimal("0"))}, TODAY) == Streaks(2, 2)


def test_a_numeric_n_in_d_habit_judges_each_day_by_its_window() -> None:
    # 20 in 7 days: 10 three days ago is not enough, 10 more yesterday makes 20 in the window.
    spec = numeric("20", times=1, days=7)
    marks = {ago(3): Mark(Status.DONE, Decimal("10")), ago(1): Mark(Status.DONE, Decimal("10"))}
    assert streaks(spec, marks, TODAY) == Streaks(2, 2)


# Invariants ------------------------------------------------------------------------------------


@SETTINGS
@given(habits())
def test_best_is_never_below_current(habit: tuple[HabitSpec, dict[date, Mark]]) -> None:
    found = streaks(*habit, TODAY)
    assert 0 <= found.current <= found.best


@SETTINGS
@given(habits(Kind.BOOLEAN), st.integers(0, 130))
def test_one_more_done_day_never_lowers_best(
    habit: tuple[HabitSpec, dict[date, Mark]], back: int
) -> None:
    spec, marks = habit
    before = streaks(spec, marks, TODAY)
    after = streaks(spec, {**marks, ago(back): Mark(Status.DONE)}, TODAY)
    assert after.best >= before.best


@SETTINGS
@given(habits(Kind.BOOLEAN))
def test_a_daily_streak_is_zero_when_yesterday_and_today_are_not_done(
    habit: tuple[HabitSpec, dict[date, Mark]],
) -> None:
    _, marks = habit
    marks = {**marks, ago(1): Mark(Status.NOT_DONE)}
    marks.pop(TODAY, None)
    assert streaks(DAILY, marks, TODAY).current == 0


@SETTINGS
@given(st.integers(2, 60), st.data())
def test_a_skipped_day_inside_a_daily_run_does_not_break_it(
    length: int, data: st.DataObject
) -> None:
    skipped = data.draw(st.integers(1, length - 1))
    marks = {**done_on(ago(n) for n in range(length)), ago(skipped): Mark(Status.SKIPPED)}
    assert streaks(DAILY, marks, TODAY).current == length - 1


@SETTINGS
@given(st.frozensets(st.integers(1, 7), min_size=1), st.integers(1, 60))
def test_unscheduled_days_do_not_break_a_weekday_streak(
    weekdays: frozenset[int], length: int
) -> None:
    spec = yes_no(weekdays=weekdays)
    scheduled = [ago(n) for n in range(length) if ago(n).isoweekday() in weekdays]
    assume(scheduled)
    assert streaks(spec, done_on(scheduled), TODAY) == Streaks(len(scheduled), len(scheduled))


def test_days_before_the_first_entry_are_not_counted() -> None:
    assert streaks(DAILY, done_on([TODAY - timedelta(days=400)]), TODAY) == Streaks(0, 1)
