"""POST /api/import/loop/ with Loop's full backup (SQLite): every schema version from 9 to 25,
Loop's own loop.db, and files that must be refused without changing anything."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from accounts.models import User
from accounts.selectors import user_today
from conftest import ApiClient
from factories import make_entry, make_habit
from habits import rules
from habits.loop import database
from habits.models import Entry, Habit
from habits.tests.loop_databases import habits_table, loop_database, timestamp
from habits.tests.loop_fixtures import REFERENCE_DIR, snapshot, upload

pytestmark = pytest.mark.django_db

LOOP_DB = REFERENCE_DIR / "loop.db"
# What Loop's own classes (ScoreList, EntryList, Score, Frequency, Timestamp of uhabits-core
# 2.3.1, compiled and run on the JVM) compute for loop.db as of 2016-03-31: per habit (by
# position), its computed entries ("check": day, Loop's value, note) and the rows its exporter
# writes to Scores.csv ("score": day, the %.4f cell, the double itself).
LOOP_DB_EXPECTED = Path(__file__).parent / "data" / "loop_db_2016-03-31.csv"


def expected_rows(kind: str) -> dict[int, list[list[str]]]:
    rows: dict[int, list[list[str]]] = {}
    with LOOP_DB_EXPECTED.open(newline="") as file:
        for row, position, day, value, extra in csv.reader(file):
            if row == kind:
                rows.setdefault(int(position), []).append([day, value, extra])
    return rows


# --- Loop's own backup ------------------------------------------------------------------------


def test_loops_own_backup_imports_as_loops_import_test_expects(
    signed_in: ApiClient, user: User
) -> None:
    """ImportTest.testLoopDB: 9 habits, the first "Wake up early" three times a week, checked on
    2016-03-14 and 16 but not 17. Repeated names are kept, told apart."""
    response = upload(signed_in, LOOP_DB.read_bytes())
    assert response.status_code == 200, response.content
    assert response.json() == {
        "habits_created": 9,
        "habits_updated": 0,
        "entries_created": 164,
        "entries_updated": 0,
    }
    habits, entries = snapshot(user.pk)
    assert [(name, times, days) for name, *_, times, days, _ in habits] == [
        ("Wake up early", 3, 7),
        ("brush teeth", 3, 7),
        ("Sleep early", 1, 5),
        ("Vegan", 1, 1),
        ("Sport", 1, 1),
        ("I love you", 1, 1),
        ("Vegan (2)", 1, 1),
        ("Sport (2)", 1, 1),
        ("I love you (2)", 1, 1),
    ]
    assert habits[1][2:5] == ("I want to have beautiful teeth!", "", "#00897B")
    assert habits[6][4] == "#E64A19"
    wake_up = {day: status for name, day, status, _, _ in entries if name == "Wake up early"}
    assert wake_up[date(2016, 3, 14)] == wake_up[date(2016, 3, 16)] == "done"
    assert date(2016, 3, 17) not in wake_up
    assert {status for *_, status, _, _ in entries} == {"done"}


def test_loops_own_backup_scores_as_loop_computes_it_bit_for_bit(
    signed_in: ApiClient, user: User
) -> None:
    assert upload(signed_in, LOOP_DB.read_bytes()).status_code == 200
    expected = expected_rows("score")
    habits = list(Habit.objects.filter(user=user).order_by("position"))
    assert len(habits) == len(expected) == 9
    for position, habit in enumerate(habits, start=1):
        rows = expected[position]
        start, end = date.fromisoformat(rows[-1][0]), date.fromisoformat(rows[0][0])
        response = signed_in.get(f"/api/habits/{habit.pk}/stats/?start={start}&end={end}")
        ours = {point["date"]: point["score"] for point in response.json()["score_history"]}
        assert {day: ours[day] for day, _, _ in rows} == {
            day: float(exact) for day, _, exact in rows
        }, habit.name


# --- Every schema version ---------------------------------------------------------------------

DAY = date(2024, 5, 10)
TEAL_ARGB = -16742021  # Loop 1.x's teal: index 5 of the 13-colour palette, 8 of the 20-colour one


def versioned(version: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Three habits (two named Read) and their repetitions, as a file of `version` holds them."""
    color = TEAL_ARGB if version < 14 else 5 if version < 21 else 8
    habits: list[dict[str, Any]] = [
        {"id": 1, "name": "Read", "position": 1, "freq_num": 3, "freq_den": 7, "archived": 0},
        {"id": 2, "name": "Walk", "position": 0, "freq_num": 2, "freq_den": 2, "archived": 1},
        {"id": 3, "name": " Read ", "position": 2, "freq_num": 1, "freq_den": 1, "archived": 0},
    ]
    for habit in habits:
        habit["color"] = color
        habit["description"] = "Did you?" if version < 23 else "More"
        if version >= 23:
            habit["question"] = "Did you?"
    if version >= 16:
        habits[1]["type"] = 1
    if version >= 18:
        habits[1].update(target_type=1, target_value=2.5, unit="km")
    reps: list[dict[str, Any]] = [
        {"habit": 1, "timestamp": timestamp(DAY)},
        {"habit": 1, "timestamp": timestamp(DAY - timedelta(days=1))},
        {"habit": 2, "timestamp": timestamp(DAY)},
        {"habit": 2, "timestamp": timestamp(DAY - timedelta(days=1))},
    ]
    if version >= 16:
        for rep, value in zip(reps, [2, 3, 5500, 0], strict=True):
            rep["value"] = value
    if version >= 25:
        reps[1]["notes"] = "away"
    if version < 22:  # what migration 22 removes: Loop reads none of these
        reps += [
            {"habit": None, "timestamp": timestamp(DAY)},
            {"habit": 3, "timestamp": None},
            {"habit": 99, "timestamp": timestamp(DAY)},
            {"habit": 1, "timestamp": timestamp(DAY), **({"value": 0} if version >= 16 else {})},
        ]
    return habits, reps


