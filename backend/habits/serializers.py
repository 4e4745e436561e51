"""The habits API's shapes: input serializers, the documented output serializers, and the one
renderer of each output shape.

The list is the hottest path of the product; building it through DRF serializers cost more than
everything else in the request together. So each output shape is written by a plain function here
(`habit_data`, `entry_data`, `stats_data`), next to the serializer that documents it in the OpenAPI
schema; a test holds each pair to each other. Limits, enums and messages come from `habits.rules`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext, gettext_lazy
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from core.fields import TextField
from habits import rules
from habits.engine import HabitStats
from habits.models import Entry, Reminder
from habits.rules import Kind, Period, Status, TargetType
from habits.selectors import GroupListItem, HabitListItem

# --- Input ----------------------------------------------------------------------------------------


class FrequencySerializer(serializers.Serializer[Any]):
    times = serializers.IntegerField(min_value=1, max_value=rules.MAX_FREQUENCY_DAYS)
    days = serializers.IntegerField(min_value=1, max_value=rules.MAX_FREQUENCY_DAYS)

    def validate(self, attrs: dict[str, int]) -> dict[str, int]:
        if attrs["times"] > attrs["days"]:
            raise serializers.ValidationError({"times": [gettext(rules.MESSAGE_TIMES_OVER_DAYS)]})
        return attrs


class FrequencyOutput(serializers.Serializer[Any]):
    times = serializers.IntegerField(source="frequency_times")
    days = serializers.IntegerField(source="frequency_days")


class EntryOutput(serializers.Serializer[Any]):
    date = serializers.DateField()
    status = serializers.ChoiceField(
        choices=rules.choices(Status), allow_null=True, help_text="Null: a note alone."
    )
    value = serializers.DecimalField(
        max_digits=rules.AMOUNT_MAX_DIGITS,
        decimal_places=rules.AMOUNT_DECIMAL_PLACES,
        allow_null=True,
        coerce_to_string=False,
    )
    note = serializers.CharField()


class EntryInput(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=rules.choices(Status),
        required=False,
        allow_null=True,
        help_text="Omitted: done. Null: a note alone (no value), which records no status.",
    )
    value = serializers.DecimalField(
        max_digits=rules.AMOUNT_MAX_DIGITS,
        decimal_places=rules.AMOUNT_DECIMAL_PLACES,
        min_value=0,
        allow_null=True,
        required=False,
    )
    note = TextField(max_length=rules.NOTE_MAX_LENGTH, allow_blank=True, required=False, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.setdefault("status", Status.DONE)
        attrs.setdefault("value", None)
        if not rules.entry_is_valid(attrs["status"], attrs["value"], attrs["note"]):
            raise serializers.ValidationError({"status": [gettext(rules.MESSAGE_NOTE_ONLY)]})
        return attrs


class HabitInput(serializers.Serializer[Any]):
    name = TextField(max_length=rules.NAME_MAX_LENGTH)
    description = TextField(
        max_length=rules.DESCRIPTION_MAX_LENGTH, allow_blank=True, required=False
    )
    question = TextField(max_length=rules.QUESTION_MAX_LENGTH, allow_blank=True, required=False)
    color = serializers.RegexField(
        rules.COLOR_PATTERN,
        max_length=rules.COLOR_LENGTH,
        required=False,
        error_messages={"invalid": gettext_lazy(rules.MESSAGE_COLOR)},
    )
    kind = serializers.ChoiceField(choices=rules.choices(Kind), required=False)
    unit = TextField(max_length=rules.UNIT_MAX_LENGTH, allow_blank=True, required=False)
    target_value = serializers.DecimalField(
        max_digits=rules.AMOUNT_MAX_DIGITS,
        decimal_places=rules.AMOUNT_DECIMAL_PLACES,
        min_value=0,
        allow_null=True,
        required=False,
        help_text=f"Measurable habits only: {rules.TARGET_HELP}",
    )
    target_type = serializers.ChoiceField(choices=rules.choices(TargetType), required=False)
    frequency = FrequencySerializer(required=False)
    weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=rules.WEEKDAYS[0], max_value=rules.WEEKDAYS[-1]),
        max_length=len(rules.WEEKDAYS),
        required=False,
    )
    period = serializers.ChoiceField(choices=rules.choices(Period), required=False)
    archived = serializers.BooleanField(required=False)
    group = serializers.IntegerField(
        min_value=1,
        allow_null=True,
        required=False,
        help_text="The id of one of your groups, or null for none.",
    )

    def validate_weekdays(self, value: list[int]) -> list[int]:
        if len(set(value)) != len(value):
            raise serializers.ValidationError(gettext(rules.MESSAGE_WEEKDAYS_UNIQUE))
        return sorted(value)


class ReminderSummaryOutput(serializers.Serializer[Any]):
    """The habit's reminder as the list and the form need it (GET .../reminder/ adds `next`)."""

    time = serializers.RegexField(r"^\d{2}:\d{2}$", help_text="HH:MM on the user's wall clock.")
    weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        allow_null=True,
        help_text="0 = Monday ... 6 = Sunday; null: the habit's scheduled days.",
    )
    channel = serializers.ChoiceField(choices=rules.choices(rules.Channel))


