"""The load bench's parts, run small so `make bench-load` cannot rot between runs: the seeded
sessions sign people in, every task of the Locust mix succeeds against the real app, the ceiling
is served by the bench's own server command, and the report names the budgets.

Locust runs in a subprocess, as in the bench: importing it here would monkey-patch the test
process with gevent.
"""

from __future__ import annotations

import importlib
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from django.conf import settings
from django.test import RequestFactory

from accounts.models import User
from conftest import ApiClient
from tooling.bench import ceiling, goals, mix, signin
from tooling.bench import load as bench
from tooling.servers import free_port

pytestmark = pytest.mark.slow


@pytest.fixture
def small_bench(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(bench, "WORK_DIR", tmp_path)
    monkeypatch.setattr(bench, "USERS", 2)
    monkeypatch.setattr(bench, "SPAWN_RATE", 2)
    monkeypatch.setattr(bench, "DURATION", "3s")
    return tmp_path


def test_the_ceiling_view_is_bare_json() -> None:
    response = ceiling.bare(RequestFactory().get("/bare/"))
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}


@pytest.mark.django_db
def test_seeded_sessions_are_signed_in() -> None:
    accounts = bench.seed(2)
    assert len(accounts) == 2
    assert User.objects.count() == 2
    for account in accounts:
        client = ApiClient()
        client.cookies[settings.SESSION_COOKIE_NAME] = account["session"]
        habits = client.get("/api/habits/").json()
        assert [habit["id"] for habit in habits] == account["habit_ids"]
        numeric = {habit["id"] for habit in habits if habit["kind"] == "numeric"}
        assert numeric == set(account["numeric_ids"])


@pytest.mark.django_db(transaction=True)
def test_every_task_of_the_locust_users_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, live_server: Any
) -> None:
    """The Locust users' tasks, called one by one in process against a live server (Locust's
    gevent monkey-patching is skipped here; the ceiling test below runs Locust for real)."""
    monkeypatch.setenv("LOCUST_SKIP_MONKEY_PATCH", "1")
    from locust.env import Environment

    from tooling.bench import locustfile

    accounts = bench.seed(2)
    (tmp_path / "accounts.json").write_text(json.dumps(accounts))
    monkeypatch.setattr(locustfile, "ACCOUNTS_FILE", tmp_path / "accounts.json")
    monkeypatch.setattr(locustfile, "_accounts", [])
    port = urlsplit(live_server.url).port
    assert port is not None
    bench.warm_up(port, accounts)

    environment = Environment(host=live_server.url)
    outcomes: list[tuple[str, int, Any]] = []
    environment.events.request.add_listener(  # type: ignore[no-untyped-call]
        lambda name, response, exception, **_: outcomes.append(
            (name, response.status_code, exception)
        )
    )
    for user_class in (locustfile.HabitUser, locustfile.ListUser):
        monkeypatch.setattr(user_class, "host", live_server.url)
        user = user_class(environment)
        user.on_start()
        runs: set[Callable[[Any], None]] = set(user_class.tasks)  # type: ignore[arg-type]
        for run in runs:
            for _ in range(3):
                run(user)
    assert [outcome for outcome in outcomes if outcome[2] is not None] == []
    assert {name for name, _, _ in outcomes} == {"list habits", "check in", "stats", "edit habit"}


def test_the_ceiling_runs_under_the_bench_server_command(small_bench: Path) -> None:
    server = bench.Server("tooling.bench.ceiling", free_port(), small_bench / "ceiling.log")
    try:
        server.start()
        response = httpx.get(f"http://127.0.0.1:{server.port}/bare/")
        assert response.json() == {"status": "ok"}
        rows = bench.locust("CeilingUser", server, "ceiling")
    finally:
        server.stop()
    assert rows["bare view"]["errors"] == 0
    assert rows["bare view"]["rps"] > 0
    assert rows["Aggregated"]["server_cpu_ms"] > 0


