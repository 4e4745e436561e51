"""GET /api/export/backup/ and POST /api/import/backup/: our own backup restores an account exactly,
and a bad file is a 400 that names the problem and changes nothing."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.client import BOUNDARY, encode_multipart
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from accounts.selectors import user_today
from conftest import ApiClient
from factories import make_entry, make_group, make_habit, make_user
from habits import rules
from habits.backup import format as b
from habits.models import Entry, Habit, HabitCheckpoint, HabitGroup, Reminder
from habits.tests.loop_fixtures import MULTIPART

pytestmark = pytest.mark.django_db

EXPORT_URL = "/api/export/backup/"
IMPORT_URL = "/api/import/backup/"
HABIT_FIELDS = (
    "name",
    "description",
    "question",
    "color",
    "kind",
    "unit",
    "target_value",
    "target_type",
    "frequency_times",
    "frequency_days",
    "weekdays_mask",
    "period",
    "archived",
    "position",
    "group__name",
)


def backup(api: ApiClient) -> bytes:
    response: Any = api.get(EXPORT_URL)  # a FileResponse
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def restore(api: ApiClient, content: bytes) -> Any:
    body = encode_multipart(
        BOUNDARY, {"file": SimpleUploadedFile("backup.zip", content, "application/zip")}
    )
    return api.post(IMPORT_URL, body, content_type=MULTIPART)


def account(
    user: User,
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every field of the user's groups, habits (with their group's name) and entries that a
    person sees (no ids or timestamps)."""
    groups = list(
        HabitGroup.objects.filter(user=user)
        .order_by("position")
        .values_list("name", "position", "collapsed")
    )
    habits = list(
        Habit.objects.filter(user=user).order_by("position", "name").values_list(*HABIT_FIELDS)
    )
    entries = list(
        Entry.objects.filter(habit__user=user)
        .order_by("habit__position", "habit__name", "date")
        .values_list("habit__position", "date", "status", "value", "note")
    )
    return groups, habits, entries


def signed_in_as(user: User) -> ApiClient:
    client = ApiClient()
    client.force_login(user)
    return client


