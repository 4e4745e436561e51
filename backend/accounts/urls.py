"""The accounts routes. Signing in and the session's own views load at a cold start; the rest
(sign-up, recovery, email change, API tokens, passkeys) on their first request (core.lazy_views)."""

from django.urls import path

from accounts.apis import session
from core.lazy_views import lazy_path

app_name = "accounts"

APIS = "accounts.apis"

urlpatterns = [
    path("csrf/", session.CsrfApi.as_view(), name="csrf"),
    lazy_path("register/", f"{APIS}.signup.RegisterApi", name="register"),
    lazy_path("register/confirm/", f"{APIS}.signup.RegisterConfirmApi", name="register-confirm"),
    path("login/", session.LoginApi.as_view(), name="login"),
    path("logout/", session.LogoutApi.as_view(), name="logout"),
    path("me/", session.MeApi.as_view(), name="me"),
    path("password/", session.PasswordApi.as_view(), name="password"),
    lazy_path("password/reset/", f"{APIS}.recovery.PasswordResetApi", name="password-reset"),
    lazy_path(
        "password/reset/confirm/",
        f"{APIS}.recovery.PasswordResetConfirmApi",
        name="password-reset-confirm",
    ),
    lazy_path("email/", f"{APIS}.email_change.EmailChangeApi", name="email"),
    lazy_path("email/confirm/", f"{APIS}.email_change.EmailConfirmApi", name="email-confirm"),
    lazy_path("tokens/", f"{APIS}.api_tokens.ApiTokenListApi", name="api-tokens"),
    lazy_path("tokens/<int:token_id>/", f"{APIS}.api_tokens.ApiTokenDetailApi", name="api-token"),
    lazy_path("passkeys/", f"{APIS}.passkeys.PasskeyListApi", name="passkeys"),
    lazy_path("passkeys/<int:passkey_id>/", f"{APIS}.passkeys.PasskeyDetailApi", name="passkey"),
    lazy_path(
        "passkeys/register/options/",
        f"{APIS}.passkeys.PasskeyRegisterOptionsApi",
        name="passkey-register-options",
    ),
    lazy_path("passkeys/register/", f"{APIS}.passkeys.PasskeyRegisterApi", name="passkey-register"),
    lazy_path(
        "passkeys/authenticate/options/",
        f"{APIS}.passkeys.PasskeyAuthenticateOptionsApi",
        name="passkey-authenticate-options",
    ),
    lazy_path(
        "passkeys/authenticate/",
        f"{APIS}.passkeys.PasskeyAuthenticateApi",
        name="passkey-authenticate",
    ),
]
