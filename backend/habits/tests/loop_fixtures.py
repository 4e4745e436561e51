"""Helpers for the Loop export/import tests: zips in memory, uploads, reading an export back."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, encode_multipart

from conftest import ApiClient
from habits.models import Entry, Habit

# Loop's reference files (its exporter test's expected export and a real full backup), read where
# they are, beside the project: ../shared/reference/loop/ from the project's root.
REFERENCE_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "loop"

EXPORT_URL = "/api/export/loop/"
IMPORT_URL = "/api/import/loop/"
# A string equal to MULTIPART_CONTENT but not the same object: Django's client then sends the body
# as given instead of encoding it again.
MULTIPART = "multipart/form-data; boundary=" + BOUNDARY


def make_zip(files: Mapping[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(api: ApiClient, content: bytes, url: str = IMPORT_URL, **extra: Any) -> Any:
    """POST `content` to `url` as the multipart field `file`, the way a browser form does."""
    body = encode_multipart(
        BOUNDARY, {"file": SimpleUploadedFile("loop.zip", content, "application/zip")}
    )
    return api.post(url, body, content_type=MULTIPART, **extra)


def export(api: ApiClient) -> bytes:
    response: Any = api.get(EXPORT_URL)  # a FileResponse: the stubs type only the buffered kind
    assert response.status_code == 200
    return b"".join(cast(Iterable[bytes], response.streaming_content))


def unzip(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def loop_habits_csv(*rows: list[str]) -> str:
    """Habits.csv as Loop 2.3.1 writes it (cells quoted only where CSV needs it)."""
    header = (
        "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,"
        "Color,Unit,Target Type,Target Value,Archived?\n"
    )
    return header + csv_text([list(row) for row in rows])


def snapshot(user_id: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The user's habits and entries, as comparable tuples (no ids or timestamps)."""
    habits = list(
        Habit.objects.filter(user_id=user_id)
        .order_by("position", "id")
        .values_list(
            "name",
            "kind",
            "question",
            "description",
            "color",
            "unit",
            "target_value",
            "target_type",
            "frequency_times",
            "frequency_days",
            "archived",
        )
    )
    entries = list(
        Entry.objects.filter(habit__user_id=user_id)
        .order_by("habit__position", "habit_id", "date")
        .values_list("habit__name", "date", "status", "value", "note")
    )
    return habits, entries
