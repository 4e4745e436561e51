"""Writes on the outbox: queue a mail inside the caller's transaction; relay pending mail after it.

`mail_queue` writes the message in the transaction of the change that causes it, so the mail
exists if and only if the change does, and asks for a relay once that transaction commits. The
relay sends what is due through the configured transport (outbox.transports). A failure leaves the
message pending with a later `next_attempt_at` (exponential backoff); nothing polls for it on a
schedule (a paused Aurora must stay paused). Instead, every relay also takes up older pending
messages that are due, so the next mail-producing request retries them, and `manage.py mail_relay`
(callable from the pipeline or the Lambda's `manage` event) relays on demand.

Each message is claimed before it is sent: a conditional UPDATE moves `next_attempt_at` past a
lease, so two relays never send one message at the same time. Sending is at least once: a relay
that dies after the transport accepted a message and before marking it sent leaves it to be sent
again when the lease ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import structlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from outbox.models import Message
from outbox.transports import transport

log = structlog.get_logger(__name__)

RELAY_BATCH = 10
LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 8  # about four hours of backoff; then an operator looks (last_error says why)


@dataclass(frozen=True)
class RelayResult:
    """What one relay run did: mails sent, and attempts that failed."""

    sent: int
    failed: int


def mail_queue(*, to: str, subject: str, body: str, kind: str) -> Message:
    """Queue one mail in the current transaction; it is relayed after the transaction commits."""
    message = Message.objects.create(to=to, subject=subject, body=body, kind=kind)
    transaction.on_commit(_relay_after_commit, robust=True)
    return message


def _relay_after_commit() -> None:
    mail_relay()


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=2**attempts)


def mail_relay(*, limit: int = RELAY_BATCH) -> RelayResult:
    """Send up to `limit` pending messages that are due, oldest first."""
    now = timezone.now()
    due = list(
        Message.objects.filter(
            sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    if not due:
        return RelayResult(sent=0, failed=0)
    route = transport()
    sent = failed = 0
    for pk in due:
        claimed = Message.objects.filter(
            pk=pk, sent_at__isnull=True, next_attempt_at__lte=now
        ).update(next_attempt_at=now + LEASE)
        if not claimed:
            continue  # another relay has it
        message = Message.objects.get(pk=pk)
        try:
            route.send(message)
        except Exception as error:  # noqa: BLE001 - any failure keeps the message for a retry
            failed += 1
            _record_failure(message, error)
        else:
            sent += 1
            _record_sent(message)
    return RelayResult(sent=sent, failed=failed)


def _record_sent(message: Message) -> None:
    if settings.OUTBOX_KEEP_SENT:
        Message.objects.filter(pk=message.pk).update(sent_at=timezone.now())
    else:  # the body holds single-use links: nothing to keep once it has left
        Message.objects.filter(pk=message.pk).delete()


def _record_failure(message: Message, error: Exception) -> None:
    attempts = message.attempts + 1
    reason = f"{type(error).__name__}: {error}"[:500]
    log.warning(
        "mail_failed", message_id=message.pk, kind=message.kind, attempts=attempts, error=reason
    )
    Message.objects.filter(pk=message.pk).update(
        attempts=attempts,
        last_error=reason,
        next_attempt_at=timezone.now() + _backoff(attempts),
    )
