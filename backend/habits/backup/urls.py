"""The backup routes, appended to `habits.urls` (so inside its namespace, under /api/); the views
load on their first request (core.lazy_views)."""

from core.lazy_views import lazy_path

urlpatterns = [
    lazy_path("export/backup/", "habits.backup.apis.BackupExportApi", name="backup-export"),
    lazy_path("import/backup/", "habits.backup.apis.BackupRestoreApi", name="backup-import"),
]
