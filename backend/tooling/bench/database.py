"""The benches' own PostgreSQL databases: created on the local server when missing."""

from __future__ import annotations

from urllib.parse import urlsplit


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        if not connection.execute(query, [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
