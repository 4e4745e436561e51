"""Writes of reminders and push subscriptions, acting on a reminder, and the sender.

Reminders are written through habits_change (habits.changes), so the habit list's cache sees
them and the reminder is replanned; subscriptions are the user's browsers, at most
MAX_PUSH_SUBSCRIPTIONS_PER_USER of them.
"""

from __future__ import annotations

import time as clock
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.http import Http404
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from accounts.models import User
from habits import rules
from habits.changes import habits_change
from habits.models import Entry, Habit, PushSubscription, Reminder, ReminderDelivery
from habits.reminders.mails import reminder_mail_queue
from habits.reminding import due, push
from habits.reminding.planning import next_instant, reminder_time
from habits.reminding.schedule import day_settled, due_delivery
from habits.reminding.tokens import TokenExpired, token_make, token_read
from habits.rules import Channel, Kind, Status, TargetType
from habits.services import entry_upsert

# A reminder more than this late is not sent (the sender was down): the push's TTL as well.
GRACE = timedelta(hours=1)
# Reminders handled per run, and the time a run may spend sending (the scheduled function's timeout
# is longer); the rest stay due and go out on the next run, a minute later.
BATCH = 200
BUDGET_SECONDS = 40.0
ACTION_STATUS = {"done": Status.DONE, "skip": Status.SKIPPED}
# The notification's buttons, as the service worker shows them (in the user's language).
ACTION_TITLES = {
    "done": pgettext_lazy("reminder action", "Done"),
    "skip": pgettext_lazy("reminder action", "Skip"),
}
MESSAGE_DONE_NUMERIC = gettext_lazy("A measurable habit is recorded with its amount: open the app.")

# --- Reminders ------------------------------------------------------------------------------------


def reminder_put(*, habit: Habit, time: time, weekdays: list[int] | None, channel: str) -> Reminder:
    """Create or replace the habit's reminder. `weekdays` are Monday = 0; None: the habit's days."""
    mask = None if weekdays is None else rules.reminder_weekdays_to_mask(weekdays)
    with habits_change(user=habit.user) as change:
        reminder, _ = Reminder.objects.update_or_create(
            habit=habit,
            defaults={
                "time": time.replace(second=0, microsecond=0, tzinfo=None),
                "weekdays_mask": mask,
                "channel": channel,
            },
        )
        change.reminders_changed(habit)
    reminder.refresh_from_db(fields=["next_at"])
    return reminder


def reminder_delete(*, habit: Habit) -> None:
    with habits_change(user=habit.user):
        deleted, _ = Reminder.objects.filter(habit=habit).delete()
    if not deleted:
        raise Http404


# --- Push subscriptions ---------------------------------------------------------------------------


def push_subscription_save(
    *, user: User, endpoint: str, p256dh: str, auth: str
) -> tuple[PushSubscription, bool]:
    """Subscribe this browser; the same endpoint again updates its keys. Whether it is new.

    An endpoint names one browser's subscription, so a known one moves to the signed-in user."""
    problem = push.endpoint_problem(endpoint)
    if problem is not None:
        raise ValidationError({"endpoint": [problem]})
    from habits.reminding import webpush  # cryptography: loaded when first needed

    try:
        webpush.receiver_key(p256dh)
        webpush.auth_secret(auth)
    except ValueError:
        raise ValidationError({"keys": [gettext(rules.MESSAGE_PUSH_KEYS)]}) from None
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).values_list("pk").first()
        subscription = (
            PushSubscription.objects.select_for_update().filter(endpoint=endpoint).first()
        )
        if subscription is None or subscription.user_id != user.pk:
            count = PushSubscription.objects.filter(user=user).count()
            if count >= rules.MAX_PUSH_SUBSCRIPTIONS_PER_USER:
                raise ValidationError(
                    {
                        "endpoint": [
                            gettext(rules.MESSAGE_TOO_MANY_SUBSCRIPTIONS).format(
                                limit=rules.MAX_PUSH_SUBSCRIPTIONS_PER_USER
                            )
                        ]
                    }
                )
        created = subscription is None
        if subscription is None:
            subscription = PushSubscription(endpoint=endpoint)
        subscription.user = user
        subscription.p256dh = p256dh
        subscription.auth = auth
        subscription.save()
    return subscription, created


def push_subscription_delete(*, subscription: PushSubscription) -> None:
    subscription.delete()


# --- Acting on a reminder -------------------------------------------------------------------------


@dataclass(frozen=True)
class ActResult:
    habit: Habit
    day: date
    status: Status


def reminder_act(*, token: str, action: str) -> ActResult:
    """Record "done" or "skip" for the day a reminder was about; idempotent.

    The token is the capability (habits.reminding.tokens): no session is needed."""
    try:
        claim = token_read(token)
    except TokenExpired:
        raise ValidationError({"token": [gettext(rules.MESSAGE_REMINDER_EXPIRED)]}) from None
    habit = (
        Habit.objects.select_related("user")
        .filter(pk=claim.habit_id, user_id=claim.user_id)
        .first()
    )
    if habit is None:
        raise Http404
    status = ACTION_STATUS[action]
    if status is Status.DONE and habit.kind == Kind.NUMERIC:
        raise ValidationError({"action": [MESSAGE_DONE_NUMERIC]})
    entry_upsert(habit=habit, day=claim.day, status=status)
    return ActResult(habit=habit, day=claim.day, status=status)


# --- The sender -----------------------------------------------------------------------------------


