"""POST /api/import/loop/: Loop Habit Tracker zips, current and old layouts; bad files refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from accounts.selectors import user_today
from conftest import ApiClient
from factories import make_entry, make_habit
from habits import rules
from habits.loop import formats
from habits.models import Entry, Habit
from habits.tests.loop_fixtures import (
    REFERENCE_DIR,
    csv_rows,
    csv_text,
    loop_habits_csv,
    make_zip,
    snapshot,
    upload,
)
from habits.tests.loop_reference import (
    NO,
    SKIP,
    UNKNOWN,
    YES_AUTO,
    YES_MANUAL,
    loop_frequency,
    loop_score_recompute,
)

NAMES = {UNKNOWN: "UNKNOWN", NO: "NO", YES_AUTO: "YES_AUTO", YES_MANUAL: "YES_MANUAL", SKIP: "SKIP"}
OLD_HABITS_HEADER = "Position,Name,Question,Description,NumRepetitions,Interval,Color\n"

pytestmark = pytest.mark.django_db

# --- A file as Loop writes it ---------------------------------------------------------------------


class LoopHabit:
    """A habit as Loop stores it: its settings and computed entries (day -> value, note), written
    as Loop 2.3.1 writes them (`layout="2.3.1"`) or as 2.0 to 2.3.0 did (`layout="2.0"`: no Type,
    unit or target in Habits.csv, and `date,integer` lines)."""

    def __init__(
        self,
        name: str,
        *,
        numerator: int = 1,
        denominator: int = 1,
        numerical: bool = False,
        at_most: bool = False,
        target: float = 0.0,
        unit: str = "",
    ) -> None:
        self.name = name
        self.numerator, self.denominator = numerator, denominator
        self.numerical, self.at_most, self.target, self.unit = numerical, at_most, target, unit
        self.entries: dict[date, tuple[int, str]] = {}

    def habits_row(self, position: int) -> list[str]:
        return [
            f"{position:03d}",
            self.name,
            "NUMERICAL" if self.numerical else "YES_NO",
            f"Did you {self.name.lower()} today?",
            "",
            str(self.numerator),
            str(self.denominator),
            "#7CB342",
            self.unit,
            "AT_MOST" if self.at_most else "AT_LEAST",
            str(self.target),
            "false",
        ]

    def values(self, today: date) -> list[int]:
        """Computed values from the oldest entry to today, newest first (UNKNOWN where none)."""
        oldest = min(self.entries)
        days = (today - oldest).days + 1
        return [self.entries.get(today - timedelta(days=i), (UNKNOWN, ""))[0] for i in range(days)]

    def old_habits_row(self, position: int) -> list[str]:
        row = self.habits_row(position)
        return [row[0], row[1], row[3], row[4], row[5], row[6], row[7]]

    def checkmarks_csv(self, layout: str = "2.3.1") -> str:
        days = sorted(self.entries, reverse=True)
        if layout == "2.0":
            return "".join(f"{day.isoformat()},{self.entries[day][0]}\n" for day in days)
        rows = [["Date", "Value", "Notes"]]
        for day in days:
            value, note = self.entries[day]
            rows.append([day.isoformat(), NAMES.get(value, str(value)), note])
        return csv_text(rows)

    def scores(self, today: date) -> dict[date, str]:
        numerator, denominator = loop_frequency(self.numerator, self.denominator)
        scores = loop_score_recompute(
            numerator=numerator,
            denominator=denominator,
            is_numerical=self.numerical,
            is_at_most=self.at_most,
            target_value=self.target,
            values=self.values(today),
        )
        oldest = min(self.entries)
        return {oldest + timedelta(days=i): f"{score:.4f}" for i, score in enumerate(scores)}

    def scores_csv(self, today: date) -> str:
        # Loop's writeScores: "date,score" lines, newest first, no header.
        scores = self.scores(today)
        return "".join(f"{day.isoformat()},{scores[day]}\n" for day in sorted(scores, reverse=True))


def loop_zip(habits: list[LoopHabit], today: date, layout: str = "2.3.1") -> bytes:
    if layout == "2.0":
        rows = [h.old_habits_row(i) for i, h in enumerate(habits, start=1)]
        habits_csv = OLD_HABITS_HEADER + csv_text(rows)
    else:
        habits_csv = loop_habits_csv(*(h.habits_row(i) for i, h in enumerate(habits, start=1)))
    files: dict[str, str | bytes] = {"Habits.csv": habits_csv}
    for index, habit in enumerate(habits, start=1):
        folder = formats.folder_name(index, habit.name)
        files[f"{folder}/Scores.csv"] = habit.scores_csv(today)
        files[f"{folder}/Checkmarks.csv"] = habit.checkmarks_csv(layout)
    names = ",".join(h.name for h in habits)
    files["Scores.csv"] = f"Date,{names},\n"
    files["Checkmarks.csv"] = f"Date,{names},\n"
    return make_zip(files)


def loop_sample(today: date) -> list[LoopHabit]:
    """Four habits over 90 days, filled the way Loop computes entries (NO on unchecked days of a
    daily habit, YES_AUTO after a repetition of a non-daily one)."""
    meditate = LoopHabit("Meditate")
    for i in range(90, -1, -1):
        day = today - timedelta(days=i)
        value = YES_MANUAL if (i * 7) % 10 < 6 else NO
        if i % 17 == 0:
            value = SKIP
        meditate.entries[day] = (value, 'calm, "really"\nok' if i == 40 else "")
    meditate.entries[today - timedelta(days=3)] = (NO, "sick")
    gym = LoopHabit("Gym", numerator=3, denominator=7)
    for i in range(80, -1, -1):
        day = today - timedelta(days=i)
        gym.entries[day] = (YES_MANUAL if i % 3 == 0 and i % 9 != 0 else YES_AUTO, "")
        if i % 5 == 1:
            gym.entries[day] = (NO, "")
    water = LoopHabit("Water", numerical=True, target=2.0, unit="L")
    for i in range(60, -1, -1):
        water.entries[today - timedelta(days=i)] = ((i * 377) % 3100, "")
    sugar = LoopHabit(
        "Sugar", numerator=1, denominator=7, numerical=True, at_most=True, target=30.0
    )
    for i in range(70, -1, -1):
        if i % 4 == 0:
            sugar.entries[today - timedelta(days=i)] = ((i * 2311) % 27000, "")
    return [meditate, gym, water, sugar]


def stats_scores(api: ApiClient, habit: Habit, start: date, end: date) -> dict[date, float]:
    response = api.get(f"/api/habits/{habit.pk}/stats/?start={start}&end={end}")
    assert response.status_code == 200, response.content
    return {date.fromisoformat(p["date"]): p["score"] for p in response.json()["score_history"]}


def test_a_file_written_by_loop_gives_loops_scores(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    habits = loop_sample(today)
    response = upload(signed_in, loop_zip(habits, today))
    assert response.status_code == 200, response.content
    for loop in habits:
        habit = Habit.objects.get(user=user, name=loop.name)
        expected = loop.scores(today)
        ours = stats_scores(signed_in, habit, min(expected), today)
        assert {day: f"{score:.4f}" for day, score in ours.items()} == expected, loop.name


def test_loop_values_become_entries_by_the_documented_rules(
    signed_in: ApiClient, user: User
) -> None:
    today = user_today(user=user)
    meditate, gym, water, sugar = loop_sample(today)
    response = upload(signed_in, loop_zip([meditate, gym, water, sugar], today))
    body = response.json()
    rows = {
        name: {day: (status, value, note) for n, day, status, value, note in entries if n == name}
        for name in ("Meditate", "Gym", "Water", "Sugar")
        for entries in [snapshot(user.pk)[1]]
    }
    # Yes/no: YES_MANUAL done, NO not done, SKIP skipped; YES_AUTO makes no entry.
    assert len(rows["Meditate"]) == len(meditate.entries)
    assert rows["Meditate"][today - timedelta(days=3)] == ("not_done", None, "sick")
    assert rows["Meditate"][today - timedelta(days=40)][2] == 'calm, "really"\nok'
    assert {status for status, _, _ in rows["Meditate"].values()} == {"done", "skipped", "not_done"}
    gym_codes = {day: value for day, (value, _) in gym.entries.items()}
    assert {day: status for day, (status, _, _) in rows["Gym"].items()} == {
        day: "done" if value == YES_MANUAL else "not_done"
        for day, value in gym_codes.items()
        if value != YES_AUTO
    }
    # Numeric: every value is an amount, 0 included (Loop writes 0 to 2 thousandths by name).
    assert rows["Water"][today - timedelta(days=1)] == ("done", Decimal("0.377"), "")
    assert rows["Water"][today] == ("done", Decimal("0.000"), "")
    assert len(rows["Water"]) == len(water.entries)
    assert all(status == "done" for status, _, _ in rows["Sugar"].values())
    assert body["habits_created"] == 4
    assert body["habits_updated"] == body["entries_updated"] == 0
    assert body["entries_created"] == Entry.objects.filter(habit__user=user).count()
    water_habit = Habit.objects.get(user=user, name="Water")
    assert (water_habit.kind, water_habit.unit, water_habit.target_value) == (
        "numeric",
        "L",
        Decimal("2.000"),
    )


def test_the_habit_list_shows_the_imported_scores(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    habits = loop_sample(today)
    upload(signed_in, loop_zip(habits, today))
    listed = {item["name"]: item for item in signed_in.get("/api/habits/").json()}
    for loop in habits:
        assert f"{listed[loop.name]['score']:.4f}" == loop.scores(today)[today]


def test_the_old_headerless_integer_layout_imports(signed_in: ApiClient, user: User) -> None:
    """Loop 1.x's layout. Its Habits.csv has no Question column: Description holds what Loop 1.x
    asks ("Question" in its form), which becomes the question as Loop 2.0's migration 23 does."""
    today = user_today(user=user)
    days = [today - timedelta(days=i) for i in range(5)]
    files: dict[str, str | bytes] = {
        "Habits.csv": "Position,Name,Description,NumRepetitions,Interval,Color\n"
        "001,Wake up early,Did you wake up before seven?,3,7,#AAAAAA\n"
        "002,Floss,,1,1,#FF8F00\n",
        "001 Wake up early/Checkmarks.csv": "".join(
            f"{day},{value}\n" for day, value in zip(days, [2, 1, 0, 2, -1], strict=True)
        ),
        "001 Wake up early/Scores.csv": "".join(f"{day},0.1\n" for day in days),
        "002 Floss/Checkmarks.csv": f"{days[0]},0\n{days[1]},3\n{days[2]},2\n",
    }
    response = upload(signed_in, make_zip(files))
    assert response.status_code == 200, response.content
    assert response.json() == {
        "habits_created": 2,
        "habits_updated": 0,
        "entries_created": 6,
        "entries_updated": 0,
    }
    habits, entries = snapshot(user.pk)
    assert habits[0] == (
        "Wake up early",
        "boolean",
        "Did you wake up before seven?",
        "",
        "#AAAAAA",
        "",
        None,
        "at_least",
        3,
        7,
        False,
    )
    assert entries == [
        ("Wake up early", days[3], "done", None, ""),
        ("Wake up early", days[2], "not_done", None, ""),
        ("Wake up early", days[0], "done", None, ""),
        ("Floss", days[2], "done", None, ""),
        ("Floss", days[1], "skipped", None, ""),
        ("Floss", days[0], "not_done", None, ""),
    ]


