"""Per-day facts about a habit, built once from its marks and shared by every statistic.

The timeline runs from the first entry's date (whatever its status) to a last day, usually the
user's today; entries after the last day are ignored. A day without an entry is NOT_DONE, value 0.
A habit without an entry up to the last day has a timeline of that one day, with nothing recorded:
Loop's `Habit.recompute` likewise computes the score of today when there is no entry.

Numeric day success, the rule streaks and completion rates share: a day of a numeric habit is *met*
when its entry is DONE and the sum of values over the D days ending that day (D = schedule.days; for
a daily habit just that day's value) reaches the target: `sum >= target` for at-least habits,
`sum <= target` for at-most habits. The values summed are those of every entry that is not SKIPPED
(a NOT_DONE entry's value still happened), negative values count as 0 (as in Loop), and sums are
exact Decimals. A yes/no day is met when its entry is DONE. Either way, a day outside the schedule's
weekdays is never met: streaks and completion ignore unscheduled days (the score does not).

`total_done`, the "times done" of a habit, counts the days *achieved*: met, except that any weekday
counts (a done Tuesday of a Mondays-only habit was still done). A numeric day that fell short of
its target (or went over an at-most one) is not achieved, whatever its status.

Continuing from an `EngineState` (see `state`) at day S, the timeline runs from the state's
`reads_from` to the last day instead: the days up to S are there only for the windows of later
days (a numeric day's sum, the score's window), and the first entry's date is the state's.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import accumulate

from habits.engine.periods import iso_weekday
from habits.engine.state import EngineState
from habits.engine.types import HabitSpec, Mark
from habits.rules import Status, TargetType

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Timeline:
    """Lists indexed by `ordinal - origin`, for the days `origin` to `last` (ordinals, included).

    From scratch `origin` is `first`, the first entry's date; with no entry on or before `last`,
    `first == last`: one day without an entry. Continuing `state`, `origin` is its `reads_from`:
    a numeric day's `met` is only right from `origin + D - 1` on, and the days from
    `computed_from` on are the ones computed.
    """

    spec: HabitSpec
    origin: int
    first: int
    last: int
    state: EngineState | None
    """The state this timeline continues, None from scratch."""
    started: bool
    """There is an entry on or before the last day (else `first` is only the last day)."""
    done: list[bool]
    """The entry is DONE (any weekday, any value): what the yes/no score counts."""
    achieved: list[bool]
    """DONE and, for numeric habits, the target met (any weekday): what total_done counts."""
    skipped: list[bool]
    scheduled: list[bool]
    met: list[bool]
    """Scheduled and successful, see the module docstring."""
    met_before: list[int]
    """met_before[i] = number of met days among the first i days (length + 1 items)."""
    values: list[Decimal]
    """Numeric habits: each day's value (0 without one, and on skipped days). Empty for yes/no."""
    window_sums: list[Decimal]
    """Numeric habits: sum of values over the D days ending each day. Empty for yes/no habits."""

    @property
    def length(self) -> int:
        return self.last - self.origin + 1

    @property
    def computed_from(self) -> int:
        """The first day computed here: the day after the state's, else the first entry's."""
        return self.first if self.state is None else self.state.day + 1

    @property
    def total_done(self) -> int:
        """Achieved days from the first entry to the last day (see the module docstring)."""
        counted = sum(self.achieved[self.computed_from - self.origin :])
        return counted if self.state is None else self.state.total_done + counted

    def met_between(self, start: int, end: int) -> int:
        """Met days in [start, end] (ordinals); days outside the timeline count as not met."""
        low = max(start, self.origin) - self.origin
        high = min(end, self.last) - self.origin
        if low > high:
            return 0
        return self.met_before[high + 1] - self.met_before[low]


def build_timeline(
    spec: HabitSpec, marks: Mapping[date, Mark], last: date, state: EngineState | None = None
) -> Timeline:
    """The timeline to `last`, from scratch or continuing `state` (then `marks` needs the entries
    from `state.reads_from` on; earlier ones are ignored)."""
    last_ordinal = last.toordinal()
    if state is None:
        earliest = min(marks, default=None)
        started = earliest is not None and earliest <= last
        first = earliest.toordinal() if earliest and started else last_ordinal
        origin = first
    else:
        if not state.fits(spec):
            raise ValueError(f"the state {state.key!r} is not of this habit's spec")
        if state.day >= last_ordinal:
            raise ValueError(f"the state's day {date.fromordinal(state.day)} is not before {last}")
        first, origin, started = state.first, state.reads_from, True
    length = last_ordinal - origin + 1
    done = [False] * length
    skipped = [False] * length
    numeric = spec.is_numeric
    values = [ZERO] * length if numeric else []
    for day, mark in marks.items():
        index = day.toordinal() - origin
        if not 0 <= index < length:
            continue
        if mark.status is Status.DONE:
            done[index] = True
        elif mark.status is Status.SKIPPED:
            skipped[index] = True
            continue
        if numeric and mark.value is not None and mark.value > 0:
            values[index] = mark.value

    weekdays = spec.schedule.weekdays
    if weekdays:
        scheduled = [iso_weekday(origin + index) in weekdays for index in range(length)]
    else:
        scheduled = [True] * length

    sums = window_sums(values, spec.schedule.days) if numeric else []
    if numeric:
        target = spec.target
        if spec.target_type is TargetType.AT_LEAST:
            meets = [total >= target for total in sums]
        else:
            meets = [total <= target for total in sums]
        achieved = [a and b for a, b in zip(done, meets, strict=True)]
    else:
        achieved = done
    met = [a and b for a, b in zip(achieved, scheduled, strict=True)]
    return Timeline(
        spec=spec,
        origin=origin,
        first=first,
        last=last_ordinal,
        state=state,
        started=started,
        done=done,
        achieved=achieved,
        skipped=skipped,
        scheduled=scheduled,
        met=met,
        met_before=[0, *accumulate(met)],
        values=values,
        window_sums=sums,
    )


def window_sums(values: list[Decimal], width: int) -> list[Decimal]:
    """Sliding sums over `width` days ending each day: O(days), exact with Decimals. Days without
    a value leave the sum as it is (the same object): most days of most habits."""
    sums = []
    total = ZERO
    for index, value in enumerate(values):
        if value:
            total += value
        if index >= width and (leaving := values[index - width]):
            total -= leaving
        sums.append(total)
    return sums
