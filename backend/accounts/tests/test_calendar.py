"""Day boundaries: the user's date in their zone, shifted by their day start, across DST changes."""

import itertools
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from accounts.calendar import days_between, local_day, user_today

QUARTER = timedelta(minutes=15)

# (zone, a day inside a transition week: the change happens within three days either side)
TRANSITION_WEEKS = [
    ("America/New_York", date(2026, 3, 8)),  # 02:00 EST -> 03:00 EDT
    ("America/New_York", date(2026, 11, 1)),  # 02:00 EDT -> 01:00 EST
    ("Europe/London", date(2026, 3, 29)),  # 01:00 GMT -> 02:00 BST
    ("Europe/London", date(2026, 10, 25)),  # 02:00 BST -> 01:00 GMT
    ("Australia/Lord_Howe", date(2026, 4, 5)),  # 02:00 +11 -> 01:30 +10:30
    ("Australia/Lord_Howe", date(2026, 10, 4)),  # 02:00 +10:30 -> 02:30 +11
]


def quarter_hours(time_zone: str, around: date) -> list[datetime]:
    """Every 15 minutes, as UTC instants, from local midnight 3 days before to 4 days after."""
    zone = ZoneInfo(time_zone)
    start = datetime.combine(around - timedelta(days=3), time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(around + timedelta(days=4), time(0), tzinfo=zone).astimezone(UTC)
    count = (end - start) // QUARTER
    return [start + step * QUARTER for step in range(count)]


def transitions(time_zone: str, instants: list[datetime]) -> list[tuple[datetime, timedelta]]:
    """(first instant on the new offset, change of offset) for each change between instants."""
    zone = ZoneInfo(time_zone)
    offsets = [instant.astimezone(zone).utcoffset() for instant in instants]
    return [
        (instants[index], after - before)
        for index, (before, after) in enumerate(itertools.pairwise(offsets), start=1)
        if before is not None and after is not None and after != before
    ]


@pytest.mark.parametrize("day_start_hour", [0, 4])
@pytest.mark.parametrize(("time_zone", "around"), TRANSITION_WEEKS)
def test_every_date_appears_once_in_order_across_a_transition_week(
    time_zone: str, around: date, day_start_hour: int
) -> None:
    instants = quarter_hours(time_zone, around)
    [(changed_at, shift)] = transitions(time_zone, instants)
    days = [local_day(instant, time_zone, day_start_hour) for instant in instants]

    runs = [days[0]] + [day for previous, day in itertools.pairwise(days) if day != previous]
    assert runs == list(days_between(runs[0], runs[-1])), "a date was dropped, doubled or reordered"

    # Whole days last 24 hours, except the one holding the change: 23, 25, 23.5 or 24.5 hours.
    lengths = Counter(days)
    changed_day = local_day(changed_at, time_zone, day_start_hour)
    for day in runs[1:-1]:
        expected = timedelta(hours=24) - (shift if day == changed_day else timedelta(0))
        assert lengths[day] * QUARTER == expected, day


@pytest.mark.parametrize(
    ("time_zone", "instant", "day_start_hour", "expected"),
    [
        # New York, spring forward at 07:00 UTC: 01:59 EST is followed by 03:00 EDT.
        ("America/New_York", "2026-03-08T06:59", 0, date(2026, 3, 8)),
        ("America/New_York", "2026-03-08T06:59", 4, date(2026, 3, 7)),
        ("America/New_York", "2026-03-08T07:00", 2, date(2026, 3, 8)),  # 02:00 never happens
        ("America/New_York", "2026-03-08T07:00", 4, date(2026, 3, 7)),
        ("America/New_York", "2026-03-08T07:59", 4, date(2026, 3, 7)),  # 03:59 EDT
        ("America/New_York", "2026-03-08T08:00", 4, date(2026, 3, 8)),  # 04:00 EDT
        # New York, fall back at 06:00 UTC: 01:59 EDT is followed by 01:00 EST.
        ("America/New_York", "2026-11-01T05:30", 1, date(2026, 11, 1)),  # 01:30 EDT
        ("America/New_York", "2026-11-01T06:00", 1, date(2026, 11, 1)),  # 01:00 EST, again
        ("America/New_York", "2026-11-01T06:59", 2, date(2026, 10, 31)),  # 01:59 EST
        ("America/New_York", "2026-11-01T07:00", 2, date(2026, 11, 1)),  # 02:00 EST
        ("America/New_York", "2026-11-01T08:59", 4, date(2026, 10, 31)),  # 03:59 EST
        ("America/New_York", "2026-11-01T09:00", 4, date(2026, 11, 1)),  # 04:00 EST
        # London, spring forward at 01:00 UTC: 00:59 GMT is followed by 02:00 BST.
        ("Europe/London", "2026-03-29T00:59", 1, date(2026, 3, 28)),
        ("Europe/London", "2026-03-29T01:00", 1, date(2026, 3, 29)),
        ("Europe/London", "2026-03-29T02:59", 4, date(2026, 3, 28)),  # 03:59 BST
        ("Europe/London", "2026-03-29T03:00", 4, date(2026, 3, 29)),  # 04:00 BST
        # London, fall back at 01:00 UTC: 01:59 BST is followed by 01:00 GMT.
        ("Europe/London", "2026-10-25T00:30", 1, date(2026, 10, 25)),  # 01:30 BST
        ("Europe/London", "2026-10-25T01:30", 1, date(2026, 10, 25)),  # 01:30 GMT
        ("Europe/London", "2026-10-25T03:59", 4, date(2026, 10, 24)),
        ("Europe/London", "2026-10-25T04:00", 4, date(2026, 10, 25)),
        # Lord Howe, half an hour back at 15:00 UTC: 01:59 +11 is followed by 01:30 +10:30.
        ("Australia/Lord_Howe", "2026-04-04T14:59", 0, date(2026, 4, 5)),
        ("Australia/Lord_Howe", "2026-04-04T14:59", 2, date(2026, 4, 4)),
        ("Australia/Lord_Howe", "2026-04-04T15:00", 2, date(2026, 4, 4)),
        ("Australia/Lord_Howe", "2026-04-04T15:30", 2, date(2026, 4, 5)),  # 02:00 +10:30
        ("Australia/Lord_Howe", "2026-04-04T17:29", 4, date(2026, 4, 4)),  # 03:59 +10:30
        ("Australia/Lord_Howe", "2026-04-04T17:30", 4, date(2026, 4, 5)),  # 04:00 +10:30
        # Lord Howe, half an hour forward at 15:30 UTC: 01:59 +10:30 is followed by 02:30 +11.
        ("Australia/Lord_Howe", "2026-10-03T15:29", 2, date(2026, 10, 3)),
        ("Australia/Lord_Howe", "2026-10-03T15:30", 2, date(2026, 10, 4)),
        ("Australia/Lord_Howe", "2026-10-03T16:59", 4, date(2026, 10, 3)),  # 03:59 +11
        ("Australia/Lord_Howe", "2026-10-03T17:00", 4, date(2026, 10, 4)),  # 04:00 +11
    ],
)
def test_today_at_the_edges_of_days_and_transitions(
    time_zone: str, instant: str, day_start_hour: int, expected: date
) -> None:
    now = datetime.fromisoformat(instant).replace(tzinfo=UTC)
    assert user_today(now, time_zone, day_start_hour) == expected


def test_a_day_starting_at_four_runs_from_four_to_four_local() -> None:
    zone = ZoneInfo("Europe/Paris")
    tuesday_0230 = datetime(2026, 6, 2, 2, 30, tzinfo=zone)
    tuesday_0359 = tuesday_0230.replace(hour=3, minute=59)
    tuesday_0400 = tuesday_0230.replace(hour=4, minute=0)
    assert user_today(tuesday_0230, "Europe/Paris", 4) == date(2026, 6, 1)
    assert user_today(tuesday_0359, "Europe/Paris", 4) == date(2026, 6, 1)
    assert user_today(tuesday_0400, "Europe/Paris", 4) == date(2026, 6, 2)
    assert user_today(tuesday_0230, "Europe/Paris", 0) == date(2026, 6, 2)


# Zones whose changes are unusual: at midnight, by 30 or 45 minutes, or by two hours.
ODD_ZONES = [
    "America/Santiago",
    "America/Havana",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Antarctica/Troll",
    "America/New_York",
    "Europe/London",
]


@pytest.mark.parametrize("time_zone", ODD_ZONES)
def test_no_day_start_hour_drops_or_doubles_a_day_in_odd_zones(time_zone: str) -> None:
    zone = ZoneInfo(time_zone)
    noons = [datetime(2026, 1, 1, 12, tzinfo=UTC) + timedelta(days=n) for n in range(365)]
    changes = [
        later
        for earlier, later in itertools.pairwise(noons)
        if earlier.astimezone(zone).utcoffset() != later.astimezone(zone).utcoffset()
    ]
    assert changes, f"{time_zone} has no change in 2026"
    for change in changes:
        instants = [change - timedelta(days=2) + step * QUARTER for step in range(2 * 96)]
        for day_start_hour in range(24):
            days = [local_day(instant, time_zone, day_start_hour) for instant in instants]
            steps = {(later - earlier).days for earlier, later in itertools.pairwise(days)}
            assert steps <= {0, 1}, (change, day_start_hour)


def test_an_unknown_zone_is_a_clear_value_error() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for name in ["Mars/Olympus_Mons", "", "../etc/passwd", "America", "x" * 300]:
        with pytest.raises(ValueError, match="unknown time zone"):
            user_today(now, name, 0)


def test_a_naive_instant_or_a_bad_day_start_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_day(datetime(2026, 1, 1), "UTC", 0)
    with pytest.raises(ValueError, match="day_start_hour"):
        local_day(datetime(2026, 1, 1, tzinfo=UTC), "UTC", 24)


def test_days_between_is_inclusive_and_uses_dates_only() -> None:
    # Europe/London's short day is in the range: date arithmetic does not care.
    assert list(days_between(date(2026, 3, 28), date(2026, 3, 30))) == [
        date(2026, 3, 28),
        date(2026, 3, 29),
        date(2026, 3, 30),
    ]
    assert list(days_between(date(2026, 3, 28), date(2026, 3, 28))) == [date(2026, 3, 28)]
    assert list(days_between(date(2026, 3, 29), date(2026, 3, 28))) == []
