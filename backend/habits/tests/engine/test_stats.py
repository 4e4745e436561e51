"""Stats and summaries: one timeline, the same numbers as the separate functions."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings

from habits.engine import (
    HabitSpec,
    Mark,
    Status,
    TargetType,
    completion,
    habit_stats,
    habit_summary,
    score_on,
    score_series,
    streaks,
)
from habits.tests.engine.strategies import TODAY, ago, done_on, habits, numeric, yes_no


@settings(max_examples=50, deadline=None)
@given(habits())
def test_stats_agree_with_the_separate_functions(habit: tuple[HabitSpec, dict[date, Mark]]) -> None:
    spec, marks = habit
    start = ago(150)
    stats = habit_stats(spec, marks, TODAY, start, TODAY)
    found = streaks(spec, marks, TODAY)
    assert (stats.current_streak, stats.best_streak) == (found.current, found.best)
    assert stats.score == score_on(spec, marks, TODAY)
    assert stats.completion == {
        unit: completion(spec, marks, start, TODAY, unit) for unit in ("week", "month", "year")
    }
    series = dict(score_series(spec, marks, TODAY))
    assert [day for day, _ in stats.score_history] == [ago(n) for n in range(150, -1, -1)]
    for day, score in stats.score_history:
        assert score == series.get(day, 0.0)
    summary = habit_summary(spec, marks, TODAY)
    assert (summary.current_streak, summary.score) == (stats.current_streak, stats.score)


@pytest.mark.parametrize(
    ("spec", "today_without_entries"), [(yes_no(), 0.0), (numeric("3", TargetType.AT_MOST), 1.0)]
)
def test_history_has_one_row_per_day_and_zero_before_the_first_entry_as_in_loop(
    spec: HabitSpec, today_without_entries: float
) -> None:
    marks = {ago(2): Mark(Status.DONE, Decimal(1))}
    stats = habit_stats(spec, marks, TODAY, ago(5), ago(1))
    assert [day for day, _ in stats.score_history] == [ago(n) for n in (5, 4, 3, 2, 1)]
    assert [score for _, score in stats.score_history][:3] == [0.0] * 3
    only_before = habit_stats(spec, marks, TODAY, ago(9), ago(3))
    assert [score for _, score in only_before.score_history] == [0.0] * 7
    nothing = habit_stats(spec, {}, TODAY, ago(1), TODAY)
    assert nothing.score_history == [(ago(1), 0.0), (TODAY, today_without_entries)]
    assert nothing.score == today_without_entries


def test_a_range_past_today_or_backwards_is_refused() -> None:
    with pytest.raises(ValueError, match="after today"):
        habit_stats(yes_no(), {}, TODAY, ago(3), TODAY + timedelta(days=1))
    with pytest.raises(ValueError, match="after end"):
        habit_stats(yes_no(), {}, TODAY, ago(1), ago(2))


def test_total_done_counts_every_done_day_up_to_today() -> None:
    weekdays = yes_no(weekdays=[1])  # Mondays only, but a done Tuesday is still done
    marks = {
        **done_on([ago(1), ago(3), ago(-1)]),  # the last one is tomorrow: ignored
        ago(2): Mark(Status.SKIPPED),
        ago(4): Mark(Status.NOT_DONE),
    }
    assert habit_stats(weekdays, marks, TODAY, ago(0), TODAY).total_done == 2


def test_total_done_of_a_measurable_habit_counts_the_days_that_met_the_target() -> None:
    marks = {
        ago(3): Mark(Status.DONE, Decimal("1")),  # done, but short of 10
        ago(2): Mark(Status.DONE, Decimal("10")),
        ago(1): Mark(Status.DONE, Decimal("12.5")),
        TODAY: Mark(Status.NOT_DONE, Decimal("20")),
    }
    assert habit_stats(numeric("10"), marks, TODAY, TODAY, TODAY).total_done == 2
    at_most = numeric("10", target_type=TargetType.AT_MOST)
    assert habit_stats(at_most, marks, TODAY, TODAY, TODAY).total_done == 2  # 1 and 10


def test_first_entry_is_the_first_entry_of_any_status_or_none() -> None:
    marks = {ago(5): Mark(Status.SKIPPED), ago(2): Mark(Status.DONE), ago(-1): Mark(Status.DONE)}
    assert habit_stats(yes_no(), marks, TODAY, ago(9), TODAY).first_entry == ago(5)
    tomorrow_only = {ago(-1): Mark(Status.DONE)}
    assert habit_stats(yes_no(), tomorrow_only, TODAY, ago(9), TODAY).first_entry is None
    assert habit_stats(yes_no(), {}, TODAY, TODAY, TODAY).first_entry is None


def test_ten_years_of_daily_entries_give_one_history_row_per_day() -> None:
    # Speed is measured by `make bench-api` (tests assert behaviour, not timings).
    spec = yes_no(times=3, days=7)
    marks = {ago(n): Mark(Status.DONE if n % 3 else Status.NOT_DONE) for n in range(3650)}
    stats = habit_stats(spec, marks, TODAY, ago(3649), TODAY)
    assert len(stats.score_history) == 3650
    assert stats.score_history[0][0] == ago(3649)
