from django.urls import path

from accounts import apis

app_name = "accounts"

urlpatterns = [
    path("csrf/", apis.CsrfApi.as_view(), name="csrf"),
    path("register/", apis.RegisterApi.as_view(), name="register"),
    path("login/", apis.LoginApi.as_view(), name="login"),
    path("logout/", apis.LogoutApi.as_view(), name="logout"),
    path("me/", apis.MeApi.as_view(), name="me"),
    path("password/", apis.PasswordApi.as_view(), name="password"),
]