def test_numeric_habits_of_loop_2_0_to_2_3_0_are_found_by_their_values(
    signed_in: ApiClient, user: User
) -> None:
    """Habits.csv had no Type column then: as Loop's own CSV reader decides, a value no yes/no habit
    can hold makes the habit measurable, at least 0 (Loop's default target)."""
    today = user_today(user=user)
    habits = loop_sample(today)
    response = upload(signed_in, loop_zip(habits, today, layout="2.0"))
    assert response.status_code == 200, response.content
    kinds = {
        name: (kind, target_type, target, unit)
        for name, kind, _, _, _, unit, target, target_type, *_ in snapshot(user.pk)[0]
    }
    assert kinds == {
        "Meditate": ("boolean", "at_least", None, ""),
        "Gym": ("boolean", "at_least", None, ""),
        "Water": ("numeric", "at_least", Decimal("0.000"), ""),
        "Sugar": ("numeric", "at_least", Decimal("0.000"), ""),
    }
    water = {
        day: (status, value) for n, day, status, value, _ in snapshot(user.pk)[1] if n == "Water"
    }
    assert water[today - timedelta(days=1)] == ("done", Decimal("0.377"))
    assert water[today] == ("done", Decimal("0.000"))
    assert {len(rows) for rows in [water]} == {len(habits[2].entries)}


