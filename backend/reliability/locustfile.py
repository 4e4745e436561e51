"""Locust users for `make bench-load` (reliability/bench.py runs them headless).

- HabitUser: a signed-in person using the app: list habits 60 %, check in 25 %, stats 10 %,
  edit 5 %. Each takes one of the accounts reliability/bench.py seeded, with a session made for it
  (no login in the measured window: password hashing is deliberately slow and rare in real use).
- ListUser: the habit list only, for the throughput ratio against the bare view.
- CeilingUser: the bare Django JSON view (reliability/ceiling.py).

No wait time: each user sends its next request as soon as the last answers, so 32 users are
32 requests in flight; the figures are the server's capacity at that concurrency.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from locust import HttpUser, constant, task

ACCOUNTS_FILE = Path(os.environ.get("BENCH_ACCOUNTS", "/tmp/habit-tracker-bench/accounts.json"))  # noqa: S108
_next_account = itertools.count()
_accounts: list[dict[str, Any]] = []


def next_account() -> dict[str, Any]:
    if not _accounts:
        _accounts.extend(json.loads(ACCOUNTS_FILE.read_text()))
    return _accounts[next(_next_account) % len(_accounts)]


class SignedInUser(HttpUser):
    abstract = True
    wait_time = constant(0)

    def on_start(self) -> None:
        account = next_account()
        self.habit_ids: list[int] = account["habit_ids"]
        self.numeric_ids: set[int] = set(account["numeric_ids"])
        self.client.cookies.set("sessionid", account["session"])
        self.client.cookies.set("csrftoken", account["csrf"])
        self.client.headers["X-CSRFToken"] = account["csrf"]
        self.client.headers["Content-Type"] = "application/json"

    def list_habits(self) -> None:
        self.client.get("/api/habits/", name="list habits")


class HabitUser(SignedInUser):
    @task(60)
    def habit_list(self) -> None:
        self.list_habits()

    @task(25)
    def check_in(self) -> None:
        habit = random.choice(self.habit_ids)  # noqa: S311 - load mix, not security
        day = datetime.now(UTC).date() - timedelta(days=random.randint(0, 6))  # noqa: S311
        status = random.choice(["done", "done", "done", "not_done", "skipped"])  # noqa: S311
        body: dict[str, Any] = {"status": status}
        if habit in self.numeric_ids and status == "done":
            body["value"] = random.randint(1, 12)  # noqa: S311
        self.client.put(
            f"/api/habits/{habit}/entries/{day.isoformat()}/",
            data=json.dumps(body),
            name="check in",
        )

    @task(10)
    def stats(self) -> None:
        habit = random.choice(self.habit_ids)  # noqa: S311
        self.client.get(f"/api/habits/{habit}/stats/", name="stats")

    @task(5)
    def edit(self) -> None:
        habit = random.choice(self.habit_ids)  # noqa: S311
        self.client.patch(
            f"/api/habits/{habit}/",
            data=json.dumps({"description": f"edited {random.randint(0, 10**6)}"}),  # noqa: S311
            name="edit habit",
        )


class ListUser(SignedInUser):
    @task
    def habit_list(self) -> None:
        self.list_habits()


class CeilingUser(HttpUser):
    wait_time = constant(0)

    @task
    def bare(self) -> None:
        self.client.get("/bare/", name="bare view")
