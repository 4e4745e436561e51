"""Reads on the outbox."""

from __future__ import annotations

import re

from django.db.models import QuerySet

from outbox.models import Message

LINK = re.compile(r"https?://\S+")


def mail_recent(*, to: str | None = None, limit: int = 20) -> QuerySet[Message]:
    """The newest messages first, sent or not; only those to `to` when given."""
    messages = Message.objects.order_by("-created_at", "-pk")
    if to:
        messages = messages.filter(to=to)
    return messages[:limit]


def mail_links(*, message: Message) -> list[str]:
    return LINK.findall(message.body)
