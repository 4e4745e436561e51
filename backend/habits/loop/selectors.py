"""Reads for Loop: the user's data as a Loop Habit Tracker CSV zip."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from typing import IO

from accounts.models import User
from accounts.selectors import user_today
from habits.loop.writer import write_archive
from habits.models import Entry, Habit
from habits.specs import EXPORT_ROW_FIELDS

# Entries are read through one cursor in chunks of this many rows (server-side on PostgreSQL).
ROW_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class LoopExport:
    filename: str
    file: IO[bytes]
    """The zip, a temporary file at its start; whoever sends it closes it."""


def loop_export(*, user: User) -> LoopExport:
    """Every habit of the user (archived ones too, in list order) with its entries up to today.

    Two queries whatever the number of habits and entries; the zip is written to a temporary file
    in bounded memory (see `habits.loop.writer`).
    """
    today = user_today(user=user)
    habits = list(Habit.objects.filter(user=user).order_by("position", "id"))
    rows = (
        Entry.objects.filter(habit__in=[habit.pk for habit in habits], date__lte=today)
        .order_by("habit_id", "date")
        .values_list(*EXPORT_ROW_FIELDS)
        .iterator(chunk_size=ROW_CHUNK)
    )
    file = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    try:
        write_archive(file, habits, rows, today)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return LoopExport(filename=f"habits-{today.isoformat()}.zip", file=file)
