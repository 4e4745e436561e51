"""Read Loop Habit Tracker's full backup, the SQLite file its "Export full backup" writes, into the
same plain values as a CSV zip (`reader.LoopHabit`), refusing anything doubtful.

The file is SQLite, so it is opened the way a hostile file must be: copied to a temporary file
(at most `IMPORT_MAX_BYTES`), opened read-only and immutable, with SQLite's own limits (no
extension loading, no attached database, short strings and statements, a schema that is not
trusted so a view cannot run functions) and a progress handler that stops any statement running
past `READ_SECONDS`. Its pages must add up to no more than the file, `PRAGMA quick_check` must
pass, and only real tables named Habits and Repetitions are read (a view by that name is refused),
at most `rules.MAX_HABITS_PER_USER` habits (no two with one id) and `IMPORT_MAX_ROWS` repetitions.
Every refusal is a `ValidationError` on `file` that names the problem.

Versions: Loop numbers its schema (`PRAGMA user_version`) and brings an old file up to date with
its SQL migrations before reading it (`LoopDBImporter`). Every version from 9 (the first its
migrations create) to 25 (Loop 2.3.1) reads here, the migrations' effect on the values applied as
they are read, without writing to the file:

- colour: before 14 an ARGB integer, mapped to the 13-colour palette as migration 14 does (any
  other to the first colour); 14 to 20 an index into that palette, mapped to the 20-colour palette
  as migration 21 does; from 21 an index into `formats.PALETTE` (out of range: the first colour).
- question: before 23 the question is in `description` and there is no description (migration 23).
- kind and target from 16 and 18; before, every habit is yes/no.
- repetitions: a value from 16 (before, each is YES_MANUAL, migration 16's default) and notes from
  25. As migration 22 does, a repetition without a habit or a timestamp, or of a habit not in the
  file, is left out, and of two with one timestamp the first (by row id) is kept. A timestamp is
  milliseconds since 1970 at the day's UTC midnight; Loop truncates any other to its day, and of
  two for one day the later row wins, as Loop's import replaces the day's entry.
- frequency: N/N is 1/1, as Loop's `Frequency` holds it.

A stored value becomes an entry as `formats.entry_from_code` says, the CSV import's rule. Reminders,
highlights, UUIDs and Loop's cached scores, streaks and checkmarks are not read: we have no
reminders, and the rest is recomputed.
"""

from __future__ import annotations

import math
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date, timedelta
from decimal import Decimal
from typing import IO, Any, TypeVar
from urllib.parse import quote

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from habits import rules
from habits.loop import formats as f
from habits.loop.reader import TEXT_LIMITS, LoopEntry, LoopHabit, Problem, day_ahead_problem
from habits.rules import MAX_AMOUNT, THOUSANDTH, Kind, Status, TargetType
from habits.zips import MESSAGE_TOO_BIG, MESSAGE_TOO_MANY_ROWS, refuse

SQLITE_HEADER = b"SQLite format 3\x00"
OLDEST_VERSION, NEWEST_VERSION = 9, 25
READ_SECONDS = 10.0
PROGRESS_STEPS = 10_000
COPY_CHUNK_BYTES = 64 * 1024
DAY_MS = 86_400_000
EPOCH = date(1970, 1, 1)
# SQLite's own limits on this connection (sqlite3_limit): nothing Loop's schema comes near.
LIMITS = {
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LENGTH: 1_000_000,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,
    sqlite3.SQLITE_LIMIT_COLUMN: 100,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 10,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 8,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 1,
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: 10,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 100,
    sqlite3.SQLITE_LIMIT_WORKER_THREADS: 0,
}

# The columns each table has had, by the version that added them.
HABITS_COLUMNS = {
    9: ("id", "archived", "color", "description", "freq_den", "freq_num", "name", "position"),
    16: ("type",),
    18: ("target_type", "target_value", "unit"),
    23: ("question",),
}
REPETITIONS_COLUMNS = {9: ("habit", "timestamp"), 16: ("value",), 25: ("notes",)}
# Migration 14: the ARGB colours of Loop 1.x, as indices into its 13-colour palette.
ARGB_TO_OLD_PALETTE = {
    -2937041: 0,
    -1684967: 1,
    -415707: 2,
    -5262293: 3,
    -13070788: 4,
    -16742021: 5,
    -16732991: 6,
    -16540699: 7,
    -10603087: 8,
    -7461718: 9,
    -2614432: 10,
    -13619152: 11,
    -5592406: 12,
}
# Migration 21: each index of the 13-colour palette, as an index into the 20-colour one.
OLD_PALETTE_TO_PALETTE = (0, 1, 4, 5, 7, 8, 9, 10, 13, 14, 15, 17, 19)
_Choice = TypeVar("_Choice")
HABIT_TYPES = {0: Kind.BOOLEAN, 1: Kind.NUMERIC}
TARGET_TYPES = {0: TargetType.AT_LEAST, 1: TargetType.AT_MOST}

