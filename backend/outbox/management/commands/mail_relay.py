"""`manage.py mail_relay`: send the mail that is due now (after an SES outage, say). Nothing runs
it on a schedule; the next mail-producing request retries as well (outbox.services)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from outbox.services import mail_relay


class Command(BaseCommand):
    help = "Send pending outgoing mail that is due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="At most this many messages.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = mail_relay(limit=options["limit"])
        self.stdout.write(f"mail_relay: {result.sent} sent, {result.failed} failed")
