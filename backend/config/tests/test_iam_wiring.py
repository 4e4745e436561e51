"""The AWS connection wiring, run against real servers on loopback.

- PostgreSQL that checks passwords (scram) accepts the application role only with the token its
  connection class fetched for that very connection; a stale token is refused.
- Redis with ACLs (the default user off) accepts the cache only with the user and token the
  credential provider gives.
- A database that holds the first connection, as Aurora does while it resumes from 0 ACU, still
  answers the request that woke it when the connect timeout allows for the resume.

Static tokens stand in for the signed ones (config.iam_tokens makes those; test_iam_tokens checks
their form). The servers are throwaway ones on free ports (tooling.servers).
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.db.utils import ConnectionHandler
from django_redis.cache import RedisCache  # type: ignore[import-untyped]

from config.env import postgres_database
from config.iam_tokens import TokenCredentialProvider, token_connection_class
from config.settings.base import cache_settings
from tooling.servers import (
    PostgresServer,
    ProductServer,
    RedisServer,
    free_port,
    manage,
    missing_binaries,
    product_environment,
)

pytestmark = pytest.mark.slow

CI = os.environ.get("CI", "").lower() == "true"
RESUME_SECONDS = 3.0


def require_binaries() -> None:
    missing = missing_binaries()
    if missing:
        message = f"these tests need {', '.join(missing)}"
        if CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def scram_postgres() -> Iterator[PostgresServer]:
    require_binaries()
    server = PostgresServer(host_auth="scram-sha-256")
    try:
        server.init()
        server.start()
        server.execute("CREATE ROLE habits_app LOGIN PASSWORD 'static-token-one'")
        yield server
    finally:
        server.close()


class Tokens:
    """A token source that hands out the current token and counts the connections it signed."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.issued = 0

    def __call__(self) -> str:
        self.issued += 1
        return self.token


@pytest.fixture
def _own_connections(django_db_blocker: Any) -> Iterator[None]:
    """These tests open connections of their own, outside the test database."""
    with django_db_blocker.unblock():
        yield


def application_role_connection(port: int, tokens: Tokens) -> Any:
    entry = postgres_database(
        name="postgres",
        user="habits_app",
        password="",
        host="127.0.0.1",
        port=port,
        connect_timeout=5,
        connection_class=token_connection_class(tokens),
    )
    # An alias of its own: Django keeps PostgreSQL pools per alias for the whole process, so
    # "default" would reuse the test database's pool (and its user) once a database test had run
    # on PostgreSQL. ConnectionHandler insists on a "default" entry; it is never connected.
    return ConnectionHandler({"default": entry, "iam_wiring": entry})["iam_wiring"]


def current_user(connection: Any) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        return str(cursor.fetchone()[0])


@pytest.mark.usefixtures("_own_connections")
def test_the_application_role_signs_in_with_a_fresh_token_per_connection(
    scram_postgres: PostgresServer,
) -> None:
    tokens = Tokens("static-token-one")
    connection = application_role_connection(scram_postgres.port, tokens)
    try:
        assert current_user(connection) == "habits_app"
        assert tokens.issued == 1
        # The token rotates (a new one every 15 minutes in AWS): the next new connection, from
        # the same pool, signs in with the new one.
        scram_postgres.execute("ALTER ROLE habits_app PASSWORD 'static-token-two'")
        tokens.token = "static-token-two"
        connection.close()
        connection.close_pool()
        assert current_user(connection) == "habits_app"
        assert tokens.issued == 2
    finally:
        connection.close()
        connection.close_pool()


@pytest.mark.usefixtures("_own_connections")
def test_a_stale_token_is_refused(scram_postgres: PostgresServer) -> None:
    scram_postgres.execute("ALTER ROLE habits_app PASSWORD 'static-token-three'")
    connection = application_role_connection(scram_postgres.port, Tokens("static-token-old"))
    try:
        with pytest.raises(Exception, match=r"password authentication failed|couldn't get"):
            current_user(connection)
    finally:
        connection.close_pool()