MESSAGE_UNREADABLE = _("This SQLite file cannot be read: it is damaged, or not a database.")
MESSAGE_NOT_LOOP = _(
    "This SQLite file is not a Loop Habit Tracker backup (no Habits and Repetitions)."
)
MESSAGE_VERSION = _(
    "This Loop backup has schema version {version}; versions {oldest} to {newest} can be read."
)
MESSAGE_COLUMNS = _(
    "This Loop backup (version {version}) lacks the column(s) {columns} of {table}."
)
MESSAGE_TOO_MANY_HABITS = _("The backup holds more than {limit} habits.")
MESSAGE_SLOW = _("The backup took longer than {seconds:g} seconds to read; the file is refused.")
WHERE_HABIT = _("Habit {id} ({name!r}) of the backup")
MESSAGE_HABIT = _("Habit {id} ({name!r}) of the backup: {problem}")
MESSAGE_REPETITION = _("A repetition of {name!r} on {day}: {problem}")
PROBLEM_FIELD = _("{column} holds {value!r}, which Loop never writes there.")
PROBLEM_ID_TWICE = _("id {value} appears twice.")


def is_database(head: bytes) -> bool:
    """Whether a file starting with `head` is SQLite (how Loop's own importer tells)."""
    return head.startswith(SQLITE_HEADER)


def read_database(*, file: IO[bytes], size: int, today: date) -> list[LoopHabit]:
    """The habits of a Loop full backup, in Loop's order (position), each with its entries."""
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise refuse(MESSAGE_TOO_BIG.format(limit=limit))
    with tempfile.NamedTemporaryFile(suffix=".db") as copy:
        copied = 0
        while chunk := file.read(COPY_CHUNK_BYTES):
            copied += len(chunk)
            if copied > limit:
                raise refuse(MESSAGE_TOO_BIG.format(limit=limit))
            copy.write(chunk)
        copy.flush()
        deadline = time.monotonic() + READ_SECONDS
        with closing(_open(copy.name, lambda: time.monotonic() > deadline)) as connection:
            try:
                return _Database(connection, today, copied).read()
            except sqlite3.Error as error:
                if time.monotonic() > deadline:
                    raise refuse(MESSAGE_SLOW.format(seconds=READ_SECONDS)) from error
                raise refuse(MESSAGE_UNREADABLE) from error


def _open(path: str, past_deadline: Callable[[], bool]) -> sqlite3.Connection:
    connection = sqlite3.connect(
        f"file:{quote(path)}?mode=ro&immutable=1", uri=True, timeout=1, isolation_level=None
    )
    # Off by default; a Python built without it cannot load extensions at all.
    if hasattr(connection, "enable_load_extension"):
        connection.enable_load_extension(False)
    for limit, value in LIMITS.items():
        connection.setlimit(limit, value)
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute("PRAGMA query_only = ON")
    connection.execute("PRAGMA cell_size_check = ON")
    connection.set_progress_handler(past_deadline, PROGRESS_STEPS)
    return connection


