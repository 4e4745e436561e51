"""Scores: Loop's habit strength, bit for bit against Loop's algorithm transcribed on its own
integer representation (habits.tests.loop_reference)."""

from datetime import date, timedelta
from decimal import Decimal
from math import sqrt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habits.engine import HabitSpec, Mark, Status, TargetType, score_on, score_series
from habits.tests.engine.strategies import TODAY, ago, done_on, habits, numeric, yes_no
from habits.tests.loop_reference import loop_scores

SETTINGS = settings(max_examples=200, deadline=None)
FEWER = settings(max_examples=100, deadline=None)


@SETTINGS
@given(habits())
def test_scores_are_loops_to_the_last_bit(habit: tuple[HabitSpec, dict[date, Mark]]) -> None:
    spec, marks = habit
    assert score_series(spec, marks, TODAY) == loop_scores(spec, marks, TODAY)


@FEWER
@given(habits())
def test_scores_stay_between_zero_and_one(habit: tuple[HabitSpec, dict[date, Mark]]) -> None:
    spec, marks = habit
    assert all(0.0 <= score <= 1.0 for _, score in score_series(spec, marks, TODAY))


@FEWER
@given(habits(), st.data())
def test_a_skipped_day_leaves_the_score_unchanged(
    habit: tuple[HabitSpec, dict[date, Mark]], data: st.DataObject
) -> None:
    spec, marks = habit
    first = min(marks, default=TODAY)
    skipped_day = data.draw(st.integers(0, (TODAY - first).days).map(ago))
    marks = {**marks, skipped_day: Mark(Status.SKIPPED)}
    series = dict(score_series(spec, marks, TODAY))
    before = series.get(skipped_day - timedelta(days=1), spec.initial_score)
    assert series[skipped_day] == before


def test_a_day_after_today_is_ignored() -> None:
    marks = done_on([ago(1), ago(-1)])
    assert score_series(yes_no(), marks, TODAY) == score_series(yes_no(), done_on([ago(1)]), TODAY)


@pytest.mark.parametrize("days", [1, 13, 26, 100, 365])
def test_perfect_daily_repetition_halves_the_distance_to_one_every_13_days(days: int) -> None:
    marks = done_on(ago(back) for back in range(days))
    score = score_on(yes_no(), marks, TODAY)
    assert 1 - score == pytest.approx(0.5 ** (days / 13), abs=1e-12)


def test_thirteen_perfect_days_from_zero_reach_one_half() -> None:
    assert score_on(yes_no(), done_on(ago(back) for back in range(13)), TODAY) == pytest.approx(
        0.5, abs=1e-12
    )


def test_without_entries_today_alone_is_computed_as_loop_does() -> None:
    assert score_series(yes_no(), {}, TODAY) == [(TODAY, 0.0)]
    assert score_on(numeric("10"), {}, TODAY) == 0.0
    assert score_on(numeric("10", TargetType.AT_MOST), {}, TODAY) == 1.0
    # "At least 0" is met by any day, recorded or not: today already gains.
    assert score_on(numeric("0"), {}, TODAY) == 1 - 0.5 ** (1 / 13)
    assert score_series(yes_no(), {ago(-1): Mark(Status.DONE)}, TODAY) == [(TODAY, 0.0)]


@pytest.mark.parametrize("times", [2, 3, 7, 30])
def test_n_times_in_n_days_scores_as_daily_like_loops_frequency(times: int) -> None:
    marks = {ago(back): Mark(Status.DONE) for back in range(0, 60, 3)}
    assert score_series(yes_no(times, times), marks, TODAY) == score_series(yes_no(), marks, TODAY)
    amounts = {ago(back): Mark(Status.DONE, Decimal(back % 5)) for back in range(60)}
    assert score_series(numeric("3", times=times, days=times), amounts, TODAY) == score_series(
        numeric("3"), amounts, TODAY
    )


