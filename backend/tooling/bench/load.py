"""`make bench-load`: the product under load as production serves it, against a bare-view ceiling.

1. Recreates a dedicated database (`habit_tracker_bench`) on the machine's PostgreSQL and empties
   the bench's Redis database (2), migrates, and seeds accounts with habits and a year of history,
   plus a signed-in session per account.
2. Serves the product with tooling.bench.settings (production's settings minus HTTPS) on the
   machine's PostgreSQL and Redis, and drives it with Locust headless on loopback: the realistic
   mix with think time (people), the same mix without (saturation), then the habit list alone.
   Each phase starts from a settled database (settle_database).
3. Serves tooling/bench/ceiling.py (a bare Django JSON view, no apps, no middleware) with the same
   server command and drives it the same way.
4. Prints requests per second, p50/p95/p99, errors and the server's CPU per request for each, the
   ratio of the habit list's throughput to the bare view's, and the budgets next to them.
   Nothing is asserted.

The server (BENCH_SERVER):
- `lambda` (the default): `gunicorn -k sync -w 4 tooling.lambda_server:application`. Each
  request becomes an API Gateway event for lambda_handler.handler, as in production: Mangum, the
  ASGI application, the middleware, the view. Each worker process runs one request at a time, as a
  Lambda instance does, and four of them stand for four warm instances.
- `uvicorn`: `gunicorn -k uvicorn.workers.UvicornWorker -w 2 config.asgi:application`, the ASGI
  application behind an event loop that keeps accepting while a request runs. A synchronous
  Django app then shares each process's interpreter lock between the loop thread and the request
  threads; the Lambda never does, so this is the less faithful of the two, kept for comparison.

Locust runs on the same 2 cores as the server, PostgreSQL and Redis, and its CPU per request is
the same for every request: it narrows the gap between a cheap and an expensive request, so the
throughput ratio reads higher than the server's own. The server CPU per request (the gunicorn
processes, from /proc) is printed too, and their ratio with it.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from tooling.bench.goals import goal
from tooling.servers import BACKEND, HttpServer, free_port, manage

POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "habit_tracker_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
USERS = int(os.environ.get("BENCH_USERS", "32"))
SPAWN_RATE = int(os.environ.get("BENCH_SPAWN_RATE", "8"))
DURATION = os.environ.get("BENCH_TIME", "30s")
SERVER = os.environ.get("BENCH_SERVER", "lambda")
SERVER_ARGUMENTS = {
    "lambda": ["-k", "sync", "tooling.lambda_server:application"],
    "uvicorn": ["-k", "uvicorn.workers.UvicornWorker", "config.asgi:application"],
}
WORKERS = int(os.environ.get("BENCH_WORKERS", "4" if SERVER == "lambda" else "2"))
HABITS_PER_ACCOUNT = 8
HISTORY_DAYS = 365
WORK_DIR = Path(os.environ.get("BENCH_DIR", tempfile.gettempdir())) / "habit-tracker-bench"

BUDGET_P99_MS = 150.0
BUDGET_RATIO = 0.50
BUDGET_CPU_RATIO = 1.5


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


def settle_database() -> None:
    """Start a phase from a steady database, as a running service is, not from the aftermath of the
    bench's own seeding or of the phase before: VACUUM ANALYZE the bench database (so autovacuum
    does not start on the fresh rows mid-phase, and the planner has statistics) and CHECKPOINT (so
    the flush of the earlier writes does not stall this phase's commits; it flushes the server's
    dirty pages and changes no data)."""
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/{DATABASE}", autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
        connection.execute("CHECKPOINT")


def seed(accounts: int) -> list[dict[str, Any]]:
    """Accounts with habits and a year of entries, and a session per account (made directly, so
    the slow password hash stays out of the measured window). Needs Django set up."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.utils.crypto import get_random_string

    from accounts.models import User
    from accounts.sessions import SessionStore
    from habits.models import Entry, Habit

    randomness = random.Random(8)  # noqa: S311 - test data
    password = make_password("bench passphrase 8 horses")
    users = User.objects.bulk_create(
        # bulk_create skips User.save(), which fills the canonical address: give it here.
        [
            User(
                email=f"bench{n}@example.org", email_key=f"bench{n}@example.org", password=password
            )
            for n in range(accounts)
        ]
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
        session.save()  # storing the user made the session (accounts.sessions); this completes it
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


class Server(HttpServer):
    """gunicorn with the bench's server arguments (BENCH_SERVER), serving `settings_module`."""

    def __init__(self, settings_module: str, port: int, log: Path) -> None:
        super().__init__(env=bench_environment(settings_module), port=port, log=log)

    def command(self) -> list[str]:
        return [
            "gunicorn",
            *SERVER_ARGUMENTS[SERVER],
            "-w",
            str(WORKERS),
            "-b",
            f"127.0.0.1:{self.port}",
        ]

    def cpu_seconds(self) -> float:
        """User + system CPU of the gunicorn master and its workers so far."""
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = [self.process.pid, *map(int, children.read_text().split())]
        total = 0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
        return total / os.sysconf("SC_CLK_TCK")


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


def locust(user_class: str, server: Server, label: str) -> dict[str, dict[str, float]]:
    prefix = WORK_DIR / label
    port = server.port
    cpu_before = server.cpu_seconds()
    with Path(f"{prefix}_locust.log").open("wb") as output:
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(BACKEND / "tooling" / "bench" / "locustfile.py"),
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
    server_cpu = server.cpu_seconds() - cpu_before
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
    total = rows["Aggregated"]["requests"]
    rows["Aggregated"]["server_cpu_ms"] = 1000 * server_cpu / total if total else float("nan")
    return rows


def line(name: str, row: dict[str, float]) -> str:
    cpu = row.get("server_cpu_ms")
    return (
        f"  {name:<22} {row['rps']:8.1f} {row['p50']:7.0f} {row['p95']:7.0f} {row['p99']:7.0f}"
        f" {int(row['errors']):7d} {int(row['requests']):9d}"
        + (f" {cpu:10.2f}" if cpu is not None else "")
    )


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(
    mix: dict[str, dict[str, float]],
    paced: dict[str, dict[str, float]],
    listing: dict[str, dict[str, float]],
    ceiling: dict[str, dict[str, float]],
) -> None:
    server = " ".join(["gunicorn", *SERVER_ARGUMENTS[SERVER], "-w", str(WORKERS)])
    print(f"\nload bench: {USERS} users, {DURATION} per phase, server ({SERVER}): {server}")
    print("Locust on the same 2 cores as the server, PostgreSQL and Redis")
    print(
        f"  {'':<22} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>7}"
        f" {'requests':>9} {'server CPU ms/request':>22}"
    )
    print("mix (list 60 %, check in 25 %, stats 10 %, edit 5 %), no think time: saturation")
    for name, row in mix.items():
        print(line(name, row))
    print("the same mix, 0.5-1.5 s between actions, as people use it")
    print(line("Aggregated", paced["Aggregated"]))
    print("habit list alone, no think time")
    print(line("list habits", listing["Aggregated"]))
    print("ceiling: bare Django JSON view, same server command, no think time")
    print(line("bare view", ceiling["Aggregated"]))
    runs = (mix, paced, listing, ceiling)
    errors = int(sum(run["Aggregated"]["errors"] for run in runs))
    ratio = listing["list habits"]["rps"] / ceiling["bare view"]["rps"]
    cpu_ratio = ceiling["Aggregated"]["server_cpu_ms"] / listing["Aggregated"]["server_cpu_ms"]
    paced_p99 = paced["Aggregated"]["p99"]
    print("\nbudgets")
    print(f"  errors: {errors} (budget 0) {verdict(errors == 0)}")
    print(
        f"  p99 of the mix, {USERS} users with think time: {paced_p99:.0f} ms"
        f" (budget <= {BUDGET_P99_MS:.0f}) {verdict(paced_p99 <= BUDGET_P99_MS)}"
    )
    print(
        f"  habit list / bare view throughput: {ratio:.0%} (budget >= {BUDGET_RATIO:.0%})"
        f" {verdict(ratio >= BUDGET_RATIO)}"
    )
    list_cpu = listing["Aggregated"]["server_cpu_ms"]
    bare_cpu = ceiling["Aggregated"]["server_cpu_ms"]
    goal(
        "habit list server CPU per request / bare view's",
        f"{list_cpu / bare_cpu:.2f}x",
        f"<= {BUDGET_CPU_RATIO}x",
        ok=list_cpu / bare_cpu <= BUDGET_CPU_RATIO,
    )
    goal(
        f"habit list throughput / bare view's, {USERS} users",
        f"{ratio:.0%}",
        f">= {BUDGET_RATIO:.0%}",
        ok=ratio >= BUDGET_RATIO,
    )
    print("for reading them")
    print(
        f"  server CPU per request, bare view / habit list: {cpu_ratio:.0%} (the same ratio"
        " without the load generator's share)"
    )
    # With no think time, every user always has a request in flight: by Little's law the mean
    # latency is users / throughput, whatever the server does with its time.
    saturated = mix["Aggregated"]
    print(
        f"  saturated, p99 {saturated['p99']:.0f} ms: with no think time the mean latency is"
        f" {USERS} users / {saturated['rps']:.0f} req/s = {USERS / saturated['rps'] * 1000:.0f} ms"
        " (Little's law), set by capacity; it is the capacity figure, not a user's wait"
    )


def main() -> None:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update(bench_environment("tooling.bench.settings"))
    sys.path.insert(0, str(BACKEND))
    recreate_database()
    manage("migrate", "--noinput", env=bench_environment("tooling.bench.settings"))
    import django

    django.setup()
    accounts = seed(USERS)
    (WORK_DIR / "accounts.json").write_text(json.dumps(accounts))
    from django.db import connections

    connections.close_all()

    product = Server("tooling.bench.settings", free_port(), WORK_DIR / "product.log")
    try:
        product.start()
        warm_up(product.port, accounts)
        # People first, on a settled database; then the stress phases, each after a settle too.
        settle_database()
        paced = locust("ThinkingHabitUser", product, "paced")
        settle_database()
        mix = locust("HabitUser", product, "mix")
        settle_database()
        listing = locust("ListUser", product, "list")
    finally:
        product.stop()
    ceiling_server = Server("tooling.bench.ceiling", free_port(), WORK_DIR / "ceiling.log")
    try:
        ceiling_server.start()
        ceiling = locust("CeilingUser", ceiling_server, "ceiling")
    finally:
        ceiling_server.stop()
    report(mix, paced, listing, ceiling)
    print(f"\nCSV files and server logs in {WORK_DIR}")


if __name__ == "__main__":
    main()
