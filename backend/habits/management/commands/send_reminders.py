"""`manage.py send_reminders`: send the reminders due now, once, or every N seconds (`make run`).

In AWS the same work runs from the Lambda event {"reminders": "send"} (lambda_handler.py), which
EventBridge Scheduler sends once a minute.
"""

from __future__ import annotations

import json
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from habits.reminders.services import reminders_send

MIN_INTERVAL_SECONDS = 10


class Command(BaseCommand):
    help = "Send the habit reminders that are due (Web Push or mail)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help=f"Keep running, sending every SECONDS (at least {MIN_INTERVAL_SECONDS}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        every = options["every"]
        if every is not None and every < MIN_INTERVAL_SECONDS:
            raise CommandError(f"--every takes at least {MIN_INTERVAL_SECONDS} seconds.")
        while True:
            started = time.monotonic()
            result = reminders_send()
            if result.database or every is None:
                self.stdout.write(f"send_reminders: {json.dumps(result.as_dict())}")
                self.stdout.flush()
            if every is None:
                return
            connections.close_all()  # hold no connection while waiting: a database may pause
            time.sleep(max(0.0, every - (time.monotonic() - started)))
