"""The application's least-privilege database role, created and granted by the migrations.

In AWS the API function signs in as DATABASE_APP_USER with an IAM token; only the migration
function signs in as the master user. After every `migrate`, when DATABASE_APP_USER is set and the
database is PostgreSQL, this makes sure that role exists (LOGIN, no password: it signs in only
through IAM, via `rds_iam` where the server has it) and may read and write rows, and nothing more:
no DDL, no TRUNCATE, no other schema. Default privileges extend the grants to the tables and
sequences that later migrations create. Every statement is idempotent.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import connections

ROW_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
SEQUENCE_PRIVILEGES = "USAGE, SELECT"
ROLE_STATEMENT_TIMEOUT = "5s"
ROLE_IDLE_TIMEOUT = "10s"


def grant_application_role(using: str = "default", **_: Any) -> None:
    """post_migrate receiver: see the module docstring."""
    role = getattr(settings, "DATABASE_APP_USER", "")
    connection = connections[using]
    if not role or connection.vendor != "postgresql":
        return
    from psycopg import sql

    name = sql.Identifier(role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(name))
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = 'rds_iam'")
        if cursor.fetchone() is not None:
            cursor.execute(sql.SQL("GRANT rds_iam TO {}").format(name))
        statements = [
            "GRANT CONNECT ON DATABASE {database} TO {role}",
            "GRANT USAGE ON SCHEMA public TO {role}",
            f"GRANT {ROW_PRIVILEGES} ON ALL TABLES IN SCHEMA public TO {{role}}",
            f"GRANT {SEQUENCE_PRIVILEGES} ON ALL SEQUENCES IN SCHEMA public TO {{role}}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {ROW_PRIVILEGES} ON TABLES "
            "TO {role}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {SEQUENCE_PRIVILEGES} ON SEQUENCES "
            "TO {role}",
            # Its own limits, whatever a session sets: requests must end within API Gateway's 30 s.
            f"ALTER ROLE {{role}} SET statement_timeout = '{ROLE_STATEMENT_TIMEOUT}'",
            f"ALTER ROLE {{role}} SET idle_in_transaction_session_timeout = '{ROLE_IDLE_TIMEOUT}'",
        ]
        database = sql.Identifier(connection.settings_dict["NAME"])
        for statement in statements:
            cursor.execute(sql.SQL(statement).format(role=name, database=database))
