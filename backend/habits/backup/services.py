"""Writes for backups: restore an account from a backup (see `format`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from accounts.models import User
from accounts.selectors import user_today
from habits.backup.reader import read_backup
from habits.changes import habits_change
from habits.models import Entry, Habit, Reminder

ENTRY_BATCH_SIZE = 2000


@dataclass(frozen=True, slots=True)
class RestoreCounts:
    habits_restored: int
    entries_restored: int
    habits_replaced: int
    entries_replaced: int


def backup_restore(*, user: User, file: IO[bytes], size: int) -> RestoreCounts:
    """Replace every habit and entry of the user's account by the backup's: all of it or, when
    anything in the file is wrong, nothing (the file is read and checked in full first).

    Replacing, not merging, is what makes a restore exact: the account ends as the backup was,
    habits that share a name included. The user's own settings (time zone, day start) stay.
    """
    parsed = read_backup(file=file, size=size, today=user_today(user=user))
    with habits_change(user=user) as change:
        replaced_entries, _ = Entry.objects.filter(habit__user=user).delete()
        replaced_habits, _ = Habit.objects.filter(user=user).delete()
        habits = Habit.objects.bulk_create(
            Habit(
                user=user,
                name=habit.name,
                description=habit.description,
                question=habit.question,
                color=habit.color,
                kind=habit.kind,
                unit=habit.unit,
                target_value=habit.target_value,
                target_type=habit.target_type,
                frequency_times=habit.frequency_times,
                frequency_days=habit.frequency_days,
                weekdays_mask=habit.weekdays_mask,
                period=habit.period,
                archived=habit.archived,
                position=habit.position,
            )
            for habit in parsed
        )
        Entry.objects.bulk_create(
            (
                Entry(habit=habit, date=e.day, status=e.status, value=e.value, note=e.note)
                for habit, backup in zip(habits, parsed, strict=True)
                for e in backup.entries
            ),
            batch_size=ENTRY_BATCH_SIZE,
        )
        Reminder.objects.bulk_create(
            Reminder(
                habit=habit,
                time=backup.reminder.time,
                weekdays_mask=backup.reminder.weekdays_mask,
                channel=backup.reminder.channel,
            )
            for habit, backup in zip(habits, parsed, strict=True)
            if backup.reminder is not None
        )
        change.history_changed(*habits)
        change.reminders_changed(*habits)
    return RestoreCounts(
        habits_restored=len(habits),
        entries_restored=sum(len(habit.entries) for habit in parsed),
        habits_replaced=replaced_habits,
        entries_replaced=replaced_entries,
    )
