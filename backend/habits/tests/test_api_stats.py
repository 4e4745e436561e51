from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_today
from conftest import ApiClient
from factories import make_entry, make_habit
from habits.engine import HabitSpec, Kind, Mark, Schedule, Status, habit_stats

pytestmark = pytest.mark.django_db


def stats_url(habit_id: int, query: str = "") -> str:
    return f"/api/habits/{habit_id}/stats/{query}"


def test_stats_fields_and_one_history_row_per_day(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    today = signed_in.today()
    for offset in range(5):
        make_entry(habit=habit, day=today - timedelta(days=offset))
    start = today - timedelta(days=9)
    body = signed_in.get(stats_url(habit.pk, f"?start={start}&end={today}")).json()
    assert set(body) == {
        "current_streak",
        "best_streak",
        "score",
        "score_history",
        "completion",
        "total_done",
        "first_entry",
    }
    assert body["current_streak"] == 5
    assert body["best_streak"] == 5
    assert body["total_done"] == 5
    assert body["first_entry"] == (today - timedelta(days=4)).isoformat()
    assert [row["date"] for row in body["score_history"]] == [
        (start + timedelta(days=n)).isoformat() for n in range(10)
    ]
    assert body["score_history"][-1]["score"] == body["score"]
    assert body["score_history"][0]["score"] == 0
    assert set(body["completion"]) == {"week", "month", "year"}
    assert {"start", "end", "done", "scheduled", "rate"} == set(body["completion"]["week"][0])


def test_stats_match_the_engine(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(
        user=user, kind="numeric", target_value=Decimal(3), frequency_times=1, frequency_days=2
    )
    today = signed_in.today()
    marks = {}
    for offset in range(40):
        day = today - timedelta(days=offset)
        value = Decimal(offset % 5)
        status = Status.SKIPPED if offset % 7 == 3 else Status.DONE
        make_entry(habit=habit, day=day, status=status, value=value)
        marks[day] = Mark(status, value)
    start = today - timedelta(days=60)
    expected = habit_stats(
        HabitSpec(Kind.NUMERIC, Schedule(1, 2), Decimal(3)), marks, today, start, today
    )
    body = signed_in.get(stats_url(habit.pk, f"?start={start}")).json()
    assert body["score"] == pytest.approx(expected.score, abs=1e-12)
    assert [row["score"] for row in body["score_history"]] == pytest.approx(
        [score for _, score in expected.score_history], abs=1e-12
    )
    assert body["current_streak"] == expected.current_streak


def test_stats_range_is_clipped_to_today(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    today = signed_in.today()
    body = signed_in.get(stats_url(habit.pk, f"?end={today + timedelta(days=30)}")).json()
    assert body["score_history"][-1]["date"] == today.isoformat()


def test_stats_default_range_is_a_year(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    assert len(signed_in.get(stats_url(habit.pk)).json()["score_history"]) == 365


@pytest.mark.parametrize(
    "query",
    ["?start=2024-02-30", "?start=2024-05-02&end=2024-05-01", "?start=1900-01-01&end=2024-01-01"],
)
def test_stats_refuse_bad_ranges(
    signed_in: ApiClient, user: User, other_user: User, query: str
) -> None:
    habit = make_habit(user=user)
    assert signed_in.get(stats_url(habit.pk, query)).status_code == 400
    # Somebody else's habit, or none, is a 404 whatever the range: nothing tells it apart.
    theirs = make_habit(user=other_user)
    assert signed_in.get(stats_url(theirs.pk, query)).status_code == 404
    assert signed_in.get(stats_url(theirs.pk + 1000, query)).status_code == 404


def test_stats_read_the_habit_with_its_state_then_its_entries(
    signed_in: ApiClient, user: User
) -> None:
    habit = make_habit(user=user)
    today = signed_in.today()
    for offset in range(0, 800, 3):
        make_entry(habit=habit, day=today - timedelta(days=offset))
    assert signed_in.get("/api/habits/").status_code == 200  # stores the habit's states
    first = signed_in.get(stats_url(habit.pk)).json()
    with CaptureQueriesContext(connection) as queries:
        again = signed_in.get(stats_url(habit.pk)).json()
    assert again == first
    habit_queries = [q["sql"] for q in queries.captured_queries if "habits_" in q["sql"]]
    assert len(habit_queries) == 2, habit_queries
    assert "habits_habitcheckpoint" in habit_queries[0]
    assert "habits_entry" in habit_queries[1]


def test_the_list_uses_a_constant_number_of_queries(signed_in: ApiClient, user: User) -> None:
    today = signed_in.today()

    def list_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get("/api/habits/").status_code == 200
        return len(queries)

    counts = []
    for size in (1, 10, 30):
        while user.habits.count() < size:
            habit = make_habit(user=user)
            for offset in range(30):
                make_entry(habit=habit, day=today - timedelta(days=offset))
        signed_in.get("/api/habits/")  # a new habit's summary is computed once
        counts.append(list_queries())
    assert counts[0] == counts[1] == counts[2]
    assert counts[0] <= 6


def test_summaries_follow_entry_writes(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    today = signed_in.today()
    for offset in range(1, 4):
        signed_in.put(f"/api/habits/{habit.pk}/entries/{today - timedelta(days=offset)}/", {})
    (item,) = signed_in.get("/api/habits/").json()
    assert item["current_streak"] == 3
    signed_in.delete(f"/api/habits/{habit.pk}/entries/{today - timedelta(days=2)}/")
    (item,) = signed_in.get("/api/habits/").json()
    assert item["current_streak"] == 1


def test_summaries_roll_over_with_the_users_day(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    today = signed_in.today()
    for offset in range(0, 3):
        signed_in.put(f"/api/habits/{habit.pk}/entries/{today - timedelta(days=offset)}/", {})
    (before,) = signed_in.get("/api/habits/").json()
    assert before["current_streak"] == 3
    # Two days later, with no check-ins, the streak is broken and the score has decayed.
    with mock.patch("accounts.selectors.timezone") as clock:
        clock.now.return_value = timezone.now() + timedelta(days=2)
        (after,) = signed_in.get("/api/habits/").json()
    assert after["current_streak"] == 0
    assert after["score"] < before["score"]


def test_a_schedule_change_refreshes_the_summary(signed_in: ApiClient, user: User) -> None:
    habit = make_habit(user=user)
    today = signed_in.today()
    for offset in (0, 2, 4):
        signed_in.put(f"/api/habits/{habit.pk}/entries/{today - timedelta(days=offset)}/", {})
    assert signed_in.get("/api/habits/").json()[0]["current_streak"] == 1
    response = signed_in.patch(f"/api/habits/{habit.pk}/", {"frequency": {"times": 1, "days": 2}})
    assert response.json()["current_streak"] == 5


def test_the_stats_rendering_matches_the_documented_serializer(user: User) -> None:
    import json

    from rest_framework.renderers import JSONRenderer

    from habits.selectors import habit_stats_for
    from habits.serializers import StatsOutput, stats_data

    habit = make_habit(user=user, frequency_times=3, frequency_days=7)
    today = user_today(user=user)
    for offset in (0, 1, 3, 9):
        make_entry(habit=habit, day=today - timedelta(days=offset))
    stats = habit_stats_for(
        user=user, habit_id=habit.pk, start=today - timedelta(days=40), end=None
    )

    def rendered(data: object) -> object:
        return json.loads(JSONRenderer().render(data))

    # The documented serializer reads the rendered data: no field missing, none extra, same types.
    assert rendered(stats_data(stats)) == rendered(StatsOutput(stats_data(stats)).data)
    assert stats_data(stats)["completion"]["week"]


def test_times_done_of_a_measurable_habit_counts_only_the_days_that_met_the_target(
    signed_in: ApiClient, user: User
) -> None:
    habit = make_habit(user=user, kind="numeric", target_value=Decimal(8))
    today = signed_in.today()
    for offset, value in enumerate([8, 3, 10, 0, 7]):
        make_entry(habit=habit, day=today - timedelta(days=offset), value=Decimal(value))
    body = signed_in.get(stats_url(habit.pk)).json()
    assert body["total_done"] == 2
    assert body["first_entry"] == (today - timedelta(days=4)).isoformat()
