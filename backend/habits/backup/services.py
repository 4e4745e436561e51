"""Writes for backups: restore an account from a backup (see `format`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from accounts.models import User
from accounts.selectors import user_today
from habits.backup.reader import read_backup
from habits.changes import habits_change
from habits.models import Entry, Habit, HabitGroup, Reminder

ENTRY_BATCH_SIZE = 2000


@dataclass(frozen=True, slots=True)
class RestoreCounts:
    habits_restored: int
    entries_restored: int
    habits_replaced: int
    entries_replaced: int


def backup_restore(
    *,
    user: User,
    file: IO[bytes],
    size: int,
    checked: Callable[[], None] | None = None,
    saved: Callable[[int, int], None] | None = None,
) -> RestoreCounts:
    """Replace every group, habit and entry of the user's account by the backup's: all of it or,
    when anything in the file is wrong, nothing (the file is read and checked in full first).

    Replacing, not merging, is what makes a restore exact: the account ends as the backup was,
    habits that share a name included. The user's own settings (time zone, day start) stay.
    `checked` is called once the file is read and checked, `saved` after each batch of entries
    with the entries saved so far and their total (an import job's progress).
    """
    parsed = read_backup(file=file, size=size, today=user_today(user=user))
    if checked:
        checked()
    total = sum(len(habit.entries) for habit in parsed.habits)
    with habits_change(user=user) as change:
        # delete() counts what it cascades to as well (checkpoints, reminders): the user is told
        # of habits and entries only.
        _, entries_deleted = Entry.objects.filter(habit__user=user).delete()
        _, habits_deleted = Habit.objects.filter(user=user).delete()
        replaced_entries = entries_deleted.get(Entry._meta.label, 0)
        replaced_habits = habits_deleted.get(Habit._meta.label, 0)
        HabitGroup.objects.filter(user=user).delete()
        groups = HabitGroup.objects.bulk_create(
            HabitGroup(
                user=user, name=group.name, position=group.position, collapsed=group.collapsed
            )
            for group in parsed.groups
        )
        group_of = {backup.id: group for backup, group in zip(parsed.groups, groups, strict=True)}
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
                group=None if habit.group is None else group_of[habit.group],
            )
            for habit in parsed.habits
        )
        entries = [
            Entry(habit=habit, date=e.day, status=e.status, value=e.value, note=e.note)
            for habit, backup in zip(habits, parsed.habits, strict=True)
            for e in backup.entries
        ]
        done = 0
        for start in range(0, len(entries), ENTRY_BATCH_SIZE):
            batch = entries[start : start + ENTRY_BATCH_SIZE]
            Entry.objects.bulk_create(batch)
            done += len(batch)
            if saved:
                saved(done, total)
        Reminder.objects.bulk_create(
            Reminder(
                habit=habit,
                time=backup.reminder.time,
                weekdays_mask=backup.reminder.weekdays_mask,
                channel=backup.reminder.channel,
            )
            for habit, backup in zip(habits, parsed.habits, strict=True)
            if backup.reminder is not None
        )
        change.history_changed(*habits)
        change.reminders_changed(*habits)
    return RestoreCounts(
        habits_restored=len(habits),
        entries_restored=total,
        habits_replaced=replaced_habits,
        entries_replaced=replaced_entries,
    )
