"""Production settings and the OpenAPI schema, checked the way operators and clients use them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

BACKEND = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "a-realistic-production-key-" + "x7Qp2Lm9" * 6,
    "DJANGO_ALLOWED_HOSTS": "habits.example.com,abc123.execute-api.us-east-1.amazonaws.com",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://habits.example.com",
    "DATABASE_URL": "postgres://app:secret@db.internal:5432/habits?sslmode=require",
    "REDIS_URL": "rediss://cache.internal:6379/0",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BACKEND,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS"),
        ("DATABASE_URL", "DATABASE_URL"),
    ],
)
def test_production_refuses_to_start_without_essentials(missing: str, named: str) -> None:
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert named in result.stderr
    assert PRODUCTION_ENV["DJANGO_SECRET_KEY"] not in result.stderr


@pytest.mark.django_db
def test_openapi_schema_is_valid_without_warnings(tmp_path: Path) -> None:
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text()
    for path in (
        "/api/habits/{habit_id}/entries/{day}/",
        "/api/auth/login/",
        "/api/habits/reorder/",
    ):
        assert path in text


def test_a_malformed_database_url_does_not_echo_the_password() -> None:
    from django.core.exceptions import ImproperlyConfigured

    from config.env import database_from_url

    with pytest.raises(ImproperlyConfigured) as raised:
        database_from_url("postgres://app:Pa55#w0rd-secret@db.internal:5432/habits")
    assert "Pa55" not in str(raised.value)
    assert "w0rd-secret" not in str(raised.value)
