"""The habit domain's rules, each stated once, with the messages that explain them.

Pure Python on purpose (no Django): the engine, the models' constraints, the serializers, the
services and the Loop reader all import these, and the front end reads them from the OpenAPI schema
that the serializers built from them publish. A limit changed here changes everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum


def gettext_noop(message: str) -> str:
    """Marks a message for the translation catalogs (makemessages extracts it) and returns it as
    is: the rules import no Django. Whoever shows a message translates it (gettext) first, then
    fills in its {placeholders}."""
    return message


# --- Sizes ---------------------------------------------------------------------------------------
# Limits a person never reaches and an attacker cannot exceed: each bounds the work of a request.

MAX_HABITS_PER_USER = 500
MESSAGE_TOO_MANY_HABITS = gettext_noop("An account holds at most {limit} habits.")
# A Loop zip: Habits.csv, the two all-habit files, two files per habit, and room for folders.
MAX_IMPORT_FILES = 2 * MAX_HABITS_PER_USER + 16

MAX_GROUPS_PER_USER = 100
MESSAGE_TOO_MANY_GROUPS = gettext_noop("An account holds at most {limit} groups.")


# --- Kinds of habit and entry ---------------------------------------------------------------------


class Kind(StrEnum):
    """Yes/no habits are done or not; measurable ones record an amount against a target."""

    BOOLEAN = "boolean"
    NUMERIC = "numeric"


class TargetType(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Period(StrEnum):
    """How "N times in D days" is judged: any D consecutive days, or calendar periods."""

    ROLLING = "rolling"
    CALENDAR = "calendar"


class Channel(StrEnum):
    """How a habit's reminder reaches its owner."""

    PUSH = "push"
    EMAIL = "email"


class Status(StrEnum):
    """What happened on one day of one habit."""

    DONE = "done"
    SKIPPED = "skipped"
    NOT_DONE = "not_done"


class ImportKind(StrEnum):
    """What an import job reads: a Loop CSV zip or full backup (told apart by content), or ours."""

    LOOP = "loop"
    BACKUP = "backup"


class ImportState(StrEnum):
    """An import job's life: the file is awaited, then queued, run, and done or failed."""

    WAITING_UPLOAD = "waiting_upload"
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ImportStage(StrEnum):
    """What a running import is doing: fetching the file, checking it, saving its entries."""

    FETCH = "fetch"
    CHECK = "check"
    SAVE = "save"


# Names a person reads (the admin's choices).
LABELS: dict[str, str] = {
    Kind.BOOLEAN: "Yes or no",
    Kind.NUMERIC: "Measurable",
    TargetType.AT_LEAST: "At least",
    TargetType.AT_MOST: "At most",
    Period.ROLLING: "Rolling window",
    Period.CALENDAR: "Calendar period",
    Status.DONE: "Done",
    Status.SKIPPED: "Skipped",
    Status.NOT_DONE: "Not done",
    Channel.PUSH: "Notification",
    Channel.EMAIL: "Email",
    ImportKind.LOOP: "Loop Habit Tracker",
    ImportKind.BACKUP: "Backup",
    ImportState.WAITING_UPLOAD: "Waiting for the file",
    ImportState.QUEUED: "Queued",
    ImportState.RUNNING: "Running",
    ImportState.DONE: "Done",
    ImportState.FAILED: "Failed",
    ImportStage.FETCH: "Fetching the file",
    ImportStage.CHECK: "Checking the file",
    ImportStage.SAVE: "Saving",
}


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """(value, label) pairs, as Django fields and DRF choice fields take them."""
    return [(member.value, LABELS[member]) for member in enum]


# --- Text -----------------------------------------------------------------------------------------

NAME_MAX_LENGTH = 100
DESCRIPTION_MAX_LENGTH = 1000
QUESTION_MAX_LENGTH = 200
UNIT_MAX_LENGTH = 30
NOTE_MAX_LENGTH = 1000

COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
COLOR_LENGTH = 7
DEFAULT_COLOR = "#4F46E5"
MESSAGE_COLOR = gettext_noop("Use a colour as #RRGGBB.")


def color_is_valid(value: str) -> bool:
    return re.match(COLOR_PATTERN, value) is not None


