from django.urls import path

from accounts import apis

app_name = "accounts"

urlpatterns = [
    path("csrf/", apis.CsrfApi.as_view(), name="csrf"),
    path("register/", apis.RegisterApi.as_view(), name="register"),
    path("register/confirm/", apis.RegisterConfirmApi.as_view(), name="register-confirm"),
    path("login/", apis.LoginApi.as_view(), name="login"),
    path("logout/", apis.LogoutApi.as_view(), name="logout"),
    path("me/", apis.MeApi.as_view(), name="me"),
    path("password/", apis.PasswordApi.as_view(), name="password"),
    path("password/reset/", apis.PasswordResetApi.as_view(), name="password-reset"),
    path(
        "password/reset/confirm/",
        apis.PasswordResetConfirmApi.as_view(),
        name="password-reset-confirm",
    ),
    path("email/", apis.EmailChangeApi.as_view(), name="email"),
    path("email/confirm/", apis.EmailConfirmApi.as_view(), name="email-confirm"),
    path("tokens/", apis.ApiTokenListApi.as_view(), name="api-tokens"),
    path("tokens/<int:token_id>/", apis.ApiTokenDetailApi.as_view(), name="api-token"),
    path("passkeys/", apis.PasskeyListApi.as_view(), name="passkeys"),
    path("passkeys/<int:passkey_id>/", apis.PasskeyDetailApi.as_view(), name="passkey"),
    path(
        "passkeys/register/options/",
        apis.PasskeyRegisterOptionsApi.as_view(),
        name="passkey-register-options",
    ),
    path("passkeys/register/", apis.PasskeyRegisterApi.as_view(), name="passkey-register"),
    path(
        "passkeys/authenticate/options/",
        apis.PasskeyAuthenticateOptionsApi.as_view(),
        name="passkey-authenticate-options",
    ),
    path(
        "passkeys/authenticate/",
        apis.PasskeyAuthenticateApi.as_view(),
        name="passkey-authenticate",
    ),
]
