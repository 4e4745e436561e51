"""What the in-process benches (`api`, `history`, `signin`) share: their own database on the
machine's PostgreSQL, and timing a call. Importing this sets nothing up."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit


def ensure_database(url: str) -> None:
    """Create the database `url` names when the server does not have it yet."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        if not connection.execute(query, [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def settle() -> None:
    """Measure a steady database, as a running service has, not the aftermath of the bench's own
    seeding: VACUUM ANALYZE (so autovacuum does not start on the fresh rows mid-measurement, and
    the planner has statistics) and CHECKPOINT (so the flush of the seeded rows does not stall the
    measured requests). The load bench does the same before each phase. Needs Django set up, on
    PostgreSQL, in autocommit (Django's default outside a transaction)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute("CHECKPOINT")


def timed(call: Callable[[], object], rounds: int) -> list[float]:
    """Milliseconds taken by each of `rounds` calls."""
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples
