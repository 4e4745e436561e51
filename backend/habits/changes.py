"""The one place where a write's side effects happen.

Every write to a user's habits or entries runs inside `habits_change`, so a new write cannot forget
what must follow it:
- the summaries (streak and score in the list) of the habits whose history or schedule changed are
  recomputed for the user's today, in the write's transaction, after the stored engine states the
  change makes wrong are dropped (habits.checkpoints: those from the first changed day on), and
- the list cache's version token is replaced (at once and when the transaction commits), so the
  next list read sees the write, and
- the reminders of habits whose schedule, archive flag or reminder changed are replanned
  (habits.reminding.planning), which also wakes the reminder sender's cache gate.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from accounts.models import User
from accounts.selectors import user_today
from habits import list_cache
from habits.models import Habit
from habits.reminding.planning import reminders_replan
from habits.summaries import summaries_refresh


@dataclass
class HabitsChange:
    """What a write changed, as far as its side effects need to know."""

    today: date
    changed_history: dict[int, Habit] = field(default_factory=dict)
    changed_since: dict[int, date | None] = field(default_factory=dict)
    """Per habit, the first day whose entry changed; None when anything may have (schedule)."""
    reminders_moved: set[int] = field(default_factory=set)
    """Habits whose reminder may go out at another time."""

    def reminders_changed(self, *habits: Habit) -> None:
        """These habits' reminder, schedule or archive flag changed: replan their reminders."""
        self.reminders_moved.update(habit.pk for habit in habits)

    def history_changed(self, *habits: Habit, since: date | None = None) -> None:
        """These (saved) habits' entries from day `since` on changed, or without `since` their
        schedule or any of their history: their summaries are recomputed, and their stored
        states from `since` on (all without it) dropped."""
        for habit in habits:
            self.changed_history[habit.pk] = habit
            earlier = self.changed_since.get(habit.pk, since)
            self.changed_since[habit.pk] = (
                None if since is None or earlier is None else min(since, earlier)
            )


@contextmanager
def habits_change(*, user: User) -> Iterator[HabitsChange]:
    """One transaction for a write to `user`'s habits or entries, followed by its side effects."""
    with transaction.atomic():
        change = HabitsChange(today=user_today(user=user))
        yield change
        summaries_refresh(
            habits=list(change.changed_history.values()),
            today=change.today,
            changed=change.changed_since,
        )
        if change.reminders_moved:
            reminders_replan(habit_ids=change.reminders_moved)
        list_cache.habits_changed(user_id=user.pk)
