"""Schedules and specs refuse what the engine cannot judge."""

from datetime import date

import pytest

from habits.engine import HabitSpec, Kind, Schedule


@pytest.mark.parametrize(("times", "days"), [(0, 1), (2, 1), (8, 7), (1, 0)])
def test_a_schedule_needs_one_to_d_times_in_d_days(times: int, days: int) -> None:
    with pytest.raises(ValueError, match="times <= days"):
        Schedule(times=times, days=days)


def test_weekdays_are_iso_weekdays() -> None:
    with pytest.raises(ValueError, match="ISO weekdays"):
        Schedule(weekdays=frozenset({0, 1}))
    with pytest.raises(ValueError, match="ISO weekdays"):
        Schedule(weekdays=frozenset({8}))


def test_no_weekdays_means_every_day() -> None:
    monday, sunday = date(2026, 3, 16), date(2026, 3, 22)
    assert Schedule().is_scheduled(monday)
    assert Schedule().is_scheduled(sunday)
    weekdays = Schedule(weekdays=frozenset({1, 2, 3, 4, 5}))
    assert weekdays.is_scheduled(monday)
    assert not weekdays.is_scheduled(sunday)


def test_a_numeric_habit_needs_a_target() -> None:
    with pytest.raises(ValueError, match="target_value"):
        HabitSpec(kind=Kind.NUMERIC, schedule=Schedule())
