"""Reading settings from the environment, in one place.

Every setting the project takes from outside goes through these helpers, so the README's
configuration table and the code cannot drift apart silently: each helper names the variable it
reads.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value


def env_required(name: str) -> str:
    value = env_str(name)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} is required and is not set.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}.")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}.") from error


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}


def database_from_url(
    url: str, *, pool_max_size: int = 4, connect_timeout: int = 2
) -> dict[str, Any]:
    """Turn `sqlite:///path` or `postgres://user:pass@host:port/name?opt=v` into a DATABASES entry.

    PostgreSQL uses psycopg 3's pool through Django (`OPTIONS["pool"]`), which requires
    `CONN_MAX_AGE = 0`: persistent connections leak under ASGI, where each request may run in a
    different thread. Connect and statement timeouts keep an outage a fast 503 instead of a hang.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        # urllib's message quotes the text after the colon, which may be part of a password.
        raise ImproperlyConfigured(
            "DATABASE_URL is not a valid URL; percent-encode special characters in the password."
        ) from None
    if parts.scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////absolute/path.db, as dj-database-url reads them.
        path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path or ":memory:",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    if parts.scheme in POSTGRES_SCHEMES:
        query = dict(parse_qsl(parts.query))
        return postgres_database(
            name=unquote(parts.path.lstrip("/")),
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            host=parts.hostname or "",
            port=port or 5432,
            sslmode=query.pop("sslmode", None),
            pool_max_size=pool_max_size,
            connect_timeout=connect_timeout,
        )
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported; use sqlite:// or postgres://."
    )


def postgres_database(
    *,
    name: str,
    user: str,
    password: str,
    host: str,
    port: int,
    sslmode: str | None = None,
    sslrootcert: str | None = None,
    pool_max_size: int = 4,
    connect_timeout: int = 2,
    statement_timeout_ms: int = 5000,
    lock_timeout_ms: int | None = None,
    connection_class: type | None = None,
) -> dict[str, Any]:
    """A DATABASES entry for PostgreSQL through psycopg's pool.

    `connect_timeout` bounds each connection attempt and the wait for a pooled connection: short
    locally (an outage is a fast 503), long enough in AWS for Aurora to resume from a pause.
    `connection_class` (see config.iam_tokens) lets each new connection sign in with a fresh
    token instead of a password.
    """
    pool: dict[str, Any] = {
        "min_size": 0,
        "max_size": pool_max_size,
        "timeout": connect_timeout,
        # Keep retrying a lost server at a short interval: psycopg_pool's default backs off
        # for up to 5 minutes, which delays recovery long after the database is back.
        "reconnect_timeout": connect_timeout,
    }
    if connection_class is not None:
        pool["connection_class"] = connection_class
    session = f"-c statement_timeout={statement_timeout_ms}"
    if lock_timeout_ms is not None:
        session += f" -c lock_timeout={lock_timeout_ms}"
    options: dict[str, Any] = {
        "pool": pool,
        "connect_timeout": connect_timeout,
        "options": session,
    }
    if sslmode:
        options["sslmode"] = sslmode
    if sslrootcert:
        options["sslrootcert"] = sslrootcert
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": user,
        "PASSWORD": password,
        "HOST": host,
        "PORT": str(port),
        "CONN_MAX_AGE": 0,
        # With a pool, Django turns this into the pool's check: a connection left dead by a
        # database restart is replaced before use, so the first request after an outage works.
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": options,
    }