@pytest.mark.parametrize("version", range(database.OLDEST_VERSION, database.NEWEST_VERSION + 1))
def test_every_schema_version_imports_as_loops_migrations_read_it(
    signed_in: ApiClient, user: User, version: int
) -> None:
    response = upload(signed_in, loop_database(version, *versioned(version)))
    assert response.status_code == 200, response.content
    habits, entries = snapshot(user.pk)
    description = "" if version < 23 else "More"
    numeric = version >= 16
    walk_target = (
        (
            "numeric",
            "km" if version >= 18 else "",
            Decimal("2.500") if version >= 18 else Decimal(0),
        )
        if numeric
        else ("boolean", "", None)
    )
    walk_type = "at_most" if version >= 18 else "at_least"
    assert habits == [
        ("Walk", walk_target[0], "Did you?", description, "#00897B", walk_target[1],
         walk_target[2], walk_type, 1, 1, True),
        ("Read", "boolean", "Did you?", description, "#00897B", "", None, "at_least", 3, 7, False),
        ("Read (2)", "boolean", "Did you?", description, "#00897B", "", None, "at_least", 1, 1,
         False),
    ]  # fmt: skip
    yesterday = DAY - timedelta(days=1)
    expected = [
        ("Walk", yesterday, "done", Decimal(0) if numeric else None, ""),
        ("Walk", DAY, "done", Decimal("5.5") if numeric else None, ""),
        (
            "Read",
            yesterday,
            "skipped" if numeric else "done",
            None,
            "away" if version >= 25 else "",
        ),
        ("Read", DAY, "done", None, ""),
    ]
    assert entries == expected


def test_colours_of_loop_1_map_to_loops_palette_as_its_migrations_do(
    signed_in: ApiClient, user: User
) -> None:
    argb = [-2937041, -1684967, -415707, -5262293, -13070788, -16742021, -16732991]
    argb += [-16540699, -10603087, -7461718, -2614432, -13619152, -5592406]
    habits = [
        {"id": n, "name": f"H{n}", "position": n, "freq_num": 1, "freq_den": 1, "color": color}
        for n, color in enumerate([*argb, 12345, 7], start=1)
    ]
    assert upload(signed_in, loop_database(12, habits, [])).status_code == 200
    colours = [row[4] for row in snapshot(user.pk)[0]]
    # Each ARGB colour is the palette colour it names; an unknown one is the first colour, and a
    # small number is already a palette index (of the 13-colour palette: 7 is the 20's 10).
    assert colours == [
        *(f"#{value & 0xFFFFFF:06X}".replace("#AAAAAA", "#aaaaaa") for value in argb),
        "#D32F2F",
        "#039BE5",
    ]


