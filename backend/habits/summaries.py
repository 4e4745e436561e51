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

Either way the computation continues the habit's latest stored state (habits.checkpoints) and
reads only the entries since its lookback, then stores the states it passed: the work follows the
days since the state, not the length of the history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from habits.checkpoints import (
    checkpoint_days,
    checkpoints_invalidate,
    checkpoints_save,
    continuations,
)
from habits.engine import EngineState, HabitSummary, habit_progress, habit_summary
from habits.models import Habit

SUMMARY_FIELDS = ["summary_day", "summary_current_streak", "summary_score"]
# One UPDATE per batch: a single statement for thousands of habits grows a CASE branch per habit.
UPDATE_BATCH_SIZE = 500


def summaries_compute(*, habits: Sequence[Habit], today: date) -> dict[int, HabitSummary]:
    """The summaries of `habits` as of `today`, continuing their stored states (two queries).
    Nothing is written."""
    return {
        pk: habit_summary(start.spec, start.marks, today, start.state)
        for pk, start in continuations(habits=habits, before=today, today=today).items()
    }


def summaries_refresh(
    *, habits: Sequence[Habit], today: date, changed: Mapping[int, date | None] | None = None
) -> None:
    """Recompute and save the summaries of `habits` for `today`, with the states they pass.

    `changed` gives, per habit whose history changed, the first day that changed (None: all of
    it): the stored states from that day on are dropped first. A few queries and one UPDATE per
    batch, whatever the number of habits.
    """
    checkpoints_invalidate(changed=changed or {})
    starts = continuations(habits=habits, before=today, today=today)
    states: dict[int, list[EngineState]] = {}
    for habit in habits:
        start = starts[habit.pk]
        days = checkpoint_days(state=start.state, today=today)
        progress = habit_progress(start.spec, start.marks, today, days, start.state)
        states[habit.pk] = progress.states
        habit.summary_day = today
        habit.summary_current_streak = progress.summary.current_streak
        habit.summary_score = progress.summary.score
    Habit.objects.bulk_update(habits, SUMMARY_FIELDS, batch_size=UPDATE_BATCH_SIZE)
    checkpoints_save(states=states, today=today)


def stored_summary(habit: Habit) -> HabitSummary:
    return HabitSummary(current_streak=habit.summary_current_streak, score=habit.summary_score)