def test_numeric_values_by_name_are_loops_small_amounts(signed_in: ApiClient, user: User) -> None:
    """Loop 2.3.1 writes the amounts 0 to 0.002 by name; UNKNOWN is a day left open, with or
    without a note, and 3 thousandths is Loop's skip."""
    today = user_today(user=user)
    values = ["YES_MANUAL", "YES_AUTO", "NO", "SKIP", "UNKNOWN", "UNKNOWN", "2", "3", "5500"]
    notes = ["", "", "", "", "", "why?", "", "", ""]
    days = [today - timedelta(days=i) for i in range(len(values))]
    rows = [[str(day), value, note] for day, value, note in zip(days, values, notes, strict=True)]
    row = ["001", "Walk", "NUMERICAL", "", "", "1", "1", "#7CB342", "km", "AT_MOST", "0.5", "false"]
    files: dict[str, str | bytes] = {
        "Habits.csv": loop_habits_csv(row),
        "001 Walk/Checkmarks.csv": csv_text([["Date", "Value", "Notes"], *rows]),
    }
    assert upload(signed_in, make_zip(files)).status_code == 200
    assert [entry[1:] for entry in reversed(snapshot(user.pk)[1])] == [
        (days[0], "done", Decimal("0.002"), ""),
        (days[1], "done", Decimal("0.001"), ""),
        (days[2], "done", Decimal("0.000"), ""),
        (days[3], "skipped", None, ""),
        (days[4], "not_done", None, ""),
        (days[5], "not_done", None, "why?"),
        (days[6], "done", Decimal("0.002"), ""),
        (days[7], "skipped", None, ""),
        (days[8], "done", Decimal("5.500"), ""),
    ]


