"""Round trips through Loop's CSV: everything Loop's format can express comes back.

Account -> Loop CSV -> fresh account: the same habits, entries, notes and scores, but for what a
Loop file cannot carry, as `habits.loop.writer` documents: weekdays and calendar periods (the
frequency travels, and the score ignores both), N/N as 1/1 (Loop's frequency), a yes/no habit's
target type, an amount of 0.003 (Loop's skip), and a yes/no not-done day without a note that
Loop shows as YES_AUTO (its frequency had covered it).

Loop CSV -> account -> Loop CSV: every file the same, byte for byte; only the all-habits files may
begin later, when the oldest day of all was such a not-done day (Loop dates them from the oldest
entry); a second round changes nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.selectors import user_today
from conftest import ApiClient
from factories import make_entry, make_habit, make_user
from habits.loop.formats import folder_name
from habits.tests.loop_fixtures import csv_rows, export, snapshot, unzip, upload

# Printable text plus the characters CSV has to quote; no NUL (PostgreSQL text refuses it).
CSV_HOSTILE = st.sampled_from(
    [",", '"', "\n", "\r\n", "'", "=", "+", "-", "@", ";", " ", "é", "☕"]
)
TEXT = st.lists(
    st.one_of(CSV_HOSTILE, st.characters(codec="utf-8", exclude_characters="\x00")),
    max_size=20,
).map("".join)
NAME = (
    st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), max_size=30)
    .map(str.strip)
    .filter(bool)
)
AMOUNT = st.decimals(min_value=Decimal(0), max_value=Decimal(10_000), places=3).filter(
    lambda amount: amount != Decimal("0.003")
)
TARGET = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(10_000), places=3)


@dataclass
class GeneratedHabit:
    fields: dict[str, Any]
    entries: dict[int, tuple[str, Decimal | None, str]]  # days ago -> (status, value, note)


@st.composite
def frequencies(draw: st.DrawFn) -> tuple[int, int]:
    days = draw(st.sampled_from([1, 2, 3, 7, 14, 30, 31]))
    return draw(st.integers(1, days)), days


@st.composite
def generated_habit(draw: st.DrawFn) -> GeneratedHabit:
    numeric = draw(st.booleans())
    times, days = draw(frequencies())
    fields: dict[str, Any] = {
        "kind": "numeric" if numeric else "boolean",
        "question": draw(TEXT),
        "description": draw(TEXT),
        "color": "#" + draw(st.text("0123456789ABCDEF", min_size=6, max_size=6)),
        "unit": draw(TEXT.map(lambda text: text[:30])) if numeric else "",
        "target_value": draw(TARGET) if numeric else None,
        "target_type": draw(st.sampled_from(["at_least", "at_most"])),
        "frequency_times": times,
        "frequency_days": days,
        "weekdays_mask": draw(st.sampled_from([0, 0b0010101, 0b1100000])),
        "period": draw(st.sampled_from(["rolling", "calendar"])),
        "archived": draw(st.booleans()),
    }
    entry = st.one_of(
        st.tuples(st.just("done"), AMOUNT if numeric else st.none(), TEXT),
        st.tuples(st.just("skipped"), st.none(), TEXT),
        st.tuples(st.just("not_done"), st.none(), TEXT),
    )
    entries = draw(st.dictionaries(st.integers(0, 400), entry, max_size=40))
    return GeneratedHabit(fields=fields, entries=entries)


def loop_expressible(habits: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Snapshot rows of habits as Loop's CSV can hold them."""
    rows = []
    for row in habits:
        (
            name,
            kind,
            question,
            description,
            color,
            unit,
            target,
            target_type,
            times,
            days,
            archived,
        ) = row
        if times == days:
            times = days = 1
        if kind == "boolean":
            target_type = "at_least"
        rows.append(
            (
                name,
                kind,
                question,
                description,
                color,
                unit,
                target,
                target_type,
                times,
                days,
                archived,
            )
        )
    return rows


