"""Locust users for `make bench-load` (tooling/bench/load.py runs them headless).

- HabitUser: a signed-in person using the app, with the mix of tooling/bench/mix.py (list habits
  60 %, check in 25 %, stats 10 %, edit 5 %). Each takes one of the accounts tooling/bench/load.py
  seeded, with a session made for it (no login in the measured window: password hashing is
  deliberately slow, and rare in real use).
- ThinkingHabitUser: the same with 0.5-1.5 s between actions, as people use it: the latency at
  32 users when they are not all waiting on the server at once.
- ListUser: the habit list only, for the throughput ratio against the bare view.
- CeilingUser: the bare Django JSON view (tooling/bench/ceiling.py).

The others have no wait time: each user sends its next request as soon as the last one is
answered, so 32 users are 32 requests in flight; the figures are the server's capacity then.

FastHttpUser (geventhttpclient) rather than HttpUser (requests): it costs a fraction of the CPU per
request, and the load generator shares the server's two cores.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from locust import FastHttpUser, between, constant, task

from tooling.bench import mix

ACCOUNTS_FILE = Path(os.environ["BENCH_ACCOUNTS"]) if "BENCH_ACCOUNTS" in os.environ else None
_next_account = itertools.count()
_accounts: list[mix.Account] = []


def next_account() -> mix.Account:
    if not _accounts:
        assert ACCOUNTS_FILE is not None, "BENCH_ACCOUNTS names the seeded accounts.json"
        _accounts.extend(json.loads(ACCOUNTS_FILE.read_text()))
    return _accounts[next(_next_account) % len(_accounts)]


def as_task(make: Callable[[mix.Account, random.Random], mix.Call]) -> Callable[[Any], None]:
    def run(user: SignedInUser) -> None:
        user.send(make(user.account, user.rng))

    run.__name__ = make.__name__
    return run


class SignedInUser(FastHttpUser):
    abstract = True
    wait_time = constant(0)

    def on_start(self) -> None:
        self.account = next_account()
        self.rng = random.Random()  # noqa: S311 - a load mix, not security
        # The browser's two cookies and the CSRF header, as the SPA sends them on every request.
        self.headers = {
            "Cookie": f"sessionid={self.account['session']}; csrftoken={self.account['csrf']}",
            "X-CSRFToken": self.account["csrf"],
        }

    def send(self, call: mix.Call) -> None:
        self.client.request(
            call.method, call.path, json=call.body, name=call.name, headers=self.headers
        )


class HabitUser(SignedInUser):
    # A weighted list, as Locust expands its {task: weight} form itself.
    tasks = [run for weight, make in mix.MIX for run in [as_task(make)] * weight]


class ThinkingHabitUser(HabitUser):
    wait_time = between(0.5, 1.5)


class ListUser(SignedInUser):
    tasks = [as_task(mix.list_habits)]


class CeilingUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def bare(self) -> None:
        self.client.get("/bare/", name="bare view")
