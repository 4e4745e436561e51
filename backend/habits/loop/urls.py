"""The Loop routes, appended to `habits.urls` (so inside its namespace, under /api/)."""

from django.urls import path

from habits.loop import apis

urlpatterns = [
    path("export/loop/", apis.LoopExportApi.as_view(), name="loop-export"),
    path("import/loop/", apis.LoopImportApi.as_view(), name="loop-import"),
]
