"""Loop Habit Tracker's score, transcribed for tests: an oracle independent of our engine.

`loop_scores` follows Loop's `Habit.recompute` and `ScoreList.recompute` (uhabits-core 2.3.1,
models/Habit.kt and models/ScoreList.kt) step by step, on Loop's own representation: one integer
per day (thousandths for numeric habits; -1 UNKNOWN, 0 NO, 1 YES_AUTO, 2 YES_MANUAL, 3 SKIP), a
rolling sum that adds and drops those integers, and `Score.compute` on floats. Our engine works on
dates, statuses and Decimals; the tests hold the two to the same floats, bit for bit.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from math import sqrt

from habits.engine import HabitSpec, Kind, Mark, Status, TargetType

UNKNOWN, NO, YES_AUTO, YES_MANUAL, SKIP = -1, 0, 1, 2, 3


def loop_score_compute(frequency: float, previous: float, checkmark_value: float) -> float:
    """Loop's `Score.compute`."""
    multiplier: float = 0.5 ** (sqrt(frequency) / 13.0)
    score = previous * multiplier
    score += checkmark_value * (1 - multiplier)
    return score


def loop_score_recompute(
    *,
    numerator: int,
    denominator: int,
    is_numerical: bool,
    is_at_most: bool,
    target_value: float,
    values: list[int],
) -> list[float]:
    """Loop's `ScoreList.recompute`: `values` newest first (as `getByInterval` gives them), the
    scores oldest first. `numerator`/`denominator` as Loop's `Frequency` holds them (N/N is 1/1)."""
    rolling_sum = 0.0
    freq = numerator / denominator
    if not is_numerical and freq < 1.0:
        numerator *= 2
        denominator *= 2
    previous_value = 1.0 if is_numerical and is_at_most else 0.0
    scores = []
    for i in range(len(values)):
        offset = len(values) - i - 1
        if is_numerical:
            rolling_sum += max(0, values[offset])
            if offset + denominator < len(values):
                rolling_sum -= max(0, values[offset + denominator])
            normalized_rolling_sum = rolling_sum / 1000
            if values[offset] != SKIP:
                if not is_at_most:
                    percentage_completed = (
                        min(1.0, normalized_rolling_sum / target_value) if target_value > 0 else 1.0
                    )
                elif target_value > 0:
                    percentage_completed = min(
                        1.0, max(0.0, 1 - (normalized_rolling_sum - target_value) / target_value)
                    )
                else:
                    percentage_completed = 0.0 if normalized_rolling_sum > 0 else 1.0
                previous_value = loop_score_compute(freq, previous_value, percentage_completed)
        else:
            if values[offset] == YES_MANUAL:
                rolling_sum += 1.0
            if offset + denominator < len(values) and values[offset + denominator] == YES_MANUAL:
                rolling_sum -= 1.0
            if values[offset] != SKIP:
                percentage_completed = min(1.0, rolling_sum / numerator)
                previous_value = loop_score_compute(freq, previous_value, percentage_completed)
        scores.append(previous_value)
    return scores


def loop_value(spec: HabitSpec, mark: Mark) -> int:
    """The integer Loop stores for one of our marks."""
    if mark.status is Status.SKIPPED:
        return SKIP
    if spec.kind is Kind.BOOLEAN:
        return YES_MANUAL if mark.status is Status.DONE else NO
    if mark.value is None:
        return UNKNOWN
    return int(mark.value * 1000)


def loop_frequency(times: int, days: int) -> tuple[int, int]:
    """Loop's `Frequency` constructor: N/N becomes 1/1."""
    return (1, 1) if times == days else (times, days)


def loop_scores(
    spec: HabitSpec, marks: Mapping[date, Mark], today: date
) -> list[tuple[date, float]]:
    """The scores Loop computes for the habit, from its first entry (today without one) to today.

    Loop computes 30 days past today as well; they change nothing before them."""
    values = {day: loop_value(spec, mark) for day, mark in marks.items() if day <= today}
    first = min(values, default=today)
    days = (today - first).days + 1
    numerator, denominator = loop_frequency(spec.schedule.times, spec.schedule.days)
    scores = loop_score_recompute(
        numerator=numerator,
        denominator=denominator,
        is_numerical=spec.kind is Kind.NUMERIC,
        is_at_most=spec.target_type is TargetType.AT_MOST,
        target_value=float(spec.target_value or Decimal(0)),
        values=[values.get(today - timedelta(days=back), UNKNOWN) for back in range(days)],
    )
    return [(first + timedelta(days=index), score) for index, score in enumerate(scores)]
