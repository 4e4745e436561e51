"""Loop Habit Tracker's CSV layout, as its `HabitsCSVExporter` writes it, and our error messages.

A Loop export is a zip holding:

- `Habits.csv`: one row per habit. Since Loop 2.3.1: `Position,Name,Type,Question,Description,
  FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?`, the last
  three empty for yes/no habits. Loop 1.x to 2.3.0 wrote `Position,Name,[Question,]Description,
  NumRepetitions,Interval,Color` (Question since 2.0; numeric habits exist since 2.0). In 1.x,
  Description is what Loop asks (its form labels it "Question"), which Loop 2.0 moved to the
  question (migration 23).
- `NNN Name/Checkmarks.csv` per habit (NNN = the 1-based position, 3 digits; the name sanitized):
  `Date,Value,Notes`, newest first, one row per day Loop knows something about. Loop stores one
  integer per day: -1 UNKNOWN, 0 NO, 1 YES_AUTO, 2 YES_MANUAL, 3 SKIP for yes/no habits, and the
  amount in thousandths for numeric ones, where 3 still means SKIP and -1 UNKNOWN. Since 2.3.1 the
  file writes those five integers by name, numeric amounts included (0.002 is YES_MANUAL), with a
  header and notes. Loop 1.x to 2.3.0 wrote `date,integer` lines without header or notes, and
  Habits.csv had no Type column, so a numeric habit shows only through its values.
- `NNN Name/Scores.csv` per habit: `Date,Score` (`%.4f`), every day from the oldest day its
  Checkmarks.csv lists (today without any) to today, newest first.
- `Checkmarks.csv` and `Scores.csv`: every habit side by side, `Date,<name>,<name>,...,` (Loop ends
  each line with the delimiter, so the last cell is empty, and does not quote the names), one row
  per day from the oldest entry of any habit to today, newest first; UNKNOWN and 0.0000 where a
  habit has nothing. Without any entry, the header alone.

Every file is UTF-8; opencsv quotes a cell only when it holds a quote, a comma or a line break.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from habits.rules import MAX_AMOUNT, THOUSANDTH, Kind, Status

HABITS_FILE = "Habits.csv"
CHECKMARKS_FILE = "Checkmarks.csv"
SCORES_FILE = "Scores.csv"

HABITS_HEADER = (
    "Position",
    "Name",
    "Type",
    "Question",
    "Description",
    "FrequencyNumerator",
    "FrequencyDenominator",
    "Color",
    "Unit",
    "Target Type",
    "Target Value",
    "Archived?",
)
# The columns an import needs; the others default (an empty Question, Archived? false, ...) so
# that versions of Loop with fewer columns still import.
HABITS_REQUIRED = ("Position", "Name", "Type", "FrequencyNumerator", "FrequencyDenominator")
OLD_HABITS_REQUIRED = ("Position", "Name", "NumRepetitions", "Interval")
CHECKMARKS_HEADER = ("Date", "Value", "Notes")
SCORES_HEADER = ("Date", "Score")

TYPE_YES_NO = "YES_NO"
TYPE_NUMERICAL = "NUMERICAL"
TARGET_AT_LEAST = "AT_LEAST"
TARGET_AT_MOST = "AT_MOST"

# Loop's entry values (Entry.kt) and their names in the current CSV layout.
UNKNOWN = -1
NO = 0
YES_AUTO = 1
YES_MANUAL = 2
SKIP = 3
VALUE_NAMES = {
    UNKNOWN: "UNKNOWN",
    NO: "NO",
    YES_AUTO: "YES_AUTO",
    YES_MANUAL: "YES_MANUAL",
    SKIP: "SKIP",
}
VALUES_BY_NAME = {name: value for value, name in VALUE_NAMES.items()}
YES_NO_CODES = frozenset(VALUE_NAMES)
# A Loop amount: a 32-bit integer of thousandths, below our own ceiling.
MAX_CODE = min(2**31 - 1, int(MAX_AMOUNT * 1000) - 1)

# Loop's colours (PaletteColor.toCsvColor), by palette index, spelled as Loop spells them.
PALETTE = (
    "#D32F2F",
    "#E64A19",
    "#F57C00",
    "#FF8F00",
    "#F9A825",
    "#AFB42B",
    "#7CB342",
    "#388E3C",
    "#00897B",
    "#00ACC1",
    "#039BE5",
    "#1976D2",
    "#303F9F",
    "#5E35B1",
    "#8E24AA",
    "#D81B60",
    "#5D4037",
    "#303030",
    "#757575",
    "#aaaaaa",
)

SCORE_FORMAT = "{:.4f}"
# Loop's sanitizeFilename: keep letters, digits, space, dot, underscore and dash; at most 100.
_UNSAFE_IN_FOLDER = re.compile(r"[^ a-zA-Z0-9._-]+")
_DOT_RUNS = re.compile(r"\.{2,}")
FOLDER_POSITION = re.compile(r"^(\d{1,9})(?: |$)")

MESSAGE_NOT_ZIP = _("This is not a zip file. Choose the zip Loop Habit Tracker exports.")
MESSAGE_TOO_MANY_HABITS = _("Habits.csv lists more than {limit} habits.")
MESSAGE_NO_HABITS_FILE = _("The zip has no Habits.csv at its top level.")
MESSAGE_EMPTY_FILE = _("{file} is empty: its first line should be the column names.")
MESSAGE_MISSING_COLUMNS = _("{file} is missing the column(s) {columns}.")
MESSAGE_BAD_ZIP_PATH = _(
    "{path}: unexpected file (habit folders hold Checkmarks.csv and Scores.csv)."
)
MESSAGE_UNLISTED_FOLDER = _("{folder}: this folder is not a habit listed in Habits.csv.")
MESSAGE_TWO_FOLDERS = _("{folder}: a second folder for the habit of {other}.")
MESSAGE_LINE = _("{file} line {line}: {problem}")
MESSAGE_WHERE_LINE = _("{file} line {line}")
PROBLEM_POSITION = _("Position must be a whole number from 1 (got {value!r}).")
PROBLEM_DUPLICATE_POSITION = _("position {value} appears twice.")
PROBLEM_NAME_EMPTY = _("the name is empty.")
PROBLEM_TOO_LONG = _("{column} is longer than {limit} characters.")
PROBLEM_NUL = _("{column} contains a NUL character.")
PROBLEM_TYPE = _("Type must be YES_NO or NUMERICAL (got {value!r}).")
PROBLEM_FREQUENCY = _("the frequency must be whole numbers with 1 <= times <= days <= {limit}.")
PROBLEM_COLOR = _("Color must be #RRGGBB (got {value!r}).")
PROBLEM_TARGET_TYPE = _("Target Type must be AT_LEAST or AT_MOST (got {value!r}).")
PROBLEM_TARGET_VALUE = _("a measurable habit needs a Target Value of 0 or more (got {value!r}).")
PROBLEM_ARCHIVED = _("Archived? must be true or false (got {value!r}).")
PROBLEM_COLUMNS = _("expected {expected} columns, found {found}.")
PROBLEM_DATE = _("{value!r} is not a date (YYYY-MM-DD).")
PROBLEM_DATE_BEFORE_EPOCH = _("{value} is before 1970-01-01.")
PROBLEM_DATE_FUTURE = _("{value} is more than {days} days after today ({today}) in your time zone.")
PROBLEM_DATE_TWICE = _("{value} appears twice.")
PROBLEM_VALUE = _("{value!r} is not a Loop value for this habit.")
PROBLEM_KIND_LOCKED = _("{name!r} already exists with entries as a habit of another type.")


def code_is_valid(code: int, kind: Kind) -> bool:
    """Whether a habit of `kind` can hold Loop's stored value `code`."""
    if kind is Kind.BOOLEAN:
        return code in YES_NO_CODES
    return UNKNOWN <= code <= MAX_CODE


