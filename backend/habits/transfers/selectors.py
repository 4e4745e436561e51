"""Reads for import jobs: the user's own jobs only (another user's is a 404), with the progress of
one that runs."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.shortcuts import get_object_or_404

from accounts.models import User
from habits.models import ImportJob
from habits.rules import ImportStage, ImportState
from habits.transfers.progress import progress_read


@dataclass(frozen=True, slots=True)
class JobProgress:
    stage: ImportStage | None
    done: int
    total: int


def import_job_get(*, user: User, job_id: UUID) -> ImportJob:
    return get_object_or_404(ImportJob, pk=job_id, user=user)


def import_job_progress(*, job: ImportJob) -> JobProgress:
    """Where a running job is (stage, and done of total where it counts); nothing otherwise."""
    if job.state != ImportState.RUNNING:
        return JobProgress(stage=None, done=0, total=0)
    noted = progress_read(job_id=job.pk)
    if noted is None:
        return JobProgress(stage=ImportStage.FETCH, done=0, total=job.size)
    stage, done, total = noted
    return JobProgress(stage=stage, done=done, total=total)
