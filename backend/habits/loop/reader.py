"""Read a Loop Habit Tracker CSV zip into plain values, refusing anything doubtful.

Nothing here touches the database: the import parses the whole file first and writes only when all
of it is good, so a bad file writes nothing. Every refusal is a Django `ValidationError` on the
`file` field whose message names the file and, where it helps, the line.

Limits: the zip is read through `habits.zips` (size, members, compression, bombs); at most
`IMPORT_MAX_ROWS` rows, blank ones included, are read over all the files, each of at most
`MAX_ROW_CHARACTERS`.

Every Loop export from 1.x to today reads (see `formats` for the layouts): values by name (2.3.1
on) or as integers (before), with or without a header and notes. A value becomes an entry as
`formats.entry_from_code` says: for yes/no habits YES_MANUAL is done, NO not done, SKIP skipped,
and YES_AUTO (derived by Loop from the frequency) and UNKNOWN make no entry unless the row carries a
note, which is then kept on a `not_done` entry. Numeric values are thousandths, named ones included
(YES_MANUAL is 0.002), and an explicit 0 is kept: it is what meets an "at most" target.

Habits.csv before 2.3.1 has no Type column. There, as Loop's own CSV reader
(`HabitBullCSVImporter`) decides, a habit is measurable when its Checkmarks.csv holds a value a
yes/no habit cannot hold (anything but -1 to 3), with Loop's default target, at least 0; otherwise
it is yes/no. Without a Question column (Loop 1.x), Description is the question, as Loop 2.0's
migration 23 moves it (a .db of before version 23 reads the same). Names may repeat, as Loop
allows: every habit is kept, a repeated name made unique with a visible suffix
(`rules.unique_names`: "Read", "Read (2)").

Dates must be real and unique in a file; a row that makes an entry must not be before 1970 or more
than `rules.IMPORT_DAYS_AHEAD` days after the user's today (Loop's phone may be in a time zone
ahead). The per-habit and all-habits Scores.csv are ignored: scores are recomputed from the
entries.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import IO

from django.conf import settings

from habits import rules
from habits.loop import formats as f
from habits.rules import MAX_AMOUNT, THOUSANDTH, Kind, Status, TargetType
from habits.zips import MESSAGE_TOO_MANY_ROWS, BoundedZip, open_zip, refuse

# Whole numbers as Loop writes them; more digits than any Loop value has are refused before int()
# (which would refuse 4,300 digits with an error of its own).
WHOLE_NUMBER = re.compile(r"^-?\d{1,18}$")
POSITION = re.compile(r"^\d{1,9}$")
# Loop's longest row is a few thousand characters (a name, question and description, or a date,
# value and note, their quotes doubled); 20 MB of commas made one row of 20 million cells (150 MB).
MAX_ROW_CHARACTERS = 64 * 1024
TEXT_LIMITS = {
    "name": rules.NAME_MAX_LENGTH,
    "question": rules.QUESTION_MAX_LENGTH,
    "description": rules.DESCRIPTION_MAX_LENGTH,
    "unit": rules.UNIT_MAX_LENGTH,
}


@dataclass(frozen=True, slots=True)
class LoopEntry:
    day: date
    status: Status
    value: Decimal | None
    note: str


@dataclass(slots=True)
class LoopHabit:
    source: str
    """Where the habit is described, to name it in a refusal ("Habits.csv line 3")."""
    position: int
    name: str
    kind: Kind
    question: str
    description: str
    color: str
    unit: str
    target_value: Decimal | None
    target_type: TargetType
    frequency_times: int
    frequency_days: int
    archived: bool
    kind_from_values: bool = False
    """Habits.csv does not say the kind (before Loop 2.3.1): the values decide it."""
    entries: list[LoopEntry] = field(default_factory=list)


def read_archive(*, file: IO[bytes], size: int, today: date) -> list[LoopHabit]:
    """The habits of a Loop zip, in Habits.csv order, each with its entries."""
    with open_zip(file=file, size=size, not_zip=f.MESSAGE_NOT_ZIP) as archive:
        return _Archive(BoundedZip(archive, not_zip=f.MESSAGE_NOT_ZIP), today).read()


class _Archive:
    def __init__(self, archive: BoundedZip, today: date) -> None:
        self.archive = archive
        self.files = archive.files
        self.today = today
        self.latest_day = rules.latest_imported_day(today)  # Loop's today may be later
        self.rows_left = settings.IMPORT_MAX_ROWS

    def read(self) -> list[LoopHabit]:
        self.archive.check(rules.MAX_IMPORT_FILES)
        root = self._root()
        habits = self._habits(self.archive.archive.getinfo(root + f.HABITS_FILE))
        by_position = {habit.position: habit for habit in habits}
        folders: dict[int, str] = {}
        for info in self.files:
            relative = info.filename.removeprefix(root)
            if not info.filename.startswith(root) or relative.startswith("/"):
                raise refuse(f.MESSAGE_BAD_ZIP_PATH.format(path=info.filename))
            parts = relative.split("/")
            if len(parts) == 1 and parts[0] in {f.HABITS_FILE, f.CHECKMARKS_FILE, f.SCORES_FILE}:
                continue  # the all-habits files repeat the per-habit ones
            if len(parts) != 2 or parts[1] not in {f.CHECKMARKS_FILE, f.SCORES_FILE}:
                raise refuse(f.MESSAGE_BAD_ZIP_PATH.format(path=info.filename))
            position = f.FOLDER_POSITION.match(parts[0])
            habit = by_position.get(int(position.group(1))) if position else None
            if habit is None:
                raise refuse(f.MESSAGE_UNLISTED_FOLDER.format(folder=parts[0]))
            if folders.setdefault(habit.position, parts[0]) != parts[0]:
                other = folders[habit.position]
                raise refuse(f.MESSAGE_TWO_FOLDERS.format(folder=parts[0], other=other))
            if parts[1] == f.CHECKMARKS_FILE:
                habit.entries = self._entries(info, habit)
        return habits

    def _root(self) -> str:
        """ "" when Habits.csv is at the top, or the one folder holding it (a re-zipped export)."""
        names = {info.filename for info in self.files}
        if f.HABITS_FILE in names:
            return ""
        nested = [name for name in names if re.fullmatch(r"[^/]+/Habits\.csv", name)]
        if len(nested) != 1:
            raise refuse(f.MESSAGE_NO_HABITS_FILE)
        return nested[0].removesuffix(f.HABITS_FILE)

    # --- Files -----------------------------------------------------------------------------------

    def _rows(self, info: zipfile.ZipInfo) -> Iterator[tuple[int, list[str]]]:
        """(first line number, cells) of each non-blank row; every row, blank or not, is counted
        against the row limit, and none may be longer than `MAX_ROW_CHARACTERS`."""
        lines = _RowLines(self.archive.text(info))
        reader = csv.reader(lines)
        line = 1
        try:
            for row in reader:
                start, line = line, reader.line_num + 1
                lines.row_read()
                self.rows_left -= 1
                if self.rows_left < 0:
                    raise refuse(MESSAGE_TOO_MANY_ROWS.format(limit=settings.IMPORT_MAX_ROWS))
                if not any(cell.strip() for cell in row):
                    continue
                yield start, row
        except csv.Error as error:
            message = f.MESSAGE_LINE.format(file=info.filename, line=line, problem=str(error))
            raise refuse(message) from error

    # --- Habits.csv ------------------------------------------------------------------------------

    def _habits(self, info: zipfile.ZipInfo) -> list[LoopHabit]:
        rows = self._rows(info)
        header_row = next(rows, None)
        if header_row is None:
            raise refuse(f.MESSAGE_EMPTY_FILE.format(file=info.filename))
        header = [cell.strip() for cell in header_row[1]]
        old_layout = "NumRepetitions" in header and "Type" not in header
        required = f.OLD_HABITS_REQUIRED if old_layout else f.HABITS_REQUIRED
        missing = [column for column in required if column not in header]
        if missing:
            columns = ", ".join(missing)
            raise refuse(f.MESSAGE_MISSING_COLUMNS.format(file=info.filename, columns=columns))
        question_in_description = old_layout and "Question" not in header  # Loop 1.x
        habits: list[LoopHabit] = []
        positions: set[int] = set()
        for line, row in rows:
            if len(row) < len(header):
                problem = f.PROBLEM_COLUMNS.format(expected=len(header), found=len(row))
                raise refuse(f.MESSAGE_LINE.format(file=info.filename, line=line, problem=problem))
            cells = dict(zip(header, row, strict=False))
            if question_in_description:
                cells["Question"], cells["Description"] = cells.get("Description", ""), ""
            try:
                habit = _habit(cells, line, old_layout, positions)
            except Problem as problem:
                message = f.MESSAGE_LINE.format(file=info.filename, line=line, problem=problem)
                raise refuse(message) from None
            if len(habits) >= rules.MAX_HABITS_PER_USER:
                raise refuse(f.MESSAGE_TOO_MANY_HABITS.format(limit=rules.MAX_HABITS_PER_USER))
            habits.append(habit)
            positions.add(habit.position)
        for habit, name in zip(habits, rules.unique_names(h.name for h in habits), strict=True):
            habit.name = name
        return habits

    # --- NNN Name/Checkmarks.csv -----------------------------------------------------------------

    def _entries(self, info: zipfile.ZipInfo, habit: LoopHabit) -> list[LoopEntry]:
        parsed: list[_Row] = []
        seen: set[date] = set()
        columns: tuple[int, int, int | None] = (0, 1, None)
        for line, row in self._rows(info):
            if line == 1 and row[0].strip() == f.CHECKMARKS_HEADER[0]:
                columns = _checkmark_columns(info.filename, [cell.strip() for cell in row])
                continue
            try:
                parsed.append(_row(line, row, columns, seen))
            except Problem as problem:
                message = f.MESSAGE_LINE.format(file=info.filename, line=line, problem=problem)
                raise refuse(message) from None
        if habit.kind_from_values and any(_shows_numeric(row.value) for row in parsed):
            # Loop's default target for a habit its CSV reader finds measurable: at least 0.
            habit.kind, habit.target_value = Kind.NUMERIC, Decimal(0)
        entries: list[LoopEntry] = []
        for one in parsed:
            try:
                entry = self._entry(one, habit.kind)
            except Problem as problem:
                message = f.MESSAGE_LINE.format(file=info.filename, line=one.line, problem=problem)
                raise refuse(message) from None
            if entry is not None:
                entries.append(entry)
        return entries

    def _entry(self, row: _Row, kind: Kind) -> LoopEntry | None:
        made = f.entry_from_code(_code(row.value, kind), kind)
        if made is None:
            if not row.note:
                return None
            made = (Status.NOT_DONE, None)
        if row.day < rules.EARLIEST_DAY:
            raise Problem(f.PROBLEM_DATE_BEFORE_EPOCH.format(value=row.day.isoformat()))
        if row.day > self.latest_day:
            raise day_ahead_problem(row.day, self.today)
        status, value = made
        return LoopEntry(day=row.day, status=status, value=value, note=row.note)


def day_ahead_problem(day: date, today: date) -> Problem:
    """A day after what an import keeps (rules.latest_imported_day): both Loop formats say so."""
    days = rules.IMPORT_DAYS_AHEAD
    return Problem(f.PROBLEM_DATE_FUTURE.format(value=day, days=days, today=today.isoformat()))


class _RowLines:
    """A text's lines for csv.reader, which builds a whole row before it yields it: a row longer
    than `MAX_ROW_CHARACTERS` is refused as its lines are read (csv.Error, as csv's own limits)."""

    def __init__(self, text: str) -> None:
        self.lines = io.StringIO(text, newline="")
        self.row = 0

    def __iter__(self) -> _RowLines:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.row += len(line)
        if self.row > MAX_ROW_CHARACTERS:
            raise csv.Error(f"row larger than row limit ({MAX_ROW_CHARACTERS})")
        return line

    def row_read(self) -> None:
        self.row = 0


@dataclass(frozen=True, slots=True)
class _Row:
    """One line of a Checkmarks.csv: its date, its value as written and its note."""

    line: int
    day: date
    value: str
    note: str


def _row(line: int, row: list[str], columns: tuple[int, int, int | None], seen: set[date]) -> _Row:
    date_column, value_column, note_column = columns
    needed = max(date_column, value_column) + 1
    if len(row) < needed:
        raise Problem(f.PROBLEM_COLUMNS.format(expected=needed, found=len(row)))
    day = _day(row[date_column].strip())
    if day in seen:
        raise Problem(f.PROBLEM_DATE_TWICE.format(value=day.isoformat()))
    seen.add(day)
    note = row[note_column] if note_column is not None and note_column < len(row) else ""
    if "\x00" in note:
        raise Problem(f.PROBLEM_NUL.format(column="Notes"))
    if len(note) > rules.NOTE_MAX_LENGTH:
        raise Problem(f.PROBLEM_TOO_LONG.format(column="Notes", limit=rules.NOTE_MAX_LENGTH))
    return _Row(line=line, day=day, value=row[value_column].strip(), note=note)


class Problem(Exception):
    """What is wrong with one row or record; the caller adds where it is."""


def _checkmark_columns(file: str, header: list[str]) -> tuple[int, int, int | None]:
    missing = [column for column in f.CHECKMARKS_HEADER[:2] if column not in header]
    if missing:
        raise refuse(f.MESSAGE_MISSING_COLUMNS.format(file=file, columns=", ".join(missing)))
    notes = header.index("Notes") if "Notes" in header else None
    return header.index("Date"), header.index("Value"), notes


def _habit(cells: dict[str, str], line: int, old_layout: bool, positions: set[int]) -> LoopHabit:
    """One row of Habits.csv; `positions` are those of the rows before it."""
    position_text = cells["Position"].strip()
    if not POSITION.match(position_text) or int(position_text) < 1:
        raise Problem(f.PROBLEM_POSITION.format(value=position_text[:20]))
    position = int(position_text)
    if position in positions:
        raise Problem(f.PROBLEM_DUPLICATE_POSITION.format(value=position))
    name = cells["Name"].strip()
    if not name:
        raise Problem(f.PROBLEM_NAME_EMPTY)
    texts = {
        column: _text(cells.get(label, ""), column, label)
        for column, label in (
            ("name", "Name"),
            ("question", "Question"),
            ("description", "Description"),
            ("unit", "Unit"),
        )
    }
    kind = _kind(cells.get("Type", f.TYPE_YES_NO).strip())
    times_column, days_column = (
        ("NumRepetitions", "Interval")
        if old_layout
        else ("FrequencyNumerator", "FrequencyDenominator")
    )
    times, days = _frequency(cells[times_column], cells[days_column])
    target_type = _target_type(cells.get("Target Type", "").strip(), kind)
    target_value = _target_value(cells.get("Target Value", "").strip(), kind)
    return LoopHabit(
        source=f.MESSAGE_WHERE_LINE.format(file=f.HABITS_FILE, line=line),
        position=position,
        name=name,
        kind=kind,
        question=texts["question"],
        description=texts["description"],
        color=_color(cells.get("Color", "").strip()),
        unit=texts["unit"] if kind == Kind.NUMERIC else "",
        target_value=target_value,
        target_type=target_type,
        frequency_times=times,
        frequency_days=days,
        archived=_archived(cells.get("Archived?", "").strip()),
        kind_from_values=old_layout,
    )


def _text(value: str, column: str, label: str) -> str:
    value = value.strip() if column == "name" else value
    if "\x00" in value:
        raise Problem(f.PROBLEM_NUL.format(column=label))
    if len(value) > TEXT_LIMITS[column]:
        raise Problem(f.PROBLEM_TOO_LONG.format(column=label, limit=TEXT_LIMITS[column]))
    return value


def _kind(value: str) -> Kind:
    if value == f.TYPE_YES_NO:
        return Kind.BOOLEAN
    if value == f.TYPE_NUMERICAL:
        return Kind.NUMERIC
    raise Problem(f.PROBLEM_TYPE.format(value=value))


def _frequency(times_text: str, days_text: str) -> tuple[int, int]:
    times_text, days_text = times_text.strip(), days_text.strip()
    if WHOLE_NUMBER.match(times_text) and WHOLE_NUMBER.match(days_text):
        times, days = int(times_text), int(days_text)
        if rules.frequency_is_valid(times, days):
            return times, days
    raise Problem(f.PROBLEM_FREQUENCY.format(limit=rules.MAX_FREQUENCY_DAYS))


def _color(value: str) -> str:
    if not value:
        return rules.DEFAULT_COLOR
    if not rules.color_is_valid(value):
        raise Problem(f.PROBLEM_COLOR.format(value=value))
    return value.upper()


def _target_type(value: str, kind: Kind) -> TargetType:
    if value == f.TARGET_AT_MOST:
        return TargetType.AT_MOST
    if value == f.TARGET_AT_LEAST or kind == Kind.BOOLEAN:
        return TargetType.AT_LEAST
    raise Problem(f.PROBLEM_TARGET_TYPE.format(value=value))


def _target_value(value: str, kind: Kind) -> Decimal | None:
    if kind == Kind.BOOLEAN:
        return None
    amount = _decimal(value)
    if amount is None or not 0 <= amount < MAX_AMOUNT:
        raise Problem(f.PROBLEM_TARGET_VALUE.format(value=value))
    return amount


def _decimal(value: str) -> Decimal | None:
    """A finite decimal rounded to thousandths (Loop writes doubles such as 8.0 or 1.0E7)."""
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return None
    if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
        return None
    return amount.quantize(THOUSANDTH, rounding=ROUND_HALF_EVEN)


def _archived(value: str) -> bool:
    lowered = value.lower()
    if lowered in {"", "false"}:
        return False
    if lowered == "true":
        return True
    raise Problem(f.PROBLEM_ARCHIVED.format(value=value))


def _day(value: str) -> date:
    day = rules.parse_day(value)
    if day is None:
        raise Problem(f.PROBLEM_DATE.format(value=value))
    return day


def _shows_numeric(value: str) -> bool:
    """A value only a numeric habit can hold: a whole number outside Loop's yes/no codes."""
    return value.upper() not in f.VALUES_BY_NAME and (
        WHOLE_NUMBER.match(value) is None or int(value) not in f.YES_NO_CODES
    )


def _code(value: str, kind: Kind) -> int:
    """Loop's stored integer for a Checkmarks.csv value (a name or a whole number)."""
    code = f.VALUES_BY_NAME.get(value.upper())
    if code is None and WHOLE_NUMBER.match(value):
        code = int(value)
    if code is None or not f.code_is_valid(code, kind):
        raise Problem(f.PROBLEM_VALUE.format(value=value))
    return code
