"""Reads of reminders and push subscriptions. Nothing here writes."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User
from habits.models import Habit, PushSubscription, Reminder


def reminder_get(*, habit: Habit) -> Reminder:
    """The habit's reminder; a 404 without one (the habit is the caller's: habits.selectors)."""
    return get_object_or_404(Reminder, habit=habit)


def push_subscription_list(*, user: User) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user)


def push_subscription_get(*, user: User, subscription_id: int) -> PushSubscription:
    """One of the user's subscriptions; anybody else's is a 404, like a missing one."""
    return get_object_or_404(PushSubscription, pk=subscription_id, user=user)
