"""Reminders and push subscriptions API. Thin views: validate, call a service or selector,
render."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors import signed_in_user
from accounts.throttling import client_address, client_request_limit
from core.schema import ERROR_RESPONSES, extend_schema
from habits import selectors as habit_selectors
from habits.reminders import selectors, services
from habits.reminders.serializers import (
    PushKeyOutput,
    PushSubscriptionInput,
    PushSubscriptionOutput,
    ReminderActInput,
    ReminderActOutput,
    ReminderInput,
    ReminderOutput,
    push_subscription_data,
    reminder_data,
)
from habits.reminding import push

# Acting from notifications: a person taps a few a day; an office behind one address, more.
ACT_LIMIT = 120
ACT_WINDOW_SECONDS = 600
MESSAGE_ACT_THROTTLED = _("Too many reminder actions from this network; try again in {wait}.")

HABIT_ID = OpenApiParameter("habit_id", OpenApiTypes.INT, OpenApiParameter.PATH)
SUBSCRIPTION_ID = OpenApiParameter("subscription_id", OpenApiTypes.INT, OpenApiParameter.PATH)


@extend_schema(parameters=[HABIT_ID])
class ReminderApi(APIView):
    @extend_schema(
        summary="The habit's reminder (404 without one)",
        responses={200: ReminderOutput, **ERROR_RESPONSES},
        tags=["reminders"],
    )
    def get(self, request: Request, habit_id: int) -> Response:
        habit = habit_selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        return Response(reminder_data(selectors.reminder_get(habit=habit)))

    @extend_schema(
        summary="Set the habit's reminder (creates or replaces it)",
        request=ReminderInput,
        responses={200: ReminderOutput, **ERROR_RESPONSES},
        tags=["reminders"],
    )
    def put(self, request: Request, habit_id: int) -> Response:
        habit = habit_selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        data = ReminderInput(data=request.data)
        data.is_valid(raise_exception=True)
        reminder = services.reminder_put(habit=habit, **data.validated_data)
        return Response(reminder_data(reminder))

    @extend_schema(
        summary="Remove the habit's reminder",
        responses={204: OpenApiResponse(description="Removed."), **ERROR_RESPONSES},
        tags=["reminders"],
    )
    def delete(self, request: Request, habit_id: int) -> Response:
        habit = habit_selectors.habit_get(user=signed_in_user(request), habit_id=habit_id)
        services.reminder_delete(habit=habit)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PushKeyApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="The key browsers subscribe to this server's notifications with",
        responses={200: PushKeyOutput, **ERROR_RESPONSES},
        tags=["reminders"],
    )
    def get(self, request: Request) -> Response:
        return Response({"public_key": push.public_key()})


class PushSubscriptionListApi(APIView):
    @extend_schema(
        summary="The browsers that receive the user's reminders",
        responses={200: PushSubscriptionOutput(many=True), **ERROR_RESPONSES},
        tags=["reminders"],
    )
    def get(self, request: Request) -> Response:
        subscriptions = selectors.push_subscription_list(user=signed_in_user(request))
        return Response([push_subscription_data(item) for item in subscriptions])

    @extend_schema(
        summary="Subscribe this browser (the same endpoint again: 200 with its keys updated)",
        request=PushSubscriptionInput,
        responses={
            200: PushSubscriptionOutput,
            201: PushSubscriptionOutput,
            **ERROR_RESPONSES,
        },
        tags=["reminders"],
    )
    def post(self, request: Request) -> Response:
        data = PushSubscriptionInput(data=request.data)
        data.is_valid(raise_exception=True)
        subscription, created = services.push_subscription_save(
            user=signed_in_user(request),
            endpoint=data.validated_data["endpoint"],
            p256dh=data.validated_data["keys"]["p256dh"],
            auth=data.validated_data["keys"]["auth"],
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(push_subscription_data(subscription), status=code)


@extend_schema(parameters=[SUBSCRIPTION_ID])
class PushSubscriptionDetailApi(APIView):
    @extend_schema(
        summary="Stop sending reminders to this browser",
        responses={204: OpenApiResponse(description="Removed."), **ERROR_RESPONSES},
        tags=["reminders"],
    )
    def delete(self, request: Request, subscription_id: int) -> Response:
        subscription = selectors.push_subscription_get(
            user=signed_in_user(request), subscription_id=subscription_id
        )
        services.push_subscription_delete(subscription=subscription)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReminderActApi(APIView):
    """The notification's buttons: no session and no CSRF token, the signed token is the
    capability (it names the user, the habit and the day)."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Record 'done' or 'skip' from a reminder, without opening the app",
        description="Idempotent. 400 when the token has expired (36 hours), 404 when the habit is "
        "gone or no longer the token's user's.",
        request=ReminderActInput,
        responses={200: ReminderActOutput, **ERROR_RESPONSES},
        tags=["reminders"],
        auth=[],
    )
    def post(self, request: Request) -> Response:
        client_request_limit(
            scope="reminder-act",
            address=client_address(request._request),
            limit=ACT_LIMIT,
            window_seconds=ACT_WINDOW_SECONDS,
            message=MESSAGE_ACT_THROTTLED,
        )
        data = ReminderActInput(data=request.data)
        data.is_valid(raise_exception=True)
        result = services.reminder_act(**data.validated_data)
        return Response(
            {"habit": result.habit.pk, "date": result.day.isoformat(), "status": result.status}
        )
