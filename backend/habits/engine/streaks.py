"""Streaks: how many days in a row the habit has been kept, now (`current`) and ever (`best`).

Every schedule counts days, not periods. Everywhere, a SKIPPED day and a day outside the schedule's
weekdays neither add to a streak nor break it, and a day only counts when it is *met* (DONE, and for
numeric habits meeting the target, see `timeline`). The current streak ends today, or yesterday
while today is still open: today never breaks a streak, it only adds to it once met.

- Every scheduled day (`times == days`, daily or weekday habits, whatever the period): the run of
  consecutive scheduled days that were met.
- Rolling "N in D days": a window of D days that starts on a met day and holds at least N met days
  has met its target, and every day it spans is covered (as in Loop, whose intervals also run
  forward from the first repetition). The streak is the run of consecutive covered days. Windows
  start on met days so the days before a habit was begun are never counted; a window that reaches
  past today is judged on what is known so far. With N = D = 1 this is exactly the every-day rule
  above.
- Calendar "N per period" (see `periods.schedule_periods`: ISO weeks for D = 7, calendar months for
  D = 28-31, calendar years for 365/366, else D-day blocks): a period is met when its met days reach
  N, or all of its scheduled days that were not skipped if skips leave fewer than N (a fully skipped
  period is met with nothing to count). The streak is the number of met days in consecutive met
  periods. The period holding today is still open: it adds its days once met, and does not break the
  streak before that.

`best >= current` always holds, and marking one more day DONE (values unchanged) never lowers
`best`: met days, coverage and met periods only grow.

Continuing from an `EngineState` (see `state`), the walk starts at its streak's `resume` with its
run, best and coverage. The walk also records, for any day S before the last, the state it has
reached with the entries up to S only: the days (or periods) whose streak is final by S.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from habits.engine.periods import schedule_periods, scheduled_days
from habits.engine.state import EngineState, StreakState
from habits.engine.timeline import Timeline, build_timeline
from habits.engine.types import HabitSpec, Mark
from habits.rules import Period


@dataclass(frozen=True, slots=True)
class Streaks:
    """The current streak (as of today) and the best one, in days."""

    current: int
    best: int


def streaks(
    spec: HabitSpec, marks: Mapping[date, Mark], today: date, state: EngineState | None = None
) -> Streaks:
    return timeline_streaks(build_timeline(spec, marks, today, state))


def timeline_streaks(timeline: Timeline) -> Streaks:
    return streak_walk(timeline, ())[0]


def streak_walk(timeline: Timeline, stops: Sequence[int]) -> tuple[Streaks, list[StreakState]]:
    """The streaks as of the timeline's last day, and the walk's state at the end of each of
    `stops` (ordinals, ascending, from `timeline.computed_from` to the day before the last), as
    far as it is final with the entries up to that day (see `state`)."""
    if any(not timeline.computed_from <= stop < timeline.last for stop in stops):
        raise ValueError("a stop must lie between the first day computed and the last day")
    schedule = timeline.spec.schedule
    begin = (
        timeline.state.streak
        if timeline.state is not None
        else StreakState(resume=timeline.first, run=0, best=0, covered_until=timeline.first - 1)
    )
    if schedule.period is Period.CALENDAR and not schedule.every_scheduled_day:
        return _calendar_streaks(timeline, begin, stops)
    return _covered_streaks(timeline, begin, stops)


def _covered_streaks(
    timeline: Timeline, begin: StreakState, stops: Sequence[int]
) -> tuple[Streaks, list[StreakState]]:
    """Runs of covered days, ignoring skipped and unscheduled days; today never breaks a run.

    Every scheduled day: a day is covered when it is met. Rolling "N in D": when it lies in a
    D-day window that starts on a met day and holds N met days (the window is judged when the walk
    reaches its first day, so `covered_until` only ever grows).
    """
    schedule = timeline.spec.schedule
    rolling = not schedule.every_scheduled_day
    needed, width = schedule.times, schedule.days
    origin, length = timeline.origin, timeline.length
    met, met_before = timeline.met, timeline.met_before
    skipped, scheduled = timeline.skipped, timeline.scheduled
    today = length - 1
    run, best, covered_until = begin.run, begin.best, begin.covered_until - origin
    # A day's coverage is final once the windows starting on it are: D - 1 days later (rolling).
    settled = width - 1 if rolling else 0
    points = [stop - settled - origin for stop in stops]
    start = begin.resume - origin
    found = [begin for point in points if point < start]
    pending = len(found)
    for index in range(start, length):
        if rolling and met[index]:
            window_end = min(index + width, length)
            if met_before[window_end] - met_before[index] >= needed:
                covered_until = index + width - 1
        if not (skipped[index] or not scheduled[index]):
            covered = index <= covered_until if rolling else met[index]
            if covered:
                run += 1
                best = max(best, run)
            elif index != today:
                run = 0
        while pending < len(points) and points[pending] == index:
            found.append(StreakState(origin + index + 1, run, best, origin + covered_until))
            pending += 1
    return Streaks(current=run, best=best), found


def _calendar_streaks(
    timeline: Timeline, begin: StreakState, stops: Sequence[int]
) -> tuple[Streaks, list[StreakState]]:
    schedule = timeline.spec.schedule
    origin, first, last = timeline.origin, timeline.first, timeline.last
    skipped_before = [
        0,
        *accumulate(a and b for a, b in zip(timeline.skipped, timeline.scheduled, strict=True)),
    ]
    run, best, resume = begin.run, begin.best, begin.resume
    found: list[StreakState] = []
    for start, end in schedule_periods(schedule, begin.resume, last):
        # A stop before this period's end has seen the periods before it only.
        while len(found) < len(stops) and stops[len(found)] < end:
            found.append(StreakState(resume, run, best, begin.covered_until))
        low, high = max(start, first) - origin, min(end, last) - origin
        available = scheduled_days(schedule, start, end) - (
            skipped_before[high + 1] - skipped_before[low]
        )
        met_days = timeline.met_between(start, end)
        if met_days >= min(schedule.times, available):
            run += met_days
            best = max(best, run)
        elif end < last:
            run = 0
        resume = end + 1
    return Streaks(current=run, best=best), found
