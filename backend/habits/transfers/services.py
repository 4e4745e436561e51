"""Writes for import jobs: create one, take its file (local store), queue it, run it.

A job runs at most once (`import_job_run` claims it, queued -> running, in one conditional UPDATE)
and never raises: whatever goes wrong ends as a failed job with a message the person can act on.
The import itself is the Loop or backup service, one transaction that lands whole or not at all;
the file is read and checked before that transaction opens, and a failure anywhere leaves the
account exactly as it was. The stored file is deleted when the job ends either way (and the
bucket's lifecycle removes any left behind after a day).
"""

from __future__ import annotations

import tempfile
from dataclasses import asdict
from datetime import timedelta
from functools import partial
from typing import IO
from uuid import UUID

import structlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from habits.models import ACTIVE_IMPORT_STATES, ImportJob
from habits.rules import ImportKind, ImportStage, ImportState
from habits.storage import TransferStore, transfer_store
from habits.transfers.progress import progress_clear, progress_note

log = structlog.get_logger(__name__)

# Memory the fetched file may take before the copy spills to disk (Lambda's /tmp, 512 MB).
SPOOL_BYTES = 2 * 1024 * 1024
# Jobs a person can have at any time: old ones are deleted when a new one is created.
MAX_JOBS_PER_USER = 20

MESSAGE_ALREADY_RUNNING = _("An import is already running; wait until it has finished.")
MESSAGE_NOT_WAITING = _("This import is not waiting for its file any more; start a new one.")
MESSAGE_NOT_ARRIVED = _("The file has not arrived; upload it, then try again.")
MESSAGE_LARGER_THAN_DECLARED = _("The file is larger than the {size} bytes announced.")
MESSAGE_REPLACED = _("Replaced by a newer import before its file arrived.")
MESSAGE_LOST = _("The import stopped before it finished and changed nothing; please try again.")
MESSAGE_FAILED = _("The import failed on our side and changed nothing; please try again later.")


def import_job_create(*, user: User, kind: ImportKind, size: int) -> ImportJob:
    """A job waiting for its file, after tidying the user's older jobs: one still waiting for its
    file is replaced, one lost (queued or running past IMPORT_JOB_STALE_SECONDS) is failed, and
    finished ones past IMPORT_JOB_KEEP_DAYS (or beyond the newest MAX_JOBS_PER_USER) are deleted.
    Refused while another import is queued or running."""
    if size > settings.IMPORT_MAX_BYTES:
        from habits.zips import (
            MESSAGE_TOO_BIG,
        )  # the importers' modules load with a job, not at a cold start

        raise ValidationError({"size": [MESSAGE_TOO_BIG.format(limit=settings.IMPORT_MAX_BYTES)]})
    store = transfer_store()
    with transaction.atomic():
        # The user's row is the lock that serialises one user's creations.
        User.objects.select_for_update().filter(pk=user.pk).first()
        jobs = ImportJob.objects.filter(user=user)
        now = timezone.now()
        stale = now - timedelta(seconds=settings.IMPORT_JOB_STALE_SECONDS)
        jobs.filter(state__in=ACTIVE_IMPORT_STATES, updated_at__lt=stale).update(
            state=ImportState.FAILED, message=MESSAGE_LOST, finished_at=now
        )
        if jobs.filter(state__in=ACTIVE_IMPORT_STATES).exists():
            raise ValidationError(MESSAGE_ALREADY_RUNNING)
        waiting = list(jobs.filter(state=ImportState.WAITING_UPLOAD))
        jobs.filter(pk__in=[job.pk for job in waiting]).update(
            state=ImportState.FAILED, message=MESSAGE_REPLACED, finished_at=now
        )
        kept = jobs.order_by("-created_at").values_list("pk", flat=True)[: MAX_JOBS_PER_USER - 1]
        old = now - timedelta(days=settings.IMPORT_JOB_KEEP_DAYS)
        jobs.exclude(pk__in=list(kept)).delete()
        jobs.filter(created_at__lt=old).delete()
        job = ImportJob.objects.create(user=user, kind=kind, size=size)
        for replaced in waiting:
            transaction.on_commit(partial(_delete_quietly, store, replaced.object_key))
    return job


def import_job_file_save(*, job: ImportJob, file: IO[bytes], size: int) -> None:
    """Keep the file the API received for `job` (the local store, where the API takes uploads)."""
    if job.state != ImportState.WAITING_UPLOAD:
        raise ValidationError({"file": [MESSAGE_NOT_WAITING]})
    if size > job.size:
        raise ValidationError({"file": [MESSAGE_LARGER_THAN_DECLARED.format(size=job.size)]})
    transfer_store().save(key=job.object_key, file=file)


