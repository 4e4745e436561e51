"""The requests of the load bench's mix, as plain data: what a signed-in person sends.

Kept apart from the Locust file so the suite can check every kind of request in process
(tooling/tests/test_bench.py) without importing Locust, which monkey-patches with gevent.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

Account = dict[str, Any]  # one entry of accounts.json: session, csrf, habit_ids, numeric_ids


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    name: str  # the row in Locust's statistics
    body: dict[str, Any] | None = None


def list_habits(account: Account, rng: random.Random) -> Call:
    return Call("GET", "/api/habits/", "list habits")


def check_in(account: Account, rng: random.Random) -> Call:
    """Today or one of the six days before, as people catch up; a value for measurable habits."""
    habit = rng.choice(account["habit_ids"])
    day = datetime.now(UTC).date() - timedelta(days=rng.randint(0, 6))
    status = rng.choice(["done", "done", "done", "not_done", "skipped"])
    body: dict[str, Any] = {"status": status}
    if habit in account["numeric_ids"] and status == "done":
        body["value"] = rng.randint(1, 12)
    return Call("PUT", f"/api/habits/{habit}/entries/{day.isoformat()}/", "check in", body)


def stats(account: Account, rng: random.Random) -> Call:
    return Call("GET", f"/api/habits/{rng.choice(account['habit_ids'])}/stats/", "stats")


def edit(account: Account, rng: random.Random) -> Call:
    habit = rng.choice(account["habit_ids"])
    body = {"description": f"edited {rng.randint(0, 10**6)}"}
    return Call("PATCH", f"/api/habits/{habit}/", "edit habit", body)


# Weights in percent: list 60, check in 25, stats 10, edit 5.
MIX: tuple[tuple[int, Callable[[Account, random.Random], Call]], ...] = (
    (60, list_habits),
    (25, check_in),
    (10, stats),
    (5, edit),
)
