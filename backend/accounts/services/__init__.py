"""Writes on accounts, keyword-only, each in one transaction; one module per concern:

- users: settings, password change, deletion, and the password re-check they share
- sessions: which sessions belong to whom, so they can be ended together
- signup: sign-up through the inbox
- recovery: password reset by email
- email_change: a new sign-in address, confirmed from its inbox
- passkeys: WebAuthn credentials, their ceremonies and sign-in
- api_tokens: personal API tokens: create, revoke, sign a request in

Each name below is imported from its module when first read (PEP 562), so importing one service
(the session views' at a cold start) does not import the others (sign-up, recovery, email change,
passkeys: lambda_tests/test_cold_path.py).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accounts.services.api_tokens import (
        CreatedToken,
        api_token_create,
        api_token_revoke,
        api_token_use,
        api_tokens_revoke_all,
    )
    from accounts.services.email_change import (
        MESSAGE_EMAIL_SAME,
        email_change_confirm,
        email_change_request,
    )
    from accounts.services.passkeys import (
        MESSAGE_PASSKEY_INVALID,
        MESSAGE_PASSKEY_KNOWN,
        MESSAGE_PASSKEY_REFUSED,
        Ceremony,
        passkey_authenticate,
        passkey_authentication_options,
        passkey_delete,
        passkey_register,
        passkey_registration_options,
    )
    from accounts.services.recovery import password_reset_confirm, password_reset_request
    from accounts.services.sessions import (
        user_session_forget,
        user_session_record,
        user_sessions_end,
    )
    from accounts.services.signup import (
        MESSAGE_LINK_INVALID,
        MESSAGE_SIGNUP_DONE,
        MESSAGE_SIGNUP_OTHER_BROWSER,
        signup_confirm,
        signup_request,
    )
    from accounts.services.users import (
        MESSAGE_DAY_START_RANGE,
        MESSAGE_EMAIL_TAKEN,
        MESSAGE_WRONG_PASSWORD,
        user_change_password,
        user_delete,
        user_password_confirm,
        user_signed_in,
        user_update_settings,
    )

_MODULES = {
    "Ceremony": "passkeys",
    "CreatedToken": "api_tokens",
    "MESSAGE_DAY_START_RANGE": "users",
    "MESSAGE_EMAIL_SAME": "email_change",
    "MESSAGE_EMAIL_TAKEN": "users",
    "MESSAGE_LINK_INVALID": "signup",
    "MESSAGE_PASSKEY_INVALID": "passkeys",
    "MESSAGE_PASSKEY_KNOWN": "passkeys",
    "MESSAGE_PASSKEY_REFUSED": "passkeys",
    "MESSAGE_SIGNUP_DONE": "signup",
    "MESSAGE_SIGNUP_OTHER_BROWSER": "signup",
    "MESSAGE_WRONG_PASSWORD": "users",
    "api_token_create": "api_tokens",
    "api_token_revoke": "api_tokens",
    "api_token_use": "api_tokens",
    "api_tokens_revoke_all": "api_tokens",
    "email_change_confirm": "email_change",
    "email_change_request": "email_change",
    "passkey_authenticate": "passkeys",
    "passkey_authentication_options": "passkeys",
    "passkey_delete": "passkeys",
    "passkey_register": "passkeys",
    "passkey_registration_options": "passkeys",
    "password_reset_confirm": "recovery",
    "password_reset_request": "recovery",
    "signup_confirm": "signup",
    "signup_request": "signup",
    "user_change_password": "users",
    "user_delete": "users",
    "user_password_confirm": "users",
    "user_session_forget": "sessions",
    "user_session_record": "sessions",
    "user_sessions_end": "sessions",
    "user_signed_in": "users",
    "user_update_settings": "users",
}

__all__ = [
    "MESSAGE_DAY_START_RANGE",
    "MESSAGE_EMAIL_SAME",
    "MESSAGE_EMAIL_TAKEN",
    "MESSAGE_LINK_INVALID",
    "MESSAGE_PASSKEY_INVALID",
    "MESSAGE_PASSKEY_KNOWN",
    "MESSAGE_PASSKEY_REFUSED",
    "MESSAGE_SIGNUP_DONE",
    "MESSAGE_SIGNUP_OTHER_BROWSER",
    "MESSAGE_WRONG_PASSWORD",
    "Ceremony",
    "CreatedToken",
    "api_token_create",
    "api_token_revoke",
    "api_token_use",
    "api_tokens_revoke_all",
    "email_change_confirm",
    "email_change_request",
    "passkey_authenticate",
    "passkey_authentication_options",
    "passkey_delete",
    "passkey_register",
    "passkey_registration_options",
    "password_reset_confirm",
    "password_reset_request",
    "signup_confirm",
    "signup_request",
    "user_change_password",
    "user_delete",
    "user_password_confirm",
    "user_session_forget",
    "user_session_record",
    "user_sessions_end",
    "user_signed_in",
    "user_update_settings",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
