"""Every mail accounts send: kind, subject and text as constants, and where their links point.

Links go to the SPA's pages (PAGE_*), with the secret after `#`, which browsers never send to a
server: it stays out of access logs and Referer headers; the page posts it to the API.
Each function queues its mail in the caller's transaction (outbox.services.mail_queue), written
in `language`: the recipient's User.language when the address has an account, else (None) the
language of the request that causes the mail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from outbox.services import mail_queue

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

PAGE_SIGNUP_CONFIRM = "/sign-up/confirm#token={token}"
PAGE_SIGNUP = "/sign-up"
PAGE_PASSWORD_RESET = "/reset-password#token={token}"  # noqa: S105 - a path
PAGE_EMAIL_CONFIRM = "/confirm-email#token={token}"
PAGE_SETTINGS = "/settings"

KIND_SIGNUP = "signup"
KIND_SIGNUP_TAKEN = "signup_taken"
KIND_RESET = "password_reset"
KIND_RESET_UNKNOWN = "password_reset_unknown"
KIND_EMAIL_CONFIRM = "email_confirm"
KIND_EMAIL_TAKEN = "email_taken"
KIND_EMAIL_CHANGE_REQUESTED = "email_change_requested"
KIND_EMAIL_CHANGED = "email_changed"
KIND_PASSKEY_ADDED = "passkey_added"
KIND_API_TOKEN_CREATED = "api_token_created"  # noqa: S105 - a mail kind

SUBJECT_SIGNUP = _("Finish signing up to Habit Tracker")
BODY_SIGNUP = _(
    """Hello,

Someone (we hope you) asked for a Habit Tracker account for this address. To create it and sign
in, open this link within {hours} hours:

{link}

If you did not ask for it, ignore this mail: no account is made without the link.
"""
)

SUBJECT_SIGNUP_TAKEN = _("Someone tried to sign up with your address")
BODY_SIGNUP_TAKEN = _(
    """Hello,

Someone tried to create a Habit Tracker account for this address, which already has one. Nothing
has changed. If it was you, sign in instead; if you forgot the password, choose a new one here
within {minutes} minutes:

{link}

If it was not you, you need do nothing.
"""
)

SUBJECT_RESET = _("Choose a new Habit Tracker password")
BODY_RESET = _(
    """Hello,

To choose a new password for your Habit Tracker account, open this link within {minutes} minutes.
It works once, and signs you out everywhere else:

{link}

If you did not ask for it, ignore this mail: your password stays as it is.
"""
)

SUBJECT_RESET_UNKNOWN = _("About your Habit Tracker password")
BODY_RESET_UNKNOWN = _(
    """Hello,

Someone (we hope you) asked to reset the Habit Tracker password for this address, but there is no
account with it. Perhaps you signed up with another address? To make an account, go to:

{link}

If you did not ask for it, ignore this mail.
"""
)

SUBJECT_EMAIL_CONFIRM = _("Confirm your new Habit Tracker address")
BODY_EMAIL_CONFIRM = _(
    """Hello,

To make this address the one you sign in to Habit Tracker with (instead of {current}), open this
link within {hours} hours:

{link}

If you did not ask for it, ignore this mail: nothing changes without the link.
"""
)

SUBJECT_EMAIL_TAKEN = _("Someone tried to move an account to your address")
BODY_EMAIL_TAKEN = _(
    """Hello,

Someone signed in to another Habit Tracker account asked to move it to this address, which already
has an account. Nothing has changed, and your account is not affected.
"""
)

SUBJECT_EMAIL_CHANGE_REQUESTED = _("A change of your Habit Tracker address was asked for")
BODY_EMAIL_CHANGE_REQUESTED = _(
    """Hello,

Someone signed in to your Habit Tracker account asked to change its address to {new}. It changes
only when the link sent there is opened. If this was not you, choose a new password now (the
pending change is then cancelled, and you are signed out everywhere else):

{link}
"""
)

SUBJECT_EMAIL_CHANGED = _("Your Habit Tracker address has changed")
BODY_EMAIL_CHANGED = _(
    """Hello,

The Habit Tracker account that used this address now signs in with {new}. If this was not you,
someone else has been signed in to your account: contact the people who run this site.
"""
)

SUBJECT_PASSKEY_ADDED = _("A passkey was added to your Habit Tracker account")
BODY_PASSKEY_ADDED = _(
    """Hello,

