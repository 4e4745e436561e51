"""Loop's computed entries: the days Loop lists for a habit in its export, derived as Loop's
`EntryList.recomputeFrom` derives them from the entries a person made.

Numeric habits list their entries as they are. A yes/no habit also lists YES_AUTO days: the days
its frequency did not ask for, after it was met. Loop builds them in three steps, followed here:

1. `build_intervals`: for every N consecutive YES_MANUAL days (newest first, N the frequency's
   numerator) whose oldest (`begin`) and newest (`center`) lie less than D days apart (D the
   denominator; for D of 30 or 31 the length of begin's month, or of the next month when begin is
   a month's last day), the interval of D days starting at begin.
2. `snap_intervals_together`: from the second newest on, each interval that reaches into the
   newer one slides back by as much as the overlap plus one, but no further than its end to its
   center, so that gaps between intervals close and streaks grow.
3. `entries_from_intervals`: every day of an interval is YES_AUTO; a person's entry keeps its value
   where no interval covers it, or where it is YES_MANUAL or SKIP, and otherwise becomes YES_AUTO
   with its note; the other days are UNKNOWN, listed only when they carry a note.

Days are ordinals (`date.toordinal()`); an entry is (Loop's value, note). Intervals may end after
today: Loop lists those YES_AUTO days too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from habits.loop.formats import SKIP, UNKNOWN, YES_AUTO, YES_MANUAL

LoopDay = tuple[int, str]
"""One day of a habit in Loop: its value (Loop's integer) and its note."""


@dataclass(frozen=True, slots=True)
class Interval:
    begin: int
    center: int
    end: int


def computed_entries(
    original: Mapping[int, LoopDay], times: int, days: int, numeric: bool
) -> dict[int, LoopDay]:
    """The days Loop lists for a habit with these entries and frequency (N/N already 1/1)."""
    if numeric:
        return dict(original)
    intervals = snap_intervals_together(build_intervals(times, days, original))
    return entries_from_intervals(original, intervals)


def build_intervals(times: int, days: int, original: Mapping[int, LoopDay]) -> list[Interval]:
    """Step 1, newest interval first."""
    yes_newest_first = sorted(
        (day for day, (value, _) in original.items() if value == YES_MANUAL), reverse=True
    )
    intervals = []
    for index in range(times - 1, len(yes_newest_first)):
        begin, center = yes_newest_first[index], yes_newest_first[index - times + 1]
        size = _month_size(begin) if days in (30, 31) else days
        if center - begin < size:
            intervals.append(Interval(begin, center, begin + size - 1))
    return intervals


def _month_size(ordinal: int) -> int:
    """Loop's month for a monthly habit: begin's, or the next one when begin ends its month."""
    day = date.fromordinal(ordinal)
    length = _length_of_month(day)
    if day.day == length:
        return _length_of_month(date.fromordinal(ordinal + 1))
    return length


def _length_of_month(day: date) -> int:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - day.replace(day=1)).days


def snap_intervals_together(intervals: list[Interval]) -> list[Interval]:
    """Step 2, on newest-first intervals; a new list."""
    snapped = list(intervals)
    for index in range(1, len(snapped)):
        current, newer = snapped[index], snapped[index - 1]
        overlap = current.end - newer.begin
        if overlap >= 0:
            shift = min(current.end - current.center, overlap + 1)
            snapped[index] = Interval(current.begin - shift, current.center, current.end - shift)
    return snapped


def entries_from_intervals(
    original: Mapping[int, LoopDay], intervals: list[Interval]
) -> dict[int, LoopDay]:
    """Step 3, then the UNKNOWN days without a note left out."""
    if not original:
        return {}
    first = min(min(original), min((i.begin for i in intervals), default=min(original)))
    last = max(max(original), max((i.end for i in intervals), default=max(original)))
    covered = [0] * (last - first + 2)
    for interval in intervals:
        covered[interval.begin - first] += 1
        covered[interval.end - first + 1] -= 1
    computed: dict[int, LoopDay] = {}
    depth = 0
    for offset in range(last - first + 1):
        depth += covered[offset]
        day = first + offset
        entry = original.get(day)
        if entry is None:
            if depth:
                computed[day] = (YES_AUTO, "")
            continue
        value, note = entry
        if depth and value not in (SKIP, YES_MANUAL):
            value = YES_AUTO
        if value != UNKNOWN or note:
            computed[day] = (value, note)
    return computed
