"""Write a Loop Habit Tracker CSV zip: byte for byte what Loop's `HabitsCSVExporter` (2.3.1) writes
for the same habits, streamed into a file in bounded memory.

The habits as Loop would hold them (see `formats` for the files):

- Settings: N/N is 1/1 (Loop's `Frequency`); weekdays and calendar periods have no Loop
  equivalent, so a habit exports its N and D alone (a Mon/Wed/Fri habit of 3 in 7 days becomes
  "3 times in 7 days"); the score ignores both anyway. A colour of Loop's palette is spelled as
  Loop spells it, any other in capitals. Unit and target only for numeric habits, the target as
  Java's `Double.toString` writes it (2.0, 0.5, 1.0E7).
- Entries, as the integers Loop stores: yes/no done 2 (YES_MANUAL), not done 0 (NO), skipped 3;
  numeric: the amount in thousandths (a not-done day with an amount included), skipped 3, not
  done without an amount -1 (UNKNOWN). So an amount of 0.003 is a skip, as it is in Loop. Only days
  up to the user's today are read.
- Per habit, Checkmarks.csv lists Loop's computed entries (`computed`: the YES_AUTO days a yes/no
  habit's frequency derives, some possibly after today), values by name for -1 to 3 and as numbers
  otherwise; Scores.csv every day from the oldest of them (today without any) to today. The
  all-habits files cover the oldest entry of any habit to today, UNKNOWN and 0.0000 where a habit
  has nothing, habit names as they are (Loop does not quote them).
- Scores are the engine's, computed from those integers, so they are Loop's to the last bit; cells
  are formatted as Java's `%.4f` does (half up, on the shortest decimal form of the double).
- CSV cells are quoted as opencsv's CSVWriter quotes them: only a cell holding a quote, a comma or
  a line break, with quotes doubled; every line ends with "\\n". Cells starting with =, +, - or @
  are not defused for spreadsheets: this is a data format read back by Loop-reading apps and by
  our import, and a prefix would change names and notes on every round trip.

Memory: one habit's entries and scores at a time. The per-day cells of the all-habits files go
to a temporary file (a habit's Loop values, 8 bytes a day, then its score cells, 6 bytes a day,
newest first) and are read back `CHUNK_DAYS` days at a time for every habit, so the working set
is about one habit's history plus `CHUNK_DAYS` cells per habit, whatever the number of habits and
days: under `MEMORY_CEILING_BYTES` for the most an account holds (500 habits) from 1970 to today.
Lines of fixed width (a date and scores) are laid out with strided byte copies rather than a
string per line.
"""

from __future__ import annotations

import tempfile
import zipfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import IO

from habits.engine import Mark, Status
from habits.engine.scores import scores_since
from habits.loop import formats as f
from habits.loop.computed import LoopDay, computed_entries
from habits.models import Habit
from habits.rules import Kind, TargetType
from habits.specs import ExportRow, habit_spec, rows_by_habit

CHUNK_DAYS = 128
# The peak the export may allocate (tracemalloc), whatever the number of habits or days: about
# 5 MB measured for 250 habits from 1970 to today.
MEMORY_CEILING_BYTES = 32 * 1024 * 1024
ZIP_COMPRESSION = zipfile.ZIP_DEFLATED
_SPECIAL = frozenset('",\n\r')
_PALETTE = {color.upper(): color for color in f.PALETTE}
_FOUR_PLACES = Decimal("0.0001")
_NEAR_TIE = 1e-6
# A score is between 0 and 1: its cell is always d.dddd.
SCORE_CELL_BYTES = 6
DATE_CELL_BYTES = len("YYYY-MM-DD,")
_LINES_PER_WRITE = 512