A passkey named "{name}" can now sign in to your Habit Tracker account. If this was not you,
remove it in Settings ({link}) and choose a new password.
"""
)

SUBJECT_API_TOKEN_CREATED = _("An API token was created for your Habit Tracker account")
BODY_API_TOKEN_CREATED = _(
    """Hello,

An API token named "{name}" ({access}) can now use your habits and check-ins through the API. If
this was not you, revoke it in Settings ({link}) and choose a new password, which revokes every
token.
"""
)


def link(site_url: str, page: str, **values: str) -> str:
    return site_url.rstrip("/") + page.format(**values)


def _queue(
    *,
    to: str,
    kind: str,
    subject: _StrOrPromise,
    body: _StrOrPromise,
    language: str | None,
    **values: object,
) -> None:
    """Queue the mail with its text translated into `language` (None: the active one), then its
    {placeholders} filled in."""
    with translation.override(language or translation.get_language()):
        mail_queue(to=to, subject=str(subject), body=str(body).format(**values), kind=kind)


def mail_signup(*, to: str, link: str, hours: int, language: str | None = None) -> None:
    _queue(
        to=to,
        kind=KIND_SIGNUP,
        subject=SUBJECT_SIGNUP,
        body=BODY_SIGNUP,
        language=language,
        link=link,
        hours=hours,
    )


def mail_signup_taken(*, to: str, link: str, minutes: int, language: str | None = None) -> None:
    _queue(
        to=to,
        kind=KIND_SIGNUP_TAKEN,
        subject=SUBJECT_SIGNUP_TAKEN,
        body=BODY_SIGNUP_TAKEN,
        language=language,
        link=link,
        minutes=minutes,
    )


def mail_reset(*, to: str, link: str, minutes: int, language: str | None = None) -> None:
    _queue(
        to=to,
        kind=KIND_RESET,
        subject=SUBJECT_RESET,
        body=BODY_RESET,
        language=language,
        link=link,
        minutes=minutes,
    )


def mail_reset_unknown(*, to: str, link: str, language: str | None = None) -> None:
    _queue(
        to=to,
        kind=KIND_RESET_UNKNOWN,
        subject=SUBJECT_RESET_UNKNOWN,
        body=BODY_RESET_UNKNOWN,
        language=language,
        link=link,
    )


def mail_email_confirm(
    *, to: str, link: str, current: str, hours: int, language: str | None = None
) -> None:
    _queue(
        to=to,
        kind=KIND_EMAIL_CONFIRM,
        subject=SUBJECT_EMAIL_CONFIRM,
        body=BODY_EMAIL_CONFIRM,
        language=language,
        link=link,
        current=current,
        hours=hours,
    )


def mail_email_taken(*, to: str, language: str | None = None) -> None:
    _queue(
        to=to,
        kind=KIND_EMAIL_TAKEN,
        subject=SUBJECT_EMAIL_TAKEN,
        body=BODY_EMAIL_TAKEN,
        language=language,
    )


def mail_email_change_requested(
    *, to: str, new: str, link: str, language: str | None = None
) -> None:
    _queue(
        to=to,
        kind=KIND_EMAIL_CHANGE_REQUESTED,
        subject=SUBJECT_EMAIL_CHANGE_REQUESTED,
        body=BODY_EMAIL_CHANGE_REQUESTED,
        language=language,
        new=new,
        link=link,
    )


def mail_email_changed(*, to: str, new: str, language: str | None = None) -> None:
    _queue(
        to=to,
        kind=KIND_EMAIL_CHANGED,
        subject=SUBJECT_EMAIL_CHANGED,
        body=BODY_EMAIL_CHANGED,
        language=language,
        new=new,
    )


def mail_passkey_added(*, to: str, name: str, link: str, language: str | None = None) -> None:
    _queue(
        to=to,
        kind=KIND_PASSKEY_ADDED,
        subject=SUBJECT_PASSKEY_ADDED,
        body=BODY_PASSKEY_ADDED,
        language=language,
        name=name,
        link=link,
    )


def mail_api_token_created(
    *, to: str, name: str, access: _StrOrPromise, link: str, language: str | None = None
) -> None:
    """`access`: the token's scope label (accounts.api_tokens.SCOPE_LABELS), in lower case."""
    with translation.override(language or translation.get_language()):
        _queue(
            to=to,
            kind=KIND_API_TOKEN_CREATED,
            subject=SUBJECT_API_TOKEN_CREATED,
            body=BODY_API_TOKEN_CREATED,
            language=language,
            name=name,
            access=str(access).lower(),
            link=link,
        )
