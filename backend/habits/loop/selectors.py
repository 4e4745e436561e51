"""Reads for Loop: the user's data as a Loop Habit Tracker CSV zip."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from accounts.models import User
from accounts.selectors import user_today
from habits.loop.writer import habit_data, write_archive
from habits.models import Entry, Habit
from habits.specs import habit_spec


@dataclass(frozen=True, slots=True)
class LoopExport:
    filename: str
    content: bytes


def loop_export(*, user: User) -> LoopExport:
    """Every habit of the user (archived ones too, in list order) with its entries up to today.

    Two queries whatever the number of habits and entries.
    """
    today = user_today(user=user)
    habits = list(Habit.objects.filter(user=user).order_by("position", "id"))
    rows: dict[int, list[tuple[date, str, Decimal | None, str]]] = defaultdict(list)
    for habit_id, day, status, value, note in (
        Entry.objects.filter(habit__in=habits, date__lte=today)
        .order_by()
        .values_list("habit_id", "date", "status", "value", "note")
    ):
        rows[habit_id].append((day, status, value, note))
    content = write_archive(
        [habit_data(habit, habit_spec(habit), rows[habit.pk], today) for habit in habits], today
    )
    return LoopExport(filename=f"habits-{today.isoformat()}.zip", content=content)
