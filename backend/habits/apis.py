"""Habits and entries API. Thin views: validate, call a service or selector, render.

Every view here also accepts a personal API token (accounts.authentication.TokenOrSessionApi)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from accounts import backends
from accounts.authentication import TokenOrSessionApi
from accounts.models import User
from accounts.selectors import signed_in_user, user_today
from accounts.sessions import key_user_id
from core import user_hash
from core.middleware import resolved_user
from core.negotiation import JSON, PLAIN_ACCEPTS
from core.schema import (
    ERROR_RESPONSES,
    OpenApiParameter,
    OpenApiResponse,
    OpenApiTypes,
    extend_schema,
)
from habits import list_cache, rules, selectors, services
from habits.models import Habit, HabitGroup
from habits.serializers import (
    EntryInput,
    EntryOutput,
    GroupInput,
    GroupOutput,
    HabitInput,
    HabitOutput,
    RangeInput,
    ReorderInput,
    StatsOutput,
    entry_data,
    group_data,
    habit_data,
    habit_list_json,
    stats_data,
)

HABIT_ID = OpenApiParameter("habit_id", OpenApiTypes.INT, OpenApiParameter.PATH)
TODAY = "today"
DAY = OpenApiParameter(
    "day",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=f"YYYY-MM-DD, the user's date; or `{TODAY}`, the user's today (zone, day start).",
)
RANGE_PARAMETERS = [
    OpenApiParameter("start", OpenApiTypes.DATE, description="First day (YYYY-MM-DD)."),
    OpenApiParameter("end", OpenApiTypes.DATE, description="Last day (YYYY-MM-DD), default today."),
]


def parse_day(value: str, *, user: User) -> date:
    if value == TODAY:
        return user_today(user=user)
    day = rules.parse_day(value)
    if day is None:
        raise ValidationError({"date": [gettext(rules.MESSAGE_BAD_DAY)]})
    return day


def habit_item_response(habit: Habit, code: int = status.HTTP_200_OK) -> Response:
    return Response(habit_data(selectors.habit_item(habit=habit)), status=code)


def wants_archived(query: QueryDict) -> bool:
    return query.get("archived", "").lower() in {"true", "1", "yes"}


def habit_list_body(*, user: User, archived: bool) -> bytes:
    """The list's JSON: the cached copy for the user's today, else rendered and cached."""
    today = user_today(user=user)
    cached = selectors.habit_list_slot(user=user, archived=archived, today=today)
    if cached.body is None:
        services.habit_summaries_catch_up(user=user, today=today)
        items = selectors.habit_list(user=user, archived=archived, today=today)
        cached = cached.filled(habit_list_json(items))
    assert cached.body is not None
    return cached.body


def takes_browser_path(request: HttpRequest) -> bool:
    """Whether `signed_in_list` may answer this request, by what it asks, before anything is read:
    a plain GET without an API token, for JSON, with the list's cache on."""
    return (
        request.method == "GET"
        and "HTTP_AUTHORIZATION" not in request.META
        and request.META.get("HTTP_ACCEPT", "*/*") in PLAIN_ACCEPTS
        and api_settings.URL_FORMAT_OVERRIDE not in request.GET
        and list_cache.enabled()
    )


def signed_in_list(request: HttpRequest) -> bytes | None:
    """The cached habit list for a request `takes_browser_path` accepted (its caller,
    habits.middleware, asks first), in a signed-in browser session; None for anything else.

    The list is what every visit opens, and what DRF does for it (wrapping the request, two
    authenticators, two permissions, a throttle, content negotiation) decides nothing for such a
    request: it has no Authorization header (so no API token: DRF would try the session), asks for
    JSON (or anything) without a format override, and a GET needs no CSRF check. When the list is
    cached, this returns its body, which habits.middleware answers with DRF's headers, having read
    the session, the user's cached row and the list's cache fields in one round trip
    (core.user_hash, accounts.sessions):
    the row is handed to Django's own `get_user`, which still checks the session's backend and
    password hash. Everything else goes to DRF's view (None), which answers it as before: other
    requests, a session that is not signed in, and a list that must be rendered (whose database
    errors DRF's handler answers).
    """
    archived = wants_archived(request.GET)
    list_fields = list_cache.fields(archived=archived)
    fields = [backends.USER_FIELD, *list_fields] if backends.enabled() else list(list_fields)
    session = getattr(request, "session", None)
    if session is None:
        return None
    # The session's own read brings these fields when its key names its user (accounts.sessions).
    read_with = getattr(session, "read_with", None)
    found = dict(read_with(fields)) if read_with is not None else {}
    user_id = session.get(SESSION_KEY)
    if not isinstance(user_id, str) or not user_id.isdigit():
        return None
    pk = int(user_id)
    if not found or key_user_id(session.session_key) != pk:
        values = user_hash.read(pk, fields)
        found = dict(zip(fields, values, strict=True)) if values is not None else {}
    with backends.prefetched_user(pk, found.get(backends.USER_FIELD)):
        user = resolved_user(request)  # resolves the lazy user here, with the prefetched row
    if not isinstance(user, User) or not user.is_active:
        return None
    read = [found[field] for field in list_fields] if found else None
    today = user_today(user=user)
    return selectors.habit_list_slot(user=user, archived=archived, today=today, read=read).body