# Group names follow habit names' length rule and are unique per account, whatever their case: a
# group is picked by its name (the habit form's choice, Today's headers), so two "Health" groups
# could not be told apart. (Habits may share a name: Loop allows it and imports keep every habit.)
MESSAGE_GROUP_NAME_TAKEN = gettext_noop("You already have a group with this name.")
MESSAGE_NOT_YOUR_GROUP = gettext_noop("Choose one of your groups.")


def group_name_key(name: str) -> str:
    """What makes two group names the same: case folded, outer spaces ignored."""
    return name.strip().casefold()


def unique_names(names: Iterable[str]) -> list[str]:
    """The names, each made unique by a visible suffix where it repeats: the second "Read" becomes
    "Read (2)", the third "Read (3)", skipping any suffixed name the list already holds, and
    cutting the name where the suffix would take it past NAME_MAX_LENGTH. Imports keep every
    habit of a file (Loop allows one name for several habits) under names a person can tell
    apart."""
    names = list(names)
    taken = set(names)
    seen: set[str] = set()
    unique = []
    for name in names:
        if name in seen:
            count = 2
            while True:
                suffix = f" ({count})"
                candidate = name[: NAME_MAX_LENGTH - len(suffix)] + suffix
                if candidate not in taken:
                    break
                count += 1
            name = candidate
            taken.add(name)
        seen.add(name)
        unique.append(name)
    return unique


# --- Amounts --------------------------------------------------------------------------------------
# Targets and measured values are decimals with three places (thousandths, as Loop stores them),
# non-negative and below 10^12: exact under repeated use, unlike floats.

AMOUNT_MAX_DIGITS = 15
AMOUNT_DECIMAL_PLACES = 3
MAX_AMOUNT = Decimal(10) ** (AMOUNT_MAX_DIGITS - AMOUNT_DECIMAL_PLACES)
THOUSANDTH = Decimal(1).scaleb(-AMOUNT_DECIMAL_PLACES)

# A target of 0 is allowed, as Loop allows it (and its own CSV reader gives the habits it finds
# measurable "at least 0"). "At least 0" is a habit that is recorded rather than aimed at: every day
# done meets it, whatever the amount, and its score, as Loop's, counts every day as complete.
# "At most 0" is abstinence: a day done with nothing recorded in its window meets it.
TARGET_HELP = (
    "0 or more. At least 0: every day done meets it (an amount recorded, not aimed at). "
    "At most 0: a day done with nothing in its window meets it."
)
MESSAGE_TARGET_REQUIRED = gettext_noop("A measurable habit needs a target of 0 or more.")
MESSAGE_VALUE_REQUIRED = gettext_noop("A measurable habit needs a value when it is done.")
MESSAGE_VALUE_FOR_BOOLEAN = gettext_noop("A yes/no habit takes no value.")

# An entry may hold a note alone: no status (null), no value. Writing a note on a day nobody
# marked must not record that it was not done; streaks, scores and counts see no entry there.
MESSAGE_NOTE_ONLY = gettext_noop(
    "An entry without a status holds a note and nothing else: write the note."
)


def entry_is_valid(status: str | None, value: Decimal | None, note: str) -> bool:
    """A status, or (no status) a note without a value."""
    return status is not None or (value is None and note != "")


def target_is_valid(kind: Kind, target_value: Decimal | None) -> bool:
    """A measurable habit needs a target of 0 or more; a yes/no habit has none."""
    return kind is Kind.BOOLEAN or (target_value is not None and target_value >= 0)


# --- Schedules ------------------------------------------------------------------------------------
# "N times in D days", with 1 <= N <= D <= 366 ({1, 1} is daily; 366 lets "once a year" hold in a
# leap year), optionally only on some ISO weekdays (1 = Monday ... 7 = Sunday).

MAX_FREQUENCY_DAYS = 366
WEEKDAYS = range(1, 8)
ALL_WEEKDAYS_MASK = 0b1111111

MESSAGE_TIMES_OVER_DAYS = gettext_noop("Times must not exceed days.")
MESSAGE_WEEKDAYS_UNIQUE = gettext_noop("Each weekday may appear once.")


def frequency_is_valid(times: int, days: int) -> bool:
    return 1 <= times <= days <= MAX_FREQUENCY_DAYS


def weekdays_to_mask(weekdays: Iterable[int]) -> int:
    """ISO weekdays as a bit mask; 0 means every day (all seven are stored as 0 too)."""
    mask = 0
    for weekday in weekdays:
        mask |= 1 << (weekday - 1)
    return 0 if mask == ALL_WEEKDAYS_MASK else mask


