"""GET /api/export/loop/: the user's data in Loop Habit Tracker's CSV layout."""

from __future__ import annotations

import time
import types
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from accounts.selectors import user_today
from conftest import ApiClient
from factories import make_entry, make_habit
from habits.engine import score_series
from habits.loop.writer import java_fixed4
from habits.models import Entry
from habits.specs import ENTRY_ROW_FIELDS, habit_spec, marks_from_rows
from habits.tests.loop_fixtures import EXPORT_URL, csv_rows, export, unzip

pytestmark = pytest.mark.django_db

HABITS_HEADER = (
    "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,"
    "Target Type,Target Value,Archived?"
)


def test_anonymous_is_401(api: ApiClient) -> None:
    assert api.get(EXPORT_URL).status_code == 401


def test_response_is_a_dated_zip_attachment(signed_in: ApiClient, user: User) -> None:
    response = signed_in.get(EXPORT_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    today = user_today(user=user).isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="habits-{today}.zip"'


def test_empty_account_exports_headers_only(signed_in: ApiClient) -> None:
    files = unzip(export(signed_in))
    assert files == {
        "Habits.csv": HABITS_HEADER + "\n",
        "Scores.csv": "Date,\n",
        "Checkmarks.csv": "Date,\n",
    }


def test_habits_csv_is_loops_layout(signed_in: ApiClient, user: User) -> None:
    make_habit(user=user, name="Read", question="Did you read?", color="#1e88e5")
    make_habit(
        user=user,
        name="Run",
        kind="numeric",
        unit="km",
        target_value=Decimal("5.5"),
        target_type="at_most",
        frequency_times=3,
        frequency_days=7,
        archived=True,
        description='Says "go", twice',
    )
    lines = unzip(export(signed_in))["Habits.csv"].splitlines()
    assert lines == [
        HABITS_HEADER,
        "001,Read,YES_NO,Did you read?,,1,1,#1E88E5,,,,false",
        '002,Run,NUMERICAL,,"Says ""go"", twice",3,7,#4F46E5,km,AT_MOST,5.5,true',
    ]


def test_weekday_and_calendar_schedules_export_their_frequency(
    signed_in: ApiClient, user: User
) -> None:
    make_habit(
        user=user,
        name="Gym",
        frequency_times=3,
        frequency_days=7,
        weekdays_mask=0b10101,
        period="calendar",
    )
    row = csv_rows(unzip(export(signed_in))["Habits.csv"])[1]
    assert row[5:7] == ["3", "7"]


def test_per_habit_checkmarks_newest_first_with_thousandths(
    signed_in: ApiClient, user: User
) -> None:
    today = user_today(user=user)
    walk = make_habit(user=user, name="Walk", kind="numeric", target_value=Decimal(2))
    make_entry(habit=walk, day=today - timedelta(days=3), value=Decimal("1.25"))
    make_entry(habit=walk, day=today, value=Decimal("0.001"), note='tiny, but "done"')
    make_entry(habit=walk, day=today - timedelta(days=1), status="skipped")
    floss = make_habit(user=user, name="Floss")
    make_entry(habit=floss, day=today - timedelta(days=2))
    make_entry(habit=floss, day=today - timedelta(days=1), status="not_done", note="line\nbreak")
    make_entry(habit=floss, day=today, status="skipped")
    files = unzip(export(signed_in))
    assert csv_rows(files["001 Walk/Checkmarks.csv"]) == [
        ["Date", "Value", "Notes"],
        [today.isoformat(), "YES_AUTO", 'tiny, but "done"'],  # 1 thousandth, as Loop names it
        [(today - timedelta(days=1)).isoformat(), "SKIP", ""],
        [(today - timedelta(days=3)).isoformat(), "1250", ""],
    ]
    assert csv_rows(files["002 Floss/Checkmarks.csv"]) == [
        ["Date", "Value", "Notes"],
        [today.isoformat(), "SKIP", ""],
        [(today - timedelta(days=1)).isoformat(), "NO", "line\nbreak"],
        [(today - timedelta(days=2)).isoformat(), "YES_MANUAL", ""],
    ]


def test_per_habit_scores_cover_first_entry_to_today(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user, name="Stretch", frequency_times=2, frequency_days=3)
    for offset in (0, 2, 3, 9):
        make_entry(habit=habit, day=today - timedelta(days=offset))
    rows = csv_rows(unzip(export(signed_in))["001 Stretch/Scores.csv"])
    assert rows[0] == ["Date", "Score"]
    marks = marks_from_rows(Entry.objects.filter(habit=habit).values_list(*ENTRY_ROW_FIELDS))
    expected = score_series(habit_spec(habit), marks, today)
    assert len(rows) - 1 == len(expected) == 10
    assert rows[1:] == [[day.isoformat(), java_fixed4(score)] for day, score in reversed(expected)]


def test_all_habits_files_are_loops_wide_layout(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    tea = make_habit(user=user, name="Tea, green")
    water = make_habit(user=user, name="Water", kind="numeric", target_value=Decimal(8))
    make_entry(habit=tea, day=today - timedelta(days=2))
    make_entry(habit=water, day=today, value=Decimal(3))
    files = unzip(export(signed_in))
    checks = files["Checkmarks.csv"].splitlines()
    assert checks == [
        "Date,Tea, green,Water,",  # Loop writes the names as they are
        f"{today.isoformat()},UNKNOWN,3000,",
        f"{(today - timedelta(days=1)).isoformat()},UNKNOWN,UNKNOWN,",
        f"{(today - timedelta(days=2)).isoformat()},YES_MANUAL,UNKNOWN,",
    ]
    scores = [line.split(",") for line in files["Scores.csv"].splitlines()]
    assert [row[0] for row in scores] == [
        "Date",
        *[(today - timedelta(days=offset)).isoformat() for offset in range(3)],
    ]
    assert scores[1][3] == scores[3][3] == ""
    assert scores[3][2] == "0.0000"  # before Water's first entry, as Loop writes it
    assert float(scores[3][1]) > 0


def test_folder_names_are_sanitized(signed_in: ApiClient, user: User) -> None:
    make_habit(user=user, name="../etc/passwd")
    make_habit(user=user, name="Café: ☕ ")
    make_habit(user=user, name="a\\b..c")
    names = set(unzip(export(signed_in)))
    assert {"001 .etcpasswd/Scores.csv", "002 Caf/Scores.csv", "003 ab.c/Scores.csv"} <= names
    assert all(".." not in name and not name.startswith("/") for name in names)


def test_cells_are_kept_exact(signed_in: ApiClient, user: User) -> None:
    """No spreadsheet-formula defusing: the file is data, read back by Loop and by our import."""
    habit = make_habit(user=user, name="=SUM(A1:A2)")
    today = user_today(user=user)
    make_entry(habit=habit, day=today, note="+1, -2 @home")
    make_entry(habit=habit, day=today - timedelta(days=1), note="old\rMac line end")
    files = unzip(export(signed_in))
    assert csv_rows(files["Habits.csv"])[1][1] == "=SUM(A1:A2)"
    rows = csv_rows(files["001 SUMA1A2/Checkmarks.csv"])
    assert [row[2] for row in rows[1:]] == ["+1, -2 @home", "old\rMac line end"]


def test_other_users_habits_and_later_days_are_absent(
    signed_in: ApiClient, user: User, other_user: User
) -> None:
    mine = make_habit(user=user, name="Mine")
    today = user_today(user=user)
    make_entry(habit=mine, day=today + timedelta(days=1))
    theirs = make_habit(user=other_user, name="Theirs")
    make_entry(habit=theirs, day=today)
    files = unzip(export(signed_in))
    assert "Theirs" not in "".join(files.values())
    assert csv_rows(files["001 Mine/Checkmarks.csv"]) == [["Date", "Value", "Notes"]]


def test_export_queries_do_not_grow_with_habits_or_entries(
    signed_in: ApiClient, user: User
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            export(signed_in)
        return len(captured)

    habit = make_habit(user=user, name="First")
    make_entry(habit=habit, day=date(2024, 1, 1))
    queries()  # the session's first request may do once-only work
    few = queries()
    for index in range(20):
        habit = make_habit(user=user, name=f"Habit {index}")
        for offset in range(5):
            make_entry(habit=habit, day=date(2024, 1, 1) + timedelta(days=index * 5 + offset))
    assert queries() == few


def test_groups_leave_the_export_byte_for_byte_as_it_was(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loop's CSV has no groups: putting habits in groups changes nothing in the file."""
    # A member written whole takes the clock's time as its date: hold the clock still.
    still = time.mktime((2026, 12, 2, 9, 30, 0, 0, 0, -1))
    monkeypatch.setattr(
        zipfile, "time", types.SimpleNamespace(time=lambda: still, localtime=time.localtime)
    )
    today = user_today(user=user)
    read = make_habit(user=user, name="Read")
    run = make_habit(user=user, name="Run", kind="numeric", target_value=Decimal(5))
    make_entry(habit=read, day=today)
    make_entry(habit=run, day=today - timedelta(days=1), value=Decimal("5.5"))
    before = export(signed_in)

    morning = signed_in.post("/api/groups/", {"name": "Morning", "collapsed": True}).json()
    signed_in.post("/api/groups/", {"name": "Empty"})
    signed_in.patch(f"/api/habits/{read.pk}/", {"group": morning["id"]})
    assert export(signed_in) == before
