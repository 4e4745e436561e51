from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from conftest import ApiClient
from core.errors import CODE_NOT_FOUND
from factories import make_entry, make_group, make_habit, make_user
from habits import rules, services
from habits.models import Entry, Habit, HabitGroup
from habits.services import MESSAGE_GROUP_REORDER_IDS

pytestmark = pytest.mark.django_db

GROUPS = "/api/groups/"
HABITS = "/api/habits/"


def test_create_rename_collapse_and_list_groups(signed_in: ApiClient) -> None:
    response = signed_in.post(GROUPS, {"name": "  Morning  "})
    assert response.status_code == 201
    morning = response.json()
    assert morning == {
        "id": morning["id"],
        "name": "Morning",
        "position": 0,
        "collapsed": False,
        "habits": 0,
        "due_today": 0,
        "done_today": 0,
    }
    evening = signed_in.post(GROUPS, {"name": "Evening", "collapsed": True}).json()
    assert (evening["position"], evening["collapsed"]) == (1, True)

    renamed = signed_in.patch(f"{GROUPS}{morning['id']}/", {"name": "Mornings"}).json()
    assert (renamed["name"], renamed["collapsed"]) == ("Mornings", False)
    collapsed = signed_in.patch(f"{GROUPS}{morning['id']}/", {"collapsed": True}).json()
    assert (collapsed["name"], collapsed["collapsed"]) == ("Mornings", True)

    listed = signed_in.get(GROUPS).json()
    assert [(g["name"], g["collapsed"]) for g in listed] == [("Mornings", True), ("Evening", True)]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * (rules.NAME_MAX_LENGTH + 1)}, "name"),
        ({"name": 12}, "name"),
        ({"name": "ok", "collapsed": "sideways"}, "collapsed"),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(
    signed_in: ApiClient, payload: dict[str, object], field: str
) -> None:
    response = signed_in.post(GROUPS, payload)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not HabitGroup.objects.exists()


def test_a_name_is_taken_whatever_its_case(signed_in: ApiClient, user: User) -> None:
    health = make_group(user=user, name="Health")
    make_group(user=make_user(), name="Work")
    for payload in ({"name": "health"}, {"name": " HEALTH "}):
        response = signed_in.post(GROUPS, payload)
        assert response.status_code == 400
        assert response.json()["errors"]["name"] == [rules.MESSAGE_GROUP_NAME_TAKEN]
    work = signed_in.post(GROUPS, {"name": "work"})  # somebody else's name is free
    assert work.status_code == 201
    response = signed_in.patch(f"{GROUPS}{work.json()['id']}/", {"name": "HEALTH"})
    assert response.json()["errors"]["name"] == [rules.MESSAGE_GROUP_NAME_TAKEN]
    # Renaming a group to its own name in another case is allowed.
    assert signed_in.patch(f"{GROUPS}{health.pk}/", {"name": "HEALTH"}).status_code == 200
    assert sorted(HabitGroup.objects.filter(user=user).values_list("name", flat=True)) == [
        "HEALTH",
        "work",
    ]


