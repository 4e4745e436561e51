"""Scores: Loop's habit strength, against an independent day-by-day implementation."""

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from math import sqrt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habits.engine import HabitSpec, Kind, Mark, Status, TargetType, score_on, score_series
from habits.tests.engine.strategies import TODAY, ago, done_on, habits, numeric, yes_no

SETTINGS = settings(max_examples=200, deadline=None)
FEWER = settings(max_examples=100, deadline=None)


def reference_scores(
    spec: HabitSpec, marks: Mapping[date, Mark], today: date
) -> list[tuple[date, float]]:
    """Loop's score formula (see habits.engine.scores), one day at a time, every window summed from
    scratch."""
    entries = [day for day in marks if day <= today]
    if not entries:
        return []
    times, days = spec.schedule.times, spec.schedule.days
    if times == days:  # Loop's Frequency makes N/N daily
        times = days = 1
    frequency = times / days
    multiplier = 0.5 ** (sqrt(frequency) / 13)
    at_most = spec.kind is Kind.NUMERIC and spec.target_type is TargetType.AT_MOST
    score = 1.0 if at_most else 0.0
    series = []
    day = min(entries)
    while day <= today:
        window = [marks.get(day - timedelta(days=back)) for back in range(days)]
        if spec.kind is Kind.BOOLEAN:
            needed, width = (2 * times, 2 * days) if frequency < 1 else (times, days)
            window = [marks.get(day - timedelta(days=back)) for back in range(width)]
            done = sum(1 for mark in window if mark and mark.status is Status.DONE)
            completion = min(1.0, done / needed)
        else:
            total = sum(
                (
                    Decimal("0.003")  # Loop's stored SKIP value, 3 thousandths
                    if mark.status is Status.SKIPPED
                    else max(mark.value or Decimal(0), Decimal(0))
                    for mark in window
                    if mark
                ),
                Decimal(0),
            )
            target = spec.target_value
            assert target is not None
            if not at_most:
                completion = 1.0 if target <= 0 else min(1.0, float(total) / float(target))
            elif target <= 0:
                completion = 0.0 if total > 0 else 1.0
            else:
                ratio = (float(total) - float(target)) / float(target)
                completion = min(1.0, max(0.0, 1 - ratio))
        mark = marks.get(day)
        if not (mark and mark.status is Status.SKIPPED):
            score = score * multiplier + completion * (1 - multiplier)
        series.append((day, score))
        day += timedelta(days=1)
    return series


@SETTINGS
@given(habits())
def test_scores_match_the_formula_computed_day_by_day(
    habit: tuple[HabitSpec, dict[date, Mark]],
) -> None:
    spec, marks = habit
    series = score_series(spec, marks, TODAY)
    expected = reference_scores(spec, marks, TODAY)
    assert [day for day, _ in series] == [day for day, _ in expected]
    for (_, score), (_, want) in zip(series, expected, strict=True):
        assert score == pytest.approx(want, abs=1e-9)


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


def test_no_entries_give_the_initial_score() -> None:
    assert score_series(yes_no(), {}, TODAY) == []
    assert score_on(yes_no(), {}, TODAY) == 0.0
    assert score_on(numeric("10"), {}, TODAY) == 0.0
    assert score_on(numeric("10", TargetType.AT_MOST), {}, TODAY) == 1.0


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
