"""Read a backup (see `format`) into plain values, refusing anything doubtful.

Nothing here touches the database: the restore checks the whole file first and writes only when
all of it is good. The zip is read through `habits.zips` (size, members, compression, bombs); each
JSON file is parsed with NaN and Infinity refused, only when it holds no more values than the
entries still allowed can (`VALUES_PER_ENTRY`, counted in its text first), and may nest no deeper
than the format does; at most `rules.MAX_HABITS_PER_USER` habits, `rules.MAX_GROUPS_PER_USER`
groups and `IMPORT_MAX_ROWS` entries are read. Every value is held to the rules the API holds it
to (`habits.rules`), with one difference: a day up to `rules.IMPORT_DAYS_AHEAD` days after today
is kept, as a backup made in a time zone ahead may hold one.
Every refusal is a `ValidationError` on `file` naming the file, the entry and the field.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.parsers import json_depth_exceeds
from habits import rules
from habits.backup import format as b
from habits.rules import MAX_AMOUNT, THOUSANDTH, Channel, Kind, Period, Status, TargetType
from habits.zips import MESSAGE_TOO_MANY_ROWS, BoundedZip, open_zip, refuse

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

# More characters than any amount has are refused before Decimal() reads them.
AMOUNT_MAX_CHARACTERS = 32
# The values a JSON file may hold, counted before it is parsed (commas, objects and lists outside
# its strings): json.loads makes an object of each, and 20 MB of `{},` made 6.6 million of them
# (900 MB with the depth check, 15 seconds). An entry is one object of four members (five: three
# commas inside, one after, its brace); a file's own fields, schedule and reminder take a few dozen.
VALUES_PER_ENTRY = 8
VALUES_PER_FILE = 1024
# A JSON string; one left open runs to the end, so that every search from a quote matches (a
# pattern that could fail would be tried again from each later quote: quadratic on `"\\"\\"...`).
JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
MAX_POSITION = 2**31 - 1


@dataclass(frozen=True, slots=True)
class BackupEntry:
    day: date
    status: Status | None
    value: Decimal | None
    note: str


@dataclass(frozen=True, slots=True)
class BackupReminder:
    time: time
    weekdays_mask: int | None
    """ISO weekdays as the habit's mask (1-127); None: the habit's scheduled days."""
    channel: Channel


@dataclass(frozen=True, slots=True)
class BackupGroup:
    id: int
    """The group's number in this backup (what a habit's `group` names), not a database id."""
    name: str
    position: int
    collapsed: bool


@dataclass(frozen=True, slots=True)
class BackupHabit:
    name: str
    description: str
    question: str
    color: str
    kind: Kind
    unit: str
    target_value: Decimal | None
    target_type: TargetType
    frequency_times: int
    frequency_days: int
    weekdays_mask: int
    period: Period
    archived: bool
    position: int
    group: int | None
    """The `id` of its group in the backup's groups, or None."""
    entries: list[BackupEntry]
    reminder: BackupReminder | None = None


@dataclass(frozen=True, slots=True)
class Backup:
    groups: list[BackupGroup]
    """In order (position); none in a backup of version 1."""
    habits: list[BackupHabit]
    """In list order (position), each with its entries."""


class Problem(Exception):
    """What is wrong with one value; the caller adds where it is."""


def read_backup(*, file: IO[bytes], size: int, today: date) -> Backup:
    """The groups and the habits of a backup, each in order, the habits with their entries."""
    with open_zip(file=file, size=size, not_zip=b.MESSAGE_NOT_ZIP) as archive:
        return _Backup(BoundedZip(archive, not_zip=b.MESSAGE_NOT_ZIP), today).read()


