"""The reminders API's shapes: inputs, the documented outputs and one renderer per output."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from rest_framework import serializers

from core.fields import TextField
from habits import rules
from habits.models import PushSubscription, Reminder
from habits.serializers import ReminderSummaryOutput, reminder_summary_data, timestamp

ACTIONS = [("done", "Done"), ("skip", "Skip")]


class ReminderInput(serializers.Serializer[Any]):
    time = serializers.TimeField(input_formats=["%H:%M"], help_text="HH:MM, the user's wall clock.")
    weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        min_length=1,
        max_length=7,
        allow_null=True,
        required=False,
        default=None,
        help_text="0 = Monday ... 6 = Sunday; null or absent: the habit's scheduled days.",
    )
    channel = serializers.ChoiceField(
        choices=rules.choices(rules.Channel), required=False, default=rules.Channel.PUSH
    )

    def validate_weekdays(self, value: list[int] | None) -> list[int] | None:
        if value is not None and len(set(value)) != len(value):
            raise serializers.ValidationError(gettext(rules.MESSAGE_REMINDER_WEEKDAYS))
        return None if value is None else sorted(value)


class ReminderOutput(ReminderSummaryOutput):
    """A habit's reminder with the instant it next goes out."""

    next = serializers.DateTimeField(
        allow_null=True, help_text="When it next goes out (UTC); null when it never does."
    )


def reminder_data(reminder: Reminder) -> dict[str, Any]:
    data = reminder_summary_data(reminder)
    assert data is not None
    data["next"] = None if reminder.next_at is None else timestamp(reminder.next_at)
    return data


class PushKeyOutput(serializers.Serializer[Any]):
    public_key = serializers.CharField(
        allow_null=True,
        help_text="The VAPID application server key (base64url, uncompressed P-256 point); "
        "null when the server does not send notifications.",
    )


class PushKeysInput(serializers.Serializer[Any]):
    p256dh = serializers.CharField(max_length=rules.PUSH_KEY_MAX_LENGTH)
    auth = serializers.CharField(max_length=rules.PUSH_KEY_MAX_LENGTH)


class PushSubscriptionInput(serializers.Serializer[Any]):
    """The browser's `PushSubscription.toJSON()` (other members, like expirationTime, ignored)."""

    endpoint = serializers.URLField(max_length=rules.PUSH_ENDPOINT_MAX_LENGTH)
    keys = PushKeysInput()


class PushSubscriptionOutput(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    endpoint = serializers.URLField()
    created = serializers.DateTimeField()


def push_subscription_data(subscription: PushSubscription) -> dict[str, Any]:
    return {
        "id": subscription.pk,
        "endpoint": subscription.endpoint,
        "created": timestamp(subscription.created_at),
    }


class ReminderActInput(serializers.Serializer[Any]):
    token = TextField(max_length=1000, help_text="The `token` of the push message.")
    action = serializers.ChoiceField(choices=ACTIONS)


class ReminderActOutput(serializers.Serializer[Any]):
    habit = serializers.IntegerField()
    date = serializers.DateField()
    status = serializers.ChoiceField(choices=[("done", "Done"), ("skipped", "Skipped")])