def write_archive(
    out: IO[bytes], habits: Sequence[Habit], rows: Iterable[ExportRow], today: date
) -> None:
    """Write the zip to `out`: `habits` in Loop's order (position), `rows` their entries up to
    `today` ordered by habit id (dates in any order), read once."""
    days = _Days(today)
    with (
        zipfile.ZipFile(out, "w", compression=ZIP_COMPRESSION) as archive,
        tempfile.TemporaryFile() as cells,
    ):
        archive.writestr(f.HABITS_FILE, habits_csv(habits))
        positions = {habit.pk: position for position, habit in enumerate(habits, start=1)}
        columns: dict[int, _Column] = {}
        for habit, habit_rows in rows_by_habit(habits, rows):
            loop = _LoopHabit.build(habit, habit_rows, today)
            folder = f.folder_name(positions[habit.pk], habit.name)
            with archive.open(f"{folder}/{f.SCORES_FILE}", "w") as member:
                member.write(csv_line(f.SCORES_HEADER).encode())
                count = len(loop.codes)
                parts = [(days.cells(count), DATE_CELL_BYTES), (loop.scores, SCORE_CELL_BYTES)]
                member.write(_lay_out(count, [*parts, b"\n"]))
            with archive.open(f"{folder}/{f.CHECKMARKS_FILE}", "w") as member:
                _write_lines(member, loop.checkmarks_lines())
            columns[habit.pk] = loop.store(cells)
        ordered = [columns[habit.pk] for habit in habits]
        oldest = min((c.oldest_entry for c in ordered if c.oldest_entry is not None), default=None)
        count = today.toordinal() - oldest + 1 if oldest is not None else 0
        header = ("Date," + "".join(f"{habit.name}," for habit in habits) + "\n").encode()
        with archive.open(f.SCORES_FILE, "w") as member:
            member.write(header)
            for chunk in _wide_scores(ordered, cells, count, days):
                member.write(chunk)
        with archive.open(f.CHECKMARKS_FILE, "w") as member:
            member.write(header)
            _write_lines(member, _wide_values(ordered, cells, count, days))


class _Days:
    """The date cells ("YYYY-MM-DD,") of today and the days before it, newest first, made once."""

    def __init__(self, today: date) -> None:
        self.last = today.toordinal()
        self.text = bytearray()

    def cells(self, count: int, offset: int = 0) -> bytes:
        """`count` cells from `offset` days before today, one after the other."""
        made = len(self.text) // DATE_CELL_BYTES
        if made < offset + count:
            self.text += "".join(
                date.fromordinal(self.last - back).isoformat() + ","
                for back in range(made, offset + count)
            ).encode()
        return bytes(self.text[offset * DATE_CELL_BYTES : (offset + count) * DATE_CELL_BYTES])


Part = bytes | tuple[bytes, int]
"""A part of a fixed-width line: the same bytes on every line, or (pieces, width): the line's
own piece of `width` bytes, the pieces of all lines one after the other."""


def _lay_out(lines: int, parts: Sequence[Part]) -> bytes:
    """`lines` lines of fixed width made of `parts`, by strided copies: no object per line."""
    line = sum(len(part) if isinstance(part, bytes) else part[1] for part in parts)
    out = bytearray(line * lines)
    repeated: dict[int, bytes] = {}
    at = 0
    for part in parts:
        if isinstance(part, bytes):
            for value in part:
                out[at::line] = repeated.setdefault(value, bytes([value]) * lines)
                at += 1
        else:
            pieces, width = part
            for byte in range(width):
                out[at + byte :: line] = pieces[byte::width]
            at += width
    return bytes(out)


# --- Habits.csv ---------------------------------------------------------------------------------


def habits_csv(habits: Sequence[Habit]) -> str:
    lines = [csv_line(f.HABITS_HEADER)]
    for index, habit in enumerate(habits, start=1):
        numeric = habit.kind == Kind.NUMERIC
        times, days = loop_frequency(habit)
        lines.append(
            csv_line(
                (
                    f"{index:03d}",
                    habit.name,
                    f.TYPE_NUMERICAL if numeric else f.TYPE_YES_NO,
                    habit.question,
                    habit.description,
                    str(times),
                    str(days),
                    loop_color(habit.color),
                    habit.unit if numeric else "",
                    _target_type(habit) if numeric else "",
                    java_double(float(habit.target_value or 0)) if numeric else "",
                    "true" if habit.archived else "false",
                )
            )
        )
    return "".join(lines)


def loop_frequency(habit: Habit) -> tuple[int, int]:
    """As Loop's `Frequency` holds it: N/N is 1/1."""
    if habit.frequency_times == habit.frequency_days:
        return 1, 1
    return habit.frequency_times, habit.frequency_days


