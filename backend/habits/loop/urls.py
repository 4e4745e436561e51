"""The Loop routes, appended to `habits.urls` (so inside its namespace, under /api/)."""

from django.urls import path

from habits import apis_loop

urlpatterns = [
    path("export/loop/", apis_loop.LoopExportApi.as_view(), name="loop-export"),
    path("import/loop/", apis_loop.LoopImportApi.as_view(), name="loop-import"),
]
