"""The outbox: every email the product sends, written in the transaction of the change that causes
it and sent after that transaction commits (outbox.services)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class Message(models.Model):
    """One email. Pending until sent (`sent_at`); `next_attempt_at` is when a relay may try it
    next, and, while a relay is sending it, the end of that relay's lease."""

    kind = models.CharField(max_length=40, help_text="Which mail this is (e.g. password_reset).")
    to = models.CharField(max_length=320)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(sent_at__isnull=True),
                name="outbox_message_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to}"