@dataclass
class SendResult:
    due: int = 0
    """Reminders claimed for sending in this run."""
    sent: int = 0
    """Push messages accepted by a push service, and mails queued."""
    failed: int = 0
    """Push messages no push service accepted."""
    database: bool = True
    """Whether the run read the database (False: the cache said nothing is due)."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def reminder_message(*, habit: Habit, day: date) -> dict[str, Any]:
    """The push message of the habit's reminder for `day` (what the service worker reads), its
    text and button titles in the user's language: it is sent outside any request."""
    actions = ["skip"] if habit.kind == Kind.NUMERIC else ["done", "skip"]
    with translation.override(habit.user.language):
        body = _reminder_text(habit)
        titles = {action: str(ACTION_TITLES[action]) for action in actions}
    return {
        "type": "reminder",
        "title": habit.name,
        "body": body,
        "tag": f"reminder-{habit.pk}-{day.isoformat()}",
        "url": f"/habits/{habit.pk}",
        "habit": habit.pk,
        "date": day.isoformat(),
        "kind": habit.kind,
        "actions": actions,
        "action_titles": titles,
        "token": token_make(user_id=habit.user_id, habit_id=habit.pk, day=day),
    }


def _reminder_text(habit: Habit) -> str:
    """The reminder's line in the active language: the habit's question, or its target with the
    amount written as the language writes numbers (2.5 in English, 2,5 in German)."""
    if habit.kind != Kind.NUMERIC:
        return habit.question or gettext("Time for {name}").format(name=habit.name)
    target = habit.target_value.normalize() if habit.target_value is not None else Decimal(0)
    if habit.target_type == TargetType.AT_MOST:
        line = gettext("{name}: at most {target} {unit}")
    else:
        line = gettext("{name}: at least {target} {unit}")
    amount = number_format(target, use_l10n=True)
    return line.format(name=habit.name, target=amount, unit=habit.unit).rstrip()


def reminders_send(
    *, now: datetime | None = None, limit: int = BATCH, budget_seconds: float = BUDGET_SECONDS
) -> SendResult:
    """Send the reminders due at `now`: each habit's at most once a day (claimed first), none for
    a day already done or skipped, or for an archived habit.

    While the cache gate (habits.reminding.due) knows the earliest due instant is later, this
    returns without a query."""
    now = now or timezone.now()
    earliest = due.earliest()
    if earliest == due.NONE_DUE or (isinstance(earliest, datetime) and earliest > now):
        return SendResult(database=False)
    generation = due.generation()
    result = SendResult()
    reminders = (
        Reminder.objects.filter(next_at__lte=now)
        .select_related("habit__user")
        .order_by("next_at")[:limit]
    )
    deadline = clock.monotonic() + budget_seconds
    for reminder in reminders:
        if clock.monotonic() > deadline:
            break
        _deliver(reminder, now=now, result=result)
    upcoming = Reminder.objects.aggregate(earliest=Min("next_at"))["earliest"]
    due.store(upcoming, read_generation=generation)
    return result


def _deliver(reminder: Reminder, *, now: datetime, result: SendResult) -> None:
    habit = reminder.habit
    user = habit.user
    delivery = None
    if not habit.archived:
        delivery = due_delivery(
            now, reminder_time(reminder, habit), user.time_zone, user.day_start_hour, GRACE
        )
    Reminder.objects.filter(pk=reminder.pk).update(next_at=next_instant(reminder, habit, after=now))
    if delivery is None or _settled(habit, delivery.day):
        return
    try:
        with transaction.atomic():
            ReminderDelivery.objects.create(habit=habit, day=delivery.day)
    except IntegrityError:
        return  # another run has sent it
    result.due += 1
    if reminder.channel == Channel.EMAIL:
        _send_mail(habit, delivery.day)
        result.sent += 1
        return
    _send_push(habit, delivery.day, result)


def _settled(habit: Habit, day: date) -> bool:
    entry = Entry.objects.filter(habit=habit, date=day).only("status", "value").first()
    return day_settled(
        Kind(habit.kind),
        TargetType(habit.target_type),
        habit.target_value,
        None if entry is None or entry.status is None else Status(entry.status),
        None if entry is None else entry.value,
    )


def _send_mail(habit: Habit, day: date) -> None:
    language = habit.user.language
    with transaction.atomic(), translation.override(language):
        reminder_mail_queue(
            to=habit.user.email,
            name=habit.name,
            text=_reminder_text(habit),
            link=f"{getattr(settings, 'SITE_URL', '')}/habits/{habit.pk}",
            language=language,
        )


def _send_push(habit: Habit, day: date, result: SendResult) -> None:
    identity = push.vapid()
    subscriptions = list(
        PushSubscription.objects.filter(user_id=habit.user_id)[
            : rules.MAX_PUSH_SUBSCRIPTIONS_PER_USER
        ]
    )
    if not subscriptions:
        return
    if identity is None:  # push is not configured here: nothing can be sent
        result.failed += len(subscriptions)
        return
    from habits.reminding.webpush import push_request  # cryptography: loaded when first needed

    message = reminder_message(habit=habit, day=day)
    for subscription in subscriptions:
        request = push_request(
            endpoint=subscription.endpoint,
            p256dh=subscription.p256dh,
            auth=subscription.auth,
            message=message,
            vapid=identity,
            ttl_seconds=int(GRACE.total_seconds()),
            topic=message["tag"],
        )
        status = push.push_post(request)
        if 200 <= status < 300:
            result.sent += 1
            PushSubscription.objects.filter(pk=subscription.pk).update(
                last_success_at=timezone.now()
            )
        else:
            result.failed += 1
            if status in {404, 410}:  # the browser unsubscribed: RFC 8030 8.3
                subscription.delete()
