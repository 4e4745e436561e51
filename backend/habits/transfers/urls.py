"""The import job routes, appended to `habits.urls` (so inside its namespace, under /api/)."""

from django.urls import path

from habits.transfers import apis

urlpatterns = [
    path("import/jobs/", apis.ImportJobListApi.as_view(), name="import-job-list"),
    path("import/jobs/<uuid:job_id>/", apis.ImportJobDetailApi.as_view(), name="import-job"),
    path(
        "import/jobs/<uuid:job_id>/file/", apis.ImportJobFileApi.as_view(), name="import-job-file"
    ),
    path(
        "import/jobs/<uuid:job_id>/uploaded/",
        apis.ImportJobUploadedApi.as_view(),
        name="import-job-uploaded",
    ),
]
