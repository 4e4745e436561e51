"""Server-side timings of the two hot read paths, on PostgreSQL, against their budgets.

- The habit list for one user with 30 habits x 3 years of daily entries: p50/p95 over repeated
  requests, and the number of SQL queries per request.
- The stats endpoint for one habit with 10 years of daily entries.

Requests go through Django's full stack in-process (middleware, session, DRF, serializers), so the
figures are server time without the network. Run with `make bench-api`; it creates and seeds its
own database (BENCH_DATABASE_URL, default habit_tracker_bench on the local PostgreSQL).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BACKEND))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/habit_tracker_bench_api"
)
os.environ.setdefault("DJANGO_DEMO_DATA", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from tooling.bench.goals import goal  # noqa: E402 - after the environment
from tooling.bench.in_process import ensure_database, settle, timed  # noqa: E402 - after the environment

LIST_HABITS = 30
LIST_YEARS = 3
STATS_YEARS = 10
ROUNDS = 200
STATS_GOAL_MS = 10.0
PASSWORD = "bench password 2026"  # noqa: S105 - a throwaway benchmark account


def describe(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"p50 {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms   (n={len(ordered)})"


def main() -> None:
    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from accounts.models import User
    from accounts.selectors import user_today
    from habits.models import Entry, Habit

    call_command("migrate", "--noinput", verbosity=0)
    rng = random.Random(7)  # noqa: S311 - benchmark data

    def seed(email: str, habits: int, years: int) -> tuple[User, list[Habit]]:
        User.objects.filter(email=email).delete()
        user = User.objects.create_user(email, PASSWORD, time_zone="Europe/Paris")
        today = user_today(user=user)
        created = []
        for position in range(habits):
            numeric = position % 3 == 2
            habit = Habit.objects.create(
                user=user,
                name=f"Habit {position}",
                position=position,
                kind="numeric" if numeric else "boolean",
                target_value=Decimal(5) if numeric else None,
                frequency_times=1 if position % 2 else 3,
                frequency_days=1 if position % 2 else 7,
            )
            created.append(habit)
            days = years * 365
            Entry.objects.bulk_create(
                [
                    Entry(
                        habit=habit,
                        date=today - timedelta(days=offset),
                        status="done" if rng.random() < 0.8 else "skipped",
                        value=Decimal(rng.randint(0, 9)) if numeric else None,
                    )
                    for offset in range(days)
                ],
                batch_size=5000,
            )
        return user, created

    print(f"Seeding {LIST_HABITS} habits x {LIST_YEARS} years, 1 habit x {STATS_YEARS} years ...")
    list_user, _ = seed("bench-list@example.org", LIST_HABITS, LIST_YEARS)
    stats_user, (stats_habit,) = seed("bench-stats@example.org", 1, STATS_YEARS)

    client = Client()
    client.login(email=list_user.email, password=PASSWORD)
    first = client.get("/api/habits/")  # the day's first read refreshes the summaries
    assert first.status_code == 200, first.content[:200]
    assert len(first.json()) == LIST_HABITS
    settle()
    queries: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get("/api/habits/")
    list_samples = timed(lambda: client.get("/api/habits/"), ROUNDS)

    stats_client = Client()
    stats_client.login(email=stats_user.email, password=PASSWORD)
    # The day's first list read, as a person opens it before a habit's stats: it catches the
    # summary up and stores the habit's engine states, which stats continue (habits.checkpoints).
    assert stats_client.get("/api/habits/").status_code == 200
    stats_url = f"/api/habits/{stats_habit.pk}/stats/"
    assert stats_client.get(stats_url).status_code == 200
    settle()
    stats_samples = timed(lambda: stats_client.get(stats_url), ROUNDS // 4)

    engine = connection.vendor
    print(f"\nHabit list, {LIST_HABITS} habits x {LIST_YEARS} years of daily entries ({engine}):")
    print(f"  {describe(list_samples)}   queries/request {len(queries)}")
    print("  budget: p50 <= 25 ms with <= 6 queries")
    print(f"Stats, one habit x {STATS_YEARS} years of daily entries (default 365-day range):")
    print(f"  {describe(stats_samples)}")
    stats_p50 = statistics.median(stats_samples)
    goal(
        f"stats, one habit x {STATS_YEARS} years (p50)",
        f"{stats_p50:.1f} ms",
        f"<= {STATS_GOAL_MS:.0f} ms",
        ok=stats_p50 <= STATS_GOAL_MS,
    )


if __name__ == "__main__":
    main()