def test_the_cache_signs_in_as_the_iam_user_with_its_token() -> None:
    require_binaries()
    server = RedisServer(users=["habits-app on >static-cache-token ~* &* +@all"])
    try:
        server.start()

        def cache(token: str, database: int) -> RedisCache:
            # django-redis keeps one connection pool per URL: a database of its own each.
            url = f"redis://127.0.0.1:{server.port}/{database}"
            provider = TokenCredentialProvider("habits-app", lambda: token)
            params = cache_settings(url, credential_provider=provider)["default"]
            return RedisCache(params["LOCATION"], params)

        signed_in = cache("static-cache-token", 0)
        assert signed_in.client.get_client(write=True).ping()
        signed_in.set("wiring", "ok", 30)
        assert signed_in.get("wiring") == "ok"

        refused = cache("wrong-token", 1)
        with pytest.raises(Exception, match=r"WRONGPASS|invalid username-password"):
            refused.client.get_client(write=True).ping()
    finally:
        server.close()


# --- Aurora resuming from a pause ----------------------------------------------------------------


def resume_proxy(upstream_port: int, hold: float) -> int:
    """A TCP proxy to PostgreSQL that holds the first connection for `hold` seconds before it
    reaches the server (Aurora resuming from 0 ACU), and relays the others at once."""
    port = free_port()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    first = [True]

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    async def relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if first[0]:
            first[0] = False
            await asyncio.sleep(hold)
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        except OSError:  # the server is gone (the test is over)
            writer.close()
            return
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(asyncio.start_server(relay, "127.0.0.1", port))
        ready.set()
        loop.run_forever()

    threading.Thread(target=serve, daemon=True, name="resume-proxy").start()
    ready.wait(10)
    return port


def test_the_request_that_wakes_a_paused_database_succeeds() -> None:
    require_binaries()
    postgres = PostgresServer()
    app: ProductServer | None = None
    try:
        postgres.init()
        postgres.start()
        proxy = resume_proxy(postgres.port, hold=RESUME_SECONDS)
        url = f"postgres://postgres@127.0.0.1:{proxy}/postgres"
        env = product_environment(database_url=url, redis_url=None)
        # Migrating opens the proxy's first connection: hold the application's instead.
        direct = product_environment(database_url=postgres.url, redis_url=None)
        manage("migrate", "--noinput", env=direct)
        app = ProductServer({**env, "DATABASE_CONNECT_TIMEOUT": str(int(RESUME_SECONDS * 4))})
        app.start()
        started = time.monotonic()
        response = httpx.get(f"{app.base_url}/health/deep/", timeout=30)
        waited = time.monotonic() - started
        assert response.status_code == 200, response.text
        assert response.json()["database"] == "ok"
        assert waited >= RESUME_SECONDS * 0.9, f"the proxy did not hold the connection ({waited} s)"
        print(f"first request after a {RESUME_SECONDS:.0f} s resume: {waited:.2f} s, 200")
        # Later requests do not wait.
        started = time.monotonic()
        assert httpx.get(f"{app.base_url}/health/deep/", timeout=30).status_code == 200
        assert time.monotonic() - started < 1.0
    finally:
        if app is not None:
            app.close()
        postgres.close()


def test_a_connect_timeout_shorter_than_the_resume_is_a_503_that_says_when_to_retry() -> None:
    """What the SPA sees when a resume outlasts the request: it shows "waking up" and retries."""
    require_binaries()
    postgres = PostgresServer()
    app: ProductServer | None = None
    try:
        postgres.init()
        postgres.start()
        proxy = resume_proxy(postgres.port, hold=RESUME_SECONDS)
        env = product_environment(
            database_url=f"postgres://postgres@127.0.0.1:{proxy}/postgres", redis_url=None
        )
        app = ProductServer({**env, "DATABASE_CONNECT_TIMEOUT": "1"})
        app.start()
        client = httpx.Client(base_url=app.base_url, timeout=30)
        assert client.get("/api/auth/csrf/").status_code == 200  # needs no database
        response = client.post(
            "/api/auth/login/",
            json={"email": "someone@example.org", "password": "a long passphrase"},
            headers={"X-CSRFToken": client.cookies["csrftoken"]},
        )
        assert response.status_code == 503
        assert response.json()["code"] == "service_unavailable"
        assert response.headers["Retry-After"] == "5"
    finally:
        if app is not None:
            app.close()
        postgres.close()
