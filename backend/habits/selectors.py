"""Reads on habits and entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from accounts.models import User
from accounts.selectors import user_today
from habits.engine import HabitStats, habit_stats
from habits.models import Entry, Habit
from habits.specs import ENTRY_ROW_FIELDS, habit_spec, marks_from_rows
from habits.summaries import summaries_refresh_stale

MAX_RANGE_DAYS = 366 * 20
MESSAGE_RANGE_ORDER = "The start must not be after the end."
MESSAGE_RANGE_TOO_LONG = f"A range may span at most {MAX_RANGE_DAYS} days."


@dataclass(frozen=True)
class HabitListItem:
    habit: Habit
    today_entry: Entry | None
    scheduled_today: bool


def habit_list(
    *, user: User, archived: bool = False, today: date | None = None
) -> list[HabitListItem]:
    """The user's habits in position order, each with today's entry and its summary.

    Constant queries whatever the number of habits: the habits, today's entries, and, on the first
    read of a new day only, the entries of stale summaries plus their update.
    """
    today = today or user_today(user=user)
    habits = list(Habit.objects.filter(user=user, archived=archived).order_by("position", "id"))
    summaries_refresh_stale(habits=habits, today=today)
    entries = {
        entry.habit_id: entry for entry in Entry.objects.filter(habit__in=habits, date=today)
    }
    return [
        HabitListItem(
            habit=habit,
            today_entry=entries.get(habit.pk),
            scheduled_today=habit_spec(habit).schedule.is_scheduled(today),
        )
        for habit in habits
    ]


def habit_get(*, user: User, habit_id: int) -> Habit:
    """One of the user's habits; anybody else's is a 404, exactly like a missing one."""
    return get_object_or_404(Habit.objects.select_related("user"), pk=habit_id, user=user)


def resolve_range(
    *, start: date | None, end: date | None, today: date, default_days: int
) -> tuple[date, date]:
    end = end or today
    start = start or end - timedelta(days=default_days - 1)
    if start > end:
        raise ValidationError({"start": [MESSAGE_RANGE_ORDER]})
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise ValidationError({"start": [MESSAGE_RANGE_TOO_LONG]})
    return start, end


def entry_list(*, habit: Habit, start: date, end: date) -> list[Entry]:
    return list(Entry.objects.filter(habit=habit, date__range=(start, end)).order_by("date"))


def habit_stats_for(*, habit: Habit, start: date | None, end: date | None) -> HabitStats:
    """Streaks and today's score, with the score history and completion over [start, end].

    The range defaults to the last 365 days and is clipped to today.
    """
    today = user_today(user=habit.user)
    start, end = resolve_range(start=start, end=end, today=today, default_days=365)
    end = min(end, today)
    start = min(start, end)
    rows = Entry.objects.filter(habit=habit, date__lte=today).values_list(*ENTRY_ROW_FIELDS)
    return habit_stats(habit_spec(habit), marks_from_rows(rows), today, start, end)


def habit_item(*, habit: Habit) -> HabitListItem:
    """One habit as the list shows it: with today's entry and an up-to-date summary."""
    today = user_today(user=habit.user)
    summaries_refresh_stale(habits=[habit], today=today)
    return HabitListItem(
        habit=habit,
        today_entry=Entry.objects.filter(habit=habit, date=today).first(),
        scheduled_today=habit_spec(habit).schedule.is_scheduled(today),
    )
