"""`make bench-load`: the product under load as production serves it, against a bare-view ceiling.

1. Recreates a dedicated database (`habit_tracker_bench`) on the machine's PostgreSQL (and empties
   the bench's Redis database, 2), migrates it
   and seeds accounts with habits and a year of history, plus a signed-in session per account.
2. Serves the product with config.settings.bench (production's settings minus HTTPS) under
   `gunicorn -k uvicorn.workers.UvicornWorker config.asgi:application -w 2`, on the machine's
   PostgreSQL and Redis, and drives it with Locust headless on loopback: the realistic mix, then
   the habit list alone.
3. Serves reliability/ceiling.py (a bare Django JSON view) with the same command and drives it the
   same way.
4. Prints requests per second, p50/p95/p99 and errors for each, the ratio of the habit list's
   throughput to the bare view's, and the issue 8 budgets next to them. Nothing is asserted.

Locust runs on the same 2 cores as the server, PostgreSQL and Redis: its own CPU use lowers every
figure, the ceiling's most (it is the cheapest to serve), so the ratio is conservative.
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from reliability.servers import BACKEND, free_port, manage, port_open, wait_until

POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "habit_tracker_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
USERS = int(os.environ.get("BENCH_USERS", "32"))
SPAWN_RATE = int(os.environ.get("BENCH_SPAWN_RATE", "8"))
DURATION = os.environ.get("BENCH_TIME", "30s")
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
HABITS_PER_ACCOUNT = 8
HISTORY_DAYS = 365
WORK_DIR = Path(os.environ.get("BENCH_DIR", tempfile.gettempdir())) / "habit-tracker-bench"

BUDGET_P99_MS = 150.0
BUDGET_RATIO = 0.35


def bench_environment(settings_module: str) -> dict[str, str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "LOG_"))
    }
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DJANGO_SECRET_KEY": "bench-only-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{POSTGRES_SERVER}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "BENCH_ACCOUNTS": str(WORK_DIR / "accounts.json"),
    }


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    # The bench's own Redis database: sessions and cached users of an earlier run name rows that
    # no longer exist (a cached user with another password hash would sign every session out).
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def seed(accounts: int) -> list[dict[str, Any]]:
    """Accounts with habits and a year of entries, and a session per account (made directly, so
    the slow password hash stays out of the measured window). Needs Django set up."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.utils.crypto import get_random_string

    from accounts.models import User
    from habits.models import Entry, Habit

    randomness = random.Random(8)  # noqa: S311 - test data
    password = make_password("bench passphrase 8 horses")
    users = User.objects.bulk_create(
        [User(email=f"bench{n}@example.org", password=password) for n in range(accounts)]
    )
    kinds = [
        {"name": "Read", "kind": "boolean"},
        {"name": "Run", "kind": "boolean", "frequency_times": 3, "frequency_days": 7},
        {"name": "Water", "kind": "numeric", "unit": "glasses", "target_value": Decimal(8)},
        {"name": "Meditate", "kind": "boolean", "weekdays_mask": 0b0011111},
        {"name": "Gym", "kind": "boolean", "frequency_times": 2, "frequency_days": 7},
        {"name": "Sugar", "kind": "numeric", "target_type": "at_most", "target_value": Decimal(2)},
        {
            "name": "Journal",
            "kind": "boolean",
            "period": "calendar",
            "frequency_times": 4,
            "frequency_days": 7,
        },
        {"name": "Stretch", "kind": "boolean"},
    ][:HABITS_PER_ACCOUNT]
    habits = Habit.objects.bulk_create(
        [
            Habit(user=user, position=position, **fields)  # type: ignore[arg-type]
            for user in users
            for position, fields in enumerate(kinds)
        ]
    )
    today = datetime.now(UTC).date()
    entries = [
        Entry(
            habit=habit,
            date=today - timedelta(days=offset),
            status="done" if randomness.random() < 0.8 else "skipped",
            value=Decimal(randomness.randint(0, 10)) if habit.kind == "numeric" else None,
        )
        for habit in habits
        for offset in range(1, HISTORY_DAYS + 1)
        if randomness.random() < 0.75
    ]
    Entry.objects.bulk_create(entries, batch_size=5000)
    sessions = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(
            {
                "session": session.session_key,
                "csrf": get_random_string(32),
                "habit_ids": [h.pk for h in habits if h.user_id == user.pk],
                "numeric_ids": [
                    h.pk for h in habits if h.user_id == user.pk and h.kind == "numeric"
                ],
            }
        )
    print(f"seeded {len(users)} accounts, {len(habits)} habits, {len(entries)} entries")
    return sessions