class HabitOutput(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="habit.pk")
    name = serializers.CharField(source="habit.name")
    description = serializers.CharField(source="habit.description")
    question = serializers.CharField(source="habit.question")
    color = serializers.CharField(source="habit.color")
    kind = serializers.ChoiceField(source="habit.kind", choices=rules.choices(Kind))
    unit = serializers.CharField(source="habit.unit")
    target_value = serializers.DecimalField(
        source="habit.target_value",
        max_digits=rules.AMOUNT_MAX_DIGITS,
        decimal_places=rules.AMOUNT_DECIMAL_PLACES,
        allow_null=True,
        coerce_to_string=False,
        help_text=f"Null for yes/no habits. {rules.TARGET_HELP}",
    )
    target_type = serializers.ChoiceField(
        source="habit.target_type", choices=rules.choices(TargetType)
    )
    frequency = FrequencyOutput(source="habit")
    weekdays = serializers.ListField(source="habit.weekdays", child=serializers.IntegerField())
    period = serializers.ChoiceField(source="habit.period", choices=rules.choices(Period))
    archived = serializers.BooleanField(source="habit.archived")
    position = serializers.IntegerField(source="habit.position")
    group = serializers.IntegerField(
        source="habit.group_id", allow_null=True, help_text="The habit's group's id, or null."
    )
    created_at = serializers.DateTimeField(source="habit.created_at")
    today_entry = EntryOutput(allow_null=True)
    scheduled_today = serializers.BooleanField()
    current_streak = serializers.IntegerField(source="summary.current_streak")
    score = serializers.FloatField(source="summary.score", min_value=0, max_value=1)
    reminder = ReminderSummaryOutput(allow_null=True)


class RangeInput(serializers.Serializer[Any]):
    start = serializers.DateField(input_formats=["%Y-%m-%d"], required=False)
    end = serializers.DateField(input_formats=["%Y-%m-%d"], required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors = {
            name: [gettext(rules.MESSAGE_RANGE_BEFORE_EARLIEST_DAY)]
            for name, day in attrs.items()
            if day < rules.EARLIEST_DAY
        }
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ReorderInput(serializers.Serializer[Any]):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1), max_length=10_000)


class GroupInput(serializers.Serializer[Any]):
    name = TextField(max_length=rules.NAME_MAX_LENGTH)
    collapsed = serializers.BooleanField(required=False)


class GroupOutput(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="group.pk")
    name = serializers.CharField(source="group.name")
    position = serializers.IntegerField(source="group.position")
    collapsed = serializers.BooleanField(source="group.collapsed")
    habits = serializers.IntegerField(help_text="How many active (not archived) habits it holds.")
    due_today = serializers.IntegerField(help_text="How many of those are scheduled today.")
    done_today = serializers.IntegerField(
        help_text="How many of those due today are marked done today (the group's completion)."
    )


