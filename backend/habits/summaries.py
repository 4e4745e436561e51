"""Per-habit summaries (current streak, today's score) for the habit list.

The list must answer in a constant number of queries without reading every entry of every habit.
Each habit keeps its summary and the user-date it was computed for (`summary_day`). A summary
computed for today stays right until the habit's entries or schedule change, because streaks and
scores as of a day depend only on the entries up to that day and the habit's schedule. So it is
recomputed:
- by every write that changes a habit's history or schedule (through `habits.changes`, in the
  write's transaction), and
- when the user's today moves on (day rollover, or a changed time zone or day start), for the
  habits whose summary is of another day (`habit_summaries_catch_up` in the services).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from habits.engine import HabitSummary, habit_summary
from habits.models import Entry, Habit
from habits.specs import ENTRY_ROW_FIELDS, EntryRow, habit_spec, marks_from_rows

SUMMARY_FIELDS = ["summary_day", "summary_current_streak", "summary_score"]
# One UPDATE per batch: a single statement for thousands of habits grows a CASE branch per habit.
UPDATE_BATCH_SIZE = 500


def summaries_compute(*, habits: Sequence[Habit], today: date) -> dict[int, HabitSummary]:
    """The summaries of `habits` as of `today`, computed from their entries (one query)."""
    if not habits:
        return {}
    rows_by_habit: dict[int, list[EntryRow]] = defaultdict(list)
    for habit_id, *row in (
        Entry.objects.filter(habit__in=habits, date__lte=today)
        .order_by()
        .values_list("habit_id", *ENTRY_ROW_FIELDS)
    ):
        rows_by_habit[habit_id].append((row[0], row[1], row[2]))
    return {
        habit.pk: habit_summary(habit_spec(habit), marks_from_rows(rows_by_habit[habit.pk]), today)
        for habit in habits
    }


def summaries_refresh(*, habits: Sequence[Habit], today: date) -> None:
    """Recompute and save the summaries of `habits` for `today`: one read, one UPDATE per batch."""
    summaries = summaries_compute(habits=habits, today=today)
    for habit in habits:
        summary = summaries[habit.pk]
        habit.summary_day = today
        habit.summary_current_streak = summary.current_streak
        habit.summary_score = summary.score
    Habit.objects.bulk_update(habits, SUMMARY_FIELDS, batch_size=UPDATE_BATCH_SIZE)


def stored_summary(habit: Habit) -> HabitSummary:
    return HabitSummary(current_streak=habit.summary_current_streak, score=habit.summary_score)
