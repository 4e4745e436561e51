"""The sender end to end: a reminder due now reaches the local push endpoint once, VAPID-signed
and encrypted for the subscription, and its buttons record the day."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from accounts.calendar import zone
from accounts.models import User
from accounts.selectors import user_today
from conftest import ApiClient, mail_to
from factories import make_entry, make_habit
from habits.models import Entry, Habit, PushSubscription, Reminder, ReminderDelivery
from habits.reminders.mails import KIND_REMINDER
from habits.reminders.services import reminders_send
from habits.reminders.tests.push_endpoint import Browser, PushEndpoint
from habits.reminding import due
from habits.reminding.webpush import Vapid
from habits.rules import MESSAGE_REMINDER_EXPIRED, Kind

pytestmark = pytest.mark.django_db


def subscribe(api: ApiClient, endpoint: PushEndpoint, path: str = "/push/1") -> Browser:
    browser = Browser()
    response = api.post(
        "/api/push/subscriptions/", {"endpoint": endpoint.url(path), "keys": browser.keys}
    )
    assert response.status_code == 201, response.content
    return browser


def remind_soon(api: ApiClient, habit: Habit, channel: str = "push") -> datetime:
    """Set the habit's reminder a couple of minutes from now; the instant it is due."""
    local_now = datetime.now().astimezone(_zone(habit.user))
    at = (local_now + timedelta(minutes=2)).strftime("%H:%M")
    response = api.put(f"/api/habits/{habit.pk}/reminder/", {"time": at, "channel": channel})
    assert response.status_code == 200, response.content
    return datetime.fromisoformat(response.json()["next"])


def _zone(user: User) -> ZoneInfo:
    return zone(user.time_zone)


def test_a_due_reminder_reaches_the_browser_once_signed_and_encrypted(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user, name="Meditate")
    browser = subscribe(signed_in, push_endpoint)
    instant = remind_soon(signed_in, habit)

    assert reminders_send(now=instant - timedelta(seconds=1)).due == 0
    result = reminders_send(now=instant)

    assert (result.due, result.sent, result.failed) == (1, 1, 0)
    [received] = push_endpoint.received
    message = push_endpoint.message(received, browser, public_key=vapid.public_key)
    today = user_today(user=midday_user)
    assert message == {
        "type": "reminder",
        "title": "Meditate",
        "body": "Time for Meditate",
        "tag": f"reminder-{habit.pk}-{today.isoformat()}",
        "url": f"/habits/{habit.pk}",
        "habit": habit.pk,
        "date": today.isoformat(),
        "kind": "boolean",
        "actions": ["done", "skip"],
        "action_titles": {"done": "Done", "skip": "Skip"},
        "token": message["token"],
    }
    assert PushSubscription.objects.get().last_success_at is not None
    # Once a day: another run, even a minute later, sends nothing; the next is tomorrow.
    assert reminders_send(now=instant + timedelta(minutes=1)).due == 0
    assert len(push_endpoint.received) == 1
    assert Reminder.objects.get().next_at == instant + timedelta(days=1)


def test_the_notification_button_records_the_day_without_a_session(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user)
    browser = subscribe(signed_in, push_endpoint)
    reminders_send(now=remind_soon(signed_in, habit))
    message = push_endpoint.message(push_endpoint.received[0], browser, public_key=vapid.public_key)
    anonymous = ApiClient()  # the service worker: no session, no CSRF token
    body = json.dumps({"token": message["token"], "action": "done"})
    for _ in range(2):  # idempotent
        response = anonymous.generic(
            "POST", "/api/reminders/act/", body, content_type="application/json"
        )
        assert response.status_code == 200, response.content
        assert response.json() == {"habit": habit.pk, "date": message["date"], "status": "done"}
    assert Entry.objects.get(habit=habit).status == "done"
    today_item = signed_in.get(f"/api/habits/{habit.pk}/").json()
    assert today_item["today_entry"]["status"] == "done"


def test_overlapping_runs_send_each_reminder_once(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user)
    subscribe(signed_in, push_endpoint)
    instant = remind_soon(signed_in, habit)
    results = [reminders_send(now=instant) for _ in range(2)]
    assert sorted(result.due for result in results) == [0, 1]
    assert len(push_endpoint.received) == 1
    assert ReminderDelivery.objects.filter(habit=habit).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_on_postgres_send_once(
    midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    api = ApiClient()
    api.sign_in(midday_user)
    habit = make_habit(user=midday_user)
    subscribe(api, push_endpoint)
    instant = remind_soon(api, habit)
    results: list[int] = []

    def run() -> None:
        try:
            results.append(reminders_send(now=instant).due)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 0, 0, 1]
    assert len(push_endpoint.received) == 1


