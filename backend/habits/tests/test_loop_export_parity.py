"""The export is what Loop's exporter writes: byte for byte against Loop's reference files and
against what Loop's own classes compute, with Loop's exporter and habit-list tests ported."""

from __future__ import annotations

import csv
import io
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from accounts.models import User
from conftest import ApiClient
from factories import make_entry, make_habit
from habits.loop import selectors, writer
from habits.loop.writer import csv_line, habits_csv, java_double, java_fixed4
from habits.models import Entry, Habit
from habits.tests.loop_fixtures import REFERENCE_DIR, export, unzip, upload

pytestmark = pytest.mark.django_db

LOOP_TEST_DAY = date(2015, 1, 25)  # Loop's fixed test time
LOOP_DB_EXPECTED = Path(__file__).parent / "data" / "loop_db_2016-03-31.csv"


@pytest.fixture
def today_is(monkeypatch: pytest.MonkeyPatch) -> Callable[[date], None]:
    """Set the signed-in user's today as the export sees it."""

    def set_today(day: date) -> None:
        monkeypatch.setattr(selectors, "user_today", lambda user: day)

    return set_today


def loop_fixture_habits(user: User) -> None:
    """HabitFixtures.createEmptyHabit and createShortHabit, as our habits: Meditate (daily,
    colour 3 of Loop's palette) and Wake up early (2 in 3 days, Loop's default colour 8) with ten
    days of entries and notes up to 2015-01-25."""
    make_habit(
        user=user,
        name="Meditate",
        question="Did you meditate this morning?",
        color="#FF8F00",
        position=0,
    )
    wake_up = make_habit(
        user=user,
        name="Wake up early",
        question="Did you wake up before 6am?",
        color="#00897B",
        frequency_times=2,
        frequency_days=3,
        position=1,
    )
    checks = [True, False, False, True, True, True, False, False, True, True]
    notes = ["", "Sick", "Forgot to do it, really", "", "", "", '"Vacation"', "", "", ""]
    for offset, (done, note) in enumerate(zip(checks, notes, strict=True)):
        make_entry(
            habit=wake_up,
            day=LOOP_TEST_DAY - timedelta(days=offset),
            status="done" if done else "not_done",
            note=note,
        )


def test_loops_fixture_habits_export_byte_for_byte(
    signed_in: ApiClient, user: User, today_is: Callable[[date], None]
) -> None:
    """HabitsCSVExporterTest.testExportCSV: every file equals Loop's reference file."""
    today_is(LOOP_TEST_DAY)
    loop_fixture_habits(user)
    with zipfile.ZipFile(io.BytesIO(export(signed_in))) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    reference = REFERENCE_DIR / "csv_export"
    expected = {
        str(path.relative_to(reference)): path.read_bytes() for path in reference.rglob("*.csv")
    }
    assert len(expected) == 7
    assert files == expected


def test_the_habit_list_csv_is_loops(user: User) -> None:
    """HabitListTest.testWriteCSV: a yes/no habit with a description, Loop's numerical fixture
    (Run, at least 2.0 miles) and a 2-in-3-days habit."""
    habits = [
        Habit(
            name="Meditate",
            question="Did you meditate this morning?",
            description="this is a test description",
            color="#FF8F00",
        ),
        Habit(
            name="Run",
            kind="numeric",
            question="How many miles did you run today?",
            unit="miles",
            target_type="at_least",
            target_value=Decimal("2.0"),
            color="#E64A19",
        ),
        Habit(
            name="Wake up early",
            question="Did you wake up before 6am?",
            frequency_times=2,
            frequency_days=3,
            color="#AFB42B",
        ),
    ]
    assert habits_csv(habits) == (
        "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,"
        "Unit,Target Type,Target Value,Archived?\n"
        "001,Meditate,YES_NO,Did you meditate this morning?,this is a test description,1,1,"
        "#FF8F00,,,,false\n"
        "002,Run,NUMERICAL,How many miles did you run today?,,1,1,#E64A19,miles,AT_LEAST,2.0,"
        "false\n"
        "003,Wake up early,YES_NO,Did you wake up before 6am?,,2,3,#AFB42B,,,,false\n"
    )


