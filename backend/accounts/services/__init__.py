"""Writes on accounts, keyword-only, each in one transaction; one module per concern:

- users: settings, password change, deletion, and the password re-check they share
- sessions: which sessions belong to whom, so they can be ended together
- signup: sign-up through the inbox
- recovery: password reset by email
- email_change: a new sign-in address, confirmed from its inbox
- passkeys: WebAuthn credentials, their ceremonies and sign-in
- api_tokens: personal API tokens: create, revoke, sign a request in
"""

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
