"""The reminders API: subscriptions, a habit's reminder, and whose they are."""

from __future__ import annotations

import pytest
from django.test import override_settings

from accounts.models import User
from conftest import ApiClient
from factories import make_habit
from habits import rules
from habits.models import PushSubscription, Reminder
from habits.reminders.tests.push_endpoint import Browser
from habits.reminding.webpush import Vapid

pytestmark = pytest.mark.django_db

ENDPOINT = "https://fcm.googleapis.com/fcm/send/abc"


def subscription(endpoint: str = ENDPOINT, browser: Browser | None = None) -> dict[str, object]:
    return {"endpoint": endpoint, "keys": (browser or Browser()).keys, "expirationTime": None}


def reminder_url(habit_id: int) -> str:
    return f"/api/habits/{habit_id}/reminder/"


# --- The key --------------------------------------------------------------------------------------


def test_the_key_is_null_until_push_is_configured(api: ApiClient) -> None:
    assert api.get("/api/push/key/").json() == {"public_key": None}


def test_the_key_is_the_vapid_public_key(api: ApiClient, vapid: Vapid) -> None:
    key = api.get("/api/push/key/").json()["public_key"]
    assert key == vapid.public_key
    assert len(key) == 87  # 65 bytes, base64url without padding


# --- Subscriptions --------------------------------------------------------------------------------


def test_subscribe_list_resubscribe_and_remove(signed_in: ApiClient) -> None:
    created = signed_in.post("/api/push/subscriptions/", subscription())
    assert created.status_code == 201, created.content
    body = created.json()
    assert set(body) == {"id", "endpoint", "created"}
    assert body["endpoint"] == ENDPOINT

    fresh = Browser()
    again = signed_in.post("/api/push/subscriptions/", subscription(browser=fresh))
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]
    assert PushSubscription.objects.get().p256dh == fresh.keys["p256dh"]

    assert [item["id"] for item in signed_in.get("/api/push/subscriptions/").json()] == [body["id"]]
    assert signed_in.delete(f"/api/push/subscriptions/{body['id']}/").status_code == 204
    assert signed_in.get("/api/push/subscriptions/").json() == []


@override_settings(PUSH_ALLOW_ANY_ENDPOINT=False)
@pytest.mark.parametrize(
    "endpoint",
    [
        "http://fcm.googleapis.com/fcm/send/abc",
        "https://example.org/push",
        "https://googleapis.com.example.org/push",
        "https://127.0.0.1/push",
    ],
)
def test_only_known_push_services_over_https(signed_in: ApiClient, endpoint: str) -> None:
    response = signed_in.post("/api/push/subscriptions/", subscription(endpoint))
    assert response.status_code == 400
    assert response.json()["errors"]["endpoint"] == [rules.MESSAGE_PUSH_ENDPOINT]


@override_settings(PUSH_ALLOW_ANY_ENDPOINT=False)
@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://web.push.apple.com/abc",
        "https://wns2-par02p.notify.windows.com/w/?token=abc",
    ],
)
def test_the_browsers_push_services_are_accepted(signed_in: ApiClient, endpoint: str) -> None:
    assert signed_in.post("/api/push/subscriptions/", subscription(endpoint)).status_code == 201


@pytest.mark.parametrize(
    "keys",
    [
        {"p256dh": "AAAA", "auth": Browser().keys["auth"]},
        {"p256dh": Browser().keys["p256dh"], "auth": "c2hvcnQ"},
        {"p256dh": "not base64 ***", "auth": Browser().keys["auth"]},
    ],
)
def test_keys_that_are_not_a_browsers_are_refused(
    signed_in: ApiClient, keys: dict[str, str]
) -> None:
    response = signed_in.post("/api/push/subscriptions/", {"endpoint": ENDPOINT, "keys": keys})
    assert response.status_code == 400
    assert response.json()["errors"]["keys"] == [rules.MESSAGE_PUSH_KEYS]
    assert not PushSubscription.objects.exists()


def test_at_most_twenty_browsers(signed_in: ApiClient) -> None:
    for number in range(rules.MAX_PUSH_SUBSCRIPTIONS_PER_USER):
        created = signed_in.post("/api/push/subscriptions/", subscription(f"{ENDPOINT}{number}"))
        assert created.status_code == 201
    refused = signed_in.post("/api/push/subscriptions/", subscription(f"{ENDPOINT}-more"))
    assert refused.status_code == 400
    assert refused.json()["errors"]["endpoint"] == [
        rules.MESSAGE_TOO_MANY_SUBSCRIPTIONS.format(limit=rules.MAX_PUSH_SUBSCRIPTIONS_PER_USER)
    ]
    # The same browser again is an update, not a new one.
    assert (
        signed_in.post("/api/push/subscriptions/", subscription(f"{ENDPOINT}0")).status_code == 200
    )


def test_another_users_subscription_is_not_found(signed_in: ApiClient, other_user: User) -> None:
    theirs = PushSubscription.objects.create(
        user=other_user, endpoint=ENDPOINT + "theirs", **Browser().keys
    )
    assert signed_in.get("/api/push/subscriptions/").json() == []
    assert signed_in.delete(f"/api/push/subscriptions/{theirs.pk}/").status_code == 404
    assert PushSubscription.objects.filter(pk=theirs.pk).exists()