def test_a_later_repetition_of_the_same_day_replaces_the_earlier_as_loops_import_does(
    signed_in: ApiClient, user: User
) -> None:
    habits = [{"id": 1, "name": "Read", "position": 0, "freq_num": 1, "freq_den": 1, "color": 0}]
    reps = [
        {"habit": 1, "timestamp": timestamp(DAY), "value": 2},
        {"habit": 1, "timestamp": timestamp(DAY) + 3_600_000, "value": 3},
    ]
    assert upload(signed_in, loop_database(21, habits, reps)).status_code == 200
    assert [row[2] for row in snapshot(user.pk)[1]] == ["skipped"]


def test_a_day_of_loops_own_today_ahead_of_the_users_is_kept(
    signed_in: ApiClient, user: User
) -> None:
    """A phone in a time zone ahead of the account's (UTC+14 against UTC-12: 26 hours) has already
    reached the user's tomorrow; its check-in of that day imports, as a backup restore keeps it."""
    ahead = user_today(user=user) + timedelta(days=rules.IMPORT_DAYS_AHEAD)
    reps = [{"habit": 1, "timestamp": timestamp(ahead), "value": 2}]
    response = upload(signed_in, loop_database(25, [READ], reps))
    assert response.status_code == 200, response.content
    assert list(Entry.objects.filter(habit__user=user).values_list("date", "status")) == [
        (ahead, "done")
    ]


# --- Refusals ---------------------------------------------------------------------------------

READ = {"id": 1, "name": "Read", "position": 0, "freq_num": 1, "freq_den": 1, "color": 0}


def file_with(**changes: Any) -> Callable[[date], bytes]:
    def build(today: date) -> bytes:
        habit = {**READ, **changes}
        return loop_database(25, [habit], [])

    return build


def future_repetition(today: date) -> bytes:
    ahead = today + timedelta(days=rules.IMPORT_DAYS_AHEAD + 1)
    rep = {"habit": 1, "timestamp": timestamp(ahead), "value": 2}
    return loop_database(25, [READ], [rep])


def impossible_value(today: date) -> bytes:
    return loop_database(25, [READ], [{"habit": 1, "timestamp": timestamp(DAY), "value": 5500}])


def view_named_habits(today: date) -> bytes:
    """A view that would count to a billion if read."""
    return loop_database(
        25,
        [],
        [],
        extra_sql=[
            "alter table Habits rename to Real",
            "create view Habits as with recursive n(i) as (select 1 union all select i + 1 "
            "from n where i < 1000000000) select i as id from n",
        ],
    )


def two_habits_of_one_id(today: date) -> bytes:
    """A Habits table without Loop's primary key, where a second habit reuses the first's id:
    neither habit may silently replace the other."""
    walk = {**READ, "name": "Walk", "position": 1}
    return loop_database(
        25,
        [READ, walk],
        [{"habit": 1, "timestamp": timestamp(DAY), "value": 2}],
        extra_sql=[
            "drop table Habits",
            habits_table(25).replace(" primary key autoincrement", ""),
        ],
    )


def tables_of_another_app(today: date) -> bytes:
    return loop_database(25, [], [], extra_sql=["drop table Repetitions"])


def damaged(today: date) -> bytes:
    return LOOP_DB.read_bytes()[:8192]


def too_many_repetitions(today: date) -> bytes:
    reps = [
        {"habit": 1, "timestamp": timestamp(DAY - timedelta(days=n)), "value": 2} for n in range(6)
    ]
    return loop_database(25, [READ], reps)