def loop_color(color: str) -> str:
    return _PALETTE.get(color.upper(), color.upper())


def _target_type(habit: Habit) -> str:
    return f.TARGET_AT_MOST if habit.target_type == TargetType.AT_MOST else f.TARGET_AT_LEAST


def java_double(value: float) -> str:
    """Java's `Double.toString` of an ordinary double: 2.0, 0.5, 1234.567, 1.0E7, 1.0E-4."""
    if value == 0:
        return "0.0"
    if 1e-3 <= abs(value) < 1e7:
        return repr(value)  # positional in this range, with a point, as Java writes it
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits))
    mantissa = f"{text[0]}.{text[1:] or '0'}"
    return f"{'-' if sign else ''}{mantissa}E{exponent + len(text) - 1}"


def csv_line(cells: Iterable[str]) -> str:
    """One line as opencsv's CSVWriter writes it (writeNext without quoting everything)."""
    return ",".join(_csv_cell(cell) for cell in cells) + "\n"


def _csv_cell(cell: str) -> str:
    if _SPECIAL.isdisjoint(cell):
        return cell
    return '"' + cell.replace('"', '""') + '"'


def java_fixed4(score: float) -> str:
    """Java's `String.format("%.4f")`: half up on the double's shortest decimal form. Python's
    `%.4f` rounds the exact binary value half to even; the two can differ only when the score is
    within a hair of a 5 in the fifth decimal place."""
    if abs((score * 10_000) % 1 - 0.5) < _NEAR_TIE:
        return str(Decimal(repr(score)).quantize(_FOUR_PLACES, ROUND_HALF_UP))
    return f"{score:.4f}"


def score_cells(scores: Sequence[float]) -> bytes:
    """`java_fixed4` of many scores (each between 0 and 1, so 6 bytes), one after the other.

    Formatted by C in one go; then only the scores whose six-decimal form ends in 50, the sole
    candidates for a tie in the fifth decimal, are checked with Java's rule."""
    count = len(scores)
    values = tuple(scores)
    text = bytearray((("%.4f" * count) % values).encode())
    if len(text) != SCORE_CELL_BYTES * count:  # only a score outside [0, 1] could do this
        return "".join(java_fixed4(score) for score in scores).encode()
    six = ("%.6f" * count) % values
    at = six.find("50", 6)
    while at != -1:
        index, misaligned = divmod(at - 6, 8)
        if not misaligned:
            cell = SCORE_CELL_BYTES * index
            text[cell : cell + SCORE_CELL_BYTES] = java_fixed4(values[index]).encode()
        at = six.find("50", at + 1)
    return bytes(text)


# --- One habit as Loop holds it -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Column:
    """Where a habit's days of the all-habits files are in the cells file: `count` Loop values (8
    bytes each), then `count` score cells (`SCORE_CELL_BYTES` each), from today back."""

    start: int
    count: int
    oldest_entry: int | None


@dataclass(slots=True)
class _LoopHabit:
    computed: dict[int, LoopDay]
    codes: array[int]
    """Loop's value of each day from today back to the oldest it lists (UNKNOWN for a day it
    does not list); just today for a habit without entries."""
    scores: bytes
    """The score cell of each of those days, one after the other (0.0000 before the first entry,
    as Loop writes)."""
    oldest_entry: int | None

    @classmethod
    def build(cls, habit: Habit, rows: Iterable[ExportRow], today: date) -> _LoopHabit:
        numeric = habit.kind == Kind.NUMERIC
        original: dict[int, LoopDay] = {}
        marks: dict[date, Mark] = {}
        for _, day, status, value, note in rows:
            if day > today:
                continue
            code = f.UNKNOWN if status is None else loop_code(Status(status), value, numeric)
            original[day.toordinal()] = (code, note)
            marks[day] = mark_of_code(code, numeric)
        times, days = loop_frequency(habit)
        computed = computed_entries(original, times, days, numeric)
        last = today.toordinal()
        first = min(computed, default=last)
        _, scores = scores_since(habit_spec(habit), marks, today)
        scores.reverse()
        text = score_cells(scores) + b"0.0000" * (last - first + 1 - len(scores))
        codes = array("q", [f.UNKNOWN]) * (last - first + 1)
        for ordinal, (code, _) in computed.items():
            if ordinal <= last:
                codes[last - ordinal] = code
        return cls(computed, codes, text, min(original, default=None))

    def checkmarks_lines(self) -> Iterator[str]:
        yield csv_line(f.CHECKMARKS_HEADER)
        for ordinal in sorted(self.computed, reverse=True):
            code, note = self.computed[ordinal]
            yield csv_line((date.fromordinal(ordinal).isoformat(), value_name(code), note))

    def store(self, cells: IO[bytes]) -> _Column:
        """Append this habit's days to the cells file."""
        start = cells.seek(0, 2)
        self.codes.tofile(cells)
        cells.write(self.scores)
        return _Column(start=start, count=len(self.codes), oldest_entry=self.oldest_entry)


