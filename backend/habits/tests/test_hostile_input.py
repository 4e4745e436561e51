"""Bounded work for hostile input to the habits API and the Loop import: each test builds the
input an attacker would send and fails if the unbounded work came back."""

from __future__ import annotations

import io
import json
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import date
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
from habits.loop.reader import read_archive
from habits.models import Entry, Habit
from habits.summaries import UPDATE_BATCH_SIZE, summaries_refresh
from habits.tests.loop_fixtures import IMPORT_URL, loop_habits_csv, make_zip, upload
from habits.tests.test_backup import HABIT, MANIFEST
from habits.tests.test_backup import IMPORT_URL as BACKUP_URL

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
READ = ["001", "Read", "YES_NO", "", "", "1", "1", "#7CB342", "", "AT_LEAST", "0", "false"]


def snapshot(user_id: int) -> list[tuple[Any, ...]]:
    habits = list(Habit.objects.filter(user_id=user_id).order_by("pk").values_list())
    entries = list(Entry.objects.filter(habit__user_id=user_id).order_by("pk").values_list())
    return [*habits, *entries]


def with_peak(send: Callable[[], Any]) -> tuple[Any, int]:
    """`send()`'s response and the peak of Python memory allocated while it ran (tracemalloc)."""
    tracemalloc.start()
    try:
        response = send()
        return response, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def refused(response: Any, message: str) -> None:
    assert response.status_code == 400, response.content
    assert message in response.json()["errors"]["file"][0]


def habits_csv_zip(rows: int) -> bytes:
    header = "Position,Name,Type,FrequencyNumerator,FrequencyDenominator\n"
    body = "".join(f"{n},Habit {n},YES_NO,1,1\n" for n in range(1, rows + 1))
    return make_zip({"Habits.csv": header + body})


