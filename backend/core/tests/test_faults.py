"""Fault injection: the product in its own process, on its own PostgreSQL and Redis, which the tests
stop and start while driving the API over HTTP.

- Redis stops: the API keeps serving, sessions survive (`cached_db`), /health/deep/ says the cache
  is degraded; Redis comes back empty: it is used again without a restart.
- PostgreSQL stops: every request is a JSON 503 within 3 s, /health/deep/ is 503; PostgreSQL comes
  back: requests succeed again without a restart.
- Throughout: no 500 and no HTML page.

The servers are throwaway ones (tooling.servers) on free ports: the machine's shared
PostgreSQL and Redis are never touched. Under CI=true a missing binary is a failure, not a skip.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import redis

from tooling.servers import (
    PostgresServer,
    ProductServer,
    RedisServer,
    manage,
    missing_binaries,
    product_environment,
    wait_until,
)

pytestmark = pytest.mark.slow

CI = os.environ.get("CI", "").lower() == "true"
PASSWORD = "fault injection passphrase 3"
OUTAGE_BUDGET_SECONDS = 3.0
RECOVERY_BUDGET_SECONDS = 15.0


@dataclass
class Driver:
    """An HTTP client acting as the SPA does (session cookie, X-CSRFToken), recording every
    response so the tests can check that none was a 500 or an HTML page."""

    base_url: str
    client: httpx.Client = field(init=False)
    seen: list[tuple[str, int, str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.base_url, timeout=30)

    def request(self, method: str, path: str, body: Any = None) -> tuple[httpx.Response, float]:
        headers = {}
        if method != "GET":
            if "csrftoken" not in self.client.cookies:
                self.request("GET", "/api/auth/csrf/")
            headers["X-CSRFToken"] = self.client.cookies["csrftoken"]
        started = time.monotonic()
        response = self.client.request(method, path, json=body, headers=headers)
        elapsed = time.monotonic() - started
        content_type = response.headers.get("content-type", "")
        self.seen.append((f"{method} {path}", response.status_code, content_type, elapsed))
        return response, elapsed

    def assert_no_500_and_no_html(self) -> None:
        bad = [seen for seen in self.seen if seen[1] >= 500 and seen[1] != 503]
        assert bad == [], bad
        html = [seen for seen in self.seen if seen[1] != 204 and "json" not in seen[2]]
        assert html == [], html


@dataclass
class Stack:
    postgres: PostgresServer
    redis: RedisServer
    app: ProductServer
    email: str

    def driver(self) -> Driver:
        return Driver(self.app.base_url)

    def signed_in(self) -> Driver:
        driver = self.driver()
        response, _ = driver.request(
            "POST", "/api/auth/login/", {"email": self.email, "password": PASSWORD}
        )
        assert response.status_code == 200, response.text
        return driver


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    missing = missing_binaries()
    if missing:
        message = f"fault tests need {', '.join(missing)}"
        if CI:
            pytest.fail(message)
        pytest.skip(message)
    postgres, cache = PostgresServer(), RedisServer()
    app: ProductServer | None = None
    try:
        postgres.init()
        postgres.start()
        cache.start()
        env = product_environment(database_url=postgres.url, redis_url=cache.url)
        manage("migrate", "--noinput", env=env)
        app = ProductServer(env)
        app.start()
        email = "faults@example.org"
        browser = Driver(app.base_url)
        registered, _ = browser.request(
            "POST", "/api/auth/register/", {"email": email, "password": PASSWORD}
        )
        assert registered.status_code == 202, registered.text
        (mail, *_) = browser.request("GET", f"/api/dev/mail/?to={email}")[0].json()
        token = mail["links"][0].partition("#token=")[2]
        confirmed, _ = browser.request("POST", "/api/auth/register/confirm/", {"token": token})
        assert confirmed.status_code == 201, confirmed.text
        yield Stack(postgres=postgres, redis=cache, app=app, email=email)
    finally:
        if app is not None:
            app.close()
        cache.close()
        postgres.close()


def session_keys(server: RedisServer) -> list[bytes]:
    """The sessions cached in `server`: fields `s:<key>` of the users' entries (accounts.sessions)
    and cached_db's own keys (anonymous sessions)."""
    client = redis.Redis(port=server.port)
    found: list[bytes] = list(client.scan_iter(match="*sessions*"))
    for entry in client.scan_iter(match="*user:{*}"):
        fields = [bytes(field) for field in client.hkeys(entry)]  # type: ignore[arg-type]
        found += [field for field in fields if field.startswith(b"s:")]
    return found