def loop_code(status: Status, value: Decimal | None, numeric: bool) -> int:
    """The integer Loop stores for one of our entries."""
    if status is Status.SKIPPED:
        return f.SKIP
    if numeric:
        return f.UNKNOWN if value is None else int(value * 1000)
    return f.YES_MANUAL if status is Status.DONE else f.NO


def mark_of_code(code: int, numeric: bool) -> Mark:
    """What the engine scores for a day Loop holds as `code` (the import's rule)."""
    made = f.entry_from_code(code, Kind.NUMERIC if numeric else Kind.BOOLEAN)
    status, value = made if made is not None else (Status.NOT_DONE, None)
    return Mark(status, value)


def value_name(code: int) -> str:
    """Loop's `Entry.formattedValue`: -1 to 3 by name, anything else as a number."""
    return f.VALUE_NAMES.get(code, str(code))


# --- The all-habits files -----------------------------------------------------------------------


def _read(
    cells: IO[bytes], start: int, size: int, column: _Column, offset: int, count: int
) -> bytes:
    """A column's stored pieces of `size` bytes for `count` days from `offset` (fewer past its
    oldest day)."""
    wanted = min(count, column.count - offset)
    if wanted <= 0:
        return b""
    cells.seek(start + offset * size)
    return cells.read(wanted * size)


def _wide_scores(
    columns: list[_Column], cells: IO[bytes], count: int, days: _Days
) -> Iterator[bytes]:
    """The lines of the all-habits Scores.csv, `CHUNK_DAYS` days at a time."""
    for offset in range(0, count, CHUNK_DAYS):
        size = min(CHUNK_DAYS, count - offset)
        parts: list[Part] = [(days.cells(size, offset), DATE_CELL_BYTES)]
        for column in columns:
            start = column.start + column.count * 8
            stored = _read(cells, start, SCORE_CELL_BYTES, column, offset, size)
            parts += [(stored + b"0.0000" * (size - len(stored) // SCORE_CELL_BYTES), 6), b","]
        yield _lay_out(size, [*parts, b"\n"])


def _wide_values(
    columns: list[_Column], cells: IO[bytes], count: int, days: _Days
) -> Iterator[str]:
    """The lines of the all-habits Checkmarks.csv, `CHUNK_DAYS` days at a time."""
    names = f.VALUE_NAMES
    unknown = names[f.UNKNOWN]
    for offset in range(0, count, CHUNK_DAYS):
        size = min(CHUNK_DAYS, count - offset)
        chunk = []
        for column in columns:
            codes = array("q", _read(cells, column.start, 8, column, offset, size))
            chunk.append([names.get(code) or str(code) for code in codes])
            chunk[-1] += [unknown] * (size - len(codes))
        dates = days.cells(size, offset).decode()
        for index, row in enumerate(zip(*chunk, strict=True)):
            start = index * DATE_CELL_BYTES
            yield dates[start : start + DATE_CELL_BYTES] + ",".join(row) + ",\n"


def _write_lines(member: IO[bytes], lines: Iterable[str]) -> None:
    pending: list[str] = []
    for line in lines:
        pending.append(line)
        if len(pending) >= _LINES_PER_WRITE:
            member.write("".join(pending).encode())
            pending.clear()
    member.write("".join(pending).encode())