def test_a_run_out_of_time_leaves_the_rest_due_for_the_next(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user)
    subscribe(signed_in, push_endpoint)
    instant = remind_soon(signed_in, habit)
    assert reminders_send(now=instant, budget_seconds=-1).due == 0
    assert Reminder.objects.get().next_at == instant  # still due
    assert reminders_send(now=instant + timedelta(minutes=1)).sent == 1


@pytest.mark.parametrize(
    ("kind", "status", "value"),
    [("boolean", "done", None), ("boolean", "skipped", None), ("numeric", "done", Decimal(8))],
)
def test_a_day_already_done_or_skipped_gets_no_reminder(
    signed_in: ApiClient,
    midday_user: User,
    vapid: Vapid,
    push_endpoint: PushEndpoint,
    kind: str,
    status: str,
    value: Decimal | None,
) -> None:
    habit = make_habit(user=midday_user, kind=kind)
    subscribe(signed_in, push_endpoint)
    make_entry(habit=habit, day=user_today(user=midday_user), status=status, value=value)
    result = reminders_send(now=remind_soon(signed_in, habit))
    assert (result.due, result.sent) == (0, 0)
    assert push_endpoint.received == []


def test_a_numeric_habit_short_of_its_target_is_reminded_with_skip_only(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(
        user=midday_user, name="Drink", kind=Kind.NUMERIC, target_value=Decimal(8), unit="glasses"
    )
    browser = subscribe(signed_in, push_endpoint)
    make_entry(habit=habit, day=user_today(user=midday_user), value=Decimal(3))
    reminders_send(now=remind_soon(signed_in, habit))
    message = push_endpoint.message(push_endpoint.received[0], browser, public_key=vapid.public_key)
    assert (message["kind"], message["actions"]) == ("numeric", ["skip"])
    assert message["body"] == "Drink: at least 8 glasses"
    refused = ApiClient().post("/api/reminders/act/", {"token": message["token"], "action": "done"})
    assert refused.status_code == 400
    skipped = ApiClient().post("/api/reminders/act/", {"token": message["token"], "action": "skip"})
    assert skipped.json()["status"] == "skipped"


def test_an_archived_habit_gets_no_reminder(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user)
    subscribe(signed_in, push_endpoint)
    instant = remind_soon(signed_in, habit)
    assert signed_in.patch(f"/api/habits/{habit.pk}/", {"archived": True}).status_code == 200
    assert Reminder.objects.get().next_at is None
    assert reminders_send(now=instant).due == 0
    assert push_endpoint.received == []


@pytest.mark.parametrize("gone", [404, 410])
def test_a_subscription_the_push_service_no_longer_knows_is_removed(
    signed_in: ApiClient,
    midday_user: User,
    vapid: Vapid,
    push_endpoint: PushEndpoint,
    gone: int,
) -> None:
    habit = make_habit(user=midday_user)
    subscribe(signed_in, push_endpoint, "/push/old")
    subscribe(signed_in, push_endpoint, "/push/new")
    push_endpoint.status_for["/push/old"] = gone
    result = reminders_send(now=remind_soon(signed_in, habit))
    assert (result.sent, result.failed) == (1, 1)
    assert [s.endpoint for s in PushSubscription.objects.all()] == [push_endpoint.url("/push/new")]


def test_a_server_error_keeps_the_subscription(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user)
    subscribe(signed_in, push_endpoint)
    push_endpoint.status_for["/push/1"] = 500
    result = reminders_send(now=remind_soon(signed_in, habit))
    assert (result.sent, result.failed) == (0, 1)
    assert PushSubscription.objects.count() == 1


def test_the_email_channel_queues_a_mail(
    signed_in: ApiClient, midday_user: User, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user, name="Stretch")
    result = reminders_send(now=remind_soon(signed_in, habit, channel="email"))
    assert (result.due, result.sent) == (1, 1)
    mail = mail_to(midday_user.email, KIND_REMINDER)
    assert "Stretch" in mail.subject
    assert f"/habits/{habit.pk}" in mail.body
    assert push_endpoint.received == []


def test_other_users_browsers_get_nothing(
    signed_in: ApiClient,
    midday_user: User,
    other_user: User,
    vapid: Vapid,
    push_endpoint: PushEndpoint,
) -> None:
    other = ApiClient()
    other.sign_in(other_user)
    subscribe(other, push_endpoint, "/push/other")
    habit = make_habit(user=midday_user)
    result = reminders_send(now=remind_soon(signed_in, habit))
    assert (result.due, result.sent) == (1, 0)
    assert push_endpoint.received == []


def test_an_expired_or_forged_token_is_refused(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    from habits.reminding.tokens import MAX_AGE_SECONDS

    habit = make_habit(user=midday_user)
    browser = subscribe(signed_in, push_endpoint)
    reminders_send(now=remind_soon(signed_in, habit))
    token = push_endpoint.message(push_endpoint.received[0], browser, public_key=vapid.public_key)[
        "token"
    ]
    forged = ApiClient().post("/api/reminders/act/", {"token": token + "x", "action": "done"})
    assert forged.status_code == 400
    assert forged.json()["errors"]["token"] == [MESSAGE_REMINDER_EXPIRED]
    with override_settings():
        import habits.reminding.tokens as tokens

        original = tokens.MAX_AGE_SECONDS
        tokens.MAX_AGE_SECONDS = -1
        try:
            stale = ApiClient().post("/api/reminders/act/", {"token": token, "action": "done"})
        finally:
            tokens.MAX_AGE_SECONDS = original
    assert stale.status_code == 400
    assert stale.json()["errors"]["token"] == [MESSAGE_REMINDER_EXPIRED]
    assert MAX_AGE_SECONDS == 36 * 3600
    assert not Entry.objects.exists()


def test_a_token_for_a_deleted_habit_is_a_404(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user)
    browser = subscribe(signed_in, push_endpoint)
    reminders_send(now=remind_soon(signed_in, habit))
    token = push_endpoint.message(push_endpoint.received[0], browser, public_key=vapid.public_key)[
        "token"
    ]
    assert signed_in.delete(f"/api/habits/{habit.pk}/").status_code == 204
    gone = ApiClient().post("/api/reminders/act/", {"token": token, "action": "skip"})
    assert gone.status_code == 404


# --- The cache gate -------------------------------------------------------------------------------


@override_settings(REMINDER_DUE_CACHE=True)
def test_nothing_due_means_no_query_at_all(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user)
    subscribe(signed_in, push_endpoint)
    instant = remind_soon(signed_in, habit)
    # Cold: one run reads the database and stores the earliest instant.
    assert reminders_send(now=instant - timedelta(minutes=1)).database is True
    with CaptureQueriesContext(connection) as queries:
        quiet = reminders_send(now=instant - timedelta(seconds=30))
    assert len(queries) == 0
    assert quiet.as_dict() == {"due": 0, "sent": 0, "failed": 0, "database": False}
    # When it is due, the run reads the database and sends.
    assert reminders_send(now=instant).sent == 1


@override_settings(REMINDER_DUE_CACHE=True)
def test_every_change_that_can_bring_a_reminder_forward_wakes_the_sender(
    signed_in: ApiClient, midday_user: User
) -> None:
    habit = make_habit(user=midday_user)
    reminders_send()
    assert due.earliest() == due.NONE_DUE  # no reminders at all: no query until one is set
    assert reminders_send().database is False
    instant = remind_soon(signed_in, habit)
    assert due.earliest() is None
    reminders_send(now=instant - timedelta(minutes=1))
    assert due.earliest() == instant
    # A change of zone moves every reminder of the user's.
    assert signed_in.patch("/api/auth/me/", {"time_zone": "Asia/Kolkata"}).status_code == 200
    assert due.earliest() is None
    moved = Reminder.objects.get().next_at
    assert moved is not None
    assert moved != instant


@override_settings(REMINDER_DUE_CACHE=True)
def test_a_change_during_a_run_is_not_hidden_by_its_result(midday_user: User) -> None:
    read_generation = due.generation()
    due.invalidate()  # a reminder committed while the run was reading
    assert due.store(None, read_generation=read_generation) is False
    assert due.earliest() is None


def test_the_management_command_sends_once(
    signed_in: ApiClient, midday_user: User, vapid: Vapid, push_endpoint: PushEndpoint
) -> None:
    make_habit(user=midday_user)
    call_command("send_reminders")  # nothing due: it runs and reports
    assert push_endpoint.received == []


def test_the_loop_refuses_a_busy_interval() -> None:
    with pytest.raises(CommandError, match="at least 10 seconds"):
        call_command("send_reminders", "--every", "5")


def test_without_a_vapid_key_nothing_is_pushed(
    signed_in: ApiClient, midday_user: User, push_endpoint: PushEndpoint
) -> None:
    habit = make_habit(user=midday_user)
    subscribe(signed_in, push_endpoint)
    result = reminders_send(now=remind_soon(signed_in, habit))
    assert (result.due, result.sent, result.failed) == (1, 0, 1)
    assert push_endpoint.received == []


def test_a_new_day_start_moves_the_users_reminders(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    signed_in.put(f"/api/habits/{habit.pk}/reminder/", {"time": "02:30"})
    signed_in.patch(f"/api/habits/{habit.pk}/", {"weekdays": [1]})  # Mondays (the user is in UTC)
    monday = Reminder.objects.get().next_at
    assert monday is not None
    assert monday.isoweekday() == 1
    # With a 04:00 day start, 02:30 belongs to the user's previous day: Monday's reminder goes
    # out at 02:30 on Tuesday's date.
    assert signed_in.patch("/api/auth/me/", {"day_start_hour": 4}).status_code == 200
    moved = Reminder.objects.get().next_at
    assert moved is not None
    assert moved.isoweekday() == 2
    assert moved.time() == monday.time()