class _Database:
    def __init__(self, connection: sqlite3.Connection, today: date, size: int) -> None:
        self.connection = connection
        self.today = today
        self.latest_day = rules.latest_imported_day(today)  # Loop's today may be later
        self.size = size

    def one(self, sql: str) -> Any:
        return self.connection.execute(sql).fetchone()[0]

    def read(self) -> list[LoopHabit]:
        page_size, pages = self.one("PRAGMA page_size"), self.one("PRAGMA page_count")
        if page_size * pages > self.size or self.one("PRAGMA quick_check(1)") != "ok":
            raise refuse(MESSAGE_UNREADABLE)
        tables = {
            name.lower(): (kind, sql or "")
            for kind, name, sql in self.connection.execute(
                "SELECT type, name, sql FROM sqlite_master"
            )
        }
        for table in ("habits", "repetitions"):
            kind, sql = tables.get(table, ("", ""))
            if kind != "table" or sql.upper().startswith("CREATE VIRTUAL"):
                raise refuse(MESSAGE_NOT_LOOP)
        version = self.one("PRAGMA user_version")
        if not OLDEST_VERSION <= version <= NEWEST_VERSION:
            raise refuse(
                MESSAGE_VERSION.format(
                    version=version, oldest=OLDEST_VERSION, newest=NEWEST_VERSION
                )
            )
        self.version = version
        self._check_columns("Habits", HABITS_COLUMNS)
        self._check_columns("Repetitions", REPETITIONS_COLUMNS)
        if self.one("SELECT count(*) FROM Habits") > rules.MAX_HABITS_PER_USER:
            raise refuse(MESSAGE_TOO_MANY_HABITS.format(limit=rules.MAX_HABITS_PER_USER))
        if self.one("SELECT count(*) FROM Repetitions") > settings.IMPORT_MAX_ROWS:
            raise refuse(MESSAGE_TOO_MANY_ROWS.format(limit=settings.IMPORT_MAX_ROWS))
        habits = self._habits()
        self._repetitions(habits)
        for habit, name in zip(
            habits.values(), rules.unique_names(h.name for h in habits.values()), strict=True
        ):
            habit.name = name
        return list(habits.values())

    def _check_columns(self, table: str, columns: dict[int, tuple[str, ...]]) -> None:
        present = {row[1].lower() for row in self.connection.execute(f"PRAGMA table_info({table})")}
        wanted = [
            name for since, names in columns.items() if since <= self.version for name in names
        ]
        missing = [name for name in wanted if name not in present]
        if missing:
            message = MESSAGE_COLUMNS.format(
                version=self.version, columns=", ".join(missing), table=table
            )
            raise refuse(message)

    def _since(self, version: int, column: str, default: str) -> str:
        return column if self.version >= version else default

    # --- Habits ----------------------------------------------------------------------------------

    def _habits(self) -> dict[int, LoopHabit]:
        columns = ", ".join(
            [
                "id, name, description",
                self._since(23, "question", "NULL"),
                "freq_num, freq_den, color, archived",
                self._since(16, "type", "0"),
                self._since(18, "target_type", "0"),
                self._since(18, "target_value", "0"),
                self._since(18, "unit", "''"),
            ]
        )
        # The columns are this module's constants, never the file's or the user's text.
        sql = f"SELECT {columns} FROM Habits ORDER BY position, id"  # noqa: S608
        habits: dict[int, LoopHabit] = {}
        for index, row in enumerate(self.connection.execute(sql), start=1):
            habit_id, name = row[0], row[1]
            try:
                habit = self._habit(index, row)
                if habit_id in habits:  # Loop's id is the primary key: never two habits
                    raise Problem(PROBLEM_ID_TWICE.format(value=habit_id))
            except Problem as problem:
                shown = name[:40] if isinstance(name, str) else name
                raise refuse(
                    MESSAGE_HABIT.format(id=habit_id, name=shown, problem=problem)
                ) from None
            habits[habit_id] = habit
        return habits

    def _habit(self, position: int, row: tuple[Any, ...]) -> LoopHabit:
        habit_id, name, description, question, times, days, color, archived, kind, *target = row
        _integer("id", habit_id)
        name = _text(name, "name", "name").strip()
        if not name:
            raise Problem(f.PROBLEM_NAME_EMPTY)
        if self.version < 23:  # migration 23 moves the description into the question
            question, description = description, ""
        times, days = _integer("freq_num", times), _integer("freq_den", days)
        if times == days:
            times = days = 1
        if not rules.frequency_is_valid(times, days):
            raise Problem(f.PROBLEM_FREQUENCY.format(limit=rules.MAX_FREQUENCY_DAYS))
        habit_kind = _choice("type", kind, HABIT_TYPES)
        target_type, target_value, unit = target
        numeric = habit_kind is Kind.NUMERIC
        return LoopHabit(
            source=WHERE_HABIT.format(id=habit_id, name=name[:40]),
            position=position,
            name=name,
            kind=habit_kind,
            question=_text(question, "question", "question"),
            description=_text(description, "description", "description"),
            color=self._color(_integer("color", color)),
            unit=_text(unit, "unit", "unit") if numeric else "",
            target_value=_target(target_value) if numeric else None,
            target_type=_choice("target_type", target_type, TARGET_TYPES),
            frequency_times=times,
            frequency_days=days,
            archived=archived is not None and _integer("archived", archived) != 0,
        )

    def _color(self, color: int) -> str:
        if self.version < 14:  # migration 14
            color = ARGB_TO_OLD_PALETTE.get(color, color if 0 <= color <= 12 else 0)
        if self.version < 21:  # migration 21
            color = OLD_PALETTE_TO_PALETTE[color] if 0 <= color <= 12 else 0
        return f.PALETTE[color] if 0 <= color < len(f.PALETTE) else f.PALETTE[0]

    # --- Repetitions -----------------------------------------------------------------------------

    def _repetitions(self, habits: dict[int, LoopHabit]) -> None:
        value = self._since(16, "value", str(f.YES_MANUAL))
        notes = self._since(25, "notes", "''")
        sql = f"SELECT habit, timestamp, {value}, {notes} FROM Repetitions ORDER BY rowid"  # noqa: S608
        stamps: set[tuple[int, int]] = set()
        days: dict[int, dict[date, LoopEntry]] = {habit_id: {} for habit_id in habits}
        for habit_id, timestamp, code, note in self.connection.execute(sql):
            # Migration 22: no habit, no timestamp, an unknown habit or a repeated timestamp.
            if habit_id is None or timestamp is None or habit_id not in habits:
                continue
            if (habit_id, timestamp) in stamps:
                continue
            stamps.add((habit_id, timestamp))
            habit = habits[habit_id]
            try:
                day = _day(timestamp)
                entry = self._entry(habit, day, code, note)
            except Problem as problem:
                shown = _day_shown(timestamp)
                message = MESSAGE_REPETITION.format(name=habit.name, day=shown, problem=problem)
                raise refuse(message) from None
            if entry is None:
                days[habit_id].pop(day, None)
            else:
                days[habit_id][day] = entry
        for habit_id, habit in habits.items():
            habit.entries = list(days[habit_id].values())

    def _entry(self, habit: LoopHabit, day: date, code: Any, note: Any) -> LoopEntry | None:
        code = _integer("value", code)
        if not f.code_is_valid(code, habit.kind):
            raise Problem(f.PROBLEM_VALUE.format(value=code))
        note = _text(note, "note", "notes")
        made = f.entry_from_code(code, habit.kind)
        if made is None:
            if not note:
                return None
            made = (Status.NOT_DONE, None)
        if day > self.latest_day:
            raise day_ahead_problem(day, self.today)
        status, value = made
        return LoopEntry(day=day, status=status, value=value, note=note)


