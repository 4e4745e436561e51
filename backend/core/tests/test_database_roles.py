"""The application role `migrate` creates: it reads and writes rows, and can change nothing else."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from core.database_roles import grant_application_role

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def app_role(settings: Any) -> Iterator[str]:
    role = f"habits_app_{uuid.uuid4().hex[:8]}"
    settings.DATABASE_APP_USER = role
    yield role
    with connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{role}"')  # default privileges and grants
        cursor.execute(f'DROP ROLE IF EXISTS "{role}"')


def connect_as(role: str) -> psycopg.Connection[Any]:
    parameters = connection.get_connection_params()
    return psycopg.connect(
        host=parameters.get("host") or "127.0.0.1",
        port=parameters.get("port") or 5432,
        dbname=connection.settings_dict["NAME"],
        user=role,
        autocommit=True,
    )


def test_migrate_creates_a_role_that_writes_rows_and_nothing_else(app_role: str) -> None:
    call_command("migrate", "--noinput", verbosity=0)  # sends post_migrate
    grant_application_role()  # a second time changes nothing
    with connect_as(app_role) as session:
        session.execute(
            "INSERT INTO django_session (session_key, session_data, expire_date)"
            " VALUES ('role-test', 'x', now())"
        )
        assert session.execute("SELECT count(*) FROM habits_habit").fetchone() is not None
        session.execute(
            "UPDATE django_session SET session_data = 'y' WHERE session_key = 'role-test'"
        )
        session.execute("DELETE FROM django_session WHERE session_key = 'role-test'")
        for forbidden in (
            "CREATE TABLE intruder (id int)",
            "DROP TABLE habits_entry",
            "TRUNCATE habits_entry",
            "ALTER TABLE habits_habit ADD COLUMN intruder int",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                session.execute(forbidden)


def test_the_role_carries_its_own_time_limits(app_role: str) -> None:
    grant_application_role()
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolconfig FROM pg_roles WHERE rolname = %s", [app_role])
        row = cursor.fetchone()
    assert row is not None
    assert set(row[0]) == {"statement_timeout=5s", "idle_in_transaction_session_timeout=10s"}


def test_no_role_is_managed_without_a_name(settings: Any) -> None:
    settings.DATABASE_APP_USER = ""
    before = roles()
    grant_application_role()
    assert roles() == before


def roles() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolname FROM pg_roles")
        return {row[0] for row in cursor.fetchall()}
