from __future__ import annotations

from decimal import Decimal

import pytest

from accounts.models import User
from conftest import ApiClient
from core.errors import CODE_INVALID, CODE_NOT_FOUND, CODE_PARSE_ERROR
from factories import make_entry, make_habit
from habits.models import Habit
from habits.rules import MESSAGE_TARGET_REQUIRED
from habits.services import MESSAGE_KIND_LOCKED, MESSAGE_REORDER_IDS

pytestmark = pytest.mark.django_db

HABITS = "/api/habits/"


def test_create_a_daily_habit_with_defaults(signed_in: ApiClient) -> None:
    response = signed_in.post(HABITS, {"name": "Meditate"})
    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Meditate"
    assert body["kind"] == "boolean"
    assert body["frequency"] == {"times": 1, "days": 1}
    assert body["weekdays"] == []
    assert body["period"] == "rolling"
    assert body["today_entry"] is None
    assert body["scheduled_today"] is True
    assert body["current_streak"] == 0
    assert body["score"] == 0


def test_create_a_numeric_habit_with_every_field(signed_in: ApiClient) -> None:
    payload = {
        "name": "Run",
        "description": "Easy pace",
        "question": "How far did you run?",
        "color": "#12ab3C",
        "kind": "numeric",
        "unit": "km",
        "target_value": 5.5,
        "target_type": "at_least",
        "frequency": {"times": 3, "days": 7},
        "weekdays": [5, 1, 3],
        "period": "calendar",
    }
    body = signed_in.post(HABITS, payload).json()
    for key in ("name", "description", "question", "color", "kind", "unit", "frequency", "period"):
        assert body[key] == payload[key]
    assert body["target_value"] == 5.5
    assert body["weekdays"] == [1, 3, 5]
    assert Habit.objects.get().target_value == Decimal("5.500")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "ok", "description": "x" * 1001}, "description"),
        ({"name": 12}, None),
        ({"name": ["a"]}, "name"),
        ({"name": "ok", "color": "red"}, "color"),
        ({"name": "ok", "color": "#12345G"}, "color"),
        ({"name": "ok", "kind": "maybe"}, "kind"),
        ({"name": "ok", "target_type": "exactly"}, "target_type"),
        ({"name": "ok", "period": "lunar"}, "period"),
        ({"name": "ok", "frequency": {"times": 4, "days": 3}}, "frequency.times"),
        ({"name": "ok", "frequency": {"times": 0, "days": 3}}, "frequency.times"),
        ({"name": "ok", "frequency": {"times": 1, "days": 400}}, "frequency.days"),
        ({"name": "ok", "frequency": "daily"}, "frequency.non_field_errors"),
        ({"name": "ok", "weekdays": [0]}, "weekdays.0"),
        ({"name": "ok", "weekdays": [8]}, "weekdays.0"),
        ({"name": "ok", "weekdays": [1, 1]}, "weekdays"),
        ({"name": "ok", "kind": "numeric"}, "target_value"),
        ({"name": "ok", "kind": "numeric", "target_value": -1}, "target_value"),
        ({"name": "ok", "kind": "numeric", "target_value": "lots"}, "target_value"),
        ({"name": "ok", "archived": "perhaps"}, "archived"),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(
    signed_in: ApiClient, payload: dict[str, object], field: str | None
) -> None:
    response = signed_in.post(HABITS, payload)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == CODE_INVALID
    if field is not None:
        assert field in body["errors"], body["errors"]
    else:
        assert body["errors"]
    assert not Habit.objects.exists()


def test_numeric_without_target_names_the_problem(signed_in: ApiClient) -> None:
    response = signed_in.post(HABITS, {"name": "Water", "kind": "numeric"})
    assert response.json()["errors"]["target_value"] == [MESSAGE_TARGET_REQUIRED]


@pytest.mark.parametrize("target_type", ["at_least", "at_most"])
def test_a_target_of_zero_is_a_measurable_habit(
    signed_in: ApiClient, user: User, target_type: str
) -> None:
    payload = {"name": "Sugar", "kind": "numeric", "target_value": 0, "target_type": target_type}
    response = signed_in.post(HABITS, payload)
    assert response.status_code == 201, response.content
    assert response.json()["target_value"] == 0.0
    assert Habit.objects.get(user=user).target_value == Decimal(0)


def test_malformed_json_is_a_400_with_the_error_shape(signed_in: ApiClient) -> None:
    response = signed_in.post(HABITS, '{"name": "unterminated')
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == CODE_PARSE_ERROR
    assert body["errors"]["non_field_errors"]
    assert not Habit.objects.exists()


def test_a_json_list_body_is_a_400(signed_in: ApiClient) -> None:
    response = signed_in.post(HABITS, "[1, 2]")
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"]


def test_list_is_in_position_order_with_archived_apart(signed_in: ApiClient, user: User) -> None:
    second = make_habit(user=user, name="B", position=2)
    first = make_habit(user=user, name="A", position=1)
    archived = make_habit(user=user, name="Old", position=0, archived=True)
    make_habit(name="Somebody else's")
    assert [h["id"] for h in signed_in.get(HABITS).json()] == [first.pk, second.pk]
    assert [h["id"] for h in signed_in.get(HABITS + "?archived=true").json()] == [archived.pk]