def test_subscriptions_need_a_session_and_csrf(api: ApiClient, user: User) -> None:
    assert api.get("/api/push/subscriptions/").status_code == 401
    api.sign_in(user)
    response = api.post("/api/push/subscriptions/", subscription(), HTTP_X_CSRFTOKEN="wrong")
    assert response.status_code == 403


# --- A habit's reminder ---------------------------------------------------------------------------


def test_set_read_change_and_remove_a_reminder(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user, weekdays_mask=rules.weekdays_to_mask([1, 3]))
    assert signed_in.get(reminder_url(habit.pk)).status_code == 404

    put = signed_in.put(reminder_url(habit.pk), {"time": "07:30"})
    assert put.status_code == 200, put.content
    body = put.json()
    assert {key: body[key] for key in ("time", "weekdays", "channel")} == {
        "time": "07:30",
        "weekdays": None,
        "channel": "push",
    }
    assert body["next"].endswith("T07:30:00Z")  # the user is in UTC
    assert signed_in.get(reminder_url(habit.pk)).json() == body

    changed = signed_in.put(
        reminder_url(habit.pk), {"time": "21:05", "weekdays": [6, 0], "channel": "email"}
    ).json()
    assert (changed["weekdays"], changed["channel"]) == ([0, 6], "email")
    assert Reminder.objects.count() == 1

    assert signed_in.delete(reminder_url(habit.pk)).status_code == 204
    assert signed_in.get(reminder_url(habit.pk)).status_code == 404
    assert signed_in.delete(reminder_url(habit.pk)).status_code == 404


def test_the_habit_list_and_detail_carry_the_reminder(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    assert signed_in.get("/api/habits/").json()[0]["reminder"] is None  # now cached
    signed_in.put(reminder_url(habit.pk), {"time": "08:00", "weekdays": [0, 1, 2, 3, 4]})
    expected = {"time": "08:00", "weekdays": [0, 1, 2, 3, 4], "channel": "push"}
    assert signed_in.get("/api/habits/").json()[0]["reminder"] == expected
    assert signed_in.get(f"/api/habits/{habit.pk}/").json()["reminder"] == expected
    signed_in.delete(reminder_url(habit.pk))
    assert signed_in.get("/api/habits/").json()[0]["reminder"] is None


@override_settings(HABIT_LIST_CACHE=True)
def test_a_reminder_change_replaces_the_cached_list(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    assert signed_in.get("/api/habits/").json()[0]["reminder"] is None
    signed_in.put(reminder_url(habit.pk), {"time": "08:00"})
    assert signed_in.get("/api/habits/").json()[0]["reminder"]["time"] == "08:00"


def test_the_habits_schedule_moves_a_reminder_without_weekdays(
    signed_in: ApiClient, user: User
) -> None:
    habit = make_habit(user=user)
    every_day = signed_in.put(reminder_url(habit.pk), {"time": "06:00"}).json()["next"]
    # Only on a weekday other than the next one's: the next reminder moves.
    from datetime import datetime

    next_weekday = datetime.fromisoformat(every_day).isoweekday()
    other = next_weekday % 7 + 1
    assert signed_in.patch(f"/api/habits/{habit.pk}/", {"weekdays": [other]}).status_code == 200
    moved = signed_in.get(reminder_url(habit.pk)).json()["next"]
    assert datetime.fromisoformat(moved).isoweekday() == other


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"time": "7:30pm"},
        {"time": "24:00"},
        {"time": "07:30", "weekdays": []},
        {"time": "07:30", "weekdays": [7]},
        {"time": "07:30", "weekdays": [1, 1]},
        {"time": "07:30", "weekdays": list(range(8))},
        {"time": "07:30", "channel": "sms"},
    ],
)
def test_a_bad_reminder_is_a_400_and_changes_nothing(
    signed_in: ApiClient, user: User, body: dict[str, object]
) -> None:
    habit = make_habit(user=user)
    signed_in.put(reminder_url(habit.pk), {"time": "06:00"})
    response = signed_in.put(reminder_url(habit.pk), body)
    assert response.status_code == 400
    assert response.json()["errors"]
    assert signed_in.get(reminder_url(habit.pk)).json()["time"] == "06:00"


def test_another_users_habit_reminder_is_not_found(signed_in: ApiClient, other_user: User) -> None:
    theirs = make_habit(user=other_user)
    Reminder.objects.create(habit=theirs, time="08:00")
    assert signed_in.get(reminder_url(theirs.pk)).status_code == 404
    assert signed_in.put(reminder_url(theirs.pk), {"time": "09:00"}).status_code == 404
    assert signed_in.delete(reminder_url(theirs.pk)).status_code == 404
    assert Reminder.objects.get(habit=theirs).time.strftime("%H:%M") == "08:00"


def test_act_refuses_a_bad_body(api: ApiClient) -> None:
    for body in ({}, {"token": "x", "action": "explode"}, {"token": "x" * 1001, "action": "done"}):
        assert api.post("/api/reminders/act/", body).status_code == 400


def test_act_is_throttled_per_client_address(api: ApiClient) -> None:
    from habits.reminders.apis import ACT_LIMIT, MESSAGE_ACT_THROTTLED

    for _ in range(ACT_LIMIT):
        assert api.post("/api/reminders/act/", {"token": "x", "action": "done"}).status_code == 400
    refused = api.post("/api/reminders/act/", {"token": "x", "action": "done"})
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith(MESSAGE_ACT_THROTTLED.split("{")[0])
    assert "Retry-After" in refused
