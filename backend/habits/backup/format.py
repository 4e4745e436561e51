"""The backup format, version 1 (described for people in docs/BACKUP_FORMAT.md).

A zip holding `manifest.json` and one `habits/NNNN.json` per habit (NNNN from 0001, in list
order). The manifest names the format and its version, when it was made, and how many habits and
entries follow; each habit file holds every field of one habit and all of its entries. Amounts are
decimal strings ("2.5"), never floats, so they come back exact; dates are YYYY-MM-DD.
"""

from __future__ import annotations

import re

FORMAT = "habit-tracker-backup"
VERSION = 1
MANIFEST_FILE = "manifest.json"
HABIT_FILE = "habits/{index:04d}.json"
HABIT_FILE_PATTERN = re.compile(r"^habits/\d{4}\.json$")
# manifest (1) > habit (1) > entries (2) > entry (3): nothing in the format nests deeper.
MAX_DEPTH = 3
# A day after the restoring person's today is kept when it is at most this far ahead: a backup
# made in a time zone ahead of theirs (UTC+14 is 26 hours ahead of UTC-12) may hold one.
DAYS_AHEAD = 2

HABIT_KEYS = (
    "name",
    "description",
    "question",
    "color",
    "kind",
    "unit",
    "target_value",
    "target_type",
    "frequency",
    "weekdays",
    "period",
    "archived",
    "position",
    "entries",
)
# Optional (a backup from before reminders has none): {"time", "weekdays", "channel"} or null.
REMINDER_KEY = "reminder"
ENTRY_KEYS = ("date", "status", "value", "note")

MESSAGE_NOT_ZIP = "This is not a zip file. Choose a backup this app made."
MESSAGE_NO_MANIFEST = "The zip has no manifest.json: it is not a backup made by this app."
MESSAGE_NOT_BACKUP = "manifest.json does not describe a backup of this app (format {value!r})."
MESSAGE_NEWER_VERSION = (
    "This backup has format version {version}; this app reads version {supported} and older."
)
MESSAGE_UNEXPECTED_FILE = "{path}: unexpected file (a backup holds manifest.json and habits/)."
MESSAGE_TOO_MANY_HABITS = "The backup holds more than {limit} habits."
MESSAGE_COUNTS = (
    "manifest.json counts {habits} habits and {entries} entries; the zip holds {found_habits} "
    "and {found_entries}: the backup is incomplete."
)
MESSAGE_NOT_JSON = "{file} is not valid JSON: {error}."
MESSAGE_TOO_DEEP = "{file} is nested deeper than a backup ever is."
MESSAGE_FIELD = "{where}: {problem}"
MESSAGE_ENTRY = "{file}, entry {index} ({day}): {problem}"

PROBLEM_NOT_OBJECT = "expected a JSON object."
PROBLEM_MISSING = "{key!r} is missing."
PROBLEM_TYPE = "{key!r} must be {expected}."
PROBLEM_CHOICE = "{key!r} must be one of {choices} (got {value!r})."
PROBLEM_TOO_LONG = "{key!r} is longer than {limit} characters."
PROBLEM_NUL = "{key!r} contains a NUL character."
PROBLEM_AMOUNT = "{key!r} must be a decimal string from 0 to below 10^12 with at most 3 places."
PROBLEM_WEEKDAYS = "'weekdays' must list distinct ISO weekdays from 1 (Monday) to 7 (Sunday)."
PROBLEM_REMINDER = (
    "'reminder' must be null or an object with 'time' (HH:MM), 'weekdays' (null, or distinct ISO "
    "weekdays from 1 to 7) and 'channel' (push or email)."
)
PROBLEM_DAY_TWICE = "the day appears twice."
PROBLEM_DAY_AHEAD = "the day is more than {days} days after today ({today})."
PROBLEM_POSITION_TWICE = "position {value} is another habit's too."
