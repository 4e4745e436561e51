"""Loop Habit Tracker export and import: `/api/export/loop/` (CSV zip) and `/api/import/loop/`
(CSV zip or full backup).

Thin views over the Loop selectors and services, which (with the zip, CSV and SQLite readers and
writers under them) each view imports when it runs: a cold start, whose first request is rarely an
import or an export, does not pay for them (lambda_tests/test_cold_path.py)."""

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


class LoopImportInput(serializers.Serializer[Any]):
    file = serializers.FileField(
        help_text=(
            "A CSV zip exported by Loop Habit Tracker (any version, or by us), or Loop's full "
            'backup (the SQLite .db file of "Export full backup"), told apart by content.'
        )
    )


class LoopImportOutput(serializers.Serializer[Any]):
    habits_created = serializers.IntegerField()
    habits_updated = serializers.IntegerField(help_text="Existing habits matched by name.")
    entries_created = serializers.IntegerField()
    entries_updated = serializers.IntegerField(help_text="Days whose entry was replaced.")


class LoopExportApi(APIView):
    @extend_schema(
        summary="The user's habits and entries as a Loop Habit Tracker CSV zip",
        description=(
            "Habits.csv, one `NNN Name/` folder per habit with Checkmarks.csv and Scores.csv, and "
            "the all-habits Checkmarks.csv and Scores.csv, byte for byte as Loop Habit Tracker "
            "2.3.1 writes them for the same habits (YES_AUTO days derived as Loop derives them). "
            "Weekday and calendar schedules export as their N times in D days; Loop CSV cannot "
            "hold them (the native backup does)."
        ),
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description="habits-YYYY-MM-DD.zip, as an attachment."
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
        from habits.downloads import export_response
        from habits.loop.selectors import loop_export  # see the module's docstring

        user = signed_in_user(request)
        export = loop_export(user=user)
        return export_response(user_id=user.pk, filename=export.filename, file=export.file)


class LoopImportApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        summary="Import a Loop Habit Tracker CSV zip (every layout) or full backup (.db)",
        description=(
            "All or nothing: a file with any problem is a 400 naming it (file and line, or habit) "
            'and changes nothing. A name the file repeats is kept as "Name (2)". Habits match '
            "the account's by name; entries are upserted per day, so importing the same file "
            "again changes nothing."
        ),
        request={"multipart/form-data": LoopImportInput},
        responses={200: LoopImportOutput, **ERROR_RESPONSES},
        tags=["import and export"],
    )
    def post(self, request: Request) -> Response:
        from habits.loop.services import loop_import  # see the module's docstring
        from habits.zips import MESSAGE_TOO_BIG

        # Refuse an oversized body before Django parses (and spools) it.
        if declared_length(request) > settings.IMPORT_MAX_BYTES + settings.MULTIPART_OVERHEAD_BYTES:
            message = MESSAGE_TOO_BIG.format(limit=settings.IMPORT_MAX_BYTES)
            raise DjangoValidationError({"file": [message]})
        data = LoopImportInput(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        counts = loop_import(user=signed_in_user(request), file=upload, size=upload.size)
        return Response(LoopImportOutput(counts).data)