REFUSED: dict[str, tuple[Callable[[date], bytes], dict[str, Any], str]] = {
    "header-only": (
        lambda today: database.SQLITE_HEADER + b"\0" * 500,
        {},
        str(database.MESSAGE_UNREADABLE),
    ),
    "damaged": (damaged, {}, str(database.MESSAGE_UNREADABLE)),
    "another-app": (tables_of_another_app, {}, str(database.MESSAGE_NOT_LOOP)),
    "a-view": (view_named_habits, {}, str(database.MESSAGE_NOT_LOOP)),
    "two-habits-one-id": (
        two_habits_of_one_id,
        {},
        "Habit 1 ('Walk') of the backup: id 1 appears twice.",
    ),
    "version-8": (lambda today: loop_database(8, [], []), {}, "schema version 8; versions 9 to 25"),
    "version-26": (lambda today: loop_database(26, [], []), {}, "schema version 26;"),
    "missing-column": (
        lambda today: loop_database(
            25, [], [], extra_sql=["alter table Habits drop column question"]
        ),
        {},
        "lacks the column(s) question of Habits.",
    ),
    "bad-type": (file_with(type=7), {}, "Habit 1 ('Read') of the backup: type holds 7"),
    "no-name": (file_with(name="  "), {}, "Habit 1 ('  ') of the backup: the name is empty."),
    "long-name": (file_with(name="x" * 101), {}, "name is longer than 100 characters."),
    "nul": (file_with(question="a\0b"), {}, "question contains a NUL character."),
    "bad-frequency": (file_with(freq_num=3, freq_den=0), {}, "the frequency must be whole numbers"),
    "text-colour": (file_with(color="red"), {}, "color holds 'red'"),
    "huge-target": (
        file_with(type=1, target_value=1e300),
        {},
        "Habit 1 ('Read') of the backup: a measurable habit needs a Target Value",
    ),
    "future": (future_repetition, {}, "is more than 2 days after today"),
    "impossible-value": (impossible_value, {}, "5500 is not a Loop value for this habit."),
    "too-big": (lambda today: LOOP_DB.read_bytes(), {"IMPORT_MAX_BYTES": 4096}, "larger than 4096"),
    "too-many-rows": (too_many_repetitions, {"IMPORT_MAX_ROWS": 5}, "more than 5 rows"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_backup_is_a_400_that_names_the_problem_and_changes_nothing(
    signed_in: ApiClient, user: User, settings: Any, case: str
) -> None:
    build, overrides, message = REFUSED[case]
    today = user_today(user=user)
    existing = make_habit(user=user, name="Read")
    make_entry(habit=existing, day=today, note="keep me")
    before = snapshot(user.pk)
    content = build(today)
    for name, value in overrides.items():
        setattr(settings, name, value)
    response = upload(signed_in, content)
    assert response.status_code == 400, response.content
    assert message in response.json()["errors"]["file"][0]
    assert snapshot(user.pk) == before


def test_a_backup_with_more_habits_than_an_account_holds_is_refused(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "MAX_HABITS_PER_USER", 2)
    habits = [{**READ, "id": n, "name": f"H{n}"} for n in range(1, 4)]
    response = upload(signed_in, loop_database(25, habits, []))
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [database.MESSAGE_TOO_MANY_HABITS.format(limit=2)]
    assert not Habit.objects.filter(user=user).exists()


def test_a_backup_read_past_its_time_is_refused(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "READ_SECONDS", 0.0)
    monkeypatch.setattr(database, "PROGRESS_STEPS", 1)
    response = upload(signed_in, LOOP_DB.read_bytes())
    assert response.status_code == 400
    assert "took longer than 0 seconds" in response.json()["errors"]["file"][0]
    assert not Entry.objects.exists()


def test_the_limits_sqlite_enforces_are_set_on_the_connection(tmp_path: Path) -> None:
    path = tmp_path / "loop.db"
    path.write_bytes(loop_database(25, [READ], []))
    connection = database._open(str(path), lambda: False)
    try:
        assert connection.getlimit(sqlite3.SQLITE_LIMIT_ATTACHED) == 0
        with pytest.raises(sqlite3.OperationalError):
            connection.execute(f"attach database '{tmp_path / 'other.db'}' as other")
        with pytest.raises(sqlite3.OperationalError):
            connection.execute("create table x (a)")
        assert connection.execute("select count(*) from Habits").fetchone() == (1,)
    finally:
        connection.close()
