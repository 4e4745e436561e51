"""Everything the API shows about a habit, computed from one shared timeline.

Each function computes from scratch, or continues an `EngineState` (see `state`) with the same
result: then `marks` needs only the entries from the state's `reads_from` on.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import get_args

from habits.engine.completion import PeriodCompletion, timeline_completion
from habits.engine.periods import Unit
from habits.engine.scores import daily_scores
from habits.engine.state import EngineState
from habits.engine.streaks import timeline_streaks
from habits.engine.timeline import build_timeline
from habits.engine.types import HabitSpec, Mark


@dataclass(frozen=True, slots=True)
class HabitStats:
    """A habit's statistics screen: streaks, score and its history, completion per period."""

    current_streak: int
    best_streak: int
    score: float
    score_history: list[tuple[date, float]]
    completion: dict[str, list[PeriodCompletion]]
    """Keyed by "week", "month" and "year"."""
    total_done: int
    """Days with a DONE entry up to today, any weekday; for numeric habits only those that met the
    target (see `timeline`)."""
    first_entry: date | None
    """The first entry's date (whatever its status), None without an entry up to today: the score
    history before it is no data, not a score."""


@dataclass(frozen=True, slots=True)
class HabitSummary:
    """What the habit list shows of the statistics: the current streak and the score."""

    current_streak: int
    score: float


def habit_stats(
    spec: HabitSpec,
    marks: Mapping[date, Mark],
    today: date,
    start: date,
    end: date,
    state: EngineState | None = None,
) -> HabitStats:
    """Streaks and score as of `today`; score history and completion for [start, end].

    The history has exactly one row per day of [start, end]: days before the first entry score 0,
    as Loop's `ScoreList.get` answers for them (even for at-most habits, which start the first
    entry's day at 1). Callers clamp `end` to today: a later end, or a start after the end, is a
    ValueError; so is a start on or before the day of `state`.
    """
    if end > today:
        raise ValueError(f"end {end} is after today {today}")
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    timeline = build_timeline(spec, marks, today, state)
    if state is not None and start.toordinal() <= state.day:
        raise ValueError(f"start {start} is not after the state's day")
    scores = daily_scores(timeline)
    found = timeline_streaks(timeline)
    return HabitStats(
        current_streak=found.current,
        best_streak=found.best,
        score=scores[-1],
        score_history=_history(scores, timeline.computed_from, start, end),
        completion={
            unit: timeline_completion(timeline, start, end, unit) for unit in get_args(Unit)
        },
        total_done=timeline.total_done,
        first_entry=date.fromordinal(timeline.first) if timeline.started else None,
    )


def habit_summary(
    spec: HabitSpec, marks: Mapping[date, Mark], today: date, state: EngineState | None = None
) -> HabitSummary:
    """The current streak and today's score, for lists of habits."""
    timeline = build_timeline(spec, marks, today, state)
    scores = daily_scores(timeline)
    return HabitSummary(
        current_streak=timeline_streaks(timeline).current,
        score=scores[-1],
    )


def _history(scores: list[float], first: int, start: date, end: date) -> list[tuple[date, float]]:
    """Scores for [start, end], `scores` starting at ordinal `first`; earlier days score 0 (from
    scratch `first` is the first entry's date; continuing a state, `start` is after it)."""
    low, high = start.toordinal(), end.toordinal()
    before_first = min(max(first - low, 0), high - low + 1)
    values = [0.0] * before_first + scores[max(low - first, 0) : max(high - first + 1, 0)]
    return list(zip(map(date.fromordinal, range(low, high + 1)), values, strict=True))