class _Backup:
    def __init__(self, archive: BoundedZip, today: date) -> None:
        self.archive = archive
        self.latest_day = rules.latest_imported_day(today)
        self.today = today
        self.rows_left = settings.IMPORT_MAX_ROWS

    def read(self) -> Backup:
        self.archive.check(rules.MAX_HABITS_PER_USER + 2)
        manifest: zipfile.ZipInfo | None = None
        groups_file: zipfile.ZipInfo | None = None
        habit_files = []
        for info in self.archive.files:
            if info.filename == b.MANIFEST_FILE:
                manifest = info
            elif info.filename == b.GROUPS_FILE:
                groups_file = info
            elif b.HABIT_FILE_PATTERN.match(info.filename):
                habit_files.append(info)
            else:
                raise refuse(b.MESSAGE_UNEXPECTED_FILE.format(path=info.filename))
        if manifest is None:
            raise refuse(b.MESSAGE_NO_MANIFEST)
        version, habits_counted, entries_counted, groups_counted = self._manifest(manifest)
        with_groups = version >= b.GROUPS_VERSION
        if with_groups and groups_file is None:
            raise refuse(b.MESSAGE_NO_GROUPS.format(version=version))
        if not with_groups and groups_file is not None:
            raise refuse(b.MESSAGE_UNEXPECTED_FILE.format(path=groups_file.filename))
        groups = [] if groups_file is None else self._groups(groups_file, groups_counted)
        if len(habit_files) > rules.MAX_HABITS_PER_USER:
            raise refuse(b.MESSAGE_TOO_MANY_HABITS.format(limit=rules.MAX_HABITS_PER_USER))
        habit_files.sort(key=lambda info: info.filename)
        habits = [self._habit(info, with_groups) for info in habit_files]
        entries = sum(len(habit.entries) for habit in habits)
        if (len(habits), entries) != (habits_counted, entries_counted):
            raise refuse(
                b.MESSAGE_COUNTS.format(
                    habits=habits_counted,
                    entries=entries_counted,
                    found_habits=len(habits),
                    found_entries=entries,
                )
            )
        positions: set[int] = set()
        group_ids = {group.id for group in groups}
        for info, habit in zip(habit_files, habits, strict=True):
            problem = None
            if habit.position in positions:
                problem = b.PROBLEM_POSITION_TWICE.format(value=habit.position)
            elif habit.group is not None and habit.group not in group_ids:
                problem = b.PROBLEM_NO_SUCH_GROUP.format(value=habit.group)
            if problem is not None:
                raise refuse(b.MESSAGE_FIELD.format(where=info.filename, problem=problem))
            positions.add(habit.position)
        return Backup(
            groups=sorted(groups, key=lambda group: group.position),
            habits=sorted(habits, key=lambda habit: habit.position),
        )

    def _groups(self, info: zipfile.ZipInfo, counted: int) -> list[BackupGroup]:
        document = self._document(info)
        try:
            raw_groups = _value(document, "groups", list, _("a list"))
        except Problem as problem:
            raise refuse(b.MESSAGE_FIELD.format(where=info.filename, problem=problem)) from None
        if len(raw_groups) > rules.MAX_GROUPS_PER_USER:
            raise refuse(b.MESSAGE_TOO_MANY_GROUPS.format(limit=rules.MAX_GROUPS_PER_USER))
        if len(raw_groups) != counted:
            raise refuse(b.MESSAGE_GROUP_COUNT.format(groups=counted, found=len(raw_groups)))
        groups: list[BackupGroup] = []
        ids: set[int] = set()
        positions: set[int] = set()
        names: set[str] = set()
        for index, raw in enumerate(raw_groups, start=1):
            try:
                group = _group(raw)
                if group.id in ids:
                    raise Problem(b.PROBLEM_GROUP_ID_TWICE.format(value=group.id))
                if group.position in positions:
                    raise Problem(b.PROBLEM_GROUP_POSITION_TWICE.format(value=group.position))
                if rules.group_name_key(group.name) in names:
                    raise Problem(b.PROBLEM_GROUP_NAME_TWICE.format(value=group.name[:40]))
            except Problem as problem:
                raise refuse(b.MESSAGE_GROUP.format(index=index, problem=problem)) from None
            ids.add(group.id)
            positions.add(group.position)
            names.add(rules.group_name_key(group.name))
            groups.append(group)
        return groups

    def _document(self, info: zipfile.ZipInfo) -> dict[str, Any]:
        text = self.archive.text(info)
        entries = self.rows_left + rules.MAX_GROUPS_PER_USER
        if _values_exceed(text, VALUES_PER_ENTRY * entries + VALUES_PER_FILE):
            raise refuse(MESSAGE_TOO_MANY_ROWS.format(limit=settings.IMPORT_MAX_ROWS))
        try:
            document = json.loads(text, parse_constant=_not_a_number)
        except RecursionError:
            raise refuse(b.MESSAGE_TOO_DEEP.format(file=info.filename)) from None
        except ValueError as error:
            raise refuse(b.MESSAGE_NOT_JSON.format(file=info.filename, error=error)) from None
        if json_depth_exceeds(document, b.MAX_DEPTH):
            raise refuse(b.MESSAGE_TOO_DEEP.format(file=info.filename))
        if not isinstance(document, dict):
            raise refuse(b.MESSAGE_FIELD.format(where=info.filename, problem=b.PROBLEM_NOT_OBJECT))
        return document

    def _manifest(self, info: zipfile.ZipInfo) -> tuple[int, int, int, int]:
        document = self._document(info)
        if document.get("format") != b.FORMAT:
            raise refuse(b.MESSAGE_NOT_BACKUP.format(value=document.get("format")))
        try:
            version = _integer(document, "version", 1, MAX_POSITION)
            if version > b.VERSION:
                message = b.MESSAGE_NEWER_VERSION.format(version=version, supported=b.VERSION)
                raise refuse(message)
            habits = _integer(document, "habits", 0, MAX_POSITION)
            entries = _integer(document, "entries", 0, MAX_POSITION)
            groups = (
                _integer(document, "groups", 0, MAX_POSITION) if version >= b.GROUPS_VERSION else 0
            )
        except Problem as problem:
            raise refuse(b.MESSAGE_FIELD.format(where=info.filename, problem=problem)) from None
        return version, habits, entries, groups

    def _habit(self, info: zipfile.ZipInfo, with_group: bool) -> BackupHabit:
        document = self._document(info)
        try:
            habit = _habit_fields(document)
            habit["group"] = _group_reference(document) if with_group else None
            raw_entries = _value(document, "entries", list, _("a list"))
        except Problem as problem:
            raise refuse(b.MESSAGE_FIELD.format(where=info.filename, problem=problem)) from None
        self.rows_left -= len(raw_entries)
        if self.rows_left < 0:
            raise refuse(MESSAGE_TOO_MANY_ROWS.format(limit=settings.IMPORT_MAX_ROWS))
        days: set[date] = set()
        for index, raw in enumerate(raw_entries, start=1):
            try:
                entry = self._entry(raw, habit["kind"], days)
            except Problem as problem:
                day = raw.get("date") if isinstance(raw, dict) else None
                shown = day[:10] if isinstance(day, str) else "no date"
                message = b.MESSAGE_ENTRY.format(
                    file=info.filename, index=index, day=shown, problem=problem
                )
                raise refuse(message) from None
            habit["entries"].append(entry)
        return BackupHabit(**habit)

    def _entry(self, raw: Any, kind: Kind, days: set[date]) -> BackupEntry:
        if not isinstance(raw, dict):
            raise Problem(b.PROBLEM_NOT_OBJECT)
        text = _value(raw, "date", str, _("a date as YYYY-MM-DD"))
        day = rules.parse_day(text)
        if day is None:
            raise Problem(gettext(rules.MESSAGE_BAD_DAY))
        if day < rules.EARLIEST_DAY:
            raise Problem(gettext(rules.MESSAGE_BEFORE_EARLIEST_DAY))
        if day > self.latest_day:
            ahead = rules.IMPORT_DAYS_AHEAD
            raise Problem(b.PROBLEM_DAY_AHEAD.format(days=ahead, today=self.today))
        if day in days:
            raise Problem(b.PROBLEM_DAY_TWICE)
        days.add(day)
        status = None if raw.get("status", "") is None else Status(_choice(raw, "status", Status))
        value = _amount(raw, "value")
        if kind is Kind.BOOLEAN and value is not None:
            raise Problem(gettext(rules.MESSAGE_VALUE_FOR_BOOLEAN))
        if kind is Kind.NUMERIC and status is Status.DONE and value is None:
            raise Problem(gettext(rules.MESSAGE_VALUE_REQUIRED))
        note = _text(raw, "note", rules.NOTE_MAX_LENGTH)
        if not rules.entry_is_valid(status, value, note):
            raise Problem(gettext(rules.MESSAGE_NOTE_ONLY))
        return BackupEntry(day=day, status=status, value=value, note=note)