def test_a_skip_adds_three_thousandths_to_a_numeric_window_as_loops_stored_value_does() -> None:
    spec = numeric("1", TargetType.AT_LEAST, times=1, days=2)
    marks = {ago(1): Mark(Status.SKIPPED), TODAY: Mark(Status.DONE, Decimal("0.5"))}
    multiplier = 0.5 ** (sqrt(1 / 2) / 13)
    assert score_on(spec, marks, TODAY) == 0.503 * (1 - multiplier)


def test_the_series_runs_from_the_first_entry_whatever_its_status_to_today() -> None:
    series = score_series(yes_no(), {ago(3): Mark(Status.NOT_DONE)}, TODAY)
    assert [day for day, _ in series] == [ago(3), ago(2), ago(1), TODAY]
    assert [score for _, score in series] == [0.0] * 4


def test_a_non_daily_yes_no_habit_uses_the_doubled_window() -> None:
    # 1 in 7 days: c = min(1, done in the last 14 days / 2), so one rep gives c = 1/2 for 14 days.
    spec = yes_no(times=1, days=7)
    multiplier = 0.5 ** (sqrt(1 / 7) / 13)
    score = score_on(spec, done_on([ago(0)]), TODAY)
    assert score == pytest.approx(0.5 * (1 - multiplier), abs=1e-15)


def test_numeric_values_are_summed_over_the_window_against_the_target() -> None:
    spec = numeric("10", times=1, days=7)
    marks = {ago(1): Mark(Status.DONE, Decimal("4")), ago(0): Mark(Status.DONE, Decimal("1.5"))}
    multiplier = 0.5 ** (sqrt(1 / 7) / 13)
    first = 0.4 * (1 - multiplier)
    assert score_on(spec, marks, TODAY) == pytest.approx(
        first * multiplier + 0.55 * (1 - multiplier), abs=1e-15
    )


def test_numeric_at_most_loses_strength_once_over_the_target() -> None:
    spec = numeric("2", TargetType.AT_MOST)
    under = score_on(spec, {TODAY: Mark(Status.DONE, Decimal("1"))}, TODAY)
    over = score_on(spec, {TODAY: Mark(Status.DONE, Decimal("3"))}, TODAY)
    far_over = score_on(spec, {TODAY: Mark(Status.DONE, Decimal("5"))}, TODAY)
    multiplier = 0.5 ** (1 / 13)
    assert under == 1.0
    assert over == pytest.approx(multiplier + 0.5 * (1 - multiplier))
    assert far_over == pytest.approx(multiplier)


@pytest.mark.parametrize(
    ("target_type", "value", "expected"),
    [
        (TargetType.AT_LEAST, "0", 1 - 0.5 ** (1 / 13)),
        (TargetType.AT_MOST, "0", 1.0),
        (TargetType.AT_MOST, "0.1", 0.5 ** (1 / 13)),
    ],
)
def test_a_zero_target_follows_loop(target_type: TargetType, value: str, expected: float) -> None:
    marks = {TODAY: Mark(Status.DONE, Decimal(value))}
    assert score_on(numeric("0", target_type), marks, TODAY) == pytest.approx(expected)


def test_weekdays_do_not_change_the_score() -> None:
    marks = done_on(ago(back) for back in range(0, 40, 2))
    weekdays_only = yes_no(weekdays=[1, 2, 3, 4, 5])
    assert score_series(weekdays_only, marks, TODAY) == score_series(yes_no(), marks, TODAY)


def test_values_stay_exact_decimals_in_long_windows() -> None:
    # 0.1 added and removed thousands of times: a float window would drift off the target.
    spec = numeric("0.7", TargetType.AT_MOST, times=1, days=7)
    marks = {ago(back): Mark(Status.DONE, Decimal("0.1")) for back in range(3000)}
    series = score_series(spec, marks, TODAY)
    assert series[-1][1] == 1.0