def members(content: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


def zipped(files: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            text = content if isinstance(content, str | bytes) else json.dumps(content)
            archive.writestr(name, text)
    return buffer.getvalue()


# --- The format -------------------------------------------------------------------------------


def test_anonymous_is_401(api: ApiClient) -> None:
    assert api.get(EXPORT_URL).status_code == 401
    assert restore(api, b"").status_code == 401


def test_a_backup_holds_a_manifest_and_every_field_of_every_habit(
    signed_in: ApiClient, user: User
) -> None:
    today = user_today(user=user)
    make_group(user=user, name="Empty", position=0)
    sport = make_group(user=user, name="Sport", position=3, collapsed=True)
    gym = make_habit(
        user=user,
        group=sport,
        name="Gym",
        color="#1e88e5",
        frequency_times=3,
        frequency_days=7,
        weekdays_mask=0b0010101,
        period="calendar",
        position=4,
    )
    make_entry(habit=gym, day=today, note="legs")
    water = make_habit(
        user=user,
        name="Water",
        kind="numeric",
        unit="L",
        target_value=Decimal("2.5"),
        target_type="at_most",
        archived=True,
        position=9,
    )
    make_entry(
        habit=water, day=today - timedelta(days=1), status="not_done", value=Decimal("0.003")
    )
    response: Any = signed_in.get(EXPORT_URL)
    assert response["Content-Disposition"] == (
        f'attachment; filename="habits-backup-{today.isoformat()}.zip"'
    )
    files = members(b"".join(response.streaming_content))
    assert files.keys() == {
        "manifest.json",
        "groups.json",
        "habits/0001.json",
        "habits/0002.json",
    }
    manifest = files["manifest.json"]
    assert {key: value for key, value in manifest.items() if key != "created_at"} == {
        "format": "habit-tracker-backup",
        "version": 2,
        "groups": 2,
        "habits": 2,
        "entries": 2,
    }
    assert files["groups.json"] == {
        "groups": [
            {"id": 1, "name": "Empty", "position": 0, "collapsed": False},
            {"id": 2, "name": "Sport", "position": 3, "collapsed": True},
        ]
    }
    assert files["habits/0001.json"] == {
        "name": "Gym",
        "description": "",
        "question": "",
        "color": "#1e88e5",
        "kind": "boolean",
        "unit": "",
        "target_value": None,
        "target_type": "at_least",
        "frequency": {"times": 3, "days": 7},
        "weekdays": [1, 3, 5],
        "period": "calendar",
        "archived": False,
        "position": 4,
        "group": 2,
        "reminder": None,
        "entries": [{"date": today.isoformat(), "status": "done", "value": None, "note": "legs"}],
    }
    assert files["habits/0002.json"]["group"] is None
    assert files["habits/0002.json"]["target_value"] == "2.500"
    assert files["habits/0002.json"]["entries"][0]["value"] == "0.003"


def test_a_restore_replaces_the_account_with_the_backup(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    evening = make_group(user=user, name="Evening", collapsed=True)
    kept = make_habit(user=user, name="Read", position=0, group=evening)
    make_entry(habit=kept, day=today)
    content = backup(signed_in)
    before = account(user)
    HabitGroup.objects.filter(pk=evening.pk).update(name="Renamed", collapsed=False)
    make_group(user=user, name="Added since")
    extra = make_habit(user=user, name="Other", position=1)
    make_entry(habit=extra, day=today)
    make_entry(habit=kept, day=today - timedelta(days=1))
    response = restore(signed_in, content)
    assert response.status_code == 200, response.content
    assert response.json() == {
        "habits_restored": 1,
        "entries_restored": 1,
        "habits_replaced": 2,
        "entries_replaced": 3,
    }
    assert account(user) == before
    (listed,) = signed_in.get("/api/habits/").json()
    assert listed["current_streak"] == 1  # the summaries follow the restored entries
    (group,) = signed_in.get("/api/groups/").json()
    assert (group["name"], group["collapsed"], listed["group"]) == ("Evening", True, group["id"])


def test_a_restore_counts_the_habits_and_check_ins_it_replaced_not_the_rows_they_carried(
    signed_in: ApiClient, user: User
) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user, name="Read")
    make_entry(habit=habit, day=today)
    content = backup(signed_in)
    # The engine's saved states, which go with their habit (on_delete=CASCADE).
    HabitCheckpoint.objects.bulk_create(
        HabitCheckpoint(habit=habit, day=today - timedelta(days=days), state={})
        for days in range(1, 11)
    )
    response = restore(signed_in, content)
    assert response.status_code == 200, response.content
    assert (response.json()["habits_replaced"], response.json()["entries_replaced"]) == (1, 1)


def test_a_version_1_backup_still_restores_with_every_habit_in_no_group(
    signed_in: ApiClient, user: User
) -> None:
    make_habit(user=user, group=make_group(user=user, name="Gone"))
    files = good()
    assert files["manifest.json"]["version"] == 1
    assert "group" not in files["habits/0001.json"]
    response = restore(signed_in, zipped(files))
    assert response.status_code == 200, response.content
    assert not HabitGroup.objects.filter(user=user).exists()
    (habit,) = signed_in.get("/api/habits/").json()
    assert (habit["name"], habit["group"]) == ("Read", None)


def test_the_export_reads_two_queries_whatever_the_account(
    signed_in: ApiClient, user: User
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            backup(signed_in)
        return len(captured)

    make_habit(user=user, name="First")
    queries()
    few = queries()
    for index in range(15):
        habit = make_habit(user=user, name=f"H{index}")
        for offset in range(4):
            make_entry(habit=habit, day=date(2024, 1, 1) + timedelta(days=offset))
    assert queries() == few


# --- Backup, then restore: the identity ---------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
AMOUNT = st.decimals(min_value=Decimal(0), max_value=Decimal(10**6), places=3)


@st.composite
def habit_rows(draw: st.DrawFn) -> tuple[dict[str, Any], dict[int, tuple[str, Any, str]]]:
    numeric = draw(st.booleans())
    days = draw(st.sampled_from([1, 2, 7, 14, 30, 31, 365, 366]))
    fields = {
        "name": draw(st.sampled_from(["Read", "Run", "  Read  ", "Gym ☕"])),  # names may repeat
        "description": draw(TEXT),
        "question": draw(TEXT),
        "color": "#" + draw(st.text("0123456789abcdefABCDEF", min_size=6, max_size=6)),
        "kind": "numeric" if numeric else "boolean",
        "unit": draw(TEXT) if numeric else "",
        "target_value": draw(AMOUNT) if numeric else None,
        "target_type": draw(st.sampled_from(["at_least", "at_most"])),
        "frequency_times": draw(st.integers(1, days)),
        "frequency_days": days,
        "weekdays_mask": draw(st.integers(0, rules.ALL_WEEKDAYS_MASK - 1)),
        "period": draw(st.sampled_from(["rolling", "calendar"])),
        "archived": draw(st.booleans()),
    }
    entry = st.one_of(
        st.tuples(st.just("done"), AMOUNT if numeric else st.none(), TEXT),
        st.tuples(st.just("skipped"), AMOUNT | st.none() if numeric else st.none(), TEXT),
        st.tuples(st.just("not_done"), AMOUNT | st.none() if numeric else st.none(), TEXT),
    )
    return fields, draw(st.dictionaries(st.integers(0, 20_000), entry, max_size=30))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    habits=st.lists(habit_rows(), max_size=5),
    positions=st.lists(st.integers(0, 1000), min_size=5, max_size=5, unique=True),
    groups=st.lists(
        st.tuples(st.integers(0, 1000), st.booleans()),
        max_size=3,
        unique_by=lambda group: group[0],
    ),
    membership=st.lists(st.integers(-1, 2), min_size=5, max_size=5),
)
def test_backup_then_restore_is_the_identity(
    habits: list[tuple[dict[str, Any], dict[int, tuple[str, Any, str]]]],
    positions: list[int],
    groups: list[tuple[int, bool]],
    membership: list[int],
) -> None:
    """Every field (weekdays, calendar periods, order with gaps, repeated names), every entry
    (any status, with or without an amount, notes) and every group (its order, collapsed or not,
    its habits) comes back, into another account or the same."""
    source, target = make_user(), make_user()
    today = user_today(user=source)
    made = [
        make_group(user=source, name=f"Group {position}", position=position, collapsed=collapsed)
        for position, collapsed in groups
    ]
    for (fields, entries), position, member in zip(habits, positions, membership, strict=False):
        group = made[member] if 0 <= member < len(made) else None
        habit = make_habit(user=source, position=position, group=group, **fields)
        for ago, (status, value, note) in entries.items():
            day = max(today - timedelta(days=ago), rules.EARLIEST_DAY)
            Entry.objects.update_or_create(
                habit=habit, date=day, defaults={"status": status, "value": value, "note": note}
            )
    content = backup(signed_in_as(source))
    target_client = signed_in_as(target)
    make_habit(user=target, name="Replaced", group=make_group(user=target, name="Replaced"))

    assert restore(target_client, content).status_code == 200
    assert account(target) == account(source)
    assert restore(signed_in_as(source), content).status_code == 200
    assert account(source) == account(target)
    assert backup(target_client) != b""


# --- Bad files ----------------------------------------------------------------------------------

HABIT: dict[str, Any] = {
    "name": "Read",
    "description": "",
    "question": "",
    "color": "#7CB342",
    "kind": "numeric",
    "unit": "pages",
    "target_value": "10",
    "target_type": "at_least",
    "frequency": {"times": 1, "days": 1},
    "weekdays": [],
    "period": "rolling",
    "archived": False,
    "position": 0,
    "entries": [{"date": "2024-05-01", "status": "done", "value": "12", "note": ""}],
}
MANIFEST = {"format": b.FORMAT, "version": 1, "created_at": "x", "habits": 1, "entries": 1}


GROUP: dict[str, Any] = {"id": 1, "name": "Sport", "position": 0, "collapsed": False}
GROUPS = {"groups": [GROUP]}
MANIFEST_2 = {**MANIFEST, "version": 2, "groups": 1}


def good(**habit: Any) -> dict[str, Any]:
    """A version 1 backup: no groups."""
    return {"manifest.json": MANIFEST, "habits/0001.json": {**HABIT, **habit}}


def grouped(**habit: Any) -> dict[str, Any]:
    """A version 2 backup: its habit in its one group."""
    return {
        "manifest.json": MANIFEST_2,
        "groups.json": GROUPS,
        "habits/0001.json": {**HABIT, "group": 1, **habit},
    }


def grouped_with(first: dict[str, Any], *more: dict[str, Any]) -> dict[str, Any]:
    """A version 2 backup whose groups are GROUP changed by `first`, then GROUP changed by each
    of `more`; its habit in no group."""
    groups = [{**GROUP, **first}, *({**GROUP, **changes} for changes in more)]
    return {
        "manifest.json": MANIFEST_2 | {"groups": len(groups)},
        "groups.json": {"groups": groups},
        "habits/0001.json": {**HABIT, "group": None},
    }


def entry(**fields: Any) -> dict[str, Any]:
    return good(entries=[{**HABIT["entries"][0], **fields}])


def without(key: str) -> dict[str, Any]:
    files = good()
    del files["habits/0001.json"][key]
    return files


def today_plus(days: int) -> Callable[[date], dict[str, Any]]:
    return lambda today: entry(date=(today + timedelta(days=days)).isoformat())


BAD: dict[str, tuple[Callable[[date], bytes | dict[str, Any]], str]] = {
    "not-a-zip": (lambda today: b"{}", str(b.MESSAGE_NOT_ZIP)),
    "no-manifest": (lambda today: {"habits/0001.json": HABIT}, str(b.MESSAGE_NO_MANIFEST)),
    "another-format": (
        lambda today: {**good(), "manifest.json": {**MANIFEST, "format": "loop"}},
        "does not describe a backup of this app (format 'loop')",
    ),
    "newer-version": (
        lambda today: {**good(), "manifest.json": {**MANIFEST, "version": 3}},
        "format version 3; this app reads version 2 and older",
    ),
    "groups-in-version-1": (
        lambda today: {**good(), "groups.json": GROUPS},
        "groups.json: unexpected file",
    ),
    "no-groups-file": (
        lambda today: {k: v for k, v in grouped().items() if k != "groups.json"},
        "The zip has no groups.json, which a backup of version 2 holds.",
    ),
    "no-group-count": (
        lambda today: {**grouped(), "manifest.json": MANIFEST_2 | {"groups": None}},
        "manifest.json: 'groups' must be a whole number",
    ),
    "group-count": (
        lambda today: {**grouped(), "manifest.json": MANIFEST_2 | {"groups": 2}},
        "manifest.json counts 2 groups; groups.json holds 1: the backup is incomplete.",
    ),
    "habit-without-group-key": (
        lambda today: {**grouped(), "habits/0001.json": HABIT},
        "habits/0001.json: 'group' is missing.",
    ),
    "no-such-group": (
        lambda today: grouped(group=7),
        "habits/0001.json: 'group' is 7, which no group in groups.json has.",
    ),
    "group-not-a-number": (lambda today: grouped(group="Sport"), "'group' must be a whole"),
    "group-blank-name": (
        lambda today: grouped_with({"name": " "}),
        "groups.json, group 1: 'name' must be a name that is not blank.",
    ),
    "group-long-name": (
        lambda today: grouped_with({"name": "x" * 101}),
        "groups.json, group 1: 'name' is longer than 100 characters.",
    ),
    "group-collapsed-type": (
        lambda today: grouped_with({"collapsed": 1}),
        "'collapsed' must be true or false.",
    ),
    "group-name-twice": (
        lambda today: grouped_with({}, {"id": 2, "name": "SPORT", "position": 1}),
        "groups.json, group 2: the name 'SPORT' is another group's too (in any case).",
    ),
    "group-id-twice": (
        lambda today: grouped_with({}, {"name": "Other", "position": 1}),
        "groups.json, group 2: id 1 is another group's too.",
    ),
    "group-position-twice": (
        lambda today: grouped_with({}, {"id": 2, "name": "Other"}),
        "groups.json, group 2: position 0 is another group's too.",
    ),
    "stray-file": (lambda today: {**good(), "notes.txt": "hi"}, "notes.txt: unexpected file"),
    "incomplete": (
        lambda today: {**good(), "manifest.json": {**MANIFEST, "entries": 2}},
        "the zip holds 1 and 1: the backup is incomplete",
    ),
    "not-json": (
        lambda today: {**good(), "habits/0001.json": "{"},
        "habits/0001.json is not valid",
    ),
    "nan": (
        lambda today: {**good(), "habits/0001.json": json.dumps(HABIT).replace('"10"', "NaN")},
        "NaN is not a JSON number",
    ),
    "deep": (
        lambda today: {**good(), "habits/0001.json": {**HABIT, "frequency": {"times": [[1]]}}},
        "habits/0001.json is nested deeper than a backup ever is",
    ),
    "very-deep": (
        lambda today: {**good(), "habits/0001.json": "[" * 100_000 + "]" * 100_000},
        "nested deeper",
    ),
    "missing-key": (lambda today: without("period"), "habits/0001.json: 'period' is missing."),
    "wrong-type": (lambda today: good(archived="no"), "'archived' must be true or false."),
    "bad-kind": (lambda today: good(kind="maybe"), "'kind' must be one of boolean, numeric"),
    "bad-colour": (lambda today: good(color="red"), rules.MESSAGE_COLOR),
    "bad-frequency": (lambda today: good(frequency={"times": 3, "days": 2}), "Times must not"),
    "bad-weekdays": (lambda today: good(weekdays=[1, 1]), "'weekdays' must list distinct"),
    "float-target": (lambda today: good(target_value=2.5), "'target_value' must be a decimal"),
    "too-precise": (lambda today: good(target_value="0.0001"), "at most 3 places"),
    "negative": (lambda today: good(target_value="-1"), "'target_value' must be a decimal"),
    "boolean-target": (lambda today: good(kind="boolean"), "null for a yes/no habit"),
    "long-name": (lambda today: good(name="x" * 101), "'name' is longer than 100 characters."),
    "blank-name": (lambda today: good(name="  "), "a name that is not blank"),
    "nul": (lambda today: entry(note="a\x00b"), "entry 1 (2024-05-01): 'note' contains a NUL"),
    "bad-day": (lambda today: entry(date="2024-02-30"), rules.MESSAGE_BAD_DAY),
    "bad-reminder-time": (
        lambda today: good(reminder={"time": "24:00", "weekdays": None, "channel": "push"}),
        str(b.PROBLEM_REMINDER),
    ),
    "bad-reminder-weekdays": (
        lambda today: good(reminder={"time": "07:00", "weekdays": [0, 1], "channel": "push"}),
        str(b.PROBLEM_REMINDER),
    ),
    "bad-reminder-channel": (
        lambda today: good(reminder={"time": "07:00", "weekdays": None, "channel": "sms"}),
        str(b.PROBLEM_REMINDER),
    ),
    "bad-reminder-shape": (lambda today: good(reminder="07:00"), str(b.PROBLEM_REMINDER)),
    "before-1970": (lambda today: entry(date="1969-12-31"), rules.MESSAGE_BEFORE_EARLIEST_DAY),
    "far-ahead": (today_plus(3), "more than 2 days after today"),
    "done-without-amount": (lambda today: entry(value=None), rules.MESSAGE_VALUE_REQUIRED),
    "bad-status": (lambda today: entry(status="great"), "'status' must be one of done"),
    "day-twice": (
        lambda today: {
            "manifest.json": {**MANIFEST, "entries": 2},
            "habits/0001.json": {**HABIT, "entries": HABIT["entries"] * 2},
        },
        "entry 2 (2024-05-01): the day appears twice.",
    ),
    "same-position": (
        lambda today: {
            "manifest.json": {**MANIFEST, "habits": 2, "entries": 2},
            "habits/0001.json": HABIT,
            "habits/0002.json": HABIT,
        },
        "habits/0002.json: position 0 is another habit's too.",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_backup_is_a_400_that_names_the_problem_and_changes_nothing(
    signed_in: ApiClient, user: User, case: str
) -> None:
    build, message = BAD[case]
    today = user_today(user=user)
    habit = make_habit(user=user, name="Mine")
    make_entry(habit=habit, day=today, note="keep me")
    before = account(user)
    files = build(today)
    response = restore(signed_in, files if isinstance(files, bytes) else zipped(files))
    assert response.status_code == 400, response.content
    assert message in response.json()["errors"]["file"][0]
    assert account(user) == before


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (good(archived="no"), "'archived' muss true oder false sein."),
        (good(entries=[{"date": 20260318}]), "'date' muss ein Datum als JJJJ-MM-TT sein."),
    ],
)
def test_a_bad_backup_is_explained_in_the_request_s_language(
    signed_in: ApiClient, files: dict[str, Any], message: str
) -> None:
    body = encode_multipart(
        BOUNDARY, {"file": SimpleUploadedFile("backup.zip", zipped(files), "application/zip")}
    )
    response = signed_in.post(
        IMPORT_URL, body, content_type=MULTIPART, headers={"accept-language": "de"}
    )
    assert response.status_code == 400, response.content
    assert message in response.json()["errors"]["file"][0]


def test_reminders_are_backed_up_and_restored(signed_in: ApiClient, user: User) -> None:
    """A backup holds each habit's reminder (ISO weekdays, as the habit's own); restoring brings
    it back and plans it. Backups from before reminders (no key) restore without one."""
    morning = make_habit(user=user, name="Stretch", position=0)
    evening = make_habit(user=user, name="Read", position=1)
    make_habit(user=user, name="None", position=2)
    signed_in.put(f"/api/habits/{morning.pk}/reminder/", {"time": "07:15"})
    signed_in.put(
        f"/api/habits/{evening.pk}/reminder/",
        {"time": "21:00", "weekdays": [0, 6], "channel": "email"},
    )
    content = backup(signed_in)
    files = members(content)
    assert [files[f"habits/000{i}.json"]["reminder"] for i in (1, 2, 3)] == [
        {"time": "07:15", "weekdays": None, "channel": "push"},
        {"time": "21:00", "weekdays": [1, 7], "channel": "email"},
        None,
    ]
    target = make_user()
    assert restore(signed_in_as(target), content).status_code == 200
    restored = {
        reminder.habit.name: reminder for reminder in Reminder.objects.filter(habit__user=target)
    }
    assert sorted(restored) == ["Read", "Stretch"]
    assert restored["Read"].weekdays_mask == rules.weekdays_to_mask([1, 7])
    assert restored["Read"].channel == "email"
    assert all(reminder.next_at is not None for reminder in restored.values())
    assert restore(signed_in, zipped(good())).status_code == 200  # no "reminder" key
    assert not Reminder.objects.filter(habit__user=user).exists()


def test_a_day_just_ahead_of_today_is_kept(signed_in: ApiClient, user: User) -> None:
    files = today_plus(2)(user_today(user=user))
    assert restore(signed_in, zipped(files)).status_code == 200


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("IMPORT_MAX_BYTES", 100, "The file is larger than 100 bytes."),
        ("IMPORT_MAX_ROWS", 0, "The files hold more than 0 rows."),
    ],
)
def test_the_import_limits_hold(
    signed_in: ApiClient, user: User, settings: Any, setting: str, value: int, message: str
) -> None:
    content = zipped(good())
    setattr(settings, setting, value)
    response = restore(signed_in, content)
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [message]
    assert not Habit.objects.filter(user=user).exists()


