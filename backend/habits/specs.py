"""The seam between rows and the pure engine: Habit -> HabitSpec, entries -> {date: Mark}."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from itertools import groupby
from operator import itemgetter

from habits.engine import HabitSpec, Kind, Mark, Period, Schedule, Status, TargetType
from habits.models import Habit
from habits.rules import mask_to_weekdays

# (date, status, value) rows, as read with values_list: cheaper than model instances.
EntryRow = tuple[date, str | None, Decimal | None]
ENTRY_ROW_FIELDS = ("date", "status", "value")
# What the exports read of every entry, ordered by habit id (one cursor for the whole account).
ExportRow = tuple[int, date, str | None, Decimal | None, str]
EXPORT_ROW_FIELDS = ("habit_id", "date", "status", "value", "note")


def habit_spec(habit: Habit) -> HabitSpec:
    return HabitSpec(
        kind=Kind(habit.kind),
        schedule=Schedule(
            times=habit.frequency_times,
            days=habit.frequency_days,
            weekdays=frozenset(mask_to_weekdays(habit.weekdays_mask)),
            period=Period(habit.period),
        ),
        target_value=habit.target_value,
        target_type=TargetType(habit.target_type),
    )


# Marks are immutable: the valueless ones are shared instead of built per row (10 years of daily
# entries are 3,650 rows on every stats request).
_VALUELESS_MARKS = {status.value: Mark(status) for status in Status}


def marks_from_rows(rows: Iterable[EntryRow]) -> dict[date, Mark]:
    """The engine's marks; a note alone (no status) is no mark."""
    return {
        day: _VALUELESS_MARKS[status] if value is None else Mark(Status(status), value)
        for day, status, value in rows
        if status is not None
    }


def rows_by_habit(
    habits: Sequence[Habit], rows: Iterable[ExportRow]
) -> Iterator[tuple[Habit, list[ExportRow]]]:
    """Each habit, in id order, with its rows from `rows` (ordered by habit id, read once): one
    habit's rows in memory at a time. Rows of a habit not in `habits` are passed over."""
    groups = groupby(rows, key=itemgetter(0))
    pending = next(groups, None)
    for habit in sorted(habits, key=lambda habit: habit.pk):
        while pending is not None and pending[0] < habit.pk:
            pending = next(groups, None)
        if pending is not None and pending[0] == habit.pk:
            yield habit, list(pending[1])
            pending = next(groups, None)
        else:
            yield habit, []