def test_list_carries_todays_entry_streak_and_score(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    today = signed_in.get("/api/auth/me/").json()["today"]
    signed_in.put(f"{HABITS}{habit.pk}/entries/{today}/", {"status": "done", "note": "calm"})
    (item,) = signed_in.get(HABITS).json()
    assert item["today_entry"] == {"date": today, "status": "done", "value": None, "note": "calm"}
    assert item["current_streak"] == 1
    assert 0 < item["score"] < 1


def test_update_and_delete(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user, name="Old name")
    response = signed_in.patch(f"{HABITS}{habit.pk}/", {"name": "New name", "archived": True})
    assert response.status_code == 200
    assert response.json()["name"] == "New name"
    assert response.json()["archived"] is True
    assert signed_in.delete(f"{HABITS}{habit.pk}/").status_code == 204
    assert not Habit.objects.filter(pk=habit.pk).exists()


def test_update_keeps_the_schedule_consistent(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user, frequency_times=3, frequency_days=7)
    response = signed_in.patch(f"{HABITS}{habit.pk}/", {"frequency": {"times": 8, "days": 7}})
    assert response.status_code == 400
    habit.refresh_from_db()
    assert (habit.frequency_times, habit.frequency_days) == (3, 7)


def test_switching_to_numeric_needs_a_target(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    response = signed_in.patch(f"{HABITS}{habit.pk}/", {"kind": "numeric"})
    assert response.status_code == 400
    assert "target_value" in response.json()["errors"]


def test_kind_is_locked_once_entries_exist(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    make_entry(habit=habit, day=habit.created_at.date())
    response = signed_in.patch(f"{HABITS}{habit.pk}/", {"kind": "numeric", "target_value": 3})
    assert response.json()["errors"]["kind"] == [MESSAGE_KIND_LOCKED]


def test_reorder(signed_in: ApiClient, user: User) -> None:
    a, b, c = (make_habit(user=user, position=p) for p in range(3))
    assert signed_in.post(f"{HABITS}reorder/", {"ids": [c.pk, a.pk, b.pk]}).status_code == 204
    assert [h["id"] for h in signed_in.get(HABITS).json()] == [c.pk, a.pk, b.pk]


@pytest.mark.parametrize("shape", ["missing", "duplicate", "foreign", "not-a-list"])
def test_reorder_refuses_anything_but_a_permutation(
    signed_in: ApiClient, user: User, shape: str
) -> None:
    a, b = make_habit(user=user, position=0), make_habit(user=user, position=1)
    foreign = make_habit()
    ids: object = {
        "missing": [a.pk],
        "duplicate": [a.pk, a.pk, b.pk],
        "foreign": [a.pk, b.pk, foreign.pk],
        "not-a-list": "a,b",
    }[shape]
    response = signed_in.post(f"{HABITS}reorder/", {"ids": ids})
    assert response.status_code == 400
    if shape != "not-a-list":
        assert response.json()["errors"]["ids"] == [MESSAGE_REORDER_IDS]
    assert [h["id"] for h in signed_in.get(HABITS).json()] == [a.pk, b.pk]


def test_another_users_habit_is_a_404(signed_in: ApiClient) -> None:
    foreign = make_habit(name="Private")
    for response in (
        signed_in.get(f"{HABITS}{foreign.pk}/"),
        signed_in.patch(f"{HABITS}{foreign.pk}/", {"name": "Mine now"}),
        signed_in.delete(f"{HABITS}{foreign.pk}/"),
    ):
        assert response.status_code == 404
        assert response.json()["code"] == CODE_NOT_FOUND
    foreign.refresh_from_db()
    assert foreign.name == "Private"


def test_method_not_allowed_has_the_error_shape(signed_in: ApiClient) -> None:
    response = signed_in.put(HABITS, {})
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_the_fast_rendering_matches_the_documented_serializers(user: User) -> None:
    import json

    from rest_framework.renderers import JSONRenderer

    from accounts.selectors import user_today
    from habits.selectors import habit_list
    from habits.serializers import EntryOutput, HabitOutput, entry_data, habit_data

    numeric = make_habit(
        user=user,
        kind="numeric",
        target_value=Decimal("2.125"),
        unit="km",
        weekdays_mask=0b0010101,
        frequency_times=3,
        frequency_days=7,
    )
    boolean = make_habit(user=user, description="why", question="did you?")
    today = user_today(user=user)
    make_entry(habit=numeric, day=today, value=Decimal("1.5"), note='lap, "quoted"')
    make_entry(habit=boolean, day=today, status="skipped")

    def rendered(data: object) -> object:
        return json.loads(JSONRenderer().render(data))

    items = habit_list(user=user, today=today)
    assert len(items) == 2
    for item in items:
        assert rendered(habit_data(item)) == rendered(HabitOutput(item).data)
        assert item.today_entry is not None
        assert rendered(entry_data(item.today_entry)) == rendered(
            EntryOutput(item.today_entry).data
        )
