"""Writes on habits and entries. Keyword-only; each runs in one transaction.

Every write goes through `habits_change` (habits.changes), which recomputes the summaries of the
habits whose history changed and replaces the list cache's version token.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from habits import rules
from habits.changes import habits_change
from habits.models import Entry, Habit, HabitGroup
from habits.rules import Kind, Status
from habits.summaries import summaries_refresh

MESSAGE_KIND_LOCKED = _("The kind of a habit with entries cannot change.")
MESSAGE_REORDER_IDS = _("The list must hold each of your habits exactly once.")
MESSAGE_GROUP_REORDER_IDS = _("The list must hold each of your groups exactly once.")

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

# Habit fields a reminder's days depend on (a reminder without weekdays follows the habit's).
REMINDER_INPUTS = {"weekdays", "archived"}


def _apply_habit_fields(habit: Habit, fields: dict[str, Any]) -> None:
    for name in HABIT_FIELDS:
        if name in fields:
            setattr(habit, name, fields[name])
    if "frequency" in fields:
        habit.frequency_times = fields["frequency"]["times"]
        habit.frequency_days = fields["frequency"]["days"]
    if "weekdays" in fields:
        habit.weekdays_mask = rules.weekdays_to_mask(fields["weekdays"] or [])
    if habit.kind == Kind.BOOLEAN:
        habit.target_value = None
    _validate_habit(habit)


def _validate_habit(habit: Habit) -> None:
    errors: dict[str, list[str]] = {}
    if not rules.frequency_is_valid(habit.frequency_times, habit.frequency_days):
        errors["frequency"] = [gettext(rules.MESSAGE_TIMES_OVER_DAYS)]
    if not rules.target_is_valid(Kind(habit.kind), habit.target_value):
        errors["target_value"] = [gettext(rules.MESSAGE_TARGET_REQUIRED)]
    if errors:
        raise ValidationError(errors)


def _apply_habit_group(habit: Habit, fields: dict[str, Any]) -> None:
    """Put the habit in the group `fields["group"]` names (None: in none). Only a group of the
    habit's own owner will do; anybody else's is refused exactly like a missing one. The group's
    row is locked until the write commits, so it cannot be deleted under the habit meanwhile."""
    if "group" not in fields:
        return
    group_id = fields["group"]
    if group_id is None:
        habit.group = None
        return
    group = HabitGroup.objects.select_for_update().filter(pk=group_id, user=habit.user).first()
    if group is None:
        raise ValidationError({"group": [gettext(rules.MESSAGE_NOT_YOUR_GROUP)]})
    habit.group = group


def habit_create(*, user: User, **fields: Any) -> Habit:
    habit = Habit(user=user)
    _apply_habit_fields(habit, fields)
    with habits_change(user=user) as change:
        _apply_habit_group(habit, fields)
        existing = Habit.objects.filter(user=user).aggregate(
            count=Count("id"), last=Max("position")
        )
        if existing["count"] >= rules.MAX_HABITS_PER_USER:
            raise ValidationError(
                {
                    "non_field_errors": [
                        gettext(rules.MESSAGE_TOO_MANY_HABITS).format(
                            limit=rules.MAX_HABITS_PER_USER
                        )
                    ]
                }
            )
        habit.position = 0 if existing["last"] is None else existing["last"] + 1
        habit.save()
        change.history_changed(habit)
    return habit


def habit_update(*, habit: Habit, **fields: Any) -> Habit:
    with habits_change(user=habit.user) as change:
        if "kind" in fields and fields["kind"] != habit.kind and habit.entries.exists():
            raise ValidationError({"kind": [MESSAGE_KIND_LOCKED]})
        _apply_habit_fields(habit, fields)
        _apply_habit_group(habit, fields)
        habit.save()
        if SUMMARY_INPUTS & fields.keys():  # a rename or an archive leaves streak and score alone
            change.history_changed(habit)
        if REMINDER_INPUTS & fields.keys():
            change.reminders_changed(habit)
    return habit


def habit_delete(*, habit: Habit) -> None:
    with habits_change(user=habit.user):
        habit.delete()


def habit_reorder(*, user: User, ids: list[int]) -> None:
    """Give the user's habits the order of `ids`, which must list each of them exactly once."""
    with habits_change(user=user):
        habits = {habit.pk: habit for habit in Habit.objects.select_for_update().filter(user=user)}
        if len(ids) != len(set(ids)) or set(ids) != set(habits):
            raise ValidationError({"ids": [MESSAGE_REORDER_IDS]})
        for position, habit_id in enumerate(ids):
            habits[habit_id].position = position
        Habit.objects.bulk_update(habits.values(), ["position"])


def _lock_groups(user: User) -> list[HabitGroup]:
    """The user's groups, after locking the user's row: one group write at a time per person,
    so the count and name checks of concurrent writes see each other."""
    User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()
    return list(HabitGroup.objects.filter(user=user))


def _check_group_name(group: HabitGroup, others: list[HabitGroup]) -> None:
    key = rules.group_name_key(group.name)
    if any(rules.group_name_key(other.name) == key for other in others if other.pk != group.pk):
        raise ValidationError({"name": [gettext(rules.MESSAGE_GROUP_NAME_TAKEN)]})