def test_the_report_prints_figures_next_to_the_budgets(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BENCH_RESULTS", str(tmp_path / "results.tsv"))

    def row(rps: float, p99: float, errors: float = 0, cpu: float = 1.0) -> dict[str, float]:
        return {
            "requests": rps * 30,
            "errors": errors,
            "rps": rps,
            "p50": 5,
            "p95": 9,
            "p99": p99,
            "server_cpu_ms": cpu,
        }

    mix = {"list habits": row(300, 40), "check in": row(100, 60, 1), "Aggregated": row(400, 140, 1)}
    bench.report(
        mix,
        {"Aggregated": row(30, 160)},
        {"list habits": row(400, 30), "Aggregated": row(400, 30, cpu=2.0)},
        {"bare view": row(1000, 10), "Aggregated": row(1000, 10, cpu=0.5)},
    )
    out = capsys.readouterr().out
    assert "errors: 1 (budget 0) MISSED" in out
    assert "with think time: 160 ms (budget <= 150) MISSED" in out
    assert "habit list / bare view throughput: 40% (budget >= 50%) MISSED" in out
    assert "bare view / habit list: 25%" in out
    assert "32 users / 400 req/s = 80 ms" in out
    # The two rows of the speed goals' table, kept for `make bench`'s summary.
    cpu_goal = "habit list server CPU per request / bare view's: 4.00x (goal <= 1.5x) MISSED"
    assert f"GOAL  {cpu_goal}" in out
    assert "GOAL  habit list throughput / bare view's, 32 users: 40% (goal >= 50%) MISSED" in out
    assert (tmp_path / "results.tsv").read_text().splitlines() == [
        "habit list server CPU per request / bare view's\t4.00x\t<= 1.5x\tMISSED",
        "habit list throughput / bare view's, 32 users\t40%\t>= 50%\tMISSED",
    ]
    assert goals.main() == 0
    summary = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert summary[-1][-5:] == ["users", "40%", ">=", "50%", "MISSED"]


@pytest.mark.django_db
def test_every_kind_of_request_in_the_mix_succeeds() -> None:
    rng = random.Random(3)
    for account in bench.seed(2):
        client = ApiClient()
        client.cookies[settings.SESSION_COOKIE_NAME] = account["session"]
        for _ in range(10):
            for _weight, make in mix.MIX:
                call = make(account, rng)
                response = client.generic(
                    call.method,
                    call.path,
                    json.dumps(call.body) if call.body is not None else "",
                    content_type="application/json",
                    HTTP_X_CSRFTOKEN=client.csrf_token(),
                )
                assert response.status_code == 200, (call, response.content)
    assert sum(weight for weight, _ in mix.MIX) == 100


def test_bench_settings_are_production_without_https(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DJANGO_SECRET_KEY_SECRET_ARN", "DATABASE_SECRET_ARN", "REDIS_URL_PARAMETER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in bench.bench_environment("tooling.bench.settings").items():
        if name.startswith(("DJANGO_", "DATABASE_", "REDIS_")):
            monkeypatch.setenv(name, value)
    for module in ("config.settings.base", "config.settings.production", "tooling.bench.settings"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    production = importlib.import_module("config.settings.production")
    bench_settings = importlib.import_module("tooling.bench.settings")
    https_only = {
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_NAME",
    }
    names = {name for name in dir(production) if name.isupper()}
    differ = {n for n in names if getattr(production, n) != getattr(bench_settings, n)}
    assert differ == https_only
    assert bench_settings.DEBUG is False
    assert bench_settings.SESSION_ENGINE == "accounts.sessions"
    assert "pool" in bench_settings.DATABASES["default"]["OPTIONS"]
    assert bench_settings.CACHES["default"]["BACKEND"] == "core.cache.RedisCache"


@pytest.mark.django_db
def test_the_sign_in_bench_times_real_sign_ins() -> None:
    samples = signin.signin_samples(
        hasher="django.contrib.auth.hashers.MD5PasswordHasher", rounds=3, email="b@example.org"
    )
    assert len(samples) == 3
    p50, p95 = signin.percentiles(samples)
    assert 0 < p50 <= p95
