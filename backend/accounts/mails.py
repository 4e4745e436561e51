"""Every mail accounts send: kind, subject and text as constants, and where their links point.

Links go to the SPA's pages (PAGE_*), with the secret after `#`, which browsers never send to a
server: it stays out of access logs and Referer headers; the page posts it to the API.
Each function queues its mail in the caller's transaction (outbox.services.mail_queue).
"""

from __future__ import annotations

from outbox.services import mail_queue

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

SUBJECT_SIGNUP = "Finish signing up to Habit Tracker"
BODY_SIGNUP = """Hello,

Someone (we hope you) asked for a Habit Tracker account for this address. To create it and sign
in, open this link within {hours} hours:

{link}

If you did not ask for it, ignore this mail: no account is made without the link.
"""

SUBJECT_SIGNUP_TAKEN = "Someone tried to sign up with your address"
BODY_SIGNUP_TAKEN = """Hello,

Someone tried to create a Habit Tracker account for this address, which already has one. Nothing
has changed. If it was you, sign in instead; if you forgot the password, choose a new one here
within {minutes} minutes:

{link}

If it was not you, you need do nothing.
"""

SUBJECT_RESET = "Choose a new Habit Tracker password"
BODY_RESET = """Hello,

To choose a new password for your Habit Tracker account, open this link within {minutes} minutes.
It works once, and signs you out everywhere else:

{link}

If you did not ask for it, ignore this mail: your password stays as it is.
"""

SUBJECT_RESET_UNKNOWN = "About your Habit Tracker password"
BODY_RESET_UNKNOWN = """Hello,

Someone (we hope you) asked to reset the Habit Tracker password for this address, but there is no
account with it. Perhaps you signed up with another address? To make an account, go to:

{link}

If you did not ask for it, ignore this mail.
"""

SUBJECT_EMAIL_CONFIRM = "Confirm your new Habit Tracker address"
BODY_EMAIL_CONFIRM = """Hello,

To make this address the one you sign in to Habit Tracker with (instead of {current}), open this
link within {hours} hours:

{link}

If you did not ask for it, ignore this mail: nothing changes without the link.
"""

SUBJECT_EMAIL_TAKEN = "Someone tried to move an account to your address"
BODY_EMAIL_TAKEN = """Hello,

Someone signed in to another Habit Tracker account asked to move it to this address, which already
has an account. Nothing has changed, and your account is not affected.
"""

SUBJECT_EMAIL_CHANGE_REQUESTED = "A change of your Habit Tracker address was asked for"
BODY_EMAIL_CHANGE_REQUESTED = """Hello,

Someone signed in to your Habit Tracker account asked to change its address to {new}. It changes
only when the link sent there is opened. If this was not you, choose a new password now (the
pending change is then cancelled, and you are signed out everywhere else):

{link}
"""

SUBJECT_EMAIL_CHANGED = "Your Habit Tracker address has changed"
BODY_EMAIL_CHANGED = """Hello,

The Habit Tracker account that used this address now signs in with {new}. If this was not you,
someone else has been signed in to your account: contact the people who run this site.
"""

SUBJECT_PASSKEY_ADDED = "A passkey was added to your Habit Tracker account"
BODY_PASSKEY_ADDED = """Hello,

A passkey named "{name}" can now sign in to your Habit Tracker account. If this was not you,
remove it in Settings ({link}) and choose a new password.
"""

SUBJECT_API_TOKEN_CREATED = "An API token was created for your Habit Tracker account"  # noqa: S105
BODY_API_TOKEN_CREATED = """Hello,

An API token named "{name}" ({access}) can now use your habits and check-ins through the API. If
this was not you, revoke it in Settings ({link}) and choose a new password, which revokes every
token.
"""  # noqa: S105 - a mail's text


def link(site_url: str, page: str, **values: str) -> str:
    return site_url.rstrip("/") + page.format(**values)


def mail_signup(*, to: str, link: str, hours: int) -> None:
    body = BODY_SIGNUP.format(link=link, hours=hours)
    mail_queue(to=to, subject=SUBJECT_SIGNUP, body=body, kind=KIND_SIGNUP)


def mail_signup_taken(*, to: str, link: str, minutes: int) -> None:
    body = BODY_SIGNUP_TAKEN.format(link=link, minutes=minutes)
    mail_queue(to=to, subject=SUBJECT_SIGNUP_TAKEN, body=body, kind=KIND_SIGNUP_TAKEN)


def mail_reset(*, to: str, link: str, minutes: int) -> None:
    body = BODY_RESET.format(link=link, minutes=minutes)
    mail_queue(to=to, subject=SUBJECT_RESET, body=body, kind=KIND_RESET)


def mail_reset_unknown(*, to: str, link: str) -> None:
    body = BODY_RESET_UNKNOWN.format(link=link)
    mail_queue(to=to, subject=SUBJECT_RESET_UNKNOWN, body=body, kind=KIND_RESET_UNKNOWN)


def mail_email_confirm(*, to: str, link: str, current: str, hours: int) -> None:
    body = BODY_EMAIL_CONFIRM.format(link=link, current=current, hours=hours)
    mail_queue(to=to, subject=SUBJECT_EMAIL_CONFIRM, body=body, kind=KIND_EMAIL_CONFIRM)


def mail_email_taken(*, to: str) -> None:
    mail_queue(to=to, subject=SUBJECT_EMAIL_TAKEN, body=BODY_EMAIL_TAKEN, kind=KIND_EMAIL_TAKEN)


def mail_email_change_requested(*, to: str, new: str, link: str) -> None:
    body = BODY_EMAIL_CHANGE_REQUESTED.format(new=new, link=link)
    mail_queue(
        to=to, subject=SUBJECT_EMAIL_CHANGE_REQUESTED, body=body, kind=KIND_EMAIL_CHANGE_REQUESTED
    )


def mail_email_changed(*, to: str, new: str) -> None:
    body = BODY_EMAIL_CHANGED.format(new=new)
    mail_queue(to=to, subject=SUBJECT_EMAIL_CHANGED, body=body, kind=KIND_EMAIL_CHANGED)


def mail_passkey_added(*, to: str, name: str, link: str) -> None:
    body = BODY_PASSKEY_ADDED.format(name=name, link=link)
    mail_queue(to=to, subject=SUBJECT_PASSKEY_ADDED, body=body, kind=KIND_PASSKEY_ADDED)


def mail_api_token_created(*, to: str, name: str, access: str, link: str) -> None:
    body = BODY_API_TOKEN_CREATED.format(name=name, access=access, link=link)
    mail_queue(to=to, subject=SUBJECT_API_TOKEN_CREATED, body=body, kind=KIND_API_TOKEN_CREATED)
