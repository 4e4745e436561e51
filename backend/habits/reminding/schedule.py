"""When a habit's reminder goes out: pure date and zone arithmetic, no Django.

A reminder is a wall-clock `time` in the user's zone on some of the user's days. The rules:

- **The day it belongs to.** A user's day starts at `day_start_hour` (accounts.calendar). A time at
  or after the day start is on the day's own calendar date; a time before it is on the next
  calendar date, still within the same user's day: with a 04:00 day start, the 01:00 reminder of
  Monday goes out at 01:00 on Tuesday's calendar date, and Monday's entry is the one it is about.
- **Which days.** `weekdays` (ISO 1-7) are judged on the user's day the reminder belongs to; empty
  means every day (the habit's own schedule works the same way).
- **A time that does not exist** (spring forward: 02:30 in New York on the March change) goes out
  once, at the first instant after the gap (03:00 EDT), even when that instant is where the next
  user's day begins (02:30 with a 03:00 day start). A user's day that never happens (Samoa skipped
  2011-12-30) has no reminder.
- **A time that occurs twice** (fall back: 01:30 in New York in November) goes out once, at its
  first occurrence.
- **Done days.** A day whose entry is skipped, done (yes/no), or done with an amount that meets
  an "at least" target or records an "at most" one needs no reminder (`day_settled`).

Instants come from the wall clock of the date, never from adding 24 hours to yesterday's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from accounts.calendar import local_day, zone
from habits.rules import Kind, Status, TargetType

# Whatever the weekdays, the next reminder is within the next 8 user's days; one more covers a day
# the zone skipped.
_SEARCH_DAYS = 9


@dataclass(frozen=True, slots=True)
class ReminderTime:
    """A reminder for the schedule: wall-clock `time`, ISO `weekdays` (empty: every day)."""

    time: time
    weekdays: frozenset[int] = frozenset()

    def applies_on(self, day: date) -> bool:
        return not self.weekdays or day.isoweekday() in self.weekdays


@dataclass(frozen=True, slots=True)
class Delivery:
    """One reminder: the user's `day` it is about and the UTC `instant` it is due."""

    day: date
    instant: datetime


def wall_clock_instant(calendar_day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant at which the wall clock in `tz` first shows `at` on `calendar_day`; when it
    never does (a spring-forward gap), the first instant after the gap."""
    wall = datetime.combine(calendar_day, at.replace(tzinfo=None, fold=0), tzinfo=tz)
    instant = wall.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) == wall.replace(tzinfo=None):
        return instant  # fold=0: the first of two occurrences when the clock falls back
    # In a gap the two folds read the wall clock with the offsets before and after the change, so
    # the change lies between the two instants: find its first second.
    low, high = sorted((instant, wall.replace(fold=1).astimezone(UTC)))
    after = high.astimezone(tz).utcoffset()
    while high - low > timedelta(seconds=1):
        middle = (low + (high - low) / 2).replace(microsecond=0)
        if middle.astimezone(tz).utcoffset() == after:
            high = middle
        else:
            low = middle
    return high


def delivery_on(
    day: date, reminder: ReminderTime, time_zone: str, day_start_hour: int
) -> Delivery | None:
    """The reminder of the user's `day`, or None when it does not apply that day."""
    if not reminder.applies_on(day):
        return None
    calendar_day = day if reminder.time.hour >= day_start_hour else day + timedelta(days=1)
    instant = wall_clock_instant(calendar_day, reminder.time, zone(time_zone))
    if day not in {
        local_day(instant, time_zone, day_start_hour),
        # A gap that ends the user's day (02:30 with a 03:00 day start, the clock jumping
        # 02:00 -> 03:00) sends at the gap's end, the instant the next day begins.
        local_day(instant - timedelta(seconds=1), time_zone, day_start_hour),
    }:
        return None  # the zone skipped this day
    return Delivery(day=day, instant=instant)


def next_delivery(
    after: datetime, reminder: ReminderTime, time_zone: str, day_start_hour: int
) -> Delivery | None:
    """The first delivery strictly after the instant `after`; None when no weekday applies."""
    first = local_day(after, time_zone, day_start_hour) - timedelta(days=1)
    for offset in range(_SEARCH_DAYS + 1):
        delivery = delivery_on(first + timedelta(days=offset), reminder, time_zone, day_start_hour)
        if delivery is not None and delivery.instant > after:
            return delivery
    return None


def due_delivery(
    now: datetime, reminder: ReminderTime, time_zone: str, day_start_hour: int, grace: timedelta
) -> Delivery | None:
    """The delivery due at `now`: its instant passed at most `grace` ago (a later one is stale)."""
    today = local_day(now, time_zone, day_start_hour)
    for day in (today, today - timedelta(days=1)):
        delivery = delivery_on(day, reminder, time_zone, day_start_hour)
        if delivery is not None and now - grace < delivery.instant <= now:
            return delivery
    return None


def day_settled(
    kind: Kind,
    target_type: TargetType,
    target: Decimal | None,
    status: Status | None,
    value: Decimal | None,
) -> bool:
    """Whether the day's entry leaves nothing to remind of."""
    if status is None or status is Status.NOT_DONE:
        return False
    if status is Status.SKIPPED or kind is Kind.BOOLEAN:
        return True
    if target_type is TargetType.AT_MOST:
        return value is not None
    return value is not None and value >= (target or Decimal(0))