@dataclass
class Server:
    settings_module: str
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-k",
                    "uvicorn.workers.UvicornWorker",
                    "config.asgi:application",
                    "-w",
                    str(WORKERS),
                    "-b",
                    f"127.0.0.1:{self.port}",
                ],
                cwd=BACKEND,
                env=bench_environment(self.settings_module),
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        wait_until(lambda: port_open(self.port), timeout=60, what="gunicorn start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(30)


def warm_up(port: int, accounts: list[dict[str, Any]]) -> None:
    """One request per account (fills the per-habit summaries and the session cache) and a few for
    each worker's imports and pool, so the measured window starts warm."""
    import logging

    import httpx

    logging.getLogger("httpx").setLevel(logging.WARNING)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        for account in accounts:
            client.cookies.set("sessionid", account["session"])
            response = client.get("/api/habits/")
            response.raise_for_status()


def locust(user_class: str, port: int, label: str) -> dict[str, dict[str, float]]:
    prefix = WORK_DIR / label
    with Path(f"{prefix}_locust.log").open("wb") as output:
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(BACKEND / "reliability" / "locustfile.py"),
                user_class,
                "--headless",
                "-u",
                str(USERS),
                "-r",
                str(SPAWN_RATE),
                "-t",
                DURATION,
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--exit-code-on-error",
                "0",
            ],
            cwd=BACKEND,
            env={**os.environ, "BENCH_ACCOUNTS": str(WORK_DIR / "accounts.json")},
            stdout=output,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=600,
        )
    rows: dict[str, dict[str, float]] = {}
    with Path(f"{prefix}_stats.csv").open() as stats:
        for row in csv.DictReader(stats):
            rows[row["Name"]] = {
                "requests": float(row["Request Count"]),
                "errors": float(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"]),
                "p95": float(row["95%"]),
                "p99": float(row["99%"]),
            }
    return rows


def line(name: str, row: dict[str, float]) -> str:
    return (
        f"  {name:<22} {row['rps']:8.1f} {row['p50']:7.0f} {row['p95']:7.0f} {row['p99']:7.0f}"
        f" {int(row['errors']):7d} {int(row['requests']):9d}"
    )


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(
    mix: dict[str, dict[str, float]],
    paced: dict[str, dict[str, float]],
    listing: dict[str, dict[str, float]],
    ceiling: dict[str, dict[str, float]],
) -> None:
    header = f"  {'':<22} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>7}"
    print(f"\nload bench: {USERS} users, {DURATION} each, gunicorn -w {WORKERS} uvicorn workers,")
    print(
        "Locust on the same 2 cores as the server, PostgreSQL and Redis (it costs the server CPU)"
    )
    print(header + f" {'requests':>9}")
    print("mix (list 60 %, check in 25 %, stats 10 %, edit 5 %), no think time: saturation")
    for name, row in mix.items():
        print(line(name, row))
    print("the same mix, 0.5-1.5 s between actions")
    print(line("Aggregated", paced["Aggregated"]))
    print("habit list alone, no think time")
    print(line("list habits", listing["list habits"]))
    print("ceiling: bare Django JSON view, same server command, no think time")
    print(line("bare view", ceiling["bare view"]))
    runs = (mix, paced, listing, ceiling)
    errors = int(sum(run["Aggregated"]["errors"] for run in runs))
    ratio = listing["list habits"]["rps"] / ceiling["bare view"]["rps"]
    print("\nbudgets (issue 8)")
    print(f"  errors: {errors} (budget 0) {verdict(errors == 0)}")
    for label, run in (("saturated", mix), ("with think time", paced)):
        p99 = run["Aggregated"]["p99"]
        print(
            f"  p99 of the mix at {USERS} users, {label}: {p99:.0f} ms"
            f" (budget <= {BUDGET_P99_MS:.0f}) {verdict(p99 <= BUDGET_P99_MS)}"
        )
    print(
        f"  habit list / bare view throughput: {ratio:.0%} (budget >= {BUDGET_RATIO:.0%})"
        f" {verdict(ratio >= BUDGET_RATIO)}"
    )
    # With no think time, every user always has a request in flight: by Little's law the mean
    # latency is users / throughput, whatever the server does with its time.
    saturated_rps = mix["Aggregated"]["rps"]
    print(
        f"  note: saturated, the mean latency is {USERS} users / {saturated_rps:.0f} req/s ="
        f" {USERS / saturated_rps * 1000:.0f} ms (Little's law); the think-time run is the one"
        " that models people"
    )


def main() -> None:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update(bench_environment("config.settings.bench"))
    sys.path.insert(0, str(BACKEND))
    recreate_database()
    manage("migrate", "--noinput", env=bench_environment("config.settings.bench"))
    import django

    django.setup()
    accounts = seed(USERS)
    (WORK_DIR / "accounts.json").write_text(json.dumps(accounts))
    from django.db import connections

    connections.close_all()

    product = Server("config.settings.bench", free_port(), WORK_DIR / "product.log")
    try:
        product.start()
        warm_up(product.port, accounts)
        mix = locust("HabitUser", product.port, "mix")
        paced = locust("ThinkingHabitUser", product.port, "paced")
        listing = locust("ListUser", product.port, "list")
    finally:
        product.stop()
    ceiling_server = Server("reliability.ceiling", free_port(), WORK_DIR / "ceiling.log")
    try:
        ceiling_server.start()
        ceiling = locust("CeilingUser", ceiling_server.port, "ceiling")
    finally:
        ceiling_server.stop()
    report(mix, paced, listing, ceiling)
    print(f"\nCSV files and server logs in {WORK_DIR}")


if __name__ == "__main__":
    main()