def test_redis_outage_degrades_and_recovers_without_a_restart(stack: Stack) -> None:
    driver = stack.signed_in()
    pid = stack.app.process.pid if stack.app.process else None
    habit, _ = driver.request("POST", "/api/habits/", {"name": "Survives Redis"})
    assert habit.status_code == 201
    habit_id = habit.json()["id"]
    assert session_keys(stack.redis)

    stack.redis.stop()
    slowest = 0.0
    for method, path, body, expected in [
        ("GET", "/api/auth/me/", None, 200),  # the session is read from the database
        ("GET", "/api/habits/", None, 200),
        ("PUT", f"/api/habits/{habit_id}/entries/2024-02-01/", {"status": "done"}, 200),
        ("PATCH", f"/api/habits/{habit_id}/", {"name": "Still here"}, 200),
        ("GET", f"/api/habits/{habit_id}/stats/", None, 200),
    ]:
        response, elapsed = driver.request(method, path, body)
        assert response.status_code == expected, f"{method} {path}: {response.text}"
        slowest = max(slowest, elapsed)
    health, _ = driver.request("GET", "/health/deep/")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "degraded"}
    # Signing in still works without the cache (the throttle's counts are lost, by design).
    newcomer = stack.signed_in()
    print(f"\nredis down: slowest API request {slowest * 1000:.0f} ms")
    assert slowest < 1.0

    stack.redis.start()  # empty: as a replaced node would be
    took = wait_until(
        lambda: driver.request("GET", "/health/deep/")[0].json()["cache"] == "ok",
        timeout=10,
        what="/health/deep/ reporting the cache ok again",
        interval=0.2,
    )
    print(f"redis back: health ok after {took:.2f} s")
    for client in (driver, newcomer):
        me, _ = client.request("GET", "/api/auth/me/")
        assert me.status_code == 200
    assert session_keys(stack.redis), "the sessions are cached in the new Redis again"
    assert stack.app.process is not None
    assert stack.app.process.pid == pid
    assert stack.app.process.poll() is None
    driver.assert_no_500_and_no_html()
    newcomer.assert_no_500_and_no_html()


def test_postgres_outage_is_a_fast_json_503_and_recovers_without_a_restart(stack: Stack) -> None:
    driver = stack.signed_in()
    pid = stack.app.process.pid if stack.app.process else None
    habit, _ = driver.request("POST", "/api/habits/", {"name": "Survives PostgreSQL"})
    habit_id = habit.json()["id"]

    stack.postgres.stop()
    timings: dict[str, float] = {}
    for method, path, body in [
        ("GET", "/api/habits/", None),
        ("POST", "/api/habits/", {"name": "During the outage"}),
        ("PUT", f"/api/habits/{habit_id}/entries/2024-02-02/", {"status": "done"}),
        ("GET", f"/api/habits/{habit_id}/stats/", None),
    ]:
        response, elapsed = driver.request(method, path, body)
        assert response.status_code == 503, f"{method} {path}: {response.text}"
        assert response.headers["content-type"] == "application/json"
        assert response.json()["code"] == "service_unavailable"
        timings[f"{method} {path}"] = elapsed
    # What needs no database is still answered: the signed-in user comes from Redis.
    me, elapsed = driver.request("GET", "/api/auth/me/")
    assert me.status_code == 200, me.text
    assert me.json()["email"] == stack.email
    timings["GET /api/auth/me/"] = elapsed
    health, elapsed = driver.request("GET", "/health/deep/")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    timings["GET /health/deep/"] = elapsed
    print("\npostgres down: " + ", ".join(f"{k} {v:.2f} s" for k, v in timings.items()))
    assert max(timings.values()) < OUTAGE_BUDGET_SECONDS, timings

    stack.postgres.start()
    took = wait_until(
        lambda: driver.request("GET", "/api/habits/")[0].status_code == 200,
        timeout=RECOVERY_BUDGET_SECONDS,
        what="the API answering 200 again",
        interval=0.2,
    )
    print(f"postgres back: API 200 again after {took:.2f} s")
    created, _ = driver.request("POST", "/api/habits/", {"name": "After the outage"})
    assert created.status_code == 201
    health, _ = driver.request("GET", "/health/deep/")
    assert health.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    names = [habit["name"] for habit in driver.request("GET", "/api/habits/")[0].json()]
    assert "During the outage" not in names
    assert "After the outage" in names
    assert stack.app.process is not None
    assert stack.app.process.pid == pid
    assert stack.app.process.poll() is None
    driver.assert_no_500_and_no_html()
