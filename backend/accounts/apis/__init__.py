"""The accounts API, one module per concern; urls.py routes them."""

from accounts.apis.api_tokens import ApiTokenDetailApi, ApiTokenListApi
from accounts.apis.email_change import EmailChangeApi, EmailConfirmApi
from accounts.apis.passkeys import (
    PasskeyAuthenticateApi,
    PasskeyAuthenticateOptionsApi,
    PasskeyDetailApi,
    PasskeyListApi,
    PasskeyRegisterApi,
    PasskeyRegisterOptionsApi,
)
from accounts.apis.recovery import PasswordResetApi, PasswordResetConfirmApi
from accounts.apis.session import CsrfApi, LoginApi, LogoutApi, MeApi, PasswordApi
from accounts.apis.signup import RegisterApi, RegisterConfirmApi

__all__ = [
    "ApiTokenDetailApi",
    "ApiTokenListApi",
    "CsrfApi",
    "EmailChangeApi",
    "EmailConfirmApi",
    "LoginApi",
    "LogoutApi",
    "MeApi",
    "PasskeyAuthenticateApi",
    "PasskeyAuthenticateOptionsApi",
    "PasskeyDetailApi",
    "PasskeyListApi",
    "PasskeyRegisterApi",
    "PasskeyRegisterOptionsApi",
    "PasswordApi",
    "PasswordResetApi",
    "PasswordResetConfirmApi",
    "RegisterApi",
    "RegisterConfirmApi",
]
