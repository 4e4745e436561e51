"""Throwaway servers for fault injection: Redis, PostgreSQL and the product itself.

Each server runs from the machine's binaries on a free loopback port in its own temporary
directory, so stopping one never touches the machine's shared PostgreSQL (5432) or Redis (6379).

PostgreSQL refuses to run as root. When these helpers run as root (CI containers), initdb and
postgres run as the `postgres` OS user (subprocess's `user=`/`group=`) in a temporary directory
chowned to it; otherwise they run as the current user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BACKEND = Path(__file__).resolve().parent.parent
POSTGRES_BIN = Path(os.environ.get("POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
REDIS_SERVER = os.environ.get("REDIS_SERVER", "redis-server")


class ServerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def wait_until(check: Any, *, timeout: float, what: str, interval: float = 0.05) -> float:
    """Poll `check()` until it is true; returns the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(interval)
    raise ServerError(f"{what} did not happen within {timeout} s")


def missing_binaries() -> list[str]:
    wanted = [str(POSTGRES_BIN / "initdb"), str(POSTGRES_BIN / "postgres"), REDIS_SERVER]
    return [name for name in wanted if shutil.which(name) is None]


def _stop(process: subprocess.Popen[bytes] | None, sig: int, timeout: float = 10) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout)


@dataclass
class RedisServer:
    """A redis-server without persistence: a restart comes back empty, like a replaced node."""

    port: int = field(default_factory=free_port)
    directory: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="fault-redis-")))
    process: subprocess.Popen[bytes] | None = None
    users: list[str] = field(default_factory=list)
    """ACL lines (`habits-app on >token ~* &* +@all`); when given, the default user is off."""

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        acl: list[str] = []
        if self.users:
            acl_file = self.directory / "users.acl"
            lines = ["default off", *self.users]
            acl_file.write_text("".join(f"user {line}\n" for line in lines))
            acl = ["--aclfile", str(acl_file)]
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                REDIS_SERVER,
                *acl,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: port_open(self.port), timeout=10, what="redis-server start")

    def stop(self) -> None:
        _stop(self.process, signal.SIGTERM)
        wait_until(lambda: not port_open(self.port), timeout=10, what="redis-server stop")

    def close(self) -> None:
        _stop(self.process, signal.SIGKILL)
        shutil.rmtree(self.directory, ignore_errors=True)


@dataclass
class PostgresServer:
    """A PostgreSQL cluster made with initdb (trust auth on loopback, no fsync: data is disposable).

    `stop()` is a fast shutdown (SIGINT): open connections are cut, as in a failover; `start()`
    brings the same cluster back on the same port.
    """

    port: int = field(default_factory=free_port)
    directory: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="fault-pg-")))
    process: subprocess.Popen[bytes] | None = None
    host_auth: str = "trust"
    """How TCP connections authenticate (scram-sha-256: passwords are checked); the socket in
    `directory` always trusts, for setting the server up."""

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _as_owner(self) -> dict[str, Any]:
        if os.geteuid() != 0:
            return {}
        owner = pwd.getpwnam("postgres")
        return {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}

    def init(self) -> None:
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)
        result = subprocess.run(  # noqa: S603 - fixed arguments
            [
                str(POSTGRES_BIN / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth-local=trust",
                f"--auth-host={self.host_auth}",
                "-E",
                "UTF8",
                "--no-sync",
                "--no-instructions",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            cwd=self.directory,
            **self._as_owner(),
        )
        if result.returncode != 0:
            raise ServerError(f"initdb failed: {result.stdout}{result.stderr}")

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                str(POSTGRES_BIN / "postgres"),
                "-D",
                str(self.data),
                "-p",
                str(self.port),
                "-k",
                str(self.directory),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.directory,
            **self._as_owner(),
        )
        wait_until(self._accepts, timeout=30, what="postgres start")

    def _accepts(self) -> bool:
        import psycopg

        try:
            self.execute("SELECT 1")
        except psycopg.OperationalError:
            return False
        return True

    def execute(self, *statements: str) -> None:
        """Run statements as the superuser, through the socket (trusted whatever host_auth is)."""
        import psycopg

        with psycopg.connect(
            host=str(self.directory), port=self.port, user="postgres", dbname="postgres"
        ) as connection:
            connection.autocommit = True
            for statement in statements:
                connection.execute(statement.encode())

    def stop(self) -> None:
        _stop(self.process, signal.SIGINT)
        wait_until(lambda: not port_open(self.port), timeout=10, what="postgres stop")

    def close(self) -> None:
        _stop(self.process, signal.SIGINT)
        _stop(self.process, signal.SIGKILL)
        shutil.rmtree(self.directory, ignore_errors=True)


def product_environment(*, database_url: str, redis_url: str | None) -> dict[str, str]:
    """The environment of a product process: the local settings (DEBUG off) on the given services,
    with the production pool size; nothing inherited that names other services."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "LOG_"))
    }
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": database_url,
        "DATABASE_POOL_MAX_SIZE": "4",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(*args: str, env: dict[str, str], timeout: float = 300) -> str:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise ServerError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


@dataclass
class HttpServer:
    """A server process on loopback, its output in a log file; up once its port accepts."""

    env: dict[str, str]
    port: int = field(default_factory=free_port)
    log: Path = field(
        default_factory=lambda: Path(tempfile.mkstemp(prefix="server-", suffix=".log")[1])
    )
    process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
                [sys.executable, "-m", *self.command()],
                cwd=BACKEND,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        wait_until(self._up, timeout=60, what=f"{self.command()[0]} start")

    def _up(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise ServerError(f"{self.command()[0]} exited:\n{self.output()}")
        return port_open(self.port)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        _stop(self.process, signal.SIGTERM, timeout=30)


@dataclass
class ProductServer(HttpServer):
    """The product under uvicorn (ASGI, as in Lambda behind Mangum), one process, on loopback."""

    def command(self) -> list[str]:
        return [
            "uvicorn",
            "config.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--no-access-log",
            "--lifespan",
            "off",
        ]

    def close(self) -> None:
        self.stop()
        self.log.unlink(missing_ok=True)