def _habit_fields(document: dict[str, Any]) -> dict[str, Any]:
    name = _text(document, "name", rules.NAME_MAX_LENGTH)
    if not name.strip():
        raise Problem(b.PROBLEM_TYPE.format(key="name", expected=_("a name that is not blank")))
    kind = Kind(_choice(document, "kind", Kind))
    target = _amount(document, "target_value")
    if kind is Kind.BOOLEAN and target is not None:
        raise Problem(
            b.PROBLEM_TYPE.format(key="target_value", expected=_("null for a yes/no habit"))
        )
    if not rules.target_is_valid(kind, target):
        raise Problem(gettext(rules.MESSAGE_TARGET_REQUIRED))
    color = _text(document, "color", rules.COLOR_LENGTH)
    if not rules.color_is_valid(color):
        raise Problem(gettext(rules.MESSAGE_COLOR))
    frequency = _value(document, "frequency", dict, _("an object"))
    times = _integer(frequency, "times", 1, rules.MAX_FREQUENCY_DAYS)
    days = _integer(frequency, "days", 1, rules.MAX_FREQUENCY_DAYS)
    if not rules.frequency_is_valid(times, days):
        raise Problem(gettext(rules.MESSAGE_TIMES_OVER_DAYS))
    weekdays = _value(document, "weekdays", list, _("a list"))
    if (
        any(not isinstance(day, int) or isinstance(day, bool) for day in weekdays)
        or len(set(weekdays)) != len(weekdays)
        or not set(weekdays) <= set(rules.WEEKDAYS)
    ):
        raise Problem(b.PROBLEM_WEEKDAYS)
    return {
        "name": name,
        "description": _text(document, "description", rules.DESCRIPTION_MAX_LENGTH),
        "question": _text(document, "question", rules.QUESTION_MAX_LENGTH),
        "color": color,
        "kind": kind,
        "unit": _text(document, "unit", rules.UNIT_MAX_LENGTH),
        "target_value": target,
        "target_type": TargetType(_choice(document, "target_type", TargetType)),
        "frequency_times": times,
        "frequency_days": days,
        "weekdays_mask": rules.weekdays_to_mask(weekdays),
        "period": Period(_choice(document, "period", Period)),
        "archived": _value(document, "archived", bool, _("true or false")),
        "position": _integer(document, "position", 0, MAX_POSITION),
        "entries": [],
        "reminder": _reminder(document.get(b.REMINDER_KEY)),
    }