def with_lying_sizes(content: bytes, member: str, declared: int) -> bytes:
    """The zip with `member`'s uncompressed size rewritten to `declared` in both of its headers,
    as a bomb's author does so that checks of the declared sizes pass."""
    data = bytearray(content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    struct.pack_into("<I", data, local + 22, declared)
    central = data.rfind(b"PK\x01\x02" + data[local + 4 : local + 6])
    while data[central + 46 : central + 46 + len(member)] != member.encode():
        central = data.rfind(b"PK\x01\x02", 0, central)
    struct.pack_into("<I", data, central + 24, declared)
    return bytes(data)


def zip_with(member: str, content: bytes, compression: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        habits = loop_habits_csv(READ)
        archive.writestr("Habits.csv", habits, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(member, content, compress_type=compression)
    return buffer.getvalue()


@pytest.mark.parametrize("compression", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_bzip2_or_lzma_bomb_with_a_lying_header_is_refused_without_inflating_it(
    signed_in: ApiClient, user: User, compression: int
) -> None:
    bomb = with_lying_sizes(
        zip_with("001 Read/Checkmarks.csv", b"\0" * (48 * MB), compression),
        "001 Read/Checkmarks.csv",
        declared=100,
    )
    assert len(bomb) < 200_000
    before = snapshot(user.pk)
    response, peak = with_peak(lambda: upload(signed_in, bomb))
    refused(response, "compressed in a way neither Loop nor this app uses")
    assert peak < 8 * MB, f"{peak / MB:.1f} MB allocated for a {len(bomb)}-byte upload"
    assert snapshot(user.pk) == before


def test_a_deflate_bomb_is_refused_at_an_absurd_ratio_before_it_is_inflated(
    signed_in: ApiClient, user: User
) -> None:
    """19 MB of newlines deflate to 19 KB: within the size limit, but no export looks like that."""
    bomb = zip_with("001 Read/Checkmarks.csv", b"\n" * (19 * MB), zipfile.ZIP_DEFLATED)
    assert len(bomb) < 100_000
    response, peak = with_peak(lambda: upload(signed_in, bomb))
    refused(response, "compressed far more than any real export")
    assert peak < 8 * MB, f"{peak / MB:.1f} MB allocated"


def test_a_deflate_member_whose_header_lies_is_read_no_further_than_it_says(
    signed_in: ApiClient, user: User
) -> None:
    bomb = with_lying_sizes(
        zip_with("001 Read/Checkmarks.csv", b"\n" * (19 * MB), zipfile.ZIP_DEFLATED),
        "001 Read/Checkmarks.csv",
        declared=100,
    )
    response, peak = with_peak(lambda: upload(signed_in, bomb))
    refused(response, str(formats.MESSAGE_NOT_ZIP))
    assert peak < 8 * MB, f"{peak / MB:.1f} MB allocated"


def test_habits_csv_validation_is_linear_in_its_rows(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20,000 rows once cost 22 s of CPU (every row compared with every earlier one)."""
    monkeypatch.setattr(rules, "MAX_HABITS_PER_USER", 1_000_000)
    today = user_today(user=user)

    def cpu_seconds(rows: int) -> float:
        content = habits_csv_zip(rows)
        started = time.process_time()
        habits = read_archive(file=io.BytesIO(content), size=len(content), today=today)
        elapsed = time.process_time() - started
        assert len(habits) == rows
        return elapsed

    cpu_seconds(1_000)  # warm up
    small, large = cpu_seconds(4_000), cpu_seconds(40_000)
    # Ten times the rows: about ten times the work when linear, a hundred when quadratic.
    assert large < 25 * max(small, 0.005), f"4,000 rows: {small:.3f} s, 40,000 rows: {large:.3f} s"


def test_an_import_may_not_take_an_account_past_its_habit_limit(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "MAX_HABITS_PER_USER", 3)
    make_habit(user=user, name="Mine")
    before = snapshot(user.pk)
    refused(upload(signed_in, habits_csv_zip(3)), "An account holds at most 3 habits.")
    refused(upload(signed_in, habits_csv_zip(4)), "lists more than 3 habits")
    assert snapshot(user.pk) == before


def test_creating_a_habit_past_the_limit_is_refused(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "MAX_HABITS_PER_USER", 2)
    for name in ("One", "Two"):
        assert signed_in.post("/api/habits/", {"name": name}).status_code == 201
    response = signed_in.post("/api/habits/", {"name": "Three"})
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == ["An account holds at most 2 habits."]


def test_too_many_files_in_a_zip_are_refused_before_any_is_read(
    signed_in: ApiClient, user: User
) -> None:
    files: dict[str, str | bytes] = {"Habits.csv": loop_habits_csv(READ)}
    files.update({f"junk/{n}.csv": "" for n in range(rules.MAX_IMPORT_FILES + 1)})
    refused(upload(signed_in, make_zip(files)), "The zip holds more than")


def zip_listing(members: int) -> bytes:
    """A zip whose central directory lists `members` one-letter files, all of them the one local
    entry at the start: 47 bytes a member, the most members a file of its size can list."""
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0) + b"a"
    entry = struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    )
    directory = (entry + b"a") * members
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, len(directory), len(local), 0)
    return local + directory + end


@pytest.mark.parametrize("url", [IMPORT_URL, BACKUP_URL])
def test_a_zip_listing_a_hundred_thousand_members_is_refused_before_they_are_listed(
    signed_in: ApiClient, user: User, url: str
) -> None:
    """Python's zipfile makes an object per member of the central directory as it opens a zip,
    before any count of them can be checked: 20 MB of members (400,000) took 180 MB and two
    seconds to refuse. The directory's size is checked in the zip's end record first."""
    make_entry(habit=make_habit(user=user, name="Read"), day=user_today(user=user))
    before = snapshot(user.pk)
    content = zip_listing(100_000)
    response, peak = with_peak(lambda: upload(signed_in, content, url))
    refused(response, "The zip's list of files is larger than")
    assert peak < 4 * len(content), f"{peak / MB:.1f} MB for a {len(content) / MB:.1f} MB zip"
    assert snapshot(user.pk) == before


def stored_backup(habit_file: str) -> bytes:
    """A backup of one habit file, stored (not compressed: a deflated one this repetitive is
    refused for its ratio before it is read)."""
    files = {"manifest.json": json.dumps(MANIFEST), "habits/0001.json": habit_file}
    return make_zip(files, compression=zipfile.ZIP_STORED)


def test_a_backup_file_of_a_million_empty_objects_is_refused_before_it_is_parsed(
    signed_in: ApiClient, user: User
) -> None:
    """json.loads makes an object of each `{}` (and the depth check a tuple of each): 20 MB of
    them took 900 MB and 15 seconds to refuse. The values are counted in the text first."""
    make_entry(habit=make_habit(user=user, name="Read"), day=user_today(user=user))
    before = snapshot(user.pk)
    content = stored_backup(json.dumps({**HABIT, "entries": [{}] * 1_000_000}))
    response, peak = with_peak(lambda: upload(signed_in, content, BACKUP_URL))
    refused(response, "The files hold more than 100000 rows.")
    assert peak < 6 * len(content), f"{peak / MB:.1f} MB for a {len(content) / MB:.1f} MB zip"
    assert snapshot(user.pk) == before


def test_counting_a_backup_file_s_values_takes_linear_time(
    signed_in: ApiClient, settings: Any
) -> None:
    """A string never closed, of escaped quotes, then commas enough to be counted one by one: a
    string pattern that fails at the end is tried again from every quote (quadratic: 8 seconds for
    this 62 KB file, days for a 20 MB one)."""
    settings.IMPORT_MAX_ROWS = 0  # values counted one by one past 1,824
    text = '"' + '\\"' * 30_000 + "," * 2_000
    content = stored_backup(text)
    started = time.monotonic()
    response = upload(signed_in, content, BACKUP_URL)
    assert time.monotonic() - started < 5
    refused(response, "habits/0001.json is not valid JSON")


@pytest.mark.parametrize(
    ("checkmarks", "message"),
    [
        ("," * 3_000_000, "line 1: row larger than row limit (65536)"),
        ('"\na",' * 600_000, "line 1: row larger than row limit (65536)"),
        ("\n" * 3_000_000, "The files hold more than 100000 rows."),
    ],
    ids=["a-line-of-commas", "quoted-line-breaks", "blank-lines"],
)
def test_a_csv_row_of_millions_of_cells_or_millions_of_blank_rows_is_refused_as_it_is_read(
    signed_in: ApiClient, user: User, checkmarks: str, message: str
) -> None:
    """csv builds a whole row before it yields it: 20 MB of commas was one row of 20 million cells
    (150 MB), read as a blank row and imported; 20 MB of blank lines took 5 seconds."""
    make_entry(habit=make_habit(user=user, name="Keep"), day=user_today(user=user))
    before = snapshot(user.pk)
    files = {"Habits.csv": loop_habits_csv(READ), "001 Read/Checkmarks.csv": checkmarks}
    content = make_zip(files, compression=zipfile.ZIP_STORED)
    response, peak = with_peak(lambda: upload(signed_in, content))
    refused(response, message)
    assert peak < 10 * len(content), f"{peak / MB:.1f} MB for a {len(content) / MB:.1f} MB zip"
    assert snapshot(user.pk) == before


def test_summaries_of_thousands_of_habits_are_saved_in_batches(user: User) -> None:
    """One UPDATE for 20,000 habits grew a CASE branch per habit; PostgreSQL's JIT then ran past
    statement_timeout for minutes."""
    Habit.objects.bulk_create(Habit(user=user, name=f"H{n}", position=n) for n in range(5_000))
    habits = list(Habit.objects.filter(user=user))
    with CaptureQueriesContext(connection) as captured:
        summaries_refresh(habits=habits, today=date(2026, 1, 1))
    updates = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) >= 5_000 // UPDATE_BATCH_SIZE  # SQLite's parameter limit makes more
    assert all(sql.count(" WHEN ") <= 3 * UPDATE_BATCH_SIZE for sql in updates)
    assert Habit.objects.filter(user=user, summary_day=date(2026, 1, 1)).count() == 5_000


# --- Values that once were 500s -------------------------------------------------------------------


def test_nul_bytes_in_an_import_are_a_clear_400(signed_in: ApiClient, user: User) -> None:
    files: dict[str, str | bytes] = {
        "Habits.csv": "Position,Name,Type,FrequencyNumerator,FrequencyDenominator\n"
        "1,Re\0ad,YES_NO,1,1\n"
    }
    refused(upload(signed_in, make_zip(files)), "Name contains a NUL character.")
    today = user_today(user=user)
    files = {
        "Habits.csv": loop_habits_csv(READ),
        "001 Read/Checkmarks.csv": f"Date,Value,Notes\n{today},YES_MANUAL,no\0te\n",
    }
    refused(upload(signed_in, make_zip(files)), "Notes contains a NUL character.")


@pytest.mark.parametrize("where", ["position", "frequency", "value", "folder"])
def test_numbers_with_thousands_of_digits_in_an_import_are_a_clear_400(
    signed_in: ApiClient, user: User, where: str
) -> None:
    huge = "9" * 4_400
    today = user_today(user=user)
    row = ["001", "Walk", "NUMERICAL", "", "", "1", "1", "#7CB342", "km", "AT_LEAST", "5", "false"]
    folder, value = "001 Walk", "1000"
    if where == "position":
        row[0] = huge
    elif where == "frequency":
        row[6] = huge
    elif where == "value":
        value = huge
    else:
        folder = f"{huge} Walk"
    files: dict[str, str | bytes] = {
        "Habits.csv": loop_habits_csv(row),
        f"{folder}/Checkmarks.csv": f"Date,Value,Notes\n{today},{value},\n",
    }
    response = upload(signed_in, make_zip(files))
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid"
    assert str(formats.MESSAGE_NOT_ZIP) not in response.json()["errors"]["file"][0]


@pytest.mark.parametrize("path", ["stats", "entries"])
def test_a_range_at_the_start_of_the_calendar_is_a_clear_400(
    signed_in: ApiClient, user: User, path: str
) -> None:
    habit = make_habit(user=user)
    make_entry(habit=habit, day=user_today(user=user))
    for query in ("end=0001-01-01", "start=0001-01-01", "start=1969-12-31&end=1970-01-05"):
        response = signed_in.get(f"/api/habits/{habit.pk}/{path}/?{query}")
        assert response.status_code == 400, (query, response.content)
        assert response.json()["code"] == "invalid"
    first_year = "start=1970-01-01&end=1970-12-31"
    assert signed_in.get(f"/api/habits/{habit.pk}/{path}/?{first_year}").status_code == 200
