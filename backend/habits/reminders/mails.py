"""The reminder mail (the email channel): kind, subject and text, queued in the outbox, written in
the recipient's language (the sender runs outside any request)."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from outbox.services import mail_queue

KIND_REMINDER = "habit_reminder"
SUBJECT_REMINDER = _("Reminder: {name}")
BODY_REMINDER = _(
    """Hello,

{text}

Record it here: {link}

You get this mail because you set a reminder for this habit; change or remove it on the habit's
page.
"""
)


def reminder_mail_queue(*, to: str, name: str, text: str, link: str, language: str) -> None:
    """`text`: the reminder's own line (already in `language`)."""
    with translation.override(language):
        mail_queue(
            to=to,
            subject=SUBJECT_REMINDER.format(name=name),
            body=BODY_REMINDER.format(text=text, link=link),
            kind=KIND_REMINDER,
        )
