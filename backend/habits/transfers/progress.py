"""A running import's progress where the SPA can read it while the import's transaction is still
open: the cache (Redis in AWS, the process's memory locally), never the job's row, which the
transaction would hide until it ends."""

from __future__ import annotations

from uuid import UUID

from django.core.cache import cache

from habits.rules import ImportStage

KEEP_SECONDS = 60 * 60


def _key(job_id: UUID) -> str:
    return f"import-job:{job_id}:progress"


def progress_note(*, job_id: UUID, stage: ImportStage, done: int, total: int) -> None:
    cache.set(_key(job_id), [str(stage), done, total], timeout=KEEP_SECONDS)


def progress_read(*, job_id: UUID) -> tuple[ImportStage, int, int] | None:
    noted = cache.get(_key(job_id))
    if not noted:
        return None
    stage, done, total = noted
    return ImportStage(stage), int(done), int(total)


def progress_clear(*, job_id: UUID) -> None:
    cache.delete(_key(job_id))
