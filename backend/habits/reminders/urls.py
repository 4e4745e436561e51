"""The reminder and push routes, appended to `habits.urls`; the views load on their first request
(core.lazy_views)."""

from core.lazy_views import lazy_path

APIS = "habits.reminders.apis"

urlpatterns = [
    lazy_path("habits/<int:habit_id>/reminder/", f"{APIS}.ReminderApi", name="habit-reminder"),
    lazy_path("push/key/", f"{APIS}.PushKeyApi", name="push-key"),
    lazy_path(
        "push/subscriptions/", f"{APIS}.PushSubscriptionListApi", name="push-subscription-list"
    ),
    lazy_path(
        "push/subscriptions/<int:subscription_id>/",
        f"{APIS}.PushSubscriptionDetailApi",
        name="push-subscription-detail",
    ),
    lazy_path("reminders/act/", f"{APIS}.ReminderActApi", name="reminder-act"),
]
