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
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from habits.engine.periods import schedule_periods, scheduled_days
from habits.engine.timeline import Timeline, build_timeline
from habits.engine.types import HabitSpec, Mark
from habits.rules import Period


@dataclass(frozen=True, slots=True)
class Streaks:
    current: int
    best: int


def streaks(spec: HabitSpec, marks: Mapping[date, Mark], today: date) -> Streaks:
    return timeline_streaks(build_timeline(spec, marks, today))


def timeline_streaks(timeline: Timeline) -> Streaks:
    schedule = timeline.spec.schedule
    if schedule.period is Period.CALENDAR and not schedule.every_scheduled_day:
        return _calendar_streaks(timeline)
    if schedule.every_scheduled_day:
        return _covered_streaks(timeline, timeline.met)
    return _covered_streaks(timeline, _rolling_coverage(timeline, schedule.times, schedule.days))


def _rolling_coverage(timeline: Timeline, needed: int, width: int) -> list[bool]:
    """Which days lie in a D-day window that starts on a met day and holds N met days."""
    met, met_before, length = timeline.met, timeline.met_before, timeline.length
    covered = []
    covered_until = -1
    for index in range(length):
        if met[index]:
            window_end = min(index + width, length)
            if met_before[window_end] - met_before[index] >= needed:
                covered_until = index + width - 1
        covered.append(index <= covered_until)
    return covered


def _covered_streaks(timeline: Timeline, covered: list[bool]) -> Streaks:
    """Runs of covered days, ignoring skipped and unscheduled days; today never breaks a run."""
    today = timeline.length - 1
    run = best = 0
    for index, (is_covered, skipped, scheduled) in enumerate(
        zip(covered, timeline.skipped, timeline.scheduled, strict=True)
    ):
        if skipped or not scheduled:
            continue
        if is_covered:
            run += 1
            best = max(best, run)
        elif index != today:
            run = 0
    return Streaks(current=run, best=best)


def _calendar_streaks(timeline: Timeline) -> Streaks:
    schedule = timeline.spec.schedule
    first, last = timeline.first, timeline.last
    if first > last:
        return Streaks(current=0, best=0)
    skipped_before = [
        0,
        *accumulate(a and b for a, b in zip(timeline.skipped, timeline.scheduled, strict=True)),
    ]
    run = best = 0
    for start, end in schedule_periods(schedule, first, last):
        low, high = max(start, first) - first, min(end, last) - first
        available = scheduled_days(schedule, start, end) - (
            skipped_before[high + 1] - skipped_before[low]
        )
        met_days = timeline.met_between(start, end)
        if met_days >= min(schedule.times, available):
            run += met_days
            best = max(best, run)
        elif end < last:
            run = 0
    return Streaks(current=run, best=best)
