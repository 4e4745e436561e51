"""Completion rates per ISO week (Monday to Sunday), calendar month or calendar year.

For every period that meets [start, end], clipped to [start, end] (so the first and last periods
may be partial, and their dates say so):

- `done`: met days in the clipped period (scheduled days that were DONE and, for numeric habits,
  met the target, see `timeline`).
- `scheduled`: the occurrences the schedule expects there: `N * days / D` for the clipped period's
  length in days, rounded half up, and never more than the days the weekdays allow. So a daily habit
  expects every day, a weekday habit the count of its weekdays, "3 in 7 days" 3 a week and 13 in a
  31-day month, "3 a week, Monday to Friday" 3 a week but nothing in a week clipped to its weekend.
- `rate`: `min(1, done / scheduled)`, 0 when nothing was expected.

Days before the habit existed count like any other: callers wanting otherwise pass a later `start`.
Continuing from an `EngineState` (see `state`), the range must start after the state's day.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from habits.engine.periods import Unit, scheduled_days, unit_periods
from habits.engine.state import EngineState
from habits.engine.timeline import Timeline, build_timeline
from habits.engine.types import HabitSpec, Mark


@dataclass(frozen=True, slots=True)
class PeriodCompletion:
    """One period's completion: its days, the days done and scheduled, and their rate."""

    start: date
    end: date
    done: int
    scheduled: int
    rate: float


def completion(
    spec: HabitSpec,
    marks: Mapping[date, Mark],
    start: date,
    end: date,
    unit: Unit,
    state: EngineState | None = None,
) -> list[PeriodCompletion]:
    """One row per `unit` period in [start, end], oldest first (nothing when start > end)."""
    return timeline_completion(build_timeline(spec, marks, end, state), start, end, unit)


def timeline_completion(
    timeline: Timeline, start: date, end: date, unit: Unit
) -> list[PeriodCompletion]:
    schedule = timeline.spec.schedule
    first, last = start.toordinal(), end.toordinal()
    if first > last:
        return []
    if first < timeline.computed_from and timeline.state is not None:
        raise ValueError(f"{start} is not after the state's day: its days were not computed")
    rows = []
    for period_start, period_end in unit_periods(first, last, unit):
        low, high = max(period_start, first), min(period_end, last)
        expected = (2 * schedule.times * (high - low + 1) + schedule.days) // (2 * schedule.days)
        scheduled = min(expected, scheduled_days(schedule, low, high))
        done = timeline.met_between(low, high)
        rows.append(
            PeriodCompletion(
                start=date.fromordinal(low),
                end=date.fromordinal(high),
                done=done,
                scheduled=scheduled,
                rate=min(1.0, done / scheduled) if scheduled else 0.0,
            )
        )
    return rows
