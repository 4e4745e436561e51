"""Loop's computed entries (YES_AUTO days), with the cases of Loop's own EntryListTest
(uhabits-core 2.3.1, models/EntryListTest.kt): its inputs and expected values, days counted back
from today."""

from __future__ import annotations

from datetime import date

from habits.loop.computed import (
    Interval,
    build_intervals,
    computed_entries,
    entries_from_intervals,
    snap_intervals_together,
)
from habits.loop.formats import NO, SKIP, UNKNOWN, YES_AUTO, YES_MANUAL

TODAY = date(2015, 1, 25).toordinal()


def day(offset: int) -> int:
    return TODAY - offset


def interval(begin: int, center: int, end: int) -> Interval:
    return Interval(day(begin), day(center), day(end))


def test_compute_boolean() -> None:
    """testComputeBoolean"""
    original = {day(4): (YES_MANUAL, ""), day(9): (YES_MANUAL, ""), day(10): (YES_MANUAL, "")}
    computed = computed_entries(original, 1, 3, numeric=False)
    assert sorted(computed.items(), reverse=True) == [
        (day(2), (YES_AUTO, "")),
        (day(3), (YES_AUTO, "")),
        (day(4), (YES_MANUAL, "")),
        (day(7), (YES_AUTO, "")),
        (day(8), (YES_AUTO, "")),
        (day(9), (YES_MANUAL, "")),
        (day(10), (YES_MANUAL, "")),
        (day(11), (YES_AUTO, "")),
        (day(12), (YES_AUTO, "")),
    ]
    assert computed_entries({}, 1, 3, numeric=False) == {}


def test_compute_numerical() -> None:
    """testComputeNumerical: numeric entries are listed as they are."""
    original = {day(4): (100, ""), day(9): (200, ""), day(10): (300, "")}
    assert computed_entries(original, 1, 1, numeric=True) == original


def test_add_from_interval() -> None:
    """testAddFromInterval. Loop's buildEntriesFromInterval also returns the UNKNOWN days (3 and
    7 here), which recomputeFrom then drops; ours drops them at once."""
    original = {
        day(1): (YES_MANUAL, ""),
        day(2): (NO, "Test"),
        day(4): (NO, ""),
        day(5): (YES_MANUAL, ""),
        day(10): (YES_MANUAL, ""),
        day(11): (NO, ""),
    }
    intervals = [interval(2, 2, 1), interval(6, 5, 4), interval(10, 8, 8)]
    assert sorted(entries_from_intervals(original, intervals).items()) == sorted(
        {
            day(1): (YES_MANUAL, ""),
            day(2): (YES_AUTO, "Test"),
            day(4): (YES_AUTO, ""),
            day(5): (YES_MANUAL, ""),
            day(6): (YES_AUTO, ""),
            day(8): (YES_AUTO, ""),
            day(9): (YES_AUTO, ""),
            day(10): (YES_MANUAL, ""),
            day(11): (NO, ""),
        }.items()
    )


def test_an_unknown_day_with_a_note_is_listed() -> None:
    original = {day(3): (UNKNOWN, "why?"), day(4): (UNKNOWN, "")}
    assert entries_from_intervals(original, []) == {day(3): (UNKNOWN, "why?")}


def test_snap_intervals_together_1() -> None:
    """testSnapIntervalsTogether1"""
    original = [interval(8, 8, 2), interval(12, 12, 6), interval(20, 20, 14), interval(27, 27, 21)]
    assert snap_intervals_together(original) == [
        interval(8, 8, 2),
        interval(15, 12, 9),
        interval(22, 20, 16),
        interval(29, 27, 23),
    ]


def test_snap_intervals_together_2() -> None:
    """testSnapIntervalsTogether2"""
    original = [interval(6, 4, 0), interval(11, 8, 5)]
    assert snap_intervals_together(original) == [interval(6, 4, 0), interval(13, 8, 7)]


def yes(*offsets: int) -> dict[int, tuple[int, str]]:
    return {day(offset): (YES_MANUAL, "") for offset in offsets}


def test_build_intervals_1() -> None:
    """testBuildIntervals1: weekly"""
    assert build_intervals(1, 7, yes(8, 18, 23)) == [
        interval(8, 8, 2),
        interval(18, 18, 12),
        interval(23, 23, 17),
    ]


def test_build_intervals_2() -> None:
    """testBuildIntervals2: daily"""
    assert build_intervals(1, 1, yes(8, 18, 23)) == [
        interval(8, 8, 8),
        interval(18, 18, 18),
        interval(23, 23, 23),
    ]


def test_build_intervals_3() -> None:
    """testBuildIntervals3: twice a week"""
    assert build_intervals(2, 7, yes(8, 15, 18, 22, 23)) == [
        interval(18, 15, 12),
        interval(22, 18, 16),
        interval(23, 22, 17),
    ]


def test_build_intervals_4() -> None:
    """testBuildIntervals4: a skipped day starts no interval"""
    original = {**yes(10, 30), day(20): (SKIP, "")}
    assert build_intervals(1, 3, original) == [interval(10, 10, 8), interval(30, 30, 28)]


def test_a_monthly_interval_lasts_the_month_it_begins_in_or_the_next_from_a_last_day() -> None:
    january_31, february_1 = date(2024, 1, 31).toordinal(), date(2024, 2, 1).toordinal()
    assert build_intervals(1, 30, {january_31: (YES_MANUAL, "")}) == [
        Interval(january_31, january_31, january_31 + 29 - 1)
    ]
    assert build_intervals(1, 31, {february_1: (YES_MANUAL, "")}) == [
        Interval(february_1, february_1, february_1 + 29 - 1)
    ]
