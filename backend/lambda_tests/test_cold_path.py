"""The cold path: what importing the handler loads, in a fresh interpreter, as Lambda's init does.

A cold start pays for every module imported before the first request. Modules that only some later
request needs (the OpenAPI machinery for GET /api/schema/, passkeys, the AWS SDK where no secret
is read) must not come back into it; `python -X importtime -c "import lambda_handler"` shows what
each module costs.
The schema must still be generated with everything it had: core/tests/test_schema.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BACKEND = Path(__file__).resolve().parents[1]

# Loaded on the first request that needs them, never by importing the handler.
NOT_AT_COLD_START = [
    # The OpenAPI machinery (~80-180 ms): core.openapi, on the first schema request.
    "core.openapi",
    "drf_spectacular.openapi",
    "drf_spectacular.extensions",
    "drf_spectacular.plumbing",
    "drf_spectacular.generators",
    "drf_spectacular.views",
    # Even drf_spectacular's utils and types: core.schema's stand-ins become them on that request.
    "drf_spectacular.utils",
    "drf_spectacular.types",
    # Test clients, which drf_spectacular's plumbing imports.
    "django.test",
    "rest_framework.test",
    # Passkeys (cryptography's Rust extension), on the first passkey request.
    "webauthn",
    # The password hasher, on the first sign-in.
    "argon2",
    # Loop and backup imports and exports (zip, CSV and SQLite readers and writers), on their first
    # request.
    "habits.loop.services",
    "habits.loop.selectors",
    "habits.loop.reader",
    "habits.loop.writer",
    "habits.backup.services",
    "habits.backup.selectors",
    "habits.zips",
    # The AWS SDK: only where settings read secrets (config.aws) or on the first mail sent by SES.
    "boto3",
    "botocore",
    # The rare features' views, routed through core.lazy_views and imported by their first request:
    # imports, exports, reminders and push, sign-up, recovery, email change, API tokens, passkeys.
    "habits.loop.apis",
    "habits.backup.apis",
    "habits.transfers.apis",
    "habits.reminders.apis",
    "accounts.apis.signup",
    "accounts.apis.recovery",
    "accounts.apis.email_change",
    "accounts.apis.api_tokens",
    "accounts.apis.passkeys",
    # accounts.services loads each service on first use (the session views need users' only).
    "accounts.services.signup",
    "accounts.services.recovery",
    "accounts.services.email_change",
    "accounts.services.passkeys",
]
# Under the local settings (SQLite), not PostgreSQL's pool either (psycopg itself comes with DRF,
# which imports django.contrib.postgres's fields when psycopg is installed).
NOT_AT_LOCAL_COLD_START = [*NOT_AT_COLD_START, "psycopg_pool"]
# In production with the admin off (config.settings.production), the admin app runs without
# autodiscover: no app's admin module, so neither Django's auth admin nor its forms.
NOT_AT_PRODUCTION_COLD_START = [
    *NOT_AT_COLD_START,
    "accounts.admin",
    "django.contrib.auth.admin",
    "django.contrib.contenttypes.admin",
]

PROBE = """
import json, sys
import lambda_handler
print(json.dumps(sorted(sys.modules)))
"""

# The handler's module is compiled first: compiling it from source (no bytecode written under
# PYTHONDONTWRITEBYTECODE) allocates before its first line can pause anything.
GC_PROBE = """
import gc, importlib.util, json, sys
spec = importlib.util.find_spec("lambda_handler")
module = importlib.util.module_from_spec(spec)
code = spec.loader.get_code(spec.name)
sys.modules[spec.name] = module
passes = []
gc.callbacks.append(lambda phase, info: phase == "start" and passes.append(info["generation"]))
exec(code, module.__dict__)
during = list(passes)
print(json.dumps({"passes": during, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""

LOCAL = {"DJANGO_SETTINGS_MODULE": "config.settings.local", "DATABASE_URL": "sqlite:///:memory:"}


def probe(script: str, environment: dict[str, str]) -> Any:
    """The last line a fresh interpreter prints after running `script`, as JSON."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PYTEST", "COV_"))
    }
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script],
        cwd=BACKEND,
        env={**clean, "PYTHONPATH": str(BACKEND), "LOG_LEVEL": "WARNING", **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def modules_after_import(environment: dict[str, str]) -> set[str]:
    return set(probe(PROBE, environment))


@pytest.mark.parametrize(
    ("environment", "absent"),
    [
        pytest.param(
            LOCAL,
            NOT_AT_LOCAL_COLD_START,
            id="local",
        ),
        pytest.param(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.production",
                "DJANGO_SECRET_KEY": "cold-path-test-" + "k" * 50,
                "DJANGO_ALLOWED_HOSTS": "example.org",
                "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
                "REDIS_URL": "redis://127.0.0.1:1/0",
            },
            NOT_AT_PRODUCTION_COLD_START,
            id="production",
        ),
    ],
)
def test_importing_the_handler_loads_nothing_a_first_request_does_not_need(
    environment: dict[str, str], absent: list[str]
) -> None:
    loaded = modules_after_import(environment)

    assert "lambda_handler" in loaded
    assert sorted(loaded.intersection(absent)) == []


def test_importing_the_handler_runs_no_garbage_collection_and_leaves_it_on() -> None:
    """lambda_handler pauses the collector while it sets up (what it allocates lives as long as
    the process) and resumes it at the end, with the set-up objects frozen out of later passes."""
    after = probe(GC_PROBE, LOCAL)

    assert after["passes"] == []
    assert after["enabled"] is True
    assert after["frozen"] > 10_000
