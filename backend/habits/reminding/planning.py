"""When each reminder next goes out (`Reminder.next_at`), kept current by every change that can
move it; each such change also invalidates the sender's cache gate (habits.reminding.due).

Called by the reminder services, by habits.changes after a habit's schedule or archive flag
changes, by the sender after each delivery, and when a user's zone or day start changes
(habits.reminders.signals).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone

from habits import rules
from habits.models import Habit, Reminder
from habits.reminding import due
from habits.reminding.schedule import ReminderTime, next_delivery


def reminder_time(reminder: Reminder, habit: Habit) -> ReminderTime:
    """The reminder's time and ISO weekdays; without its own weekdays, the habit's."""
    mask = habit.weekdays_mask if reminder.weekdays_mask is None else reminder.weekdays_mask
    return ReminderTime(time=reminder.time, weekdays=frozenset(rules.mask_to_weekdays(mask)))


def next_instant(reminder: Reminder, habit: Habit, *, after: datetime) -> datetime | None:
    """The first delivery after `after`; None for an archived habit."""
    if habit.archived:
        return None
    user = habit.user
    delivery = next_delivery(
        after, reminder_time(reminder, habit), user.time_zone, user.day_start_hour
    )
    return None if delivery is None else delivery.instant


def reminders_replan(
    *,
    habit_ids: Iterable[int] | None = None,
    user_id: int | None = None,
    now: datetime | None = None,
) -> None:
    """Recompute `next_at` of the reminders of these habits (or of this user's habits)."""
    reminders = Reminder.objects.select_related("habit__user")
    if habit_ids is not None:
        reminders = reminders.filter(habit_id__in=list(habit_ids))
    if user_id is not None:
        reminders = reminders.filter(habit__user_id=user_id)
    after = now or timezone.now()
    changed = []
    for reminder in reminders:
        reminder.next_at = next_instant(reminder, reminder.habit, after=after)
        changed.append(reminder)
    if changed:
        Reminder.objects.bulk_update(changed, ["next_at"])
        due.invalidate()
