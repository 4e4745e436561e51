from django.urls import path

from habits.reminders import apis

urlpatterns = [
    path("habits/<int:habit_id>/reminder/", apis.ReminderApi.as_view(), name="habit-reminder"),
    path("push/key/", apis.PushKeyApi.as_view(), name="push-key"),
    path(
        "push/subscriptions/",
        apis.PushSubscriptionListApi.as_view(),
        name="push-subscription-list",
    ),
    path(
        "push/subscriptions/<int:subscription_id>/",
        apis.PushSubscriptionDetailApi.as_view(),
        name="push-subscription-detail",
    ),
    path("reminders/act/", apis.ReminderActApi.as_view(), name="reminder-act"),
]
