"""Calendar periods and weekday counting, on proleptic ordinals (`date.toordinal()`).

Ordinals keep the hot loops to integer arithmetic: no timedelta, no per-day date objects.
"""

from datetime import date
from typing import Literal

from habits.engine.types import Schedule

Unit = Literal["week", "month", "year"]
Span = tuple[int, int]
"""A period as (first ordinal, last ordinal), both included."""

# Blocks of D days are counted from this Monday, so 7-day blocks are exactly the ISO weeks
# (Monday to Sunday), and any other length stays put when older entries are added.
BLOCK_ANCHOR = date(1969, 12, 29).toordinal()


def iso_weekday(ordinal: int) -> int:
    """ISO weekday (1 = Monday) of an ordinal: ordinal 1, 0001-01-01, was a Monday."""
    return (ordinal - 1) % 7 + 1


def blocks(start: int, end: int, length: int) -> list[Span]:
    """The `length`-day blocks, counted from BLOCK_ANCHOR, that meet [start, end]."""
    first = start - (start - BLOCK_ANCHOR) % length
    return [(s, s + length - 1) for s in range(first, end + 1, length)]


def months(start: int, end: int) -> list[Span]:
    """The calendar months that meet [start, end]."""
    day = date.fromordinal(start)
    year, month = day.year, day.month
    spans = []
    begin = date(year, month, 1).toordinal()
    while begin <= end:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        following = date(year, month, 1).toordinal()
        spans.append((begin, following - 1))
        begin = following
    return spans


def years(start: int, end: int) -> list[Span]:
    """The calendar years that meet [start, end]."""
    return [
        (date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
        for year in range(date.fromordinal(start).year, date.fromordinal(end).year + 1)
    ]


def unit_periods(start: int, end: int, unit: Unit) -> list[Span]:
    """ISO weeks, calendar months or calendar years that meet [start, end], not clipped."""
    if unit == "week":
        return blocks(start, end, 7)
    if unit == "month":
        return months(start, end)
    return years(start, end)


def schedule_periods(schedule: Schedule, start: int, end: int) -> list[Span]:
    """The periods of a calendar schedule ("N per D days, calendar") that meet [start, end].

    D of 28-31 means calendar months and D of 365 or 366 calendar years (their lengths vary, the
    target N stays the same). Any other D means consecutive D-day blocks counted from Monday
    1969-12-29: for D = 7 these are the ISO weeks, and the blocks never move when the history grows.
    """
    if 28 <= schedule.days <= 31:
        return months(start, end)
    if schedule.days in (365, 366):
        return years(start, end)
    return blocks(start, end, schedule.days)


def scheduled_days(schedule: Schedule, start: int, end: int) -> int:
    """How many days of [start, end] (start <= end) the schedule's weekdays allow."""
    length = end - start + 1
    if not schedule.weekdays:
        return length
    whole_weeks, rest = divmod(length, 7)
    count = whole_weeks * len(schedule.weekdays)
    for ordinal in range(end - rest + 1, end + 1):
        count += iso_weekday(ordinal) in schedule.weekdays
    return count