def shown_as_yes_auto(files: dict[str, str]) -> set[tuple[str, date]]:
    """(folder, day) of the YES_AUTO lines without a note in an export's per-habit files."""
    shown = set()
    for path, text in files.items():
        if path.count("/") == 1 and path.endswith("Checkmarks.csv"):
            for day, value, note in csv_rows(text)[1:]:
                if value == "YES_AUTO" and not note:
                    shown.add((path.split("/")[0], date.fromisoformat(day)))
    return shown


def score_histories(api: ApiClient, start: date, end: date) -> dict[str, list[dict[str, Any]]]:
    histories = {}
    for habit in api.get("/api/habits/").json() + api.get("/api/habits/?archived=true").json():
        stats = api.get(f"/api/habits/{habit['id']}/stats/?start={start}&end={end}").json()
        histories[habit["name"]] = stats["score_history"]
    return histories


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    # The function-scoped fixtures are the test database and the cache clearing; every example
    # makes its own users, so nothing leaks from one example into the next.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    habits=st.lists(generated_habit(), min_size=1, max_size=4),
    names=st.lists(NAME, min_size=4, max_size=4, unique=True),
)
def test_export_then_import_into_a_fresh_account_keeps_everything(
    habits: list[GeneratedHabit], names: list[str]
) -> None:
    source_user, target_user = make_user(), make_user()
    today = user_today(user=source_user)
    for generated, name in zip(habits, names, strict=False):
        habit = make_habit(user=source_user, name=name, **generated.fields)
        for ago, (status, value, note) in generated.entries.items():
            make_entry(
                habit=habit, day=today - timedelta(days=ago), status=status, value=value, note=note
            )
    source, target = ApiClient(), ApiClient()
    source.force_login(source_user)
    target.force_login(target_user)

    exported = export(source)
    response = upload(target, exported)

    assert response.status_code == 200, response.content
    source_habits, source_entries = snapshot(source_user.pk)
    target_habits, target_entries = snapshot(target_user.pk)
    assert target_habits == loop_expressible(source_habits)
    folders = {row[0]: folder_name(index, row[0]) for index, row in enumerate(source_habits, 1)}
    derived = shown_as_yes_auto(unzip(exported))
    assert target_entries == [
        (name, day, status, value, note)
        for name, day, status, value, note in source_entries
        if not (status == "not_done" and not note and (folders[name], day) in derived)
    ]
    assert response.json() == {
        "habits_created": len(habits),
        "habits_updated": 0,
        "entries_created": len(target_entries),
        "entries_updated": 0,
    }
    start = today - timedelta(days=401)
    assert score_histories(target, start, today) == score_histories(source, start, today)


def accounts(count: int) -> list[ApiClient]:
    clients = []
    for _ in range(count):
        client = ApiClient()
        client.force_login(make_user())
        clients.append(client)
    return clients


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    habits=st.lists(generated_habit(), min_size=1, max_size=4),
    names=st.lists(NAME, min_size=4, max_size=4, unique=True),
)
def test_a_loop_csv_imported_and_exported_again_is_the_same_file(
    habits: list[GeneratedHabit], names: list[str]
) -> None:
    source_user = make_user()
    today = user_today(user=source_user)
    for generated, name in zip(habits, names, strict=False):
        habit = make_habit(user=source_user, name=name, **generated.fields)
        for ago, (status, value, note) in generated.entries.items():
            make_entry(
                habit=habit, day=today - timedelta(days=ago), status=status, value=value, note=note
            )
    source, middle, last = ApiClient(), *accounts(2)
    source.force_login(source_user)
    first = export(source)  # a Loop CSV, as Loop writes one

    assert upload(middle, first).status_code == 200
    second = export(middle)
    assert upload(last, second).status_code == 200
    third = export(last)

    before, after = unzip(first), unzip(second)
    assert before.keys() == after.keys()
    for path in before:
        if "/" in path or path == "Habits.csv":
            assert after[path] == before[path], path
        else:
            assert before[path].startswith(after[path]), path
    assert unzip(third) == after