def mask_to_weekdays(mask: int) -> list[int]:
    return [weekday for weekday in WEEKDAYS if mask & (1 << (weekday - 1))]


# --- Days -----------------------------------------------------------------------------------------
# A day is a date in the user's calendar, written YYYY-MM-DD. Entries may be recorded from
# EARLIEST_DAY to the user's today.

EARLIEST_DAY = date(1970, 1, 1)
# A file made elsewhere (a backup, Loop's own export) may hold a day up to this many days after
# the importing person's today: it was written where the date was already later (UTC+14 is 26
# hours ahead of UTC-12). Such a day is kept; a day further ahead is refused.
IMPORT_DAYS_AHEAD = 2


def latest_imported_day(today: date) -> date:
    """The last day an imported file may hold for someone whose today is `today`."""
    return today + timedelta(days=IMPORT_DAYS_AHEAD)


DAY_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")

MESSAGE_BAD_DAY = gettext_noop("Use a real date as YYYY-MM-DD.")
MESSAGE_BEFORE_EARLIEST_DAY = gettext_noop("Days before 1970-01-01 cannot be recorded.")
MESSAGE_RANGE_BEFORE_EARLIEST_DAY = gettext_noop("Ranges start and end no earlier than 1970-01-01.")
MESSAGE_FUTURE_DAY = gettext_noop("This day is after today ({today}) in your time zone.")


def parse_day(text: str) -> date | None:
    """The date `text` names as YYYY-MM-DD, or None (other ISO forms are refused)."""
    if not DAY_PATTERN.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def entry_day_problem(
    day: date, today: date, translate: Callable[[str], str] = gettext_noop
) -> str | None:
    """Why an entry cannot be recorded on `day` (None when it can), in the language `translate`
    (such as Django's gettext) gives its messages."""
    if day < EARLIEST_DAY:
        return translate(MESSAGE_BEFORE_EARLIEST_DAY)
    if day > today:
        return translate(MESSAGE_FUTURE_DAY).format(today=today.isoformat())
    return None


# --- Reminders ------------------------------------------------------------------------------------
# One reminder per habit: a time of day on some weekdays (null: the habit's scheduled days), sent
# by Web Push to the user's subscribed browsers or by mail. The API numbers weekdays from Monday = 0
# (JavaScript's and Python's `weekday()`), stored as the same bit mask as the habit's weekdays.

MAX_PUSH_SUBSCRIPTIONS_PER_USER = 20
PUSH_ENDPOINT_MAX_LENGTH = 1000
# base64url of a P-256 point (65 bytes -> 87 characters) and of a 16-byte secret (22), with room.
PUSH_KEY_MAX_LENGTH = 200
# Hosts of the browsers' push services; an endpoint elsewhere is refused (backend/push_relay.py
# holds the same list: the relay imports nothing of the product). Subdomains only.
PUSH_SERVICE_HOSTS = (
    "googleapis.com",
    "push.services.mozilla.com",
    "push.apple.com",
    "notify.windows.com",
)

MESSAGE_TOO_MANY_SUBSCRIPTIONS = gettext_noop(
    "At most {limit} browsers can receive notifications; remove one first."
)
MESSAGE_PUSH_ENDPOINT = gettext_noop("This is not the address of a known push service.")
MESSAGE_PUSH_KEYS = gettext_noop("The subscription's keys are not valid.")
MESSAGE_REMINDER_WEEKDAYS = gettext_noop(
    "Weekdays are 0 (Monday) to 6 (Sunday), each at most once."
)
MESSAGE_REMINDER_EXPIRED = gettext_noop(
    "This reminder has expired; open the app to record the day."
)


def reminder_weekdays_to_mask(weekdays: Iterable[int]) -> int:
    """Monday = 0 weekdays as the habit's weekday mask (bit 0 = Monday)."""
    return weekdays_to_mask(weekday + 1 for weekday in weekdays) or ALL_WEEKDAYS_MASK


def mask_to_reminder_weekdays(mask: int) -> list[int]:
    return [weekday - 1 for weekday in mask_to_weekdays(mask)]


def push_host_allowed(host: str) -> bool:
    """Whether `host` is one of the push services' (a subdomain of PUSH_SERVICE_HOSTS)."""
    host = host.lower().rstrip(".")
    return any(host.endswith("." + known) for known in PUSH_SERVICE_HOSTS)
