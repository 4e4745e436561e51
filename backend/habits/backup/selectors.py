"""Reads for backups: the user's account as a backup (see `format`)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from typing import IO

from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_today
from habits.backup.writer import write_backup
from habits.models import Entry, Habit
from habits.specs import EXPORT_ROW_FIELDS

# Entries are read through one cursor in chunks of this many rows (server-side on PostgreSQL).
ROW_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class BackupExport:
    filename: str
    file: IO[bytes]
    """The zip, a temporary file at its start; whoever sends it closes it."""


def backup_export(*, user: User) -> BackupExport:
    """Every habit of the user (archived ones too) with every entry, whatever its day.

    Two queries whatever the number of habits and entries; one habit's entries in memory at a
    time, the zip written to a temporary file.
    """
    habits = list(
        Habit.objects.filter(user=user).select_related("reminder").order_by("position", "id")
    )
    rows = (
        Entry.objects.filter(habit__in=[habit.pk for habit in habits])
        .order_by("habit_id", "date")
        .values_list(*EXPORT_ROW_FIELDS)
        .iterator(chunk_size=ROW_CHUNK)
    )
    file = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    try:
        write_backup(file, habits, rows, created_at=timezone.now())
    except BaseException:
        file.close()
        raise
    file.seek(0)
    today = user_today(user=user)
    return BackupExport(filename=f"habits-backup-{today.isoformat()}.zip", file=file)