def import_job_uploaded(*, job: ImportJob) -> ImportJob:
    """The file is in the store: queue the job. A file that is missing or over the limits is
    refused (and deleted), and the job can still take a new upload of the right size."""
    if job.state != ImportState.WAITING_UPLOAD:
        raise ValidationError(MESSAGE_NOT_WAITING)
    store = transfer_store()
    size = store.size(key=job.object_key)
    if size is None:
        raise ValidationError({"file": [MESSAGE_NOT_ARRIVED]})
    if size > min(job.size, settings.IMPORT_MAX_BYTES):
        _delete_quietly(store, job.object_key)
        raise ValidationError({"file": [MESSAGE_LARGER_THAN_DECLARED.format(size=job.size)]})
    try:
        with transaction.atomic():
            updated = ImportJob.objects.filter(pk=job.pk, state=ImportState.WAITING_UPLOAD).update(
                state=ImportState.QUEUED, updated_at=timezone.now()
            )
    except IntegrityError as error:  # another job of the user's became active meanwhile
        raise ValidationError(MESSAGE_ALREADY_RUNNING) from error
    if not updated:
        raise ValidationError(MESSAGE_NOT_WAITING)
    job.refresh_from_db()
    return job


def import_job_fail(*, job_id: UUID, message: str) -> None:
    """End a job that could not run (its runner could not be started)."""
    ImportJob.objects.filter(pk=job_id, state__in=ACTIVE_IMPORT_STATES).update(
        state=ImportState.FAILED, message=message, finished_at=timezone.now()
    )


def import_job_run(*, job_id: UUID) -> ImportJob | None:
    """Run a queued job once; None when it is not queued (already run, or never uploaded)."""
    claimed = ImportJob.objects.filter(pk=job_id, state=ImportState.QUEUED).update(
        state=ImportState.RUNNING, updated_at=timezone.now()
    )
    if not claimed:
        return None
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    store = transfer_store()
    # Outside the request that asked (a thread, another invocation): the job's message is written
    # in the language of its user.
    with translation.override(job.user.language):
        try:
            result = _import(job, store)
        except ValidationError as error:
            _finish(job, state=ImportState.FAILED, message=_messages(error))
        except Exception:  # reported on the job; the traceback goes to the log
            log.exception("import_job_failed", job_id=str(job.pk), kind=job.kind)
            _finish(job, state=ImportState.FAILED, message=str(MESSAGE_FAILED))
        else:
            _finish(job, state=ImportState.DONE, result=result)
        finally:
            progress_clear(job_id=job.pk)
            _delete_quietly(store, job.object_key)
    log.info("import_job", job_id=str(job.pk), kind=job.kind, state=job.state)
    return job


def _import(job: ImportJob, store: TransferStore) -> dict[str, int]:
    def fetched(done: int) -> None:
        progress_note(job_id=job.pk, stage=ImportStage.FETCH, done=done, total=job.size)

    def checked() -> None:
        progress_note(job_id=job.pk, stage=ImportStage.SAVE, done=0, total=0)

    def saved(done: int, total: int) -> None:
        progress_note(job_id=job.pk, stage=ImportStage.SAVE, done=done, total=total)

    fetched(0)
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as file:
        size = store.copy_into(
            key=job.object_key,
            file=file,
            max_bytes=min(job.size, settings.IMPORT_MAX_BYTES),
            progress=fetched,
        )
        file.seek(0)
        progress_note(job_id=job.pk, stage=ImportStage.CHECK, done=0, total=0)
        from habits.backup.services import backup_restore
        from habits.loop.services import loop_import

        run = loop_import if job.kind == ImportKind.LOOP else backup_restore
        counts = run(user=job.user, file=file, size=size, checked=checked, saved=saved)
    return asdict(counts)


def _finish(
    job: ImportJob,
    *,
    state: ImportState,
    message: str = "",
    result: dict[str, int] | None = None,
) -> None:
    job.state = state
    job.message = message
    job.result = result
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "message", "result", "finished_at", "updated_at"])


def _messages(error: ValidationError) -> str:
    """The reader's messages, as the synchronous import's 400 states them."""
    if hasattr(error, "error_dict"):
        return " ".join(message for messages in error.message_dict.values() for message in messages)
    return " ".join(error.messages)


def _delete_quietly(store: TransferStore, key: str) -> None:
    """Delete a stored file; one left behind expires with the bucket's lifecycle."""
    try:
        store.delete(key=key)
    except Exception:
        log.warning("import_file_not_deleted", key=key, exc_info=True)
