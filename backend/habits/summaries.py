"""Per-habit summaries (current streak, today's score) for the habit list.

The list must answer in a constant number of queries without reading every entry of every habit.
Each habit keeps its summary and the user-date it was computed for (`summary_day`). It is refreshed:
- when the habit's entries or schedule change (in the same transaction as the write), and
- when the list is read on a new day for the user (day rollover, or a changed time zone or day
  start), for the habits whose summary is stale, with one query for all their entries.
A summary computed for today stays right until one of those happens, because streaks and scores as
of a day depend only on the entries up to that day and the habit's schedule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from habits.engine import habit_summary
from habits.models import Entry, Habit
from habits.specs import ENTRY_ROW_FIELDS, EntryRow, habit_spec, marks_from_rows

SUMMARY_FIELDS = ["summary_day", "summary_current_streak", "summary_score"]


def _apply(habit: Habit, rows: Sequence[EntryRow], today: date) -> None:
    summary = habit_summary(habit_spec(habit), marks_from_rows(rows), today)
    habit.summary_day = today
    habit.summary_current_streak = summary.current_streak
    habit.summary_score = summary.score


def summary_refresh(*, habit: Habit, today: date) -> None:
    """Recompute one habit's summary (after a write to it) and save it."""
    rows = list(Entry.objects.filter(habit=habit, date__lte=today).values_list(*ENTRY_ROW_FIELDS))
    _apply(habit, rows, today)
    Habit.objects.filter(pk=habit.pk).update(
        **{field: getattr(habit, field) for field in SUMMARY_FIELDS}
    )


def summaries_refresh_stale(*, habits: Sequence[Habit], today: date) -> None:
    """Bring the summaries of `habits` up to `today`: two queries, whatever their number."""
    stale = [habit for habit in habits if habit.summary_day != today]
    if not stale:
        return
    rows_by_habit: dict[int, list[EntryRow]] = defaultdict(list)
    for habit_id, *row in (
        Entry.objects.filter(habit__in=stale, date__lte=today)
        .order_by()
        .values_list("habit_id", *ENTRY_ROW_FIELDS)
    ):
        rows_by_habit[habit_id].append((row[0], row[1], row[2]))
    for habit in stale:
        _apply(habit, rows_by_habit[habit.pk], today)
    Habit.objects.bulk_update(stale, SUMMARY_FIELDS)
