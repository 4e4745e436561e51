"""The user's days: which local date an instant belongs to.

A user's day is their local calendar date in their IANA zone, shifted by `day_start_hour`: with a
day that starts at 04:00, 02:30 local on Tuesday still belongs to Monday. Everything works on the
local wall clock and on dates, never on "24 hours later": a DST change makes a day 23 or 25 hours
long (23.5 or 24.5 on Lord Howe Island) but never drops or doubles one.
"""

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=512)
def zone(time_zone: str) -> ZoneInfo:
    """The zone named `time_zone`; a clear ValueError for a name that is not an IANA zone."""
    try:
        return ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:  # OSError: "America", too long
        raise ValueError(f"unknown time zone: {time_zone!r}") from error


def local_day(instant: datetime, time_zone: str, day_start_hour: int) -> date:
    """The user's date at `instant` (an aware datetime).

    The wall clock is read in the user's zone; before `day_start_hour` it is still the previous
    date. The shift is applied to the date, not by subtracting hours from the instant, so a DST
    jump between midnight and the day start cannot move the result by a day.
    """
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("instant must be timezone-aware")
    if not 0 <= day_start_hour <= 23:
        raise ValueError(f"day_start_hour must be 0-23, got {day_start_hour}")
    local_zone = zone(time_zone)
    wall = instant.astimezone(local_zone)
    day = wall.date() - timedelta(days=1) if wall.hour < day_start_hour else wall.date()
    # A fall-back that straddles the day start (Pacific/Chatham turns 03:45 back to 02:45, so a day
    # starting at 03:00 would begin twice) takes the wall clock below the day start again after the
    # next day has begun: a day, once begun, stays.
    next_start = datetime.combine(day + timedelta(days=1), time(day_start_hour), tzinfo=local_zone)
    return day + timedelta(days=1) if instant >= next_start else day


def user_today(now: datetime, time_zone: str, day_start_hour: int) -> date:
    """The user's "today" at `now`: see `local_day`."""
    return local_day(now, time_zone, day_start_hour)


def days_between(start: date, end: date) -> Iterator[date]:
    """Every date from `start` to `end`, both included (nothing when start > end)."""
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        yield date.fromordinal(ordinal)
