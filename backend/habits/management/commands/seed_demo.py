"""Create the demo account with a few habits and three months of history (local settings only)."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from accounts.selectors import user_today
from habits.models import Entry, Habit
from habits.rules import Kind, Period, Status, TargetType
from habits.summaries import summaries_refresh

DEMO_EMAIL = settings.DEMO_EMAIL
DEMO_PASSWORD = "demo-habits-2026"  # noqa: S105 - a published password for a local demo account
HISTORY_DAYS = 92

DEMO_HABITS: list[dict[str, Any]] = [
    {"name": "Meditate", "question": "Did you meditate today?", "color": "#7C3AED", "rate": 0.85},
    {
        "name": "Read",
        "question": "Did you read for 20 minutes?",
        "color": "#0EA5E9",
        "frequency_times": 3,
        "frequency_days": 7,
        "period": Period.CALENDAR,
        "rate": 0.5,
    },
    {
        "name": "Drink water",
        "kind": Kind.NUMERIC,
        "unit": "glasses",
        "target_value": Decimal(8),
        "color": "#14B8A6",
        "amounts": (5, 11),
    },
    {
        "name": "Coffee",
        "kind": Kind.NUMERIC,
        "unit": "cups",
        "target_value": Decimal(2),
        "target_type": TargetType.AT_MOST,
        "color": "#B45309",
        "amounts": (0, 4),
    },
    {"name": "Gym", "weekdays_mask": 0b0010101, "color": "#DC2626", "rate": 0.75},
]


class Command(BaseCommand):
    help = "Create the demo account (demo@example.com) with habits and history, once."

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_DATA", False):
            raise CommandError("Demo data is only for local settings (DJANGO_DEMO_DATA).")
        if User.objects.filter(email=DEMO_EMAIL).exists():
            self.stdout.write(f"Demo account: {DEMO_EMAIL} / {DEMO_PASSWORD}")
            return
        with transaction.atomic():
            user = User.objects.create_user(DEMO_EMAIL, DEMO_PASSWORD, time_zone="UTC")
            self._seed(user)
        self.stdout.write(
            self.style.SUCCESS(f"Created the demo account: {DEMO_EMAIL} / {DEMO_PASSWORD}")
        )

    def _seed(self, user: User) -> None:
        rng = random.Random(2026)  # noqa: S311 - demo data, not security
        today = user_today(user=user)
        habits: list[Habit] = []
        entries: list[Entry] = []
        for position, spec in enumerate(DEMO_HABITS):
            fields = {k: v for k, v in spec.items() if k not in {"rate", "amounts"}}
            habit = Habit.objects.create(user=user, position=position, **fields)
            habits.append(habit)
            for offset in range(HISTORY_DAYS, 0, -1):
                day = today - timedelta(days=offset)
                if habit.weekdays and day.isoweekday() not in habit.weekdays:
                    continue
                if "amounts" in spec:
                    low, high = spec["amounts"]
                    entries.append(
                        Entry(habit=habit, date=day, value=Decimal(rng.randint(low, high)))
                    )
                elif rng.random() < spec["rate"]:
                    entries.append(Entry(habit=habit, date=day, status=Status.DONE))
                elif rng.random() < 0.1:
                    entries.append(Entry(habit=habit, date=day, status=Status.SKIPPED))
        Entry.objects.bulk_create(entries)
        summaries_refresh(habits=habits, today=today)
