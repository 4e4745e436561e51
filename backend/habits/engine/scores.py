"""Habit strength exactly as Loop Habit Tracker computes it
(`ScoreList.recompute` and `Score.compute`), to the last bit of the float.

Loop's frequency first: "N times in N days" is daily (Loop's `Frequency` turns N/N into 1/1), so
below `N/D` is the habit's times and days with that one change. With `f = N / D` and the multiplier
`m = 0.5 ** (sqrt(f) / 13)`, every day from the first entry's date to today updates the score
`S = S_prev * m + c * (1 - m)`, starting at 0 (at 1 for numeric at-most habits). A daily habit done
every day therefore halves its distance to 1 every 13 days; less frequent habits move more slowly.
Without any entry, today alone is computed (Loop's `Habit.recompute` starts from today then). The
days before the first computed one score 0, whatever the habit (Loop's `ScoreList.get`).

`c`, the day's completion, looks back over a window that ends on (and includes) the day:

- yes/no: `c = min(1, DONE days in the last D' days / N')`, where `N', D' = 2N, 2D` when `f < 1`
  and `N, D` otherwise. Loop doubles both for non-daily habits to smooth out irregular schedules (a
  weekly habit done on a different weekday each week).
- numeric: the sum of values over the last D days (not doubled), see `timeline` for which values,
  plus 0.003 for each skipped day in the window: Loop stores a skip as the value 3 (thousandths)
  and the rolling sum of its `ScoreList.recompute` adds it like any other. At least:
  `min(1, sum / target)`, or 1 when `target <= 0`. At most: `clamp(1 - (sum - target) / target,
  0, 1)`, or when `target <= 0`: 0 if `sum > 0` else 1.

A SKIPPED day does not update the score at all (it still takes part in the windows: a yes/no one
as a day without a DONE, a numeric one as 0.003). Days without an entry are NOT_DONE. Weekdays and
calendar periods do not change the formula: Loop has neither, and the score measures the habit's
overall strength, so an unscheduled day counts like any other. The score is a float, as in Loop;
sums of values stay Decimals until the division.

Windows slide in O(days): the sum gains the new day and loses the one that left the window.

Continuing from an `EngineState` at day S (see `state`), the score of S + 1 is computed from the
state's score, with the same operations as from scratch, and each window is read in full from the
state's `reads_from` on.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from itertools import accumulate
from math import sqrt

from habits.engine.state import EngineState
from habits.engine.timeline import Timeline, build_timeline, window_sums
from habits.engine.types import HabitSpec, Mark, Schedule
from habits.rules import TargetType

# Loop's Entry.SKIP is 3, and its numeric values are thousandths.
SKIP_AMOUNT = Decimal("0.003")


def score_series(
    spec: HabitSpec, marks: Mapping[date, Mark], today: date, state: EngineState | None = None
) -> list[tuple[date, float]]:
    """The score of every day from the first entry's date (today without entries), or from the
    day after `state`'s, to `today`."""
    first, scores = scores_since(spec, marks, today, state)
    start = first.toordinal()
    return [(date.fromordinal(start + index), score) for index, score in enumerate(scores)]


def scores_since(
    spec: HabitSpec, marks: Mapping[date, Mark], today: date, state: EngineState | None = None
) -> tuple[date, list[float]]:
    """`score_series` as its first day and the scores, without a date object per day."""
    timeline = build_timeline(spec, marks, today, state)
    return date.fromordinal(timeline.computed_from), daily_scores(timeline)


def score_on(
    spec: HabitSpec, marks: Mapping[date, Mark], today: date, state: EngineState | None = None
) -> float:
    """Today's score."""
    return daily_scores(build_timeline(spec, marks, today, state))[-1]


def loop_frequency(schedule: Schedule) -> tuple[int, int]:
    """The (N, D) Loop scores with: N/N is 1/1, as Loop's `Frequency` constructor makes it."""
    if schedule.times == schedule.days:
        return 1, 1
    return schedule.times, schedule.days


def multiplier(frequency: float) -> float:
    """The share of the previous score a day keeps (Loop's `Score.compute`)."""
    kept: float = 0.5 ** (sqrt(frequency) / 13)
    return kept


def yes_no_window(times: int, days: int) -> tuple[int, int]:
    """(N', D') of a yes/no habit's completion, from Loop's (N, D): doubled when N < D."""
    if times < days:
        return 2 * times, 2 * days
    return times, days


def score_window(spec: HabitSpec) -> int:
    """How many days, ending on a day, that day's completion reads: D' for yes/no, D numeric."""
    times, days = loop_frequency(spec.schedule)
    return days if spec.is_numeric else yes_no_window(times, days)[1]


def daily_scores(timeline: Timeline) -> list[float]:
    """The score of each day of the timeline from `timeline.computed_from` on."""
    spec = timeline.spec
    times, days = loop_frequency(spec.schedule)
    kept = multiplier(times / days)
    gain = 1 - kept
    completions = (
        _numeric_completions(timeline, days)
        if spec.is_numeric
        else _yes_no_completions(timeline, *yes_no_window(times, days))
    )
    begin = timeline.computed_from - timeline.origin
    scores = []
    score = spec.initial_score if timeline.state is None else timeline.state.score
    for completion, skipped in zip(completions[begin:], timeline.skipped[begin:], strict=True):
        if not skipped:
            score = score * kept + completion * gain
        scores.append(score)
    return scores


def _yes_no_completions(timeline: Timeline, needed: int, width: int) -> list[float]:
    done_before = [0, *accumulate(timeline.done)]
    return [
        min(needed, done_before[end] - done_before[max(end - width, 0)]) / needed
        for end in range(1, len(done_before))
    ]


def _numeric_completions(timeline: Timeline, width: int) -> list[float]:
    spec = timeline.spec
    target = float(spec.target)
    amounts = [
        SKIP_AMOUNT if skipped else value
        for value, skipped in zip(timeline.values, timeline.skipped, strict=True)
    ]
    sums = window_sums(amounts, width)
    at_least = spec.target_type is TargetType.AT_LEAST
    completions: list[float] = []
    previous, completion = None, 0.0
    for exact in sums:
        if exact is not previous:  # an unchanged sum (the same object) completes the same
            total, previous = float(exact), exact
            if at_least:
                completion = 1.0 if target <= 0 else min(1.0, total / target)
            elif target <= 0:
                completion = 0.0 if total > 0 else 1.0
            else:
                completion = min(1.0, max(0.0, 1 - (total - target) / target))
        completions.append(completion)
    return completions