def test_more_habits_than_an_account_holds_are_refused(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "MAX_HABITS_PER_USER", 1)
    files = {
        "manifest.json": {**MANIFEST, "habits": 2, "entries": 0},
        "habits/0001.json": {**HABIT, "entries": []},
        "habits/0002.json": {**HABIT, "position": 1, "entries": []},
    }
    # Three members pass the count of files (habits, manifest and groups.json); the habits do not.
    response = restore(signed_in, zipped(files))
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The backup holds more than 1 habits."]
    files["habits/0003.json"] = {**HABIT, "position": 2, "entries": []}
    response = restore(signed_in, zipped(files))
    assert cast(str, response.json()["errors"]["file"][0]).startswith("The zip holds more than 3")
    assert not Habit.objects.filter(user=user).exists()


def test_more_groups_than_an_account_holds_are_refused(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "MAX_GROUPS_PER_USER", 1)
    files = grouped_with({}, {"id": 2, "name": "Other", "position": 1})
    response = restore(signed_in, zipped(files))
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["The backup holds more than 1 groups."]
    assert not HabitGroup.objects.filter(user=user).exists()


def test_a_note_without_a_status_survives_a_backup(signed_in: ApiClient, user: User) -> None:
    today = user_today(user=user)
    habit = make_habit(user=user, name="Read")
    make_entry(habit=habit, day=today, status=None, note="library closed")
    content = backup(signed_in)
    before = account(user)
    response = restore(signed_in, content)
    assert response.status_code == 200, response.content
    assert account(user) == before
    assert Entry.objects.get().status is None