def entry_from_code(code: int, kind: Kind) -> tuple[Status, Decimal | None] | None:
    """The entry (status, value) Loop's stored value `code` makes here; None makes none.

    Yes/no: YES_MANUAL is done, NO not done, SKIP skipped; YES_AUTO (derived by Loop from the
    frequency) and UNKNOWN make no entry. Numeric: an amount of thousandths is done with that
    amount, 0 included (an explicit 0 is what meets "at most"); SKIP (3) is skipped, as in Loop,
    where 0.003 is a skip; UNKNOWN (a day Loop was told it does not know) is not done, no amount.
    """
    if code == SKIP:
        return Status.SKIPPED, None
    if kind is Kind.NUMERIC:
        if code == UNKNOWN:
            return Status.NOT_DONE, None
        return Status.DONE, (Decimal(code) / 1000).quantize(THOUSANDTH)
    if code == YES_MANUAL:
        return Status.DONE, None
    if code == NO:
        return Status.NOT_DONE, None
    return None


def folder_name(position: int, name: str) -> str:
    """The folder Loop gives a habit: `NNN Name`, trimmed, without path separators or `..`."""
    sane = _DOT_RUNS.sub(".", _UNSAFE_IN_FOLDER.sub("", name))[:100]
    return f"{position:03d} {sane}".strip()
