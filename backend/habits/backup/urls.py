"""The backup routes, appended to `habits.urls` (so inside its namespace, under /api/)."""

from django.urls import path

from habits.backup import apis

urlpatterns = [
    path("export/backup/", apis.BackupExportApi.as_view(), name="backup-export"),
    path("import/backup/", apis.BackupRestoreApi.as_view(), name="backup-import"),
]
