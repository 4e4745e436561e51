"""Habits and entries API (DESIGN §3). Thin views: validate, call a service or selector,
serialize."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors import signed_in_user, user_today
from core.fields import TextField
from core.schema import ERROR_RESPONSES
from habits import list_cache, selectors, services
from habits.models import (
    COLOR_PATTERN,
    MAX_FREQUENCY_DAYS,
    Entry,
    EntryStatus,
    HabitKind,
    Period,
    TargetType,
)

DAY_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MESSAGE_BAD_DAY = "Use a real date as YYYY-MM-DD."
MESSAGE_WEEKDAYS_UNIQUE = "Each weekday may appear once."
MESSAGE_COLOR = "Use a colour as #RRGGBB."

HABIT_ID = OpenApiParameter("habit_id", OpenApiTypes.INT, OpenApiParameter.PATH)
DAY = OpenApiParameter(
    "day", OpenApiTypes.DATE, OpenApiParameter.PATH, description="YYYY-MM-DD, the user's date"
)


def parse_day(value: str) -> date:
    try:
        if DAY_PATTERN.match(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise DjangoValidationError({"date": [MESSAGE_BAD_DAY]})


# --- Serializers ----------------------------------------------------------------------------------


class FrequencySerializer(serializers.Serializer[Any]):
    times = serializers.IntegerField(min_value=1, max_value=MAX_FREQUENCY_DAYS)
    days = serializers.IntegerField(min_value=1, max_value=MAX_FREQUENCY_DAYS)

    def validate(self, attrs: dict[str, int]) -> dict[str, int]:
        if attrs["times"] > attrs["days"]:
            raise serializers.ValidationError({"times": [services.MESSAGE_TIMES_OVER_DAYS]})
        return attrs


class FrequencyOutput(serializers.Serializer[Any]):
    times = serializers.IntegerField(source="frequency_times")
    days = serializers.IntegerField(source="frequency_days")


class EntryOutput(serializers.Serializer[Any]):
    date = serializers.DateField()
    status = serializers.ChoiceField(choices=EntryStatus.choices)
    value = serializers.DecimalField(
        max_digits=15, decimal_places=3, allow_null=True, coerce_to_string=False
    )
    note = serializers.CharField()


class EntryInput(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=EntryStatus.choices, required=False)
    value = serializers.DecimalField(
        max_digits=15, decimal_places=3, min_value=0, allow_null=True, required=False
    )
    note = TextField(max_length=1000, allow_blank=True, required=False, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.setdefault("status", EntryStatus.DONE)
        attrs.setdefault("value", None)
        return attrs


class HabitInput(serializers.Serializer[Any]):
    name = TextField(max_length=100)
    description = TextField(max_length=1000, allow_blank=True, required=False)
    question = TextField(max_length=200, allow_blank=True, required=False)
    color = serializers.RegexField(
        COLOR_PATTERN, max_length=7, required=False, error_messages={"invalid": MESSAGE_COLOR}
    )
    kind = serializers.ChoiceField(choices=HabitKind.choices, required=False)
    unit = TextField(max_length=30, allow_blank=True, required=False)
    target_value = serializers.DecimalField(
        max_digits=15, decimal_places=3, min_value=0, allow_null=True, required=False
    )
    target_type = serializers.ChoiceField(choices=TargetType.choices, required=False)
    frequency = FrequencySerializer(required=False)
    weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=7), max_length=7, required=False
    )
    period = serializers.ChoiceField(choices=Period.choices, required=False)
    archived = serializers.BooleanField(required=False)

    def validate_weekdays(self, value: list[int]) -> list[int]:
        if len(set(value)) != len(value):
            raise serializers.ValidationError(MESSAGE_WEEKDAYS_UNIQUE)
        return sorted(value)


class HabitOutput(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="habit.pk")
    name = serializers.CharField(source="habit.name")
    description = serializers.CharField(source="habit.description")
    question = serializers.CharField(source="habit.question")
    color = serializers.CharField(source="habit.color")
    kind = serializers.ChoiceField(source="habit.kind", choices=HabitKind.choices)
    unit = serializers.CharField(source="habit.unit")
    target_value = serializers.DecimalField(
        source="habit.target_value",
        max_digits=15,
        decimal_places=3,
        allow_null=True,
        coerce_to_string=False,
    )
    target_type = serializers.ChoiceField(source="habit.target_type", choices=TargetType.choices)
    frequency = FrequencyOutput(source="habit")
    weekdays = serializers.ListField(source="habit.weekdays", child=serializers.IntegerField())
    period = serializers.ChoiceField(source="habit.period", choices=Period.choices)
    archived = serializers.BooleanField(source="habit.archived")
    position = serializers.IntegerField(source="habit.position")
    created_at = serializers.DateTimeField(source="habit.created_at")
    today_entry = EntryOutput(allow_null=True)
    scheduled_today = serializers.BooleanField()
    current_streak = serializers.IntegerField(source="habit.summary_current_streak")
    score = serializers.FloatField(source="habit.summary_score", min_value=0, max_value=1)


class RangeInput(serializers.Serializer[Any]):
    start = serializers.DateField(input_formats=["%Y-%m-%d"], required=False)
    end = serializers.DateField(input_formats=["%Y-%m-%d"], required=False)


class ReorderInput(serializers.Serializer[Any]):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1), max_length=10_000)


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
    total_done = serializers.IntegerField()


RANGE_PARAMETERS = [
    OpenApiParameter("start", OpenApiTypes.DATE, description="First day (YYYY-MM-DD)."),
    OpenApiParameter("end", OpenApiTypes.DATE, description="Last day (YYYY-MM-DD), default today."),
]


# --- Rendering ------------------------------------------------------------------------------------
# The list is the hottest path of the product; building it through DRF serializers cost more than
# everything else in the request together. These functions write the same JSON as HabitOutput and
# EntryOutput (which stay as the documented schema); a test holds the two to each other.


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _timestamp(value: datetime) -> str:
    text = value.astimezone(UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def entry_data(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "status": entry.status,
        "value": _number(entry.value),
        "note": entry.note,
    }


def habit_data(item: selectors.HabitListItem) -> dict[str, Any]:
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
        "created_at": _timestamp(habit.created_at),
        "today_entry": None if item.today_entry is None else entry_data(item.today_entry),
        "scheduled_today": item.scheduled_today,
        "current_streak": habit.summary_current_streak,
        "score": habit.summary_score,
    }


def habit_item_response(item: selectors.HabitListItem, code: int = status.HTTP_200_OK) -> Response:
    return Response(habit_data(item), status=code)


# --- Views ----------------------------------------------------------------------------------------


class HabitListApi(APIView):
    @extend_schema(
        summary="The user's habits, in order, with today's entry, streak and score",
        parameters=[
            OpenApiParameter(
                "archived", OpenApiTypes.BOOL, description="true: the archived habits instead."
            )
        ],
        responses={200: HabitOutput(many=True), **ERROR_RESPONSES},
        tags=["habits"],
    )
    def get(self, request: Request) -> HttpResponse:
        archived = request.query_params.get("archived", "").lower() in {"true", "1", "yes"}
        user = signed_in_user(request)
        today = user_today(user=user)

        def render() -> bytes:
            items = selectors.habit_list(user=user, archived=archived, today=today)
            return bytes(JSONRenderer().render([habit_data(item) for item in items]))

        body = list_cache.cached_list(
            user_id=user.pk, archived=archived, today=today, render=render
        )
        return HttpResponse(body, content_type="application/json")

    @extend_schema(
        summary="Create a habit",
        request=HabitInput,
        responses={201: HabitOutput, **ERROR_RESPONSES},
        tags=["habits"],
    )
    def post(self, request: Request) -> Response:
        data = HabitInput(data=request.data)
        data.is_valid(raise_exception=True)
        habit = services.habit_create(user=signed_in_user(request), **data.validated_data)
        return habit_item_response(selectors.habit_item(habit=habit), status.HTTP_201_CREATED)


@extend_schema(parameters=[HABIT_ID])
class HabitDetailApi(APIView):
    @extend_schema(
        summary="One habit", responses={200: HabitOutput, **ERROR_RESPONSES}, tags=["habits"]
    )
    def get(self, request: Request, habit_id: int) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        return habit_item_response(selectors.habit_item(habit=habit))

    @extend_schema(
        summary="Change a habit (any subset of its fields)",
        request=HabitInput(partial=True),
        responses={200: HabitOutput, **ERROR_RESPONSES},
        tags=["habits"],
    )
    def patch(self, request: Request, habit_id: int) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        data = HabitInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        habit = services.habit_update(habit=habit, **data.validated_data)
        return habit_item_response(selectors.habit_item(habit=habit))

    @extend_schema(
        summary="Delete a habit and its entries",
        responses={204: OpenApiResponse(description="Deleted."), **ERROR_RESPONSES},
        tags=["habits"],
    )
    def delete(self, request: Request, habit_id: int) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        services.habit_delete(habit=habit)
        return Response(status=status.HTTP_204_NO_CONTENT)


class HabitReorderApi(APIView):
    @extend_schema(
        summary="Put the habits in a new order (every id of the user's habits, once)",
        request=ReorderInput,
        responses={204: OpenApiResponse(description="Reordered."), **ERROR_RESPONSES},
        tags=["habits"],
    )
    def post(self, request: Request) -> Response:
        data = ReorderInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.habit_reorder(user=signed_in_user(request), ids=data.validated_data["ids"])
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(parameters=[HABIT_ID])
class EntryListApi(APIView):
    @extend_schema(
        summary="A habit's entries in a date range (default: the last 31 days)",
        parameters=RANGE_PARAMETERS,
        responses={200: EntryOutput(many=True), **ERROR_RESPONSES},
        tags=["entries"],
    )
    def get(self, request: Request, habit_id: int) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        query = RangeInput(data=request.query_params)
        query.is_valid(raise_exception=True)
        start, end = selectors.resolve_range(
            start=query.validated_data.get("start"),
            end=query.validated_data.get("end"),
            today=user_today(user=habit.user),
            default_days=31,
        )
        entries = selectors.entry_list(habit=habit, start=start, end=end)
        return Response([entry_data(entry) for entry in entries])


@extend_schema(parameters=[HABIT_ID, DAY])
class EntryDetailApi(APIView):
    @extend_schema(
        summary="Create or replace the entry of a day (idempotent)",
        request=EntryInput,
        responses={200: EntryOutput, **ERROR_RESPONSES},
        tags=["entries"],
    )
    def put(self, request: Request, habit_id: int, day: str) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        when = parse_day(day)
        data = EntryInput(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.entry_upsert(habit=habit, day=when, **data.validated_data)
        return Response(entry_data(entry))

    @extend_schema(
        summary="Clear the entry of a day",
        responses={204: OpenApiResponse(description="Cleared."), **ERROR_RESPONSES},
        tags=["entries"],
    )
    def delete(self, request: Request, habit_id: int, day: str) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        services.entry_delete(habit=habit, day=parse_day(day))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(parameters=[HABIT_ID])
class HabitStatsApi(APIView):
    @extend_schema(
        summary="Streaks, score, score history and completion rates of a habit",
        description="The range defaults to the last 365 days and is clipped to the user's today.",
        parameters=RANGE_PARAMETERS,
        responses={200: StatsOutput, **ERROR_RESPONSES},
        tags=["habits"],
    )
    def get(self, request: Request, habit_id: int) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        query = RangeInput(data=request.query_params)
        query.is_valid(raise_exception=True)
        stats = selectors.habit_stats_for(
            habit=habit,
            start=query.validated_data.get("start"),
            end=query.validated_data.get("end"),
        )
        return Response(
            {
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
            }
        )
