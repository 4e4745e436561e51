"""The backup format, version 2 (described for people in docs/BACKUP_FORMAT.md).

A zip holding `manifest.json`, `groups.json` and one `habits/NNNN.json` per habit (NNNN from 0001,
in list order). The manifest names the format and its version, when it was made, and how many
groups, habits and entries follow; `groups.json` lists the habit groups, each with a number the
habits refer to (`group`); each habit file holds every field of one habit and all of its entries.
Amounts are decimal strings ("2.5"), never floats, so they come back exact; dates are YYYY-MM-DD.

Version 1 (no groups: no `groups.json`, no `groups` count, no `group` on a habit) is still read.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

FORMAT = "habit-tracker-backup"
VERSION = 2
# The first version with groups; older backups restore with every habit in no group.
GROUPS_VERSION = 2
MANIFEST_FILE = "manifest.json"
GROUPS_FILE = "groups.json"
HABIT_FILE = "habits/{index:04d}.json"
HABIT_FILE_PATTERN = re.compile(r"^habits/\d{4}\.json$")
# manifest (1) > habit (1) > entries (2) > entry (3), and groups (1) > list (2) > group (3):
# nothing in the format nests deeper.
MAX_DEPTH = 3

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
    "group",
    "entries",
)
# Optional (a backup from before reminders has none): {"time", "weekdays", "channel"} or null.
REMINDER_KEY = "reminder"
GROUP_KEYS = ("id", "name", "position", "collapsed")
ENTRY_KEYS = ("date", "status", "value", "note")

MESSAGE_NOT_ZIP = _("This is not a zip file. Choose a backup this app made.")
MESSAGE_NO_MANIFEST = _("The zip has no manifest.json: it is not a backup made by this app.")
MESSAGE_NOT_BACKUP = _("manifest.json does not describe a backup of this app (format {value!r}).")
MESSAGE_NEWER_VERSION = _(
    "This backup has format version {version}; this app reads version {supported} and older."
)
MESSAGE_UNEXPECTED_FILE = _(
    "{path}: unexpected file (a backup holds manifest.json, groups.json and habits/)."
)
MESSAGE_NO_GROUPS = _("The zip has no groups.json, which a backup of version {version} holds.")
MESSAGE_TOO_MANY_HABITS = _("The backup holds more than {limit} habits.")
MESSAGE_TOO_MANY_GROUPS = _("The backup holds more than {limit} groups.")
MESSAGE_COUNTS = _(
    "manifest.json counts {habits} habits and {entries} entries; the zip holds {found_habits} "
    "and {found_entries}: the backup is incomplete."
)
MESSAGE_GROUP_COUNT = _(
    "manifest.json counts {groups} groups; groups.json holds {found}: the backup is incomplete."
)
MESSAGE_GROUP = _("groups.json, group {index}: {problem}")
MESSAGE_NOT_JSON = _("{file} is not valid JSON: {error}.")
MESSAGE_TOO_DEEP = _("{file} is nested deeper than a backup ever is.")
MESSAGE_FIELD = _("{where}: {problem}")
MESSAGE_ENTRY = _("{file}, entry {index} ({day}): {problem}")

PROBLEM_NOT_OBJECT = _("expected a JSON object.")
PROBLEM_MISSING = _("{key!r} is missing.")
PROBLEM_TYPE = _("{key!r} must be {expected}.")
PROBLEM_CHOICE = _("{key!r} must be one of {choices} (got {value!r}).")
PROBLEM_TOO_LONG = _("{key!r} is longer than {limit} characters.")
PROBLEM_NUL = _("{key!r} contains a NUL character.")
PROBLEM_AMOUNT = _("{key!r} must be a decimal string from 0 to below 10^12 with at most 3 places.")
PROBLEM_WEEKDAYS = _("'weekdays' must list distinct ISO weekdays from 1 (Monday) to 7 (Sunday).")
PROBLEM_REMINDER = _(
    "'reminder' must be null or an object with 'time' (HH:MM), 'weekdays' (null, or distinct ISO "
    "weekdays from 1 to 7) and 'channel' (push or email)."
)
PROBLEM_DAY_TWICE = _("the day appears twice.")
PROBLEM_DAY_AHEAD = _("the day is more than {days} days after today ({today}).")
PROBLEM_POSITION_TWICE = _("position {value} is another habit's too.")
PROBLEM_GROUP_POSITION_TWICE = _("position {value} is another group's too.")
PROBLEM_GROUP_ID_TWICE = _("id {value} is another group's too.")
PROBLEM_GROUP_NAME_TWICE = _("the name {value!r} is another group's too (in any case).")
PROBLEM_NO_SUCH_GROUP = _("'group' is {value}, which no group in groups.json has.")
