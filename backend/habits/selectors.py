"""Reads on habits and entries. Nothing here writes to the database.

The habit list's cache (habits.list_cache) is read and filled here, by the selectors that read the
list; the writes that invalidate it go through habits.changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.selectors import user_today
from habits import list_cache
from habits.checkpoints import continued, latest_state
from habits.engine import HabitStats, HabitSummary, habit_stats
from habits.models import Entry, Habit, HabitGroup, Reminder
from habits.rules import Status
from habits.specs import habit_spec
from habits.summaries import stored_summary, summaries_compute

MAX_RANGE_DAYS = 366 * 20
MESSAGE_RANGE_ORDER = _("The start must not be after the end.")
MESSAGE_RANGE_TOO_LONG = format_lazy(
    _("A range may span at most {limit} days."), limit=MAX_RANGE_DAYS
)


@dataclass(frozen=True)
class HabitListItem:
    """A row of the habit list: the habit, today's entry, whether today is due, its summary."""

    habit: Habit
    today_entry: Entry | None
    scheduled_today: bool
    summary: HabitSummary

    @property
    def reminder(self) -> Reminder | None:
        """The habit's reminder (read with the habit: `select_related("reminder")`)."""
        reminder: Reminder | None = getattr(self.habit, "reminder", None)
        return reminder


def _items(habits: list[Habit], today: date) -> list[HabitListItem]:
    """Each habit with today's entry and its summary as of today: the stored one when it is of
    today, computed (not saved) otherwise. One query, three when a summary is stale (its state and
    its entries)."""
    entries = {
        entry.habit_id: entry for entry in Entry.objects.filter(habit__in=habits, date=today)
    }
    computed = summaries_compute(
        habits=[habit for habit in habits if habit.summary_day != today], today=today
    )
    return [
        HabitListItem(
            habit=habit,
            today_entry=entries.get(habit.pk),
            scheduled_today=habit_spec(habit).schedule.is_scheduled(today),
            summary=computed.get(habit.pk) or stored_summary(habit),
        )
        for habit in habits
    ]


def habit_list(*, user: User, archived: bool = False, today: date) -> list[HabitListItem]:
    """The user's habits in position order, each with today's entry and its summary.

    Constant queries whatever the number of habits. Summaries are read as stored: the services'
    `habit_summaries_catch_up` brings them to today first, so none has to be computed here.
    """
    habits = list(
        Habit.objects.filter(user=user, archived=archived)
        .select_related("reminder")
        .order_by("position", "id")
    )
    return _items(habits, today)


def habit_list_slot(
    *, user: User, archived: bool, today: date, read: Sequence[bytes | None] | None = None
) -> list_cache.Slot:
    """The cached list of this user for `today`, or the slot a render should fill (`read`: see
    `list_cache.lookup`)."""
    return list_cache.lookup(user_id=user.pk, archived=archived, today=today, read=read)


def habit_item(*, habit: Habit) -> HabitListItem:
    """One habit as the list shows it: with today's entry and its summary as of today."""
    return _items([habit], user_today(user=habit.user))[0]


def habit_get(*, user: User, habit_id: int) -> Habit:
    """One of the user's habits; anybody else's is a 404, exactly like a missing one."""
    return get_object_or_404(Habit.objects.select_related("user"), pk=habit_id, user=user)


@dataclass(frozen=True)
class GroupListItem:
    """One group of the group list, with its counts for the user's today."""

    group: HabitGroup
    habits: int
    """How many active (not archived) habits the group holds."""
    due_today: int
    """How many of them are scheduled today."""
    done_today: int
    """How many of those have today's entry marked done."""


def habit_group_list(*, user: User, today: date) -> list[GroupListItem]:
    """The user's groups in order, each with its combined completion for `today`: of its active
    habits scheduled today, how many are marked done ("2 of 3"), the rule Today's own summary
    follows (a measurable habit counts once its day is marked done, whatever the amount).

    Three queries whatever the number of groups and habits: the groups, their active habits, and
    which of those are done today.
    """
    groups = list(HabitGroup.objects.filter(user=user).order_by("position", "id"))
    return _group_items(groups, today)


def habit_group_item(*, group: HabitGroup) -> GroupListItem:
    """One group as the list shows it, with its completion for the owner's today."""
    return _group_items([group], user_today(user=group.user))[0]


def _group_items(groups: list[HabitGroup], today: date) -> list[GroupListItem]:
    habits = list(Habit.objects.filter(group__in=groups, archived=False))
    done = set(
        Entry.objects.filter(habit__in=habits, date=today, status=Status.DONE).values_list(
            "habit_id", flat=True
        )
    )
    held: dict[int, int] = {}
    due: dict[int, int] = {}
    done_count: dict[int, int] = {}
    for habit in habits:
        group_id = habit.group_id
        if group_id is None:
            continue
        held[group_id] = held.get(group_id, 0) + 1
        if habit_spec(habit).schedule.is_scheduled(today):
            due[group_id] = due.get(group_id, 0) + 1
            done_count[group_id] = done_count.get(group_id, 0) + (habit.pk in done)
    return [
        GroupListItem(
            group=group,
            habits=held.get(group.pk, 0),
            due_today=due.get(group.pk, 0),
            done_today=done_count.get(group.pk, 0),
        )
        for group in groups
    ]


def habit_group_get(*, user: User, group_id: int) -> HabitGroup:
    """One of the user's groups; anybody else's is a 404, exactly like a missing one."""
    return get_object_or_404(HabitGroup.objects.select_related("user"), pk=group_id, user=user)


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


def habit_stats_for(
    *, user: User, habit_id: int, start: date | None, end: date | None
) -> HabitStats:
    """Streaks and today's score of one of the user's habits (a 404 for anybody else's, as
    `habit_get`), with the score history and completion over [start, end].

    The range defaults to the last 365 days and is clipped to today. The computation continues
    the habit's latest stored state before the range (the month-end before it for a range in the
    last year, else the year-end), reading the entries since its lookback only: two queries (the
    habit with that state, its entries), work of the days from that state to today.
    """
    today = user_today(user=user)
    try:
        start, end = resolve_range(start=start, end=end, today=today, default_days=365)
    except ValidationError:
        habit_get(user=user, habit_id=habit_id)  # somebody else's habit is a 404 before all else
        raise
    end = min(end, today)
    start = min(start, end)
    habit = get_object_or_404(
        Habit.objects.annotate(stored_state=latest_state(before=start)), pk=habit_id, user=user
    )
    habit.user = user
    stored = {habit.pk: habit.stored_state}  # type: ignore[attr-defined]  # the annotation
    begin = continued(habits=[habit], stored=stored, today=today)[habit.pk]
    return habit_stats(begin.spec, begin.marks, today, start, end, begin.state)