def _integer(column: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Problem(PROBLEM_FIELD.format(column=column, value=value))
    return value


def _text(value: Any, column: str, label: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Problem(PROBLEM_FIELD.format(column=label, value=value))
    if "\x00" in value:
        raise Problem(f.PROBLEM_NUL.format(column=label))
    limit = rules.NOTE_MAX_LENGTH if column == "note" else TEXT_LIMITS[column]
    if len(value) > limit:
        raise Problem(f.PROBLEM_TOO_LONG.format(column=label, limit=limit))
    return value


def _choice(column: str, value: Any, choices: dict[int, _Choice]) -> _Choice:
    if isinstance(value, int) and not isinstance(value, bool) and value in choices:
        return choices[value]
    raise Problem(PROBLEM_FIELD.format(column=column, value=value))


def _target(value: Any) -> Decimal:
    """Loop's target, a double, to thousandths (what we keep)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise Problem(PROBLEM_FIELD.format(column="target_value", value=value))
    amount = Decimal(repr(float(value)))
    # In range before quantize() (which cannot give a huge amount thousandths: InvalidOperation)
    # and after it (999999999.9996 rounds up to the ceiling).
    if 0 <= amount < MAX_AMOUNT:
        amount = amount.quantize(THOUSANDTH)
    if not 0 <= amount < MAX_AMOUNT:
        raise Problem(f.PROBLEM_TARGET_VALUE.format(value=value))
    return amount


def _day(timestamp: Any) -> date:
    """A Loop timestamp's day (Loop's `Timestamp` truncates to the day; it refuses before 1970)."""
    milliseconds = _integer("timestamp", timestamp)
    if not 0 <= milliseconds < (date.max - EPOCH).days * DAY_MS:
        raise Problem(PROBLEM_FIELD.format(column="timestamp", value=timestamp))
    return EPOCH + timedelta(days=milliseconds // DAY_MS)


def _day_shown(timestamp: Any) -> str:
    try:
        return _day(timestamp).isoformat()
    except Problem:
        return f"timestamp {timestamp!r}"