def _reminder(value: Any) -> BackupReminder | None:
    """The optional reminder: absent or null is none."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"time", "weekdays", "channel"}:
        raise Problem(b.PROBLEM_REMINDER)
    text, weekdays, channel = value["time"], value["weekdays"], value["channel"]
    try:
        at = datetime.strptime(text, "%H:%M").time() if isinstance(text, str) else None
    except ValueError:
        at = None
    valid_weekdays = weekdays is None or (
        isinstance(weekdays, list)
        and 0 < len(weekdays) == len(set(weekdays))
        and all(isinstance(day, int) and not isinstance(day, bool) for day in weekdays)
        and set(weekdays) <= set(rules.WEEKDAYS)
    )
    if at is None or len(text) != 5 or not valid_weekdays or channel not in set(Channel):
        raise Problem(b.PROBLEM_REMINDER)
    mask = None if weekdays is None else rules.weekdays_to_mask(weekdays) or rules.ALL_WEEKDAYS_MASK
    return BackupReminder(time=at, weekdays_mask=mask, channel=Channel(channel))


def _group(raw: Any) -> BackupGroup:
    if not isinstance(raw, dict):
        raise Problem(b.PROBLEM_NOT_OBJECT)
    name = _text(raw, "name", rules.NAME_MAX_LENGTH)
    if not name.strip():
        raise Problem(b.PROBLEM_TYPE.format(key="name", expected=_("a name that is not blank")))
    return BackupGroup(
        id=_integer(raw, "id", 1, MAX_POSITION),
        name=name.strip(),
        position=_integer(raw, "position", 0, MAX_POSITION),
        collapsed=_value(raw, "collapsed", bool, _("true or false")),
    )


def _group_reference(document: dict[str, Any]) -> int | None:
    if document.get("group", 0) is None:
        return None
    return _integer(document, "group", 1, MAX_POSITION)


def _values_exceed(text: str, limit: int) -> bool:
    """Whether the JSON `text` holds more than `limit` values, counted as the commas, objects and
    lists outside its strings, without parsing or copying it."""

    def structural(start: int, end: int) -> int:
        return (
            text.count(",", start, end) + text.count("{", start, end) + text.count("[", start, end)
        )

    if structural(0, len(text)) <= limit:  # the strings' own commas and brackets counted too
        return False
    count = previous = 0
    for string in JSON_STRING.finditer(text):
        count += structural(previous, string.start())
        if count > limit:
            return True
        previous = string.end()
    return count + structural(previous, len(text)) > limit


def _not_a_number(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _value(document: dict[str, Any], key: str, kind: type, expected: _StrOrPromise) -> Any:
    """document[key] if it is a `kind`. `expected` says what it should be in words, translated only
    when it is shown (a lazy string: a restore checks three keys of each of up to 100,000 rows)."""
    if key not in document:
        raise Problem(b.PROBLEM_MISSING.format(key=key))
    value = document[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Problem(b.PROBLEM_TYPE.format(key=key, expected=expected))
    return value


def _integer(document: dict[str, Any], key: str, low: int, high: int) -> int:
    value: int = _value(
        document, key, int, _("a whole number from {low} to {high}").format(low=low, high=high)
    )
    if not low <= value <= high:
        raise Problem(
            b.PROBLEM_TYPE.format(
                key=key,
                expected=_("a whole number from {low} to {high}").format(low=low, high=high),
            )
        )
    return value


def _text(document: dict[str, Any], key: str, limit: int) -> str:
    value: str = _value(document, key, str, _("a string"))
    if "\x00" in value:
        raise Problem(b.PROBLEM_NUL.format(key=key))
    if len(value) > limit:
        raise Problem(b.PROBLEM_TOO_LONG.format(key=key, limit=limit))
    return value


def _choice(document: dict[str, Any], key: str, enum: type[StrEnum]) -> str:
    value: str = _value(document, key, str, _("a string"))
    choices = [member.value for member in enum]
    if value not in choices:
        raise Problem(
            b.PROBLEM_CHOICE.format(key=key, choices=", ".join(choices), value=value[:40])
        )
    return value


def _amount(document: dict[str, Any], key: str) -> Decimal | None:
    if key not in document:
        raise Problem(b.PROBLEM_MISSING.format(key=key))
    value = document[key]
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > AMOUNT_MAX_CHARACTERS:
        raise Problem(b.PROBLEM_AMOUNT.format(key=key))
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise Problem(b.PROBLEM_AMOUNT.format(key=key)) from None
    if (
        not amount.is_finite()
        or not 0 <= amount < MAX_AMOUNT
        or amount != amount.quantize(THOUSANDTH)
    ):
        raise Problem(b.PROBLEM_AMOUNT.format(key=key))
    return amount.quantize(THOUSANDTH)
