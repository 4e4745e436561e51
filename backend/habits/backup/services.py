"""Writes for backups: restore an account from a backup (see `format`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from accounts.models import User
from accounts.selectors import user_today
from habits.backup.reader import read_backup
from habits.changes import habits_change
from habits.models import Entry, Habit

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
    """Replace every habit and entry of the user's account by the backup's: all of it or, when
    anything in the file is wrong, nothing (the file is read and checked in full first).

    Replacing, not merging, is what makes a restore exact: the account ends as the backup was,
    habits that share a name included. The user's own settings (time zone, day start) stay.
    `checked` is called once the file is read and checked, `saved` after each batch of entries
    with the entries saved so far and their total (an import job's progress).
    """
    parsed = read_backup(file=file, size=size, today=user_today(user=user))
    if checked:
        checked()
    total = sum(len(habit.entries) for habit in parsed)
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
        entries = [
            Entry(habit=habit, date=e.day, status=e.status, value=e.value, note=e.note)
            for habit, backup in zip(habits, parsed, strict=True)
            for e in backup.entries
        ]
        done = 0
        for start in range(0, len(entries), ENTRY_BATCH_SIZE):
            batch = entries[start : start + ENTRY_BATCH_SIZE]
            Entry.objects.bulk_create(batch)
            done += len(batch)
            if saved:
                saved(done, total)
        change.history_changed(*habits)
    return RestoreCounts(
        habits_restored=len(habits),
        entries_restored=total,
        habits_replaced=replaced_habits,
        entries_replaced=replaced_entries,
    )