def test_the_database_refuses_a_repeated_name_the_check_let_through(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unique index on (user, lower(name)) backs the services' check: when it refuses (two
    writes racing past the check), the answer is the same refusal, not a server error."""
    make_group(user=user, name="Health")
    monkeypatch.setattr(rules, "group_name_key", lambda name: name)  # a check that misses case
    with pytest.raises(ValidationError) as refused:
        services.habit_group_create(user=user, name="health")
    assert refused.value.message_dict == {"name": [rules.MESSAGE_GROUP_NAME_TAKEN]}
    assert list(HabitGroup.objects.filter(user=user).values_list("name", flat=True)) == ["Health"]


def test_an_account_holds_at_most_the_limit_of_groups(signed_in: ApiClient, user: User) -> None:
    HabitGroup.objects.bulk_create(
        HabitGroup(user=user, name=f"G{n}", position=n) for n in range(rules.MAX_GROUPS_PER_USER)
    )
    response = signed_in.post(GROUPS, {"name": "One more"})
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [
        rules.MESSAGE_TOO_MANY_GROUPS.format(limit=rules.MAX_GROUPS_PER_USER)
    ]
    assert HabitGroup.objects.filter(user=user).count() == rules.MAX_GROUPS_PER_USER


def test_reorder_groups(signed_in: ApiClient, user: User) -> None:
    a, b, c = (make_group(user=user, name=n) for n in "ABC")
    assert signed_in.post(f"{GROUPS}reorder/", {"ids": [c.pk, a.pk, b.pk]}).status_code == 204
    assert [g["name"] for g in signed_in.get(GROUPS).json()] == ["C", "A", "B"]
    assert [g["position"] for g in signed_in.get(GROUPS).json()] == [0, 1, 2]
    d = signed_in.post(GROUPS, {"name": "D"}).json()
    assert d["position"] == 3


@pytest.mark.parametrize("shape", ["missing", "duplicate", "foreign", "not-a-list"])
def test_reorder_refuses_anything_but_a_permutation(
    signed_in: ApiClient, user: User, shape: str
) -> None:
    a, b = make_group(user=user, name="A"), make_group(user=user, name="B")
    foreign = make_group(user=make_user(), name="C")
    ids: object = {
        "missing": [a.pk],
        "duplicate": [a.pk, a.pk, b.pk],
        "foreign": [a.pk, b.pk, foreign.pk],
        "not-a-list": "a,b",
    }[shape]
    response = signed_in.post(f"{GROUPS}reorder/", {"ids": ids})
    assert response.status_code == 400
    if shape != "not-a-list":
        assert response.json()["errors"]["ids"] == [MESSAGE_GROUP_REORDER_IDS]
    assert [g["id"] for g in signed_in.get(GROUPS).json()] == [a.pk, b.pk]
    foreign.refresh_from_db()
    assert foreign.position == 0


def test_a_habit_joins_and_leaves_a_group_through_its_update(
    signed_in: ApiClient, user: User
) -> None:
    group = make_group(user=user, name="Morning")
    habit = make_habit(user=user)
    assert signed_in.get(HABITS).json()[0]["group"] is None
    response = signed_in.patch(f"{HABITS}{habit.pk}/", {"group": group.pk})
    assert response.status_code == 200
    assert response.json()["group"] == group.pk
    assert signed_in.get(HABITS).json()[0]["group"] == group.pk  # the cached list follows
    created = signed_in.post(HABITS, {"name": "Stretch", "group": group.pk}).json()
    assert created["group"] == group.pk
    assert signed_in.patch(f"{HABITS}{habit.pk}/", {"group": None}).json()["group"] is None
    assert [h["group"] for h in signed_in.get(HABITS).json()] == [None, group.pk]


def test_deleting_a_group_ungroups_its_habits_and_loses_nothing(
    signed_in: ApiClient, user: User
) -> None:
    group = make_group(user=user, name="Morning")
    habit = make_habit(user=user, group=group)
    make_entry(habit=habit, day=signed_in.today())
    assert signed_in.get(HABITS).json()[0]["group"] == group.pk
    assert signed_in.delete(f"{GROUPS}{group.pk}/").status_code == 204
    assert not HabitGroup.objects.exists()
    (item,) = signed_in.get(HABITS).json()
    assert (item["id"], item["group"], item["today_entry"]["status"]) == (habit.pk, None, "done")
    assert Entry.objects.filter(habit=habit).count() == 1


def test_another_users_group_is_a_404_and_cannot_be_joined(
    signed_in: ApiClient, user: User
) -> None:
    foreign = make_group(user=make_user(), name="Private")
    for response in (
        signed_in.patch(f"{GROUPS}{foreign.pk}/", {"name": "Mine now", "collapsed": True}),
        signed_in.delete(f"{GROUPS}{foreign.pk}/"),
    ):
        assert response.status_code == 404
        assert response.json()["code"] == CODE_NOT_FOUND
    assert signed_in.get(GROUPS).json() == []
    habit = make_habit(user=user)
    for response in (
        signed_in.patch(f"{HABITS}{habit.pk}/", {"group": foreign.pk}),
        signed_in.post(HABITS, {"name": "Sneaky", "group": foreign.pk}),
        signed_in.patch(f"{HABITS}{habit.pk}/", {"group": 999_999}),
        signed_in.patch(f"{HABITS}{habit.pk}/", {"group": 2**70}),
    ):
        assert response.status_code == 400
        assert response.json()["errors"]["group"] == [rules.MESSAGE_NOT_YOUR_GROUP]
    foreign.refresh_from_db()
    assert (foreign.name, foreign.collapsed) == ("Private", False)
    assert not foreign.habits.exists()
    assert Habit.objects.filter(user=user).count() == 1


def test_the_service_keeps_a_habit_to_its_owners_groups(user: User) -> None:
    habit = make_habit(user=user)
    foreign = make_group(user=make_user(), name="Theirs")
    with pytest.raises(ValidationError) as refused:
        services.habit_update(habit=habit, group=foreign.pk)
    assert refused.value.message_dict == {"group": [rules.MESSAGE_NOT_YOUR_GROUP]}
    habit.refresh_from_db()
    assert habit.group_id is None


def test_a_groups_completion_counts_its_active_habits_due_today(
    signed_in: ApiClient, user: User
) -> None:
    today = signed_in.today()
    other_weekdays = 0b1111111 & ~(1 << (today.isoweekday() - 1))
    group = make_group(user=user, name="Morning")
    done = make_habit(user=user, group=group)
    make_entry(habit=done, day=today)
    skipped = make_habit(user=user, group=group)
    make_entry(habit=skipped, day=today, status="skipped")
    make_habit(user=user, group=group)  # due, open
    not_due = make_habit(user=user, group=group, weekdays_mask=other_weekdays)
    make_entry(habit=not_due, day=today)
    archived = make_habit(user=user, group=group, archived=True)
    make_entry(habit=archived, day=today)
    make_habit(user=user)  # ungrouped
    (item,) = signed_in.get(GROUPS).json()
    assert (item["habits"], item["due_today"], item["done_today"]) == (4, 3, 1)
    signed_in.put(f"{HABITS}{skipped.pk}/entries/{today}/", {"status": "done"})
    assert signed_in.get(GROUPS).json()[0]["done_today"] == 2


def test_the_group_list_reads_three_queries_whatever_the_groups(user: User) -> None:
    from accounts.selectors import user_today
    from habits.selectors import habit_group_list

    today = user_today(user=user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            habit_group_list(user=user, today=today)
        return len(captured)

    make_habit(user=user, group=make_group(user=user, name="First"))
    first = queries()
    for n in range(5):
        group = make_group(user=user, name=f"G{n}")
        make_entry(habit=make_habit(user=user, group=group), day=today)
    assert queries() == first == 3


def test_the_fast_rendering_matches_the_documented_serializer(user: User) -> None:
    import json

    from rest_framework.renderers import JSONRenderer

    from accounts.selectors import user_today
    from habits.selectors import habit_group_list
    from habits.serializers import GroupOutput, group_data

    group = make_group(user=user, name='Quoted "group"', collapsed=True)
    make_entry(habit=make_habit(user=user, group=group), day=user_today(user=user))
    (item,) = habit_group_list(user=user, today=user_today(user=user))

    def rendered(data: object) -> object:
        return json.loads(JSONRenderer().render(data))

    assert rendered(group_data(item)) == rendered(GroupOutput(item).data)