def test_explicit_zeros_give_an_at_most_habit_its_streak(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    row = ["001", "Sugar", "NUMERICAL", "", "", "1", "1", "#7CB342", "g", "AT_MOST", "0.0", "false"]
    rows = [[str(today - timedelta(days=i)), "NO", ""] for i in range(5)]
    files: dict[str, str | bytes] = {
        "Habits.csv": loop_habits_csv(row),
        "001 Sugar/Checkmarks.csv": csv_text([["Date", "Value", "Notes"], *rows]),
    }
    assert upload(signed_in, make_zip(files)).status_code == 200
    (listed,) = signed_in.get("/api/habits/").json()
    assert (listed["target_type"], listed["target_value"]) == ("at_most", 0.0)
    assert listed["current_streak"] == 5


def test_repeated_names_are_all_kept_under_names_told_apart(
    signed_in: ApiClient, user: User
) -> None:
    """Loop allows one name for several habits (its own loop.db has three pairs)."""
    rows = [
        ["001", "Read", "YES_NO", "", "", "1", "1", "#7CB342", "", "", "", "false"],
        ["002", "Read", "YES_NO", "", "", "2", "7", "#7CB342", "", "", "", "false"],
        ["003", "Read (2)", "YES_NO", "", "", "3", "7", "#7CB342", "", "", "", "false"],
        ["004", "Read", "YES_NO", "", "", "4", "7", "#7CB342", "", "", "", "false"],
    ]
    content = make_zip({"Habits.csv": loop_habits_csv(*rows)})
    assert upload(signed_in, content).json()["habits_created"] == 4
    habits = [(name, times) for name, _, _, _, _, _, _, _, times, *_ in snapshot(user.pk)[0]]
    assert habits == [("Read", 1), ("Read (3)", 2), ("Read (2)", 3), ("Read (4)", 4)]
    again = upload(signed_in, content).json()
    assert (again["habits_created"], again["habits_updated"]) == (0, 4)
    assert [(name, times) for name, *_, times, _, _ in snapshot(user.pk)[0]] == habits


def test_loops_reference_export_imports_with_loops_scores(signed_in: ApiClient, user: User) -> None:
    """The files Loop's HabitsCSVExporterTest expects (its fixture habits at 2015-01-25) import as
    those habits, and score as Loop's Scores.csv says to the fourth decimal."""
    export_dir = REFERENCE_DIR / "csv_export"
    files: dict[str, str | bytes] = {
        str(path.relative_to(export_dir)): path.read_bytes() for path in export_dir.rglob("*.csv")
    }
    response = upload(signed_in, make_zip(files))
    assert response.status_code == 200, response.content
    habits, entries = snapshot(user.pk)
    assert habits == [
        ("Meditate", "boolean", "Did you meditate this morning?", "", "#FF8F00", "", None,
         "at_least", 1, 1, False),
        ("Wake up early", "boolean", "Did you wake up before 6am?", "", "#00897B", "", None,
         "at_least", 2, 3, False),
    ]  # fmt: skip
    day = date(2015, 1, 25)
    assert [(d, status, note) for _, d, status, _, note in entries] == [
        (day - timedelta(days=9), "done", ""),
        (day - timedelta(days=8), "done", ""),
        (day - timedelta(days=6), "not_done", '"Vacation"'),
        (day - timedelta(days=5), "done", ""),
        (day - timedelta(days=4), "done", ""),
        (day - timedelta(days=3), "done", ""),
        (day - timedelta(days=2), "not_done", "Forgot to do it, really"),
        (day - timedelta(days=1), "not_done", "Sick"),
        (day, "done", ""),
    ]
    wake_up = Habit.objects.get(user=user, name="Wake up early")
    ours = stats_scores(signed_in, wake_up, day - timedelta(days=9), day)
    reference = csv_rows((export_dir / "002 Wake up early" / "Scores.csv").read_text())
    assert [[str(d), f"{score:.4f}"] for d, score in sorted(ours.items(), reverse=True)] == (
        reference[1:]
    )


def test_optional_habit_columns_default(signed_in: ApiClient, user: User) -> None:
    files: dict[str, str | bytes] = {
        "Habits.csv": "Position,Name,Type,FrequencyNumerator,FrequencyDenominator\n"
        '"001","Read","YES_NO","2","7"\n'
    }
    assert upload(signed_in, make_zip(files)).status_code == 200
    assert snapshot(user.pk)[0] == [
        ("Read", "boolean", "", "", "#4F46E5", "", None, "at_least", 2, 7, False)
    ]


def test_importing_twice_changes_nothing(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    content = loop_zip(loop_sample(today), today)
    first = upload(signed_in, content).json()
    before = snapshot(user.pk)
    second = upload(signed_in, content).json()
    assert snapshot(user.pk) == before
    assert second == {
        "habits_created": 0,
        "habits_updated": 4,
        "entries_created": 0,
        "entries_updated": first["entries_created"],
    }


def test_existing_habits_match_by_name_and_keep_their_weekdays(
    signed_in: ApiClient, user: User
) -> None:
    today = user_today(user=user)
    gym = make_habit(user=user, name="Gym", weekdays_mask=0b0010101, frequency_times=1)
    make_entry(habit=gym, day=today - timedelta(days=1), note="mine")
    make_entry(habit=gym, day=today - timedelta(days=200), note="older")
    content = make_zip(
        {
            "Habits.csv": loop_habits_csv(
                [
                    "001",
                    "  Gym ",
                    "YES_NO",
                    "",
                    "",
                    "3",
                    "7",
                    "#7CB342",
                    "",
                    "AT_LEAST",
                    "0",
                    "true",
                ]
            ),
            "001 Gym/Checkmarks.csv": csv_text(
                [["Date", "Value", "Notes"], [str(today - timedelta(days=1)), "SKIP", ""]]
            ),
        }
    )
    body = upload(signed_in, content).json()
    assert body == {
        "habits_created": 0,
        "habits_updated": 1,
        "entries_created": 0,
        "entries_updated": 1,
    }
    gym.refresh_from_db()
    assert (gym.frequency_times, gym.frequency_days, gym.weekdays_mask, gym.archived) == (
        3,
        7,
        0b0010101,
        True,
    )
    assert list(Entry.objects.filter(habit=gym).values_list("status", "note")) == [
        ("done", "older"),
        ("skipped", ""),
    ]


def test_csrf_is_enforced(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    response = upload(signed_in, loop_zip(loop_sample(today), today), HTTP_X_CSRFTOKEN="wrong")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert not Habit.objects.filter(user=user).exists()


def test_anonymous_is_401(api: ApiClient) -> None:
    assert upload(api, make_zip({"Habits.csv": ""})).status_code == 401


def test_a_body_declared_too_big_is_refused_before_parsing(
    signed_in: ApiClient, settings: Any
) -> None:
    settings.IMPORT_MAX_BYTES = 10
    response = upload(signed_in, b"x" * (70 * 1024))
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The file is larger than 10 bytes."]


def test_a_request_without_a_file_is_400(signed_in: ApiClient) -> None:
    response = signed_in.post(
        "/api/import/loop/", b"", content_type="multipart/form-data; boundary=x"
    )
    assert response.status_code == 400
    assert "file" in response.json()["errors"]


# --- Bad files ------------------------------------------------------------------------------------


def good_files(today: date) -> dict[str, str | bytes]:
    return {
        "Habits.csv": loop_habits_csv(
            ["001", "Read", "YES_NO", "", "", "1", "1", "#7CB342", "", "AT_LEAST", "0.0", "false"],
            [
                "002",
                "Walk",
                "NUMERICAL",
                "",
                "",
                "1",
                "1",
                "#7CB342",
                "km",
                "AT_LEAST",
                "5.0",
                "false",
            ],
        ),
        "001 Read/Checkmarks.csv": csv_text(
            [
                ["Date", "Value", "Notes"],
                [str(today), "YES_MANUAL", ""],
                [str(today - timedelta(days=1)), "SKIP", "x"],
            ]
        ),
        "002 Walk/Checkmarks.csv": csv_text([["Date", "Value", "Notes"], [str(today), "4500", ""]]),
    }


def replace_line(files: dict[str, str | bytes], name: str, line: int, text: str) -> None:
    content = files[name]
    assert isinstance(content, str)
    lines = content.splitlines()
    lines[line - 1] = text
    files[name] = "\n".join(lines) + "\n"


def not_a_zip(today: date) -> bytes:
    return b"Position,Name\n001,Read\n"


def no_habits_file(today: date) -> bytes:
    files = good_files(today)
    del files["Habits.csv"]
    return make_zip(files)


def missing_column(today: date) -> bytes:
    files = good_files(today)
    replace_line(
        files,
        "Habits.csv",
        1,
        "Position,Name,Type,Question,Description,FrequencyNumerator,Color,Unit,Target Type,"
        "Target Value,Archived?",
    )
    return make_zip(files)


def bad_frequency(today: date) -> bytes:
    files = good_files(today)
    replace_line(
        files,
        "Habits.csv",
        3,
        '"002","Walk","NUMERICAL","","","7","three","#7CB342","km","AT_LEAST","5.0","false"',
    )
    return make_zip(files)


def bad_date(today: date) -> bytes:
    files = good_files(today)
    replace_line(files, "001 Read/Checkmarks.csv", 3, "2023-02-30,YES_MANUAL,")
    return make_zip(files)


def future_date(today: date) -> bytes:
    files = good_files(today)
    ahead = today + timedelta(days=rules.IMPORT_DAYS_AHEAD + 1)
    replace_line(files, "002 Walk/Checkmarks.csv", 2, f"{ahead},100,")
    return make_zip(files)


def before_1970(today: date) -> bytes:
    files = good_files(today)
    replace_line(files, "001 Read/Checkmarks.csv", 2, "1969-12-31,YES_MANUAL,")
    return make_zip(files)


def bad_value(today: date) -> bytes:
    files = good_files(today)
    replace_line(files, "001 Read/Checkmarks.csv", 2, f"{today},MAYBE,")
    return make_zip(files)


def duplicate_day(today: date) -> bytes:
    files = good_files(today)
    replace_line(files, "001 Read/Checkmarks.csv", 3, f"{today},NO,")
    return make_zip(files)


def unlisted_folder(today: date) -> bytes:
    files = good_files(today)
    files["003 Ghost/Checkmarks.csv"] = f"Date,Value,Notes\n{today},YES_MANUAL,\n"
    return make_zip(files)


def two_folders(today: date) -> bytes:
    files = good_files(today)
    files["001 Reading/Checkmarks.csv"] = f"Date,Value,Notes\n{today},YES_MANUAL,\n"
    return make_zip(files)


def path_outside(today: date) -> bytes:
    files = good_files(today)
    files["../evil.csv"] = "x"
    return make_zip(files)


def kind_change(today: date) -> bytes:
    """Existing (the pre-existing habit, with entries) listed as numeric."""
    files = good_files(today)
    files["Habits.csv"] = loop_habits_csv(
        ["001", "Read", "YES_NO", "", "", "1", "1", "#7CB342", "", "AT_LEAST", "0.0", "false"],
        ["002", "Existing", "NUMERICAL", "", "", "1", "1", "#7CB342", "", "AT_LEAST", "1", "false"],
    )
    del files["002 Walk/Checkmarks.csv"]
    return make_zip(files)


def zip_bomb(today: date) -> bytes:
    files = good_files(today)
    files["001 Read/Scores.csv"] = b"\n" * 200_000  # deflates to a few hundred bytes
    return make_zip(files)


BAD_FILES: list[tuple[Callable[[date], bytes], dict[str, Any], str]] = [
    (not_a_zip, {}, str(formats.MESSAGE_NOT_ZIP)),
    (no_habits_file, {}, str(formats.MESSAGE_NO_HABITS_FILE)),
    (missing_column, {}, "Habits.csv is missing the column(s) FrequencyDenominator."),
    (bad_frequency, {}, "Habits.csv line 3: the frequency must be whole numbers"),
    (bad_date, {}, "001 Read/Checkmarks.csv line 3: '2023-02-30' is not a date (YYYY-MM-DD)."),
    (future_date, {}, "002 Walk/Checkmarks.csv line 2: "),
    (before_1970, {}, "001 Read/Checkmarks.csv line 2: 1969-12-31 is before 1970-01-01."),
    (bad_value, {}, "001 Read/Checkmarks.csv line 2: 'MAYBE' is not a Loop value"),
    (duplicate_day, {}, "001 Read/Checkmarks.csv line 3: "),
    (unlisted_folder, {}, "003 Ghost: this folder is not a habit listed in Habits.csv."),
    (two_folders, {}, "001 Reading: a second folder for the habit of 001 Read."),
    (path_outside, {}, "../evil.csv: unexpected file"),
    (kind_change, {}, "Habits.csv line 3: 'Existing' already exists with entries"),
    (
        good_files_zip := lambda today: make_zip(good_files(today)),
        {"IMPORT_MAX_BYTES": 200},
        "The file is larger than 200 bytes.",
    ),
    (good_files_zip, {"IMPORT_MAX_ROWS": 5}, "The files hold more than 5 rows."),
    (zip_bomb, {"IMPORT_MAX_BYTES": 50_000}, "The zip's contents add up to more than 50000"),
]


@pytest.mark.parametrize(
    ("build", "overrides", "message"),
    BAD_FILES,
    ids=[
        "not-a-zip",
        "no-habits-csv",
        "missing-column",
        "bad-frequency",
        "bad-date",
        "future-date",
        "before-1970",
        "bad-value",
        "duplicate-day",
        "unlisted-folder",
        "two-folders",
        "path-outside",
        "kind-change",
        "too-large",
        "too-many-rows",
        "zip-bomb",
    ],
)
def test_a_bad_file_is_a_400_that_names_the_problem_and_writes_nothing(
    signed_in: ApiClient,
    user: User,
    settings: Any,
    build: Callable[[date], bytes],
    overrides: dict[str, Any],
    message: str,
) -> None:
    today = user_today(user=user)
    existing = make_habit(user=user, name="Existing")
    make_entry(habit=existing, day=today, note="keep me")
    before = snapshot(user.pk)
    content = build(today)
    for name, value in overrides.items():
        setattr(settings, name, value)
    response = upload(signed_in, content)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert len(body["errors"]["file"]) == 1
    assert message in body["errors"]["file"][0]
    assert snapshot(user.pk) == before


def test_a_day_of_loops_own_today_ahead_of_the_users_is_kept(
    signed_in: ApiClient, user: User
) -> None:
    """Loop on a phone in a time zone ahead of the account's writes a day after the user's today;
    it imports (as a backup restore keeps one), a day further ahead is refused (BAD_FILES)."""
    today = user_today(user=user)
    ahead = today + timedelta(days=rules.IMPORT_DAYS_AHEAD)
    files = good_files(today)
    replace_line(files, "002 Walk/Checkmarks.csv", 2, f"{ahead},4500,")
    response = upload(signed_in, make_zip(files))
    assert response.status_code == 200, response.content
    walked = Entry.objects.get(habit__user=user, habit__name="Walk")
    assert (walked.date, walked.value) == (ahead, Decimal("4.5"))


def test_the_good_file_of_the_bad_file_tests_imports(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    response = upload(signed_in, make_zip(good_files(today)))
    assert response.status_code == 200, response.content
    assert response.json()["entries_created"] == 3


@pytest.mark.postgres
def test_import_queries_do_not_grow_with_entries(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)

    def queries(days: int) -> int:
        Habit.objects.filter(user=user).delete()
        rows = [["Date", "Value", "Notes"]] + [
            [str(today - timedelta(days=i)), "YES_MANUAL", ""] for i in range(days)
        ]
        files = good_files(today)
        files["001 Read/Checkmarks.csv"] = csv_text(rows)
        content = make_zip(files)
        with CaptureQueriesContext(connection) as captured:
            assert upload(signed_in, content).status_code == 200
        return len(captured)

    # Both long enough for stored engine states (a year-end and the recent one, see
    # habits.checkpoints), which take the same statements however many there are.
    queries(400)  # the session's first request may do once-only work
    assert queries(400) == queries(1900)
