from django.urls import path

from outbox import apis

app_name = "outbox"

urlpatterns = [
    path("mail/", apis.DevMailApi.as_view(), name="dev-mail"),
]
