"""The reminder mail (the email channel): kind, subject and text, queued in the outbox."""

from __future__ import annotations

from outbox.services import mail_queue

KIND_REMINDER = "habit_reminder"
SUBJECT_REMINDER = "Reminder: {name}"
BODY_REMINDER = """Hello,

{text}

Record it here: {link}

You get this mail because you set a reminder for this habit; change or remove it on the habit's
page.
"""


def reminder_mail_queue(*, to: str, name: str, text: str, link: str) -> None:
    mail_queue(
        to=to,
        subject=SUBJECT_REMINDER.format(name=name),
        body=BODY_REMINDER.format(text=text, link=link),
        kind=KIND_REMINDER,
    )
