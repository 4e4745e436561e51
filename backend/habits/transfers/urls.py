"""The import job routes, appended to `habits.urls` (so inside its namespace, under /api/); the
views load on their first request (core.lazy_views)."""

from core.lazy_views import lazy_path

APIS = "habits.transfers.apis"

urlpatterns = [
    lazy_path("import/jobs/", f"{APIS}.ImportJobListApi", name="import-job-list"),
    lazy_path("import/jobs/<uuid:job_id>/", f"{APIS}.ImportJobDetailApi", name="import-job"),
    lazy_path(
        "import/jobs/<uuid:job_id>/file/", f"{APIS}.ImportJobFileApi", name="import-job-file"
    ),
    lazy_path(
        "import/jobs/<uuid:job_id>/uploaded/",
        f"{APIS}.ImportJobUploadedApi",
        name="import-job-uploaded",
    ),
]
