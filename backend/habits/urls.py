from django.urls import path

from habits import apis
from habits.backup.urls import urlpatterns as backup_urlpatterns
from habits.loop.urls import urlpatterns as loop_urlpatterns
from habits.reminders.urls import urlpatterns as reminder_urlpatterns
from habits.transfers.urls import urlpatterns as transfer_urlpatterns

app_name = "habits"

urlpatterns = [
    path("habits/", apis.HabitListApi.as_view(), name="habit-list"),
    path("habits/reorder/", apis.HabitReorderApi.as_view(), name="habit-reorder"),
    path("groups/", apis.GroupListApi.as_view(), name="group-list"),
    path("groups/reorder/", apis.GroupReorderApi.as_view(), name="group-reorder"),
    path("groups/<int:group_id>/", apis.GroupDetailApi.as_view(), name="group-detail"),
    path("habits/<int:habit_id>/", apis.HabitDetailApi.as_view(), name="habit-detail"),
    path("habits/<int:habit_id>/stats/", apis.HabitStatsApi.as_view(), name="habit-stats"),
    path("habits/<int:habit_id>/entries/", apis.EntryListApi.as_view(), name="entry-list"),
    path(
        "habits/<int:habit_id>/entries/<str:day>/",
        apis.EntryDetailApi.as_view(),
        name="entry-detail",
    ),
]
urlpatterns += loop_urlpatterns + backup_urlpatterns + reminder_urlpatterns + transfer_urlpatterns
