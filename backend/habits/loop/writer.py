"""Write a Loop Habit Tracker CSV zip (see `formats` for the layout).

Choices where our data and Loop's differ:

- Schedules: Loop knows only "N times in D days". Weekdays and calendar periods have no Loop
  equivalent, so a habit exports its N and D alone (a Mon/Wed/Fri habit of 3 in 7 days becomes
  "3 times in 7 days"); Loop scores it the same way we do, since our score ignores weekdays too.
- Entries: one row per day that has an entry, up to the user's today (the import refuses later
  days). Yes/no: done -> YES_MANUAL, skipped -> SKIP, not done -> NO. Numeric: an amount -> the
  amount in thousandths (so a not-done day with an amount reads back as done), skipped -> SKIP
  (without its amount), not done without an amount -> UNKNOWN. Loop also writes YES_AUTO for days
  its frequency covers; we write what was recorded, Loop recomputes the rest.
- The all-habits Checkmarks.csv shows UNKNOWN (yes/no) or -1 (numeric) on days without an entry,
  Loop's value for an unknown day; the all-habits Scores.csv shows 0 before a habit's first entry,
  as Loop's does.
- Cells are written exactly, quoted as CSV needs (Habits.csv data cells always, as Loop's CSVWriter
  does). Cells starting with =, +, - or @ are not defused for spreadsheets: this is a data format
  read back by Loop and by our import, and a prefix would change names and notes on every round
  trip.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from habits.engine import HabitSpec, Mark, Status, score_series
from habits.loop import formats as f
from habits.models import Habit
from habits.rules import Kind, TargetType


@dataclass(frozen=True, slots=True)
class HabitData:
    """One habit with its spec, its entries by day and its daily scores (first entry to today)."""

    habit: Habit
    spec: HabitSpec
    marks: dict[date, Mark]
    notes: dict[date, str]
    scores: dict[date, float]


Cell = Callable[[HabitData, date], str]


def write_archive(habits: Sequence[HabitData], today: date) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f.HABITS_FILE, _habits_csv(habits))
        for index, data in enumerate(habits, start=1):
            folder = f.folder_name(index, data.habit.name)
            archive.writestr(f"{folder}/{f.SCORES_FILE}", _scores_csv(data))
            archive.writestr(f"{folder}/{f.CHECKMARKS_FILE}", _checkmarks_csv(data))
        first = min((min(data.marks) for data in habits if data.marks), default=None)
        days = _days_newest_first(first, today)
        archive.writestr(f.SCORES_FILE, _wide_csv(habits, days, _wide_score))
        archive.writestr(f.CHECKMARKS_FILE, _wide_csv(habits, days, _wide_value))
    return buffer.getvalue()


def _csv_text(rows: Iterable[Sequence[str]], quote_all_after_header: bool = False) -> str:
    out = io.StringIO()
    plain = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for index, row in enumerate(rows):
        # Python's csv (3.11) quotes a "\n" but not a lone "\r" when lines end with "\n": quote
        # every cell of such a row, or the "\r" would split the row when read back.
        carriage_return = any("\r" in cell for cell in row)
        (quoted if (quote_all_after_header and index) or carriage_return else plain).writerow(row)
    return out.getvalue()


def _habits_csv(habits: Sequence[HabitData]) -> str:
    rows: list[Sequence[str]] = [f.HABITS_HEADER]
    for index, data in enumerate(habits, start=1):
        habit = data.habit
        numeric = habit.kind == Kind.NUMERIC
        rows.append(
            (
                f"{index:03d}",
                habit.name,
                f.TYPE_NUMERICAL if numeric else f.TYPE_YES_NO,
                habit.question,
                habit.description,
                str(habit.frequency_times),
                str(habit.frequency_days),
                habit.color.upper(),
                habit.unit if numeric else "",
                f.TARGET_AT_MOST if habit.target_type == TargetType.AT_MOST else f.TARGET_AT_LEAST,
                _loop_double(habit.target_value if numeric else None),
                "true" if habit.archived else "false",
            )
        )
    return _csv_text(rows, quote_all_after_header=True)


def _loop_double(value: Decimal | None) -> str:
    """A number as Java's Double.toString writes ordinary ones: 8.0, 0.5, 1234.567."""
    text = f"{(value or Decimal(0)).normalize():f}"
    return text if "." in text else f"{text}.0"


def _checkmarks_csv(data: HabitData) -> str:
    rows: list[Sequence[str]] = [f.CHECKMARKS_HEADER]
    numeric = data.habit.kind == Kind.NUMERIC
    for day in sorted(data.marks, reverse=True):
        value = _value(data.marks[day], numeric)
        rows.append((day.isoformat(), value, data.notes.get(day, "")))
    return _csv_text(rows)


def _value(mark: Mark, numeric: bool) -> str:
    if mark.status is Status.SKIPPED:
        return f.VALUE_NAMES[f.SKIP]
    if numeric:
        if mark.value is None:
            return f.VALUE_NAMES[f.UNKNOWN]
        return str(int(mark.value * 1000))
    if mark.status is Status.DONE:
        return f.VALUE_NAMES[f.YES_MANUAL]
    return f.VALUE_NAMES[f.NO]


def _scores_csv(data: HabitData) -> str:
    rows: list[Sequence[str]] = [f.SCORES_HEADER]
    for day in sorted(data.scores, reverse=True):
        rows.append((day.isoformat(), f.SCORE_FORMAT.format(data.scores[day])))
    return _csv_text(rows)


def _days_newest_first(first: date | None, today: date) -> list[date]:
    if first is None or first > today:
        return []
    return [today - timedelta(days=offset) for offset in range((today - first).days + 1)]


def _wide_value(data: HabitData, day: date) -> str:
    mark = data.marks.get(day)
    numeric = data.habit.kind == Kind.NUMERIC
    if mark is None:
        return str(f.UNKNOWN) if numeric else f.VALUE_NAMES[f.UNKNOWN]
    return _value(mark, numeric)


def _wide_score(data: HabitData, day: date) -> str:
    return f.SCORE_FORMAT.format(data.scores.get(day, 0.0))


def _wide_csv(habits: Sequence[HabitData], days: list[date], cell: Cell) -> str:
    # Loop ends every line of these two files with the delimiter: hence the empty last cell.
    rows: list[Sequence[str]] = [("Date", *(data.habit.name for data in habits), "")]
    for day in days:
        rows.append((day.isoformat(), *(cell(data, day) for data in habits), ""))
    return _csv_text(rows)


def habit_data(
    habit: Habit,
    spec: HabitSpec,
    rows: Iterable[tuple[date, str, Decimal | None, str]],
    today: date,
) -> HabitData:
    """A habit's export data from its (date, status, value, note) rows up to `today`."""
    marks: dict[date, Mark] = {}
    notes: dict[date, str] = {}
    for day, status, value, note in rows:
        marks[day] = Mark(Status(status), value)
        if note:
            notes[day] = note
    scores = dict(score_series(spec, marks, today))
    return HabitData(habit=habit, spec=spec, marks=marks, notes=notes, scores=scores)
