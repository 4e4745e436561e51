"""Import jobs: `/api/import/jobs/` and the job's own routes. Thin views over the transfer
services and selectors.

The flow: create a job (kind and size) and receive where to upload the file, upload it there (S3
straight from the browser in AWS, this API locally), say it is uploaded, then poll the job.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import reverse
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors import signed_in_user
from core.parsers import declared_length
from core.schema import ERROR_RESPONSES, extend_schema
from habits import rules
from habits.models import ImportJob
from habits.rules import ImportKind
from habits.storage import transfer_store
from habits.transfers.runner import import_job_start
from habits.transfers.selectors import import_job_get, import_job_progress
from habits.transfers.services import (
    import_job_create,
    import_job_file_save,
    import_job_uploaded,
)

TAGS = ["import and export"]


class ImportJobInput(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(
        choices=rules.choices(ImportKind),
        help_text=(
            "`loop`: a Loop Habit Tracker CSV zip or full backup (.db), merged into the account; "
            "`backup`: a backup of ours, which replaces the account's habits."
        ),
    )
    size = serializers.IntegerField(
        min_value=1,
        max_value=settings.IMPORT_MAX_BYTES,
        help_text="The file's size in bytes; the upload may not be larger.",
    )


class UploadOutput(serializers.Serializer[Any]):
    url = serializers.CharField()
    form_fields = serializers.DictField(
        child=serializers.CharField(), help_text="Sent first, in this order, before `file`."
    )
    direct = serializers.BooleanField(
        help_text=(
            "True: POST the fields then `file` to `url` without cookies or CSRF token (the "
            "storage's presigned form). False: POST `file` to `url` on this API as any write."
        )
    )


class ProgressOutput(serializers.Serializer[Any]):
    stage = serializers.ChoiceField(choices=rules.choices(rules.ImportStage), allow_null=True)
    done = serializers.IntegerField(help_text="Bytes fetched, or entries saved.")
    total = serializers.IntegerField(help_text="Of how many; 0 when not counted (checking).")


class ImportJobOutput(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=rules.choices(ImportKind))
    state = serializers.ChoiceField(choices=rules.choices(rules.ImportState))
    size = serializers.IntegerField()
    progress = ProgressOutput()
    message = serializers.CharField(help_text="Why the import failed; empty otherwise.")
    result = serializers.DictField(
        child=serializers.IntegerField(),
        allow_null=True,
        help_text="The import's counts once done, as the synchronous import returns them.",
    )
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)


class ImportJobCreatedOutput(ImportJobOutput):
    upload = UploadOutput()


class ImportFileInput(serializers.Serializer[Any]):
    file = serializers.FileField()


def job_data(job: ImportJob) -> dict[str, Any]:
    progress = import_job_progress(job=job)
    return {
        "id": job.pk,
        "kind": job.kind,
        "state": job.state,
        "size": job.size,
        "progress": {"stage": progress.stage, "done": progress.done, "total": progress.total},
        "message": job.message,
        "result": job.result,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


class ImportJobListApi(APIView):
    @extend_schema(
        summary="Start an import: a job waiting for its file, and where to upload it",
        description=(
            "Refused while another import of the account is queued or running; a job of the "
            "account still waiting for its file is replaced. The upload form is valid for a few "
            "minutes and takes one file of at most `size` bytes."
        ),
        request=ImportJobInput,
        responses={201: ImportJobCreatedOutput, **ERROR_RESPONSES},
        tags=TAGS,
    )
    def post(self, request: Request) -> Response:
        data = ImportJobInput(data=request.data)
        data.is_valid(raise_exception=True)
        job = import_job_create(
            user=signed_in_user(request),
            kind=ImportKind(data.validated_data["kind"]),
            size=data.validated_data["size"],
        )
        form = transfer_store().upload_form(
            key=job.object_key,
            max_bytes=job.size,
            api_url=reverse("habits:import-job-file", args=[job.pk]),
        )
        body = {
            **job_data(job),
            "upload": {"url": form.url, "form_fields": form.fields, "direct": form.direct},
        }
        return Response(ImportJobCreatedOutput(body).data, status=status.HTTP_201_CREATED)


class ImportJobDetailApi(APIView):
    @extend_schema(
        summary="An import job: its state, progress and result",
        responses={200: ImportJobOutput, **ERROR_RESPONSES},
        tags=TAGS,
    )
    def get(self, request: Request, job_id: UUID) -> Response:
        job = import_job_get(user=signed_in_user(request), job_id=job_id)
        return Response(ImportJobOutput(job_data(job)).data)


class ImportJobFileApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        summary="Upload the job's file to this API (where no bucket takes it directly)",
        request={"multipart/form-data": ImportFileInput},
        responses={204: None, **ERROR_RESPONSES},
        tags=TAGS,
    )
    def post(self, request: Request, job_id: UUID) -> Response:
        if not transfer_store().accepts_uploads:
            raise Http404
        job = import_job_get(user=signed_in_user(request), job_id=job_id)
        if declared_length(request) > job.size + settings.MULTIPART_OVERHEAD_BYTES:
            from habits.zips import MESSAGE_TOO_BIG  # not at a cold start

            message = MESSAGE_TOO_BIG.format(limit=job.size)
            raise DjangoValidationError({"file": [message]})
        data = ImportFileInput(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        import_job_file_save(job=job, file=upload, size=upload.size)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ImportJobUploadedApi(APIView):
    @extend_schema(
        summary="The file is uploaded: run the import",
        description=(
            "Queues the job and starts it outside this request; poll the job for its progress "
            "and end. All or nothing: a failed import changes nothing."
        ),
        request=None,
        responses={202: ImportJobOutput, **ERROR_RESPONSES},
        tags=TAGS,
    )
    def post(self, request: Request, job_id: UUID) -> Response:
        job = import_job_uploaded(job=import_job_get(user=signed_in_user(request), job_id=job_id))
        import_job_start(job=job)
        job.refresh_from_db()
        return Response(ImportJobOutput(job_data(job)).data, status=status.HTTP_202_ACCEPTED)
