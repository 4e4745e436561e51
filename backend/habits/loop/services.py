"""Writes for Loop: import a Loop Habit Tracker CSV zip into the user's habits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from accounts.selectors import user_today
from habits import rules
from habits.changes import habits_change
from habits.loop import formats as f
from habits.loop.database import SQLITE_HEADER, is_database, read_database
from habits.loop.reader import LoopHabit, read_archive
from habits.models import Entry, Habit

ENTRY_BATCH_SIZE = 2000
# Fields a Loop file sets on a habit; weekdays and period are ours alone and stay as they are.
IMPORTED_HABIT_FIELDS = (
    "question",
    "description",
    "color",
    "kind",
    "unit",
    "target_value",
    "target_type",
    "frequency_times",
    "frequency_days",
    "archived",
)


@dataclass(frozen=True, slots=True)
class ImportCounts:
    habits_created: int
    habits_updated: int
    entries_created: int
    entries_updated: int


def loop_import(
    *,
    user: User,
    file: IO[bytes],
    size: int,
    checked: Callable[[], None] | None = None,
    saved: Callable[[int, int], None] | None = None,
) -> ImportCounts:
    """Import a Loop CSV zip or a Loop full backup (SQLite, told apart by its first bytes): all of
    it or, when anything in it is wrong, nothing.

    A habit matches the user's habit of the same name (exact, after trimming; the first in list
    order if several share it), which takes the file's settings; the others are created after the
    user's habits, in the file's order. Entries are upserted per day: importing a file twice
    changes nothing the second time. The queries do not grow with the number of entries (batches of
    `ENTRY_BATCH_SIZE`). `checked` is called once the file is read and checked, `saved` after each
    batch with the entries saved so far and their total (an import job's progress).
    """
    head = file.read(len(SQLITE_HEADER))
    file.seek(0)
    read = read_database if is_database(head) else read_archive
    parsed = read(file=file, size=size, today=user_today(user=user))
    if checked:
        checked()
    with habits_change(user=user) as change:
        existing: dict[str, Habit] = {}
        for habit in Habit.objects.select_for_update().filter(user=user).order_by("position", "id"):
            existing.setdefault(habit.name.strip(), habit)
        matched = [existing[loop.name] for loop in parsed if loop.name in existing]
        with_entries = set(
            Entry.objects.filter(habit__in=matched).values_list("habit_id", flat=True).distinct()
        )
        habits, created = _save_habits(user, parsed, existing, with_entries)
        entries = [
            Entry(habit=habit, date=e.day, status=e.status, value=e.value, note=e.note)
            for habit, loop in zip(habits, parsed, strict=True)
            for e in loop.entries
        ]
        already = _existing_days(entries, matched)
        done = 0
        for start in range(0, len(entries), ENTRY_BATCH_SIZE):
            batch = entries[start : start + ENTRY_BATCH_SIZE]
            Entry.objects.bulk_create(
                batch,
                update_conflicts=True,
                unique_fields=["habit", "date"],
                update_fields=["status", "value", "note", "updated_at"],
            )
            done += len(batch)
            if saved:
                saved(done, len(entries))
        change.history_changed(*habits)
    return ImportCounts(
        habits_created=created,
        habits_updated=len(habits) - created,
        entries_created=len(entries) - already,
        entries_updated=already,
    )


def _save_habits(
    user: User, parsed: list[LoopHabit], existing: dict[str, Habit], with_entries: set[int]
) -> tuple[list[Habit], int]:
    """The habit of each parsed one, in order: updated when matched, created otherwise."""
    owned = Habit.objects.filter(user=user).aggregate(count=Count("id"), last=Max("position"))
    next_position = 0 if owned["last"] is None else owned["last"] + 1
    now = timezone.now()
    habits: list[Habit] = []
    new: list[Habit] = []
    updated: list[Habit] = []
    for loop in parsed:
        habit = existing.get(loop.name)
        if habit is None:
            habit = Habit(user=user, name=loop.name, position=next_position)
            next_position += 1
            new.append(habit)
        else:
            if habit.kind != loop.kind and habit.pk in with_entries:
                problem = f.PROBLEM_KIND_LOCKED.format(name=loop.name)
                raise ValidationError({"file": [f"{loop.source}: {problem}"]})
            habit.updated_at = now
            updated.append(habit)
        for name in IMPORTED_HABIT_FIELDS:
            setattr(habit, name, getattr(loop, name))
        habits.append(habit)
    if owned["count"] + len(new) > rules.MAX_HABITS_PER_USER:
        raise ValidationError(
            {
                "file": [
                    gettext(rules.MESSAGE_TOO_MANY_HABITS).format(limit=rules.MAX_HABITS_PER_USER)
                ]
            }
        )
    Habit.objects.bulk_create(new)
    Habit.objects.bulk_update(updated, [*IMPORTED_HABIT_FIELDS, "updated_at"], batch_size=500)
    return habits, len(new)


def _existing_days(entries: list[Entry], habits: list[Habit]) -> int:
    """How many of `entries` replace a day the habits already have (one query)."""
    if not habits:
        return 0
    incoming = {(entry.habit_id, entry.date) for entry in entries}
    if not incoming:
        return 0
    earliest = min(day for _, day in incoming)
    return sum(
        1
        for key in Entry.objects.filter(habit__in=habits, date__gte=earliest)
        .order_by()
        .values_list("habit_id", "date")
        if key in incoming
    )
