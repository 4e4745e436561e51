"""Loop full backups of any schema version, built for tests as each version's tables were.

Loop's schema history (its migrations 09 to 25): version 9 creates Habits (id, archived, color,
description, freq_den, freq_num, highlight, name, position, reminder_hour, reminder_min) and
Repetitions (id, habit, timestamp); 11 adds reminder_days; 16 a habit's type and a repetition's
value (default 2, YES_MANUAL); 18 target_type, target_value and unit; 22 rebuilds Repetitions with
NOT NULL columns and a unique (habit, timestamp); 23 adds question; 24 uuid; 25 a repetition's
notes. Colours are ARGB integers before 14, indices into a 13-colour palette from 14, into the
20-colour one from 21.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

DAY_MS = 86_400_000


def timestamp(day: date) -> int:
    """Loop's timestamp of a day: milliseconds at its UTC midnight."""
    return (day - date(1970, 1, 1)).days * DAY_MS


def habits_table(version: int) -> str:
    columns = [
        "id integer primary key autoincrement",
        "archived integer",
        "color integer",
        "description text",
        "freq_den integer",
        "freq_num integer",
        "highlight integer",
        "name text",
        "position integer",
        "reminder_hour integer",
        "reminder_min integer",
    ]
    if version >= 11:
        columns.append("reminder_days integer not null default 127")
    if version >= 16:
        columns.append("type integer not null default 0")
    if version >= 18:
        columns += [
            "target_type integer not null default 0",
            "target_value real not null default 0",
            "unit text not null default ''",
        ]
    if version >= 23:
        columns.append("question text")
    if version >= 24:
        columns.append("uuid text")
    return f"create table Habits ({', '.join(columns)})"


def repetitions_table(version: int) -> list[str]:
    if version < 22:
        columns = [
            "id integer primary key autoincrement",
            "habit integer references habits(id)",
            "timestamp integer",
        ]
    else:
        columns = [
            "id integer primary key autoincrement",
            "habit integer not null references habits(id)",
            "timestamp integer not null",
        ]
    if version >= 16:
        columns.append("value integer not null" + ("" if version >= 22 else " default 2"))
    if version >= 25:
        columns.append("notes text")
    statements = [f"create table Repetitions ({', '.join(columns)})"]
    if version >= 22:
        statements.append(
            "create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp)"
        )
    return statements


def loop_database(
    version: int,
    habits: Iterable[Mapping[str, Any]],
    repetitions: Iterable[Mapping[str, Any]],
    *,
    extra_sql: Iterable[str] = (),
) -> bytes:
    """The bytes of a Loop backup of `version` holding these rows (column -> value; columns the
    version lacks must be left out)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "loop.db"
        connection = sqlite3.connect(path)
        try:
            connection.execute(habits_table(version))
            for statement in [*repetitions_table(version), *extra_sql]:
                connection.execute(statement)
            for table, rows in (("Habits", habits), ("Repetitions", repetitions)):
                for row in rows:
                    names = ", ".join(row)
                    marks = ", ".join("?" for _ in row)
                    connection.execute(
                        f"insert into {table} ({names}) values ({marks})",  # noqa: S608
                        list(row.values()),
                    )
            connection.execute(f"pragma user_version = {version}")
            connection.commit()
        finally:
            connection.close()
        return path.read_bytes()
