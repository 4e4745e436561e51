"""Writes on habits and entries. Keyword-only; each runs in one transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from accounts.models import User
from accounts.selectors import user_today
from habits.list_cache import habits_changed
from habits.models import EPOCH, Entry, EntryStatus, Habit, HabitKind, weekdays_to_mask
from habits.summaries import summary_refresh

MESSAGE_FUTURE_DAY = "This day is after today ({today}) in your time zone."
MESSAGE_BEFORE_EPOCH = "Days before 1970-01-01 cannot be recorded."
MESSAGE_TIMES_OVER_DAYS = "Times must not exceed days."
MESSAGE_TARGET_REQUIRED = "A measurable habit needs a target greater than zero."
MESSAGE_VALUE_REQUIRED = "A measurable habit needs a value when it is done."
MESSAGE_VALUE_FOR_BOOLEAN = "A yes/no habit takes no value."
MESSAGE_KIND_LOCKED = "The kind of a habit with entries cannot change."
MESSAGE_REORDER_IDS = "The list must hold each of your habits exactly once."

# Fields a client may set on a habit, besides the schedule (frequency and weekdays).
HABIT_FIELDS = (
    "name",
    "description",
    "question",
    "color",
    "kind",
    "unit",
    "target_value",
    "target_type",
    "period",
    "archived",
)

# Habit fields the streak and the score depend on.
SUMMARY_INPUTS = {"kind", "target_value", "target_type", "frequency", "weekdays", "period"}


def _apply_habit_fields(habit: Habit, fields: dict[str, Any]) -> None:
    for name in HABIT_FIELDS:
        if name in fields:
            setattr(habit, name, fields[name])
    if "frequency" in fields:
        habit.frequency_times = fields["frequency"]["times"]
        habit.frequency_days = fields["frequency"]["days"]
    if "weekdays" in fields:
        habit.weekdays_mask = weekdays_to_mask(fields["weekdays"] or [])
    if habit.kind == HabitKind.BOOLEAN:
        habit.target_value = None
    _validate_habit(habit)


def _validate_habit(habit: Habit) -> None:
    errors: dict[str, list[str]] = {}
    if habit.frequency_times > habit.frequency_days:
        errors["frequency"] = [MESSAGE_TIMES_OVER_DAYS]
    if habit.kind == HabitKind.NUMERIC and not (habit.target_value and habit.target_value > 0):
        errors["target_value"] = [MESSAGE_TARGET_REQUIRED]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def habit_create(*, user: User, **fields: Any) -> Habit:
    habit = Habit(user=user)
    _apply_habit_fields(habit, fields)
    last = Habit.objects.filter(user=user).aggregate(last=Max("position"))["last"]
    habit.position = 0 if last is None else last + 1
    habit.save()
    habits_changed(user_id=user.pk)
    return habit


@transaction.atomic
def habit_update(*, habit: Habit, **fields: Any) -> Habit:
    if "kind" in fields and fields["kind"] != habit.kind and habit.entries.exists():
        raise ValidationError({"kind": [MESSAGE_KIND_LOCKED]})
    _apply_habit_fields(habit, fields)
    habit.save()
    if SUMMARY_INPUTS & fields.keys():  # a rename or an archive leaves streak and score alone
        summary_refresh(habit=habit, today=user_today(user=habit.user))
    habits_changed(user_id=habit.user_id)
    return habit


@transaction.atomic
def habit_delete(*, habit: Habit) -> None:
    habits_changed(user_id=habit.user_id)
    habit.delete()


@transaction.atomic
def habit_reorder(*, user: User, ids: list[int]) -> None:
    """Give the user's habits the order of `ids`, which must list each of them exactly once."""
    habits = {habit.pk: habit for habit in Habit.objects.select_for_update().filter(user=user)}
    if len(ids) != len(set(ids)) or set(ids) != set(habits):
        raise ValidationError({"ids": [MESSAGE_REORDER_IDS]})
    for position, habit_id in enumerate(ids):
        habits[habit_id].position = position
    Habit.objects.bulk_update(habits.values(), ["position"])
    habits_changed(user_id=user.pk)


def validate_entry_day(*, user: User, day: date) -> date:
    """Refuse days before 1970 and after the user's today; return that today."""
    if day < EPOCH:
        raise ValidationError({"date": [MESSAGE_BEFORE_EPOCH]})
    today = user_today(user=user)
    if day > today:
        raise ValidationError({"date": [MESSAGE_FUTURE_DAY.format(today=today.isoformat())]})
    return today


def entry_upsert(
    *,
    habit: Habit,
    day: date,
    status: str = EntryStatus.DONE,
    value: Decimal | None = None,
    note: str = "",
) -> Entry:
    """Create or replace the habit's entry for `day` (idempotent).

    One INSERT ... ON CONFLICT DO UPDATE: concurrent writes of the same day end with one row and no
    error, the last write winning.
    """
    today = validate_entry_day(user=habit.user, day=day)
    if habit.kind == HabitKind.BOOLEAN and value is not None:
        raise ValidationError({"value": [MESSAGE_VALUE_FOR_BOOLEAN]})
    if habit.kind == HabitKind.NUMERIC and status == EntryStatus.DONE and value is None:
        raise ValidationError({"value": [MESSAGE_VALUE_REQUIRED]})
    entry = Entry(habit=habit, date=day, status=status, value=value, note=note)
    with transaction.atomic():
        _lock_habit(habit)
        Entry.objects.bulk_create(
            [entry],
            update_conflicts=True,
            unique_fields=["habit", "date"],
            update_fields=["status", "value", "note", "updated_at"],
        )
        summary_refresh(habit=habit, today=today)
        habits_changed(user_id=habit.user_id)
    return entry


@transaction.atomic
def entry_delete(*, habit: Habit, day: date) -> None:
    today = validate_entry_day(user=habit.user, day=day)
    _lock_habit(habit)
    Entry.objects.filter(habit=habit, date=day).delete()
    summary_refresh(habit=habit, today=today)
    habits_changed(user_id=habit.user_id)


def _lock_habit(habit: Habit) -> None:
    """Serialize writes to one habit's entries, so each summary refresh sees the others' rows."""
    Habit.objects.select_for_update().filter(pk=habit.pk).values_list("pk", flat=True).first()