class CompletionRowOutput(serializers.Serializer[Any]):
    start = serializers.DateField()
    end = serializers.DateField()
    done = serializers.IntegerField()
    scheduled = serializers.IntegerField()
    rate = serializers.FloatField()


class CompletionOutput(serializers.Serializer[Any]):
    week = CompletionRowOutput(many=True)
    month = CompletionRowOutput(many=True)
    year = CompletionRowOutput(many=True)


class ScorePointOutput(serializers.Serializer[Any]):
    date = serializers.DateField()
    score = serializers.FloatField()


class StatsOutput(serializers.Serializer[Any]):
    current_streak = serializers.IntegerField()
    best_streak = serializers.IntegerField()
    score = serializers.FloatField(help_text="Habit strength today, 0-1 (Loop's formula).")
    score_history = ScorePointOutput(many=True, help_text="One row per day of the range.")
    completion = CompletionOutput()
    total_done = serializers.IntegerField(
        help_text="Days done up to today; for a measurable habit only the days that met its target."
    )
    first_entry = serializers.DateField(
        allow_null=True,
        help_text="The first entry's date, null without one: the history before it is no data.",
    )


# --- Rendering: one function per output shape ---------------------------------------------------


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def timestamp(value: datetime) -> str:
    """An instant as ISO 8601 in UTC, "Z" for +00:00 (what the API writes for every instant)."""
    text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def entry_data(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "status": entry.status,
        "value": _number(entry.value),
        "note": entry.note,
    }


def reminder_summary_data(reminder: Reminder | None) -> dict[str, Any] | None:
    if reminder is None:
        return None
    mask = reminder.weekdays_mask
    return {
        "time": reminder.time.strftime("%H:%M"),
        "weekdays": None if mask is None else rules.mask_to_reminder_weekdays(mask),
        "channel": reminder.channel,
    }


def habit_data(item: HabitListItem) -> dict[str, Any]:
    habit = item.habit
    return {
        "id": habit.pk,
        "name": habit.name,
        "description": habit.description,
        "question": habit.question,
        "color": habit.color,
        "kind": habit.kind,
        "unit": habit.unit,
        "target_value": _number(habit.target_value),
        "target_type": habit.target_type,
        "frequency": {"times": habit.frequency_times, "days": habit.frequency_days},
        "weekdays": habit.weekdays,
        "period": habit.period,
        "archived": habit.archived,
        "position": habit.position,
        "group": habit.group_id,
        "created_at": timestamp(habit.created_at),
        "today_entry": None if item.today_entry is None else entry_data(item.today_entry),
        "scheduled_today": item.scheduled_today,
        "current_streak": item.summary.current_streak,
        "score": item.summary.score,
        "reminder": reminder_summary_data(item.reminder),
    }


def group_data(item: GroupListItem) -> dict[str, Any]:
    group = item.group
    return {
        "id": group.pk,
        "name": group.name,
        "position": group.position,
        "collapsed": group.collapsed,
        "habits": item.habits,
        "due_today": item.due_today,
        "done_today": item.done_today,
    }


def stats_data(stats: HabitStats) -> dict[str, Any]:
    return {
        "current_streak": stats.current_streak,
        "best_streak": stats.best_streak,
        "score": stats.score,
        "score_history": [
            {"date": day.isoformat(), "score": score} for day, score in stats.score_history
        ],
        "completion": {
            unit: [
                {
                    "start": row.start.isoformat(),
                    "end": row.end.isoformat(),
                    "done": row.done,
                    "scheduled": row.scheduled,
                    "rate": row.rate,
                }
                for row in rows
            ]
            for unit, rows in stats.completion.items()
        },
        "total_done": stats.total_done,
        "first_entry": None if stats.first_entry is None else stats.first_entry.isoformat(),
    }


def habit_list_json(items: list[HabitListItem]) -> bytes:
    return bytes(JSONRenderer().render([habit_data(item) for item in items]))
