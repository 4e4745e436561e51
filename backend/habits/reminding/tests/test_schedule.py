"""The reminder schedule across DST changes, day starts and zones that skipped a day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habits.reminding.schedule import (
    Delivery,
    ReminderTime,
    day_settled,
    delivery_on,
    due_delivery,
    next_delivery,
    wall_clock_instant,
)
from habits.rules import Kind, Status, TargetType

SETTINGS = settings(max_examples=300, deadline=None)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def local(instant: datetime, time_zone: str) -> datetime:
    return instant.astimezone(ZoneInfo(time_zone))


@pytest.mark.parametrize(
    ("time_zone", "day", "at", "expected"),
    [
        # Spring forward: the clock jumps 02:00 -> 03:00; 02:30 goes out at 03:00 EDT.
        ("America/New_York", date(2025, 3, 9), time(2, 30), utc(2025, 3, 9, 7, 0)),
        # Fall back: 01:30 happens twice; the first (EDT) one.
        ("America/New_York", date(2025, 11, 2), time(1, 30), utc(2025, 11, 2, 5, 30)),
        # Berlin jumps 02:00 -> 03:00 on the last Sunday of March; 02:59 is in the gap.
        ("Europe/Berlin", date(2025, 3, 30), time(2, 59), utc(2025, 3, 30, 1, 0)),
        ("Europe/Berlin", date(2025, 10, 26), time(2, 30), utc(2025, 10, 26, 0, 30)),
        # Lord Howe's DST is 30 minutes: 02:00 -> 02:30, and back 02:00 -> 01:30.
        ("Australia/Lord_Howe", date(2025, 10, 5), time(2, 15), utc(2025, 10, 4, 15, 30)),
        ("Australia/Lord_Howe", date(2025, 4, 6), time(1, 45), utc(2025, 4, 5, 14, 45)),
        # No DST at all, a half-hour offset.
        ("Asia/Kolkata", date(2025, 3, 9), time(2, 30), utc(2025, 3, 8, 21, 0)),
        ("Asia/Kolkata", date(2025, 6, 1), time(7, 0), utc(2025, 6, 1, 1, 30)),
    ],
)
def test_a_wall_clock_time_goes_out_once_at_its_first_instant_or_after_the_gap(
    time_zone: str, day: date, at: time, expected: datetime
) -> None:
    assert wall_clock_instant(day, at, ZoneInfo(time_zone)) == expected


def test_an_ordinary_day_is_the_wall_clock_time() -> None:
    delivery = delivery_on(date(2025, 7, 1), ReminderTime(time(8, 15)), "Europe/Berlin", 0)
    assert delivery == Delivery(date(2025, 7, 1), utc(2025, 7, 1, 6, 15))


def test_a_time_before_the_day_start_belongs_to_the_previous_user_day() -> None:
    # Day starts at 04:00: Monday's 01:00 reminder goes out at 01:00 on Tuesday's date.
    monday = date(2025, 6, 2)
    delivery = delivery_on(monday, ReminderTime(time(1, 0)), "America/New_York", 4)
    assert delivery is not None
    assert local(delivery.instant, "America/New_York") == datetime(
        2025, 6, 3, 1, 0, tzinfo=ZoneInfo("America/New_York")
    )
    # Its weekday is Monday's: a Monday-only reminder goes out early on Tuesday, not Monday.
    monday_only = ReminderTime(time(1, 0), frozenset({1}))
    assert delivery_on(monday, monday_only, "America/New_York", 4) == delivery
    assert delivery_on(date(2025, 6, 3), monday_only, "America/New_York", 4) is None
    # At 00:30 on Tuesday's date it is still Monday for the user: the next one is Monday's.
    after = datetime(2025, 6, 3, 0, 30, tzinfo=ZoneInfo("America/New_York"))
    assert next_delivery(after, monday_only, "America/New_York", 4) == delivery


def test_a_time_at_the_day_start_is_that_day() -> None:
    delivery = delivery_on(date(2025, 6, 2), ReminderTime(time(4, 0)), "Asia/Kolkata", 4)
    assert delivery == Delivery(date(2025, 6, 2), utc(2025, 6, 1, 22, 30))


def test_spring_forward_inside_a_late_day_start_still_sends_once() -> None:
    # Day start 02:00 and a 02:30 reminder on the New York change: 03:00 EDT, same user's day.
    delivery = delivery_on(date(2025, 3, 9), ReminderTime(time(2, 30)), "America/New_York", 2)
    assert delivery == Delivery(date(2025, 3, 9), utc(2025, 3, 9, 7, 0))
    # A 01:30 reminder with a 02:00 day start belongs to Saturday and exists (before the gap).
    saturday = delivery_on(date(2025, 3, 8), ReminderTime(time(1, 30)), "America/New_York", 2)
    assert saturday == Delivery(date(2025, 3, 8), utc(2025, 3, 9, 6, 30))


def test_a_day_the_zone_skipped_has_no_reminder() -> None:
    # Samoa moved across the date line: 2011-12-29 23:59:59 was followed by 2011-12-31 00:00.
    reminder = ReminderTime(time(9, 0))
    assert delivery_on(date(2011, 12, 30), reminder, "Pacific/Apia", 0) is None
    after = utc(2011, 12, 29, 20, 0)  # the 29th, 09:00 local (-10)
    assert next_delivery(after, reminder, "Pacific/Apia", 0) == Delivery(
        date(2011, 12, 31), utc(2011, 12, 30, 19, 0)
    )


@pytest.mark.parametrize(
    ("time_zone", "day_start_hour", "at"),
    [
        ("America/New_York", 0, time(2, 30)),
        ("America/New_York", 4, time(1, 30)),
        ("America/New_York", 2, time(2, 0)),
        ("Europe/Berlin", 3, time(2, 30)),
        ("Australia/Lord_Howe", 0, time(2, 15)),
        ("Australia/Lord_Howe", 2, time(1, 45)),
        ("Asia/Kolkata", 5, time(0, 0)),
        ("Pacific/Apia", 0, time(9, 0)),
        ("Pacific/Chatham", 3, time(2, 50)),
    ],
)
def test_following_next_delivery_sends_each_user_day_exactly_once(
    time_zone: str, day_start_hour: int, at: time
) -> None:
    """Over two years (so every DST change in both directions, and Samoa's skipped day), the
    chain of next deliveries visits each user's day once, in order, each instant in its day."""
    reminder = ReminderTime(at)
    start = utc(2011, 1, 1) if time_zone == "Pacific/Apia" else utc(2024, 1, 1)
    instant = start
    days: list[date] = []
    while instant < start + timedelta(days=731):
        delivery = next_delivery(instant, reminder, time_zone, day_start_hour)
        assert delivery is not None
        assert delivery.instant > instant
        days.append(delivery.day)
        instant = delivery.instant
    assert len(days) == len(set(days))
    assert days == sorted(days)
    gaps = [later - earlier for earlier, later in pairwise(days)]
    allowed = {timedelta(days=1)} | ({timedelta(days=2)} if time_zone == "Pacific/Apia" else set())
    assert set(gaps) <= allowed


def test_weekdays_pick_the_next_matching_day() -> None:
    weekends = ReminderTime(time(9, 0), frozenset({6, 7}))
    wednesday = datetime(2025, 6, 4, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    delivery = next_delivery(wednesday, weekends, "Europe/Berlin", 0)
    assert delivery == Delivery(date(2025, 6, 7), utc(2025, 6, 7, 7, 0))


def test_due_only_within_the_grace_after_its_instant() -> None:
    reminder = ReminderTime(time(8, 0))
    grace = timedelta(hours=1)
    instant = utc(2025, 6, 4, 6, 0)  # 08:00 in Berlin
    assert due_delivery(instant - timedelta(seconds=1), reminder, "Europe/Berlin", 0, grace) is None
    assert due_delivery(instant, reminder, "Europe/Berlin", 0, grace) == Delivery(
        date(2025, 6, 4), instant
    )
    assert due_delivery(instant + timedelta(minutes=59), reminder, "Europe/Berlin", 0, grace)
    assert due_delivery(instant + grace, reminder, "Europe/Berlin", 0, grace) is None


def test_due_finds_yesterdays_late_reminder_after_the_day_start() -> None:
    # 03:50 reminder, 04:00 day start: at 04:10 the user's day is Tuesday, Monday's is still due.
    reminder = ReminderTime(time(3, 50))
    berlin = ZoneInfo("Europe/Berlin")
    now = datetime(2025, 6, 3, 4, 10, tzinfo=berlin)
    delivery = due_delivery(now, reminder, "Europe/Berlin", 4, timedelta(hours=1))
    assert delivery is not None
    assert delivery.day == date(2025, 6, 2)


@pytest.mark.parametrize(
    ("kind", "target_type", "status", "value", "settled"),
    [
        (Kind.BOOLEAN, TargetType.AT_LEAST, None, None, False),
        (Kind.BOOLEAN, TargetType.AT_LEAST, Status.NOT_DONE, None, False),
        (Kind.BOOLEAN, TargetType.AT_LEAST, Status.DONE, None, True),
        (Kind.BOOLEAN, TargetType.AT_LEAST, Status.SKIPPED, None, True),
        (Kind.NUMERIC, TargetType.AT_LEAST, Status.DONE, Decimal(5), False),
        (Kind.NUMERIC, TargetType.AT_LEAST, Status.DONE, Decimal(8), True),
        (Kind.NUMERIC, TargetType.AT_MOST, Status.DONE, Decimal(0), True),
        (Kind.NUMERIC, TargetType.AT_LEAST, Status.SKIPPED, None, True),
    ],
)
def test_a_met_or_skipped_day_is_settled(
    kind: Kind, target_type: TargetType, status: Status | None, value: Decimal | None, settled: bool
) -> None:
    assert day_settled(kind, target_type, Decimal(8), status, value) is settled


ZONES = [
    "America/New_York",
    "Europe/Berlin",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Apia",
    "Pacific/Chatham",
    "America/St_Johns",
    "Europe/Dublin",  # negative DST in the tz database: winter is the "daylight" offset
]


@SETTINGS
@given(
    zone_name=st.sampled_from(ZONES),
    day=st.dates(date(2005, 1, 1), date(2035, 12, 31)),
    at=st.times(),
    day_start_hour=st.integers(0, 23),
    weekdays=st.frozensets(st.integers(1, 7)),
)
def test_every_delivery_is_its_wall_clock_time_or_a_gaps_end_within_its_day(
    zone_name: str, day: date, at: time, day_start_hour: int, weekdays: frozenset[int]
) -> None:
    reminder = ReminderTime(at.replace(microsecond=0), weekdays)
    delivery = delivery_on(day, reminder, zone_name, day_start_hour)
    if delivery is None:
        return
    assert reminder.applies_on(day)
    wall = local(delivery.instant, zone_name)
    if wall.time() != reminder.time:
        # Only a time that does not exist moves, and then to the first instant after the gap.
        before = local(delivery.instant - timedelta(seconds=1), zone_name)
        assert before.utcoffset() != wall.utcoffset()
        assert before.time() < reminder.time or before.date() < wall.date()
    # It is the first delivery after any instant before it: the chain of next_delivery finds it.
    assert (
        next_delivery(delivery.instant - timedelta(seconds=1), reminder, zone_name, day_start_hour)
        == delivery
    )