def test_loops_own_backup_exports_what_loops_exporter_writes_for_it(
    signed_in: ApiClient, user: User, today_is: Callable[[date], None]
) -> None:
    """loop.db imported, then exported as of 2016-03-31: each habit's Checkmarks.csv (YES_AUTO days
    derived) and Scores.csv are the lines Loop's own classes compute for it."""
    assert upload(signed_in, (REFERENCE_DIR / "loop.db").read_bytes()).status_code == 200
    today_is(date(2016, 3, 31))
    files = unzip(export(signed_in))
    checks: dict[int, list[str]] = {}
    scores: dict[int, list[str]] = {}
    with LOOP_DB_EXPECTED.open(newline="") as file:
        for row, at, day, value, extra in list(csv.reader(file))[1:]:
            if row == "check":
                checks.setdefault(int(at), []).append(csv_line((day, value, extra)))
            else:
                scores.setdefault(int(at), []).append(csv_line((day, value)))
    names = [name for (name,) in Habit.objects.filter(user=user).values_list("name")]
    for position, name in enumerate(names, start=1):
        folder = f"{position:03d} {name.replace('(', '').replace(')', '')}"
        assert files[f"{folder}/Checkmarks.csv"] == "Date,Value,Notes\n" + "".join(
            checks.get(position, [])
        ), name
        assert files[f"{folder}/Scores.csv"] == "Date,Score\n" + "".join(scores[position]), name


@pytest.mark.parametrize(
    ("score", "cell"),
    # What Java's String.format(Locale.US, "%.4f", score) gives (checked on OpenJDK 17).
    [
        (0.0, "0.0000"),
        (1.0, "1.0000"),
        (0.15, "0.1500"),
        (0.00015, "0.0002"),
        (0.03125, "0.0313"),
        (0.12345, "0.1235"),
        (0.99995, "1.0000"),
        (0.4999949999999999, "0.5000"),
        (5e-05, "0.0001"),
        (0.2556969880624812, "0.2557"),
    ],
)
def test_scores_are_formatted_as_javas_format(score: float, cell: str) -> None:
    assert java_fixed4(score) == cell


@pytest.mark.parametrize(
    ("value", "text"),
    # Java's Double.toString, as Loop writes a target (checked on OpenJDK 17).
    [
        (0.0, "0.0"),
        (2.0, "2.0"),
        (0.5, "0.5"),
        (0.001, "0.001"),
        (1234.567, "1234.567"),
        (9999999.999, "9999999.999"),
        (1e7, "1.0E7"),
        (12345678.0, "1.2345678E7"),
        (999999999999.999, "9.99999999999999E11"),
    ],
)
def test_targets_are_written_as_javas_double_to_string(value: float, text: str) -> None:
    assert java_double(value) == text


def test_cells_are_quoted_as_opencsv_quotes_them() -> None:
    assert csv_line(["a", "b c", 'say "hi"', "x,y", "line\nbreak", "old\rmac", ""]) == (
        'a,b c,"say ""hi""","x,y","line\nbreak","old\rmac",\n'
    )


@pytest.mark.slow
def test_the_export_streams_in_bounded_memory(user: User) -> None:
    """250 habits with entries from 1970 to today: 56 years of days in every file, held under
    writer.MEMORY_CEILING_BYTES (the working set is one habit's history, not the account's).
    Slow under tracemalloc (about a minute): every day of every habit allocates."""
    today = date.today()
    habits = Habit.objects.bulk_create(
        Habit(
            user=user,
            name=f"Habit {n}",
            position=n,
            kind="numeric" if n % 2 else "boolean",
            target_value=Decimal(3) if n % 2 else None,
            frequency_times=1 + n % 3,
            frequency_days=3,
        )
        for n in range(250)
    )
    Entry.objects.bulk_create(
        (
            Entry(
                habit=habit,
                date=day,
                status="done",
                value=Decimal(day.day) if habit.kind == "numeric" else None,
            )
            for habit in habits
            for day in (date(1970 + year, month, 1) for year in range(57) for month in (1, 7))
            if day <= today
        ),
        batch_size=5000,
    )
    tracemalloc.start()
    try:
        exported = selectors.loop_export(user=user)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    with exported.file, zipfile.ZipFile(exported.file) as archive:
        with archive.open("Scores.csv") as scores:
            lines = sum(1 for _ in io.TextIOWrapper(scores))
        assert lines == (today - date(1970, 1, 1)).days + 2
        assert len(archive.namelist()) == 3 + 2 * 250
    assert peak < writer.MEMORY_CEILING_BYTES, f"{peak / 2**20:.1f} MB"