class HabitListApi(TokenOrSessionApi):
    # GET in a browser's session, when the list is cached, is answered before the middleware
    # chain reaches this view: see habits.middleware and `signed_in_list`.

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
        user = signed_in_user(request)
        body = habit_list_body(user=user, archived=wants_archived(request.query_params))
        return HttpResponse(body, content_type=JSON)

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
        return habit_item_response(habit, status.HTTP_201_CREATED)


@extend_schema(parameters=[HABIT_ID])
class HabitDetailApi(TokenOrSessionApi):
    @extend_schema(
        summary="One habit", responses={200: HabitOutput, **ERROR_RESPONSES}, tags=["habits"]
    )
    def get(self, request: Request, habit_id: int) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        return habit_item_response(habit)

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
        return habit_item_response(habit)

    @extend_schema(
        summary="Delete a habit and its entries",
        responses={204: OpenApiResponse(description="Deleted."), **ERROR_RESPONSES},
        tags=["habits"],
    )
    def delete(self, request: Request, habit_id: int) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        services.habit_delete(habit=habit)
        return Response(status=status.HTTP_204_NO_CONTENT)


class HabitReorderApi(TokenOrSessionApi):
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
class EntryListApi(TokenOrSessionApi):
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
class EntryDetailApi(TokenOrSessionApi):
    @extend_schema(
        summary="Create or replace the entry of a day (idempotent)",
        request=EntryInput,
        responses={200: EntryOutput, **ERROR_RESPONSES},
        tags=["entries"],
    )
    def put(self, request: Request, habit_id: int, day: str) -> Response:
        habit = selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        when = parse_day(day, user=habit.user)
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
        services.entry_delete(habit=habit, day=parse_day(day, user=habit.user))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(parameters=[HABIT_ID])
class HabitStatsApi(TokenOrSessionApi):
    @extend_schema(
        summary="Streaks, score, score history and completion rates of a habit",
        description="The range defaults to the last 365 days and is clipped to the user's today.",
        parameters=RANGE_PARAMETERS,
        responses={200: StatsOutput, **ERROR_RESPONSES},
        tags=["habits"],
    )
    def get(self, request: Request, habit_id: int) -> Response:
        user = signed_in_user(request)
        query = RangeInput(data=request.query_params)
        if not query.is_valid():
            selectors.habit_get(user=user, habit_id=habit_id)  # somebody else's habit: a 404 first
            query.is_valid(raise_exception=True)
        stats = selectors.habit_stats_for(
            user=user,
            habit_id=habit_id,
            start=query.validated_data.get("start"),
            end=query.validated_data.get("end"),
        )
        return Response(stats_data(stats))


GROUP_ID = OpenApiParameter("group_id", OpenApiTypes.INT, OpenApiParameter.PATH)


def group_item_response(group: HabitGroup, code: int = status.HTTP_200_OK) -> Response:
    return Response(group_data(selectors.habit_group_item(group=group)), status=code)


class GroupListApi(APIView):
    @extend_schema(
        summary="The user's habit groups, in order, each with its completion for today",
        responses={200: GroupOutput(many=True), **ERROR_RESPONSES},
        tags=["groups"],
    )
    def get(self, request: Request) -> Response:
        user = signed_in_user(request)
        items = selectors.habit_group_list(user=user, today=user_today(user=user))
        return Response([group_data(item) for item in items])

    @extend_schema(
        summary="Create a group (last in the order)",
        request=GroupInput,
        responses={201: GroupOutput, **ERROR_RESPONSES},
        tags=["groups"],
    )
    def post(self, request: Request) -> Response:
        data = GroupInput(data=request.data)
        data.is_valid(raise_exception=True)
        group = services.habit_group_create(user=signed_in_user(request), **data.validated_data)
        return group_item_response(group, status.HTTP_201_CREATED)


@extend_schema(parameters=[GROUP_ID])
class GroupDetailApi(APIView):
    @extend_schema(
        summary="Rename, collapse or expand a group",
        request=GroupInput(partial=True),
        responses={200: GroupOutput, **ERROR_RESPONSES},
        tags=["groups"],
    )
    def patch(self, request: Request, group_id: int) -> Response:
        group = selectors.habit_group_get(user=signed_in_user(request), group_id=group_id)
        data = GroupInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        group = services.habit_group_update(group=group, **data.validated_data)
        return group_item_response(group)

    @extend_schema(
        summary="Delete a group (its habits stay, in no group)",
        responses={204: OpenApiResponse(description="Deleted."), **ERROR_RESPONSES},
        tags=["groups"],
    )
    def delete(self, request: Request, group_id: int) -> Response:
        group = selectors.habit_group_get(user=signed_in_user(request), group_id=group_id)
        services.habit_group_delete(group=group)
        return Response(status=status.HTTP_204_NO_CONTENT)


class GroupReorderApi(APIView):
    @extend_schema(
        summary="Put the groups in a new order (every id of the user's groups, once)",
        request=ReorderInput,
        responses={204: OpenApiResponse(description="Reordered."), **ERROR_RESPONSES},
        tags=["groups"],
    )
    def post(self, request: Request) -> Response:
        data = ReorderInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.habit_group_reorder(user=signed_in_user(request), ids=data.validated_data["ids"])
        return Response(status=status.HTTP_204_NO_CONTENT)