def _save_group(group: HabitGroup) -> None:
    """Save, turning the database's backstop on names into the same refusal as the check's."""
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError:
        raise ValidationError({"name": [gettext(rules.MESSAGE_GROUP_NAME_TAKEN)]}) from None


def habit_group_create(*, user: User, name: str, collapsed: bool = False) -> HabitGroup:
    group = HabitGroup(user=user, name=name, collapsed=collapsed)
    with habits_change(user=user):
        groups = _lock_groups(user)
        if len(groups) >= rules.MAX_GROUPS_PER_USER:
            raise ValidationError(
                {
                    "non_field_errors": [
                        gettext(rules.MESSAGE_TOO_MANY_GROUPS).format(
                            limit=rules.MAX_GROUPS_PER_USER
                        )
                    ]
                }
            )
        _check_group_name(group, groups)
        group.position = max((other.position for other in groups), default=-1) + 1
        _save_group(group)
    return group


def habit_group_update(
    *, group: HabitGroup, name: str | None = None, collapsed: bool | None = None
) -> HabitGroup:
    """Rename, collapse or expand a group (either or both)."""
    with habits_change(user=group.user):
        groups = _lock_groups(group.user)
        if name is not None:
            group.name = name
            _check_group_name(group, groups)
        if collapsed is not None:
            group.collapsed = collapsed
        _save_group(group)
    return group


def habit_group_delete(*, group: HabitGroup) -> None:
    """Delete a group; its habits stay, in no group."""
    with habits_change(user=group.user):
        _lock_groups(group.user)
        group.delete()


def habit_group_reorder(*, user: User, ids: list[int]) -> None:
    """Give the user's groups the order of `ids`, which must list each of them exactly once."""
    with habits_change(user=user):
        groups = {group.pk: group for group in _lock_groups(user)}
        if len(ids) != len(set(ids)) or set(ids) != set(groups):
            raise ValidationError({"ids": [MESSAGE_GROUP_REORDER_IDS]})
        for position, group_id in enumerate(ids):
            groups[group_id].position = position
        HabitGroup.objects.bulk_update(groups.values(), ["position"])


def habit_summaries_catch_up(*, user: User, today: date) -> None:
    """Bring the summaries of the user's habits to `today` when their day has moved on (a new
    day, or a changed time zone or day start). Nothing the list shows changes for `today`, so the
    list cache is left as it is.

    Each stale habit continues from its stored recent state, reading only the entries since its
    lookback, and the state moves forward. The stale habits are locked (in list order, as the
    import locks them), so a write of an old entry cannot commit between the reading of the
    entries and the storing of states computed without it; most list reads find nothing stale
    and take no lock.
    """
    if not Habit.objects.filter(user=user).exclude(summary_day=today).exists():
        return
    with transaction.atomic():
        stale = list(
            Habit.objects.select_for_update()
            .filter(user=user)
            .exclude(summary_day=today)
            .order_by("position", "id")
        )
        if stale:
            summaries_refresh(habits=stale, today=today)


def _validate_entry_day(*, day: date, today: date) -> None:
    problem = rules.entry_day_problem(day, today, gettext)
    if problem is not None:
        raise ValidationError({"date": [problem]})


def entry_upsert(
    *,
    habit: Habit,
    day: date,
    status: str | None = Status.DONE,
    value: Decimal | None = None,
    note: str = "",
) -> Entry:
    """Create or replace the habit's entry for `day` (idempotent).

    One INSERT ... ON CONFLICT DO UPDATE: concurrent writes of the same day end with one row and no
    error, the last write winning.
    """
    with habits_change(user=habit.user) as change:
        _validate_entry_day(day=day, today=change.today)
        if not rules.entry_is_valid(status, value, note):
            raise ValidationError({"status": [gettext(rules.MESSAGE_NOTE_ONLY)]})
        if habit.kind == Kind.BOOLEAN and value is not None:
            raise ValidationError({"value": [gettext(rules.MESSAGE_VALUE_FOR_BOOLEAN)]})
        if habit.kind == Kind.NUMERIC and status == Status.DONE and value is None:
            raise ValidationError({"value": [gettext(rules.MESSAGE_VALUE_REQUIRED)]})
        entry = Entry(habit=habit, date=day, status=status, value=value, note=note)
        _lock_habit(habit)
        Entry.objects.bulk_create(
            [entry],
            update_conflicts=True,
            unique_fields=["habit", "date"],
            update_fields=["status", "value", "note", "updated_at"],
        )
        change.history_changed(habit, since=day)
    return entry


def entry_delete(*, habit: Habit, day: date) -> None:
    with habits_change(user=habit.user) as change:
        _validate_entry_day(day=day, today=change.today)
        _lock_habit(habit)
        Entry.objects.filter(habit=habit, date=day).delete()
        change.history_changed(habit, since=day)


def _lock_habit(habit: Habit) -> None:
    """Serialize writes to one habit's entries, so each summary refresh sees the others' rows."""
    Habit.objects.select_for_update().filter(pk=habit.pk).values_list("pk", flat=True).first()
