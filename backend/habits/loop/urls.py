"""The Loop routes, appended to `habits.urls` (so inside its namespace, under /api/); the views
load on their first request (core.lazy_views)."""

from core.lazy_views import lazy_path

urlpatterns = [
    lazy_path("export/loop/", "habits.loop.apis.LoopExportApi", name="loop-export"),
    lazy_path("import/loop/", "habits.loop.apis.LoopImportApi", name="loop-import"),
]
