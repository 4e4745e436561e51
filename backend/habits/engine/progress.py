"""Engine states (see `state`) at chosen days, taken by the same walk that computes today's numbers.

A walk from scratch, or from a state at day S, to today can stop at any days from its first
computed day (the first entry's, or S + 1) to the day before today and record the state there;
a day before the first entry has none (nothing to continue from). The state at a day is the same
whichever earlier state the walk started from, and whatever today is.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from habits.engine.scores import daily_scores, score_window
from habits.engine.state import EngineState, StreakState, state_key
from habits.engine.stats import HabitSummary
from habits.engine.streaks import streak_walk
from habits.engine.timeline import build_timeline
from habits.engine.types import HabitSpec, Mark


@dataclass(frozen=True, slots=True)
class HabitProgress:
    """Today's summary and the engine states at the days asked for."""

    summary: HabitSummary
    """As of today, the same as `stats.habit_summary`."""
    states: list[EngineState]
    """At each of the days asked for, from the first entry's date on."""


def habit_progress(
    spec: HabitSpec,
    marks: Mapping[date, Mark],
    today: date,
    days: Sequence[date],
    state: EngineState | None = None,
) -> HabitProgress:
    """Today's summary, and the states at the end of `days` (ascending, after `state`'s day and
    before today), from scratch or continuing `state`."""
    timeline = build_timeline(spec, marks, today, state)
    scores = daily_scores(timeline)
    stops = [day.toordinal() for day in days if day.toordinal() >= timeline.first]
    found, streak_states = streak_walk(timeline, stops)
    origin, computed_from = timeline.origin, timeline.computed_from
    done_before = [0, *accumulate(timeline.achieved)]
    done_earlier = 0 if state is None else state.total_done
    key = state_key(spec)
    return HabitProgress(
        summary=HabitSummary(current_streak=found.current, score=scores[-1]),
        states=[
            EngineState(
                key=key,
                day=stop,
                first=timeline.first,
                score=scores[stop - computed_from],
                total_done=done_earlier
                + done_before[stop - origin + 1]
                - done_before[computed_from - origin],
                streak=streak,
                reads_from=_reads_from(spec, stop, streak),
            )
            for stop, streak in zip(stops, streak_states, strict=True)
        ],
    )


def advance(
    spec: HabitSpec, marks: Mapping[date, Mark], day: date, state: EngineState | None = None
) -> EngineState | None:
    """The state at the end of `day` (after `state`'s), or None without an entry up to `day`.

    `marks` after `day` are not needed and change nothing.
    """
    following = date.fromordinal(day.toordinal() + 1)
    before = {when: mark for when, mark in marks.items() if when <= day}
    states = habit_progress(spec, before, following, [day], state).states
    return states[0] if states else None


def _reads_from(spec: HabitSpec, day: int, streak: StreakState) -> int:
    """The first day whose entry a continuation from `day` reads (see `state`)."""
    met_window = spec.schedule.days if spec.is_numeric else 1
    return min(day + 2 - score_window(spec), streak.resume - (met_window - 1))
