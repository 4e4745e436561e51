"""Write a backup (see `format`), streamed: one habit's entries in memory at a time."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from operator import itemgetter
from typing import IO, Any

from habits import rules
from habits.backup import format as b
from habits.models import Habit, Reminder
from habits.specs import ExportRow, rows_by_habit


def write_backup(
    out: IO[bytes], habits: Sequence[Habit], rows: Iterable[ExportRow], *, created_at: datetime
) -> None:
    """Write the backup of `habits` (in list order) to `out`; `rows` are all their entries,
    ordered by habit id, read once. The manifest comes last: it counts what was written."""
    files = {habit.pk: b.HABIT_FILE.format(index=index) for index, habit in enumerate(habits, 1)}
    entries = 0
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for habit, habit_rows in rows_by_habit(habits, rows):
            entries += len(habit_rows)
            with archive.open(files[habit.pk], "w") as member:
                member.write(_json(habit_document(habit, habit_rows)).encode())
        manifest = {
            "format": b.FORMAT,
            "version": b.VERSION,
            "created_at": created_at.isoformat(),
            "habits": len(habits),
            "entries": entries,
        }
        archive.writestr(b.MANIFEST_FILE, _json(manifest, indent=2))


def habit_document(habit: Habit, rows: Iterable[ExportRow]) -> dict[str, Any]:
    """Every field of a habit and all of its entries, as the format writes them."""
    return {
        "name": habit.name,
        "description": habit.description,
        "question": habit.question,
        "color": habit.color,
        "kind": habit.kind,
        "unit": habit.unit,
        "target_value": _amount(habit.target_value),
        "target_type": habit.target_type,
        "frequency": {"times": habit.frequency_times, "days": habit.frequency_days},
        "weekdays": habit.weekdays,
        "period": habit.period,
        "archived": habit.archived,
        "position": habit.position,
        "reminder": _reminder(habit),
        "entries": [
            {"date": day.isoformat(), "status": status, "value": _amount(value), "note": note}
            for _, day, status, value, note in sorted(rows, key=itemgetter(1))
        ],
    }


def _reminder(habit: Habit) -> dict[str, Any] | None:
    reminder: Reminder | None = getattr(habit, "reminder", None)
    if reminder is None:
        return None
    mask = reminder.weekdays_mask
    return {
        "time": reminder.time.strftime("%H:%M"),
        "weekdays": None if mask is None else rules.mask_to_weekdays(mask),
        "channel": reminder.channel,
    }


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _json(document: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(document, ensure_ascii=False, indent=indent)
