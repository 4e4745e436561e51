"""Backups: `/api/export/backup/` and `/api/import/backup/`. Thin views over the backup selectors
and services, which (with the zip reader and writer under them) each view imports when it runs: a
cold start does not pay for them (lambda_tests/test_cold_path.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http.response import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors import signed_in_user
from core.parsers import declared_length
from core.schema import ERROR_RESPONSES, extend_schema
from habits.backup import format as b


class BackupRestoreInput(serializers.Serializer[Any]):
    file = serializers.FileField(help_text="A backup this app made (GET /api/export/backup/).")


class BackupRestoreOutput(serializers.Serializer[Any]):
    habits_restored = serializers.IntegerField()
    entries_restored = serializers.IntegerField()
    habits_replaced = serializers.IntegerField(help_text="The account's habits before, now gone.")
    entries_replaced = serializers.IntegerField(help_text="Their entries, now gone.")


class BackupExportApi(APIView):
    @extend_schema(
        summary="The user's groups, habits and entries as a backup that restores them exactly",
        description=(
            f"A zip of JSON, format version {b.VERSION} (docs/BACKUP_FORMAT.md): manifest.json, "
            "groups.json (every group: name, order, collapsed) and one habits/NNNN.json per "
            "habit with every field (schedule with weekdays and period, colour, order, group, "
            "archived, kind, unit, target) and every entry (status, value, note)."
        ),
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="habits-backup-YYYY-MM-DD.zip, as an attachment.",
            ),
            302: OpenApiResponse(
                description=(
                    "In AWS: the same file, written to storage; `Location` is a link that "
                    "downloads it for a few minutes (a response over 6 MB cannot leave a Lambda)."
                )
            ),
            **ERROR_RESPONSES,
        },
        tags=["import and export"],
    )
    def get(self, request: Request) -> HttpResponseBase:
        from habits.backup.selectors import backup_export  # see the module's docstring
        from habits.downloads import export_response

        user = signed_in_user(request)
        export = backup_export(user=user)
        return export_response(user_id=user.pk, filename=export.filename, file=export.file)


class BackupRestoreApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        summary="Restore a backup: the account's habits and entries become the backup's",
        description=(
            "Replaces every habit and entry of the account by the backup's (not a merge: a "
            "restore is exact). All or nothing: a file with any problem is a 400 naming it (file, "
            "entry, field) and changes nothing."
        ),
        request={"multipart/form-data": BackupRestoreInput},
        responses={200: BackupRestoreOutput, **ERROR_RESPONSES},
        tags=["import and export"],
    )
    def post(self, request: Request) -> Response:
        from habits.backup.services import backup_restore  # see the module's docstring
        from habits.zips import MESSAGE_TOO_BIG

        if declared_length(request) > settings.IMPORT_MAX_BYTES + settings.MULTIPART_OVERHEAD_BYTES:
            message = MESSAGE_TOO_BIG.format(limit=settings.IMPORT_MAX_BYTES)
            raise DjangoValidationError({"file": [message]})
        data = BackupRestoreInput(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        counts = backup_restore(user=signed_in_user(request), file=upload, size=upload.size)
        return Response(BackupRestoreOutput(counts).data)
