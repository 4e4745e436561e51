"""config.aws against moto: what the production settings read once per cold start (Secrets Manager,
and the IAM-token wiring of the database and the cache), and how a missing or malformed value stops
the start without leaking it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import boto3
import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured
from moto import mock_aws

from config.aws import AwsConfiguration, load_aws_configuration

BACKEND = Path(__file__).resolve().parents[2]
REGION = "eu-west-1"
SECRET_KEY = "k3y-" + "Vq8mZ2pL7xR4tW9n" * 4
DB_PASSWORD = "aurora-generated-Pa55w0rd-!#%"
CACHE_HOST = "habits-cache-abc123.serverless.euw1.cache.amazonaws.com"
ORIGIN_SECRET = {"current": "o" * 40, "previous": "p" * 40}
AURORA_SECRET = {
    "engine": "postgres",
    "username": "habits_admin",
    "password": DB_PASSWORD,
}
CONFIG_VARIABLES = (
    "DJANGO_SECRET_KEY_SECRET_ARN",
    "DATABASE_SECRET_ARN",
    "DATABASE_IAM_AUTH",
    "DATABASE_USER",
    "DATABASE_HOST",
    "DATABASE_PORT",
    "DATABASE_NAME",
    "DATABASE_POOL_MAX_SIZE",
    "DATABASE_SSLROOTCERT",
    "DATABASE_STATEMENT_TIMEOUT_MS",
    "DATABASE_LOCK_TIMEOUT_MS",
    "DATABASE_CONNECT_TIMEOUT",
    "REDIS_HOST",
    "REDIS_PORT",
    "REDIS_IAM_USER",
    "REDIS_CACHE_NAME",
    "ORIGIN_SECRET_ARN",
    "VAPID_PRIVATE_KEY_SECRET_ARN",
)


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in (*CONFIG_VARIABLES, "AWS_ENDPOINT_URL", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    with mock_aws():
        yield


def put_secret(name: str, value: str | dict[str, Any]) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    client = boto3.client("secretsmanager", region_name=REGION)
    return str(client.create_secret(Name=name, SecretString=text)["ARN"])


def configure(monkeypatch: pytest.MonkeyPatch, **variables: str) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)


def refusal(*secrets: str) -> str:
    """The ImproperlyConfigured message, checked for not quoting any of the secrets."""
    with pytest.raises(ImproperlyConfigured) as error:
        load_aws_configuration()
    message = str(error.value)
    for secret in secrets:
        assert secret not in message
    # Nothing chained either: a traceback would print a chained error's text, values and all.
    assert error.value.__cause__ is None
    assert error.value.__context__ is None or error.value.__suppress_context__
    return message


@pytest.fixture
def ca_bundle(tmp_path: Path) -> str:
    bundle = tmp_path / "rds-global-bundle.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    return str(bundle)


@pytest.fixture
def migration_function(aws: None, monkeypatch: pytest.MonkeyPatch, ca_bundle: str) -> None:
    configure(
        monkeypatch,
        DJANGO_SECRET_KEY_SECRET_ARN=put_secret("habits/django-secret-key", SECRET_KEY),
        DATABASE_SECRET_ARN=put_secret("rds!cluster-3f9c2b1a", AURORA_SECRET),
        DATABASE_HOST="habits.cluster-c9x1.eu-west-1.rds.amazonaws.com",
        DATABASE_PORT="5432",
        DATABASE_NAME="habits",
        DATABASE_SSLROOTCERT=ca_bundle,
        DATABASE_STATEMENT_TIMEOUT_MS="900000",
        DATABASE_LOCK_TIMEOUT_MS="10000",
    )


@pytest.fixture
def api_function(aws: None, monkeypatch: pytest.MonkeyPatch, ca_bundle: str) -> None:
    configure(
        monkeypatch,
        DJANGO_SECRET_KEY_SECRET_ARN=put_secret("habits/django-secret-key", SECRET_KEY),
        DATABASE_IAM_AUTH="true",
        DATABASE_USER="habits_app",
        DATABASE_HOST="habits.cluster-c9x1.eu-west-1.rds.amazonaws.com",
        DATABASE_NAME="habits",
        DATABASE_SSLROOTCERT=ca_bundle,
        REDIS_HOST=CACHE_HOST,
        REDIS_IAM_USER="habits-app",
        REDIS_CACHE_NAME="habits-cache",
        ORIGIN_SECRET_ARN=put_secret("habits/origin", ORIGIN_SECRET),
    )


def test_nothing_to_read_outside_aws(aws: None) -> None:
    assert load_aws_configuration() == AwsConfiguration()


def test_the_migration_function_signs_in_as_the_master_user_over_verified_tls(
    migration_function: None, ca_bundle: str
) -> None:
    config = load_aws_configuration()

    assert config.secret_key == SECRET_KEY
    assert config.redis is None
    database = config.database
    assert database is not None
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["USER"], database["PASSWORD"]) == ("habits_admin", DB_PASSWORD)
    assert database["HOST"] == "habits.cluster-c9x1.eu-west-1.rds.amazonaws.com"
    assert (database["PORT"], database["NAME"]) == ("5432", "habits")
    assert database["OPTIONS"]["sslmode"] == "verify-full"
    assert database["OPTIONS"]["sslrootcert"] == ca_bundle
    assert database["OPTIONS"]["options"] == "-c statement_timeout=900000 -c lock_timeout=10000"
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"]["pool"]["max_size"] == 2
    assert "connection_class" not in database["OPTIONS"]["pool"]


def test_the_api_function_signs_in_with_iam_tokens_and_knows_the_origin_secret(
    api_function: None, ca_bundle: str
) -> None:
    config = load_aws_configuration()

    database = config.database
    assert database is not None
    assert (database["USER"], database["PASSWORD"]) == ("habits_app", "")
    assert database["OPTIONS"]["sslmode"] == "verify-full"
    assert database["OPTIONS"]["sslrootcert"] == ca_bundle
    # Long enough for Aurora to resume from a pause, short of API Gateway's 30 s.
    assert database["OPTIONS"]["connect_timeout"] == 25
    assert database["OPTIONS"]["pool"]["timeout"] == 25
    connection_class = database["OPTIONS"]["pool"]["connection_class"]
    assert issubclass(connection_class, psycopg.Connection)
    assert config.redis is not None
    assert config.redis["url"] == f"rediss://{CACHE_HOST}:6379/0"
    user, token = config.redis["credential_provider"].get_credentials()
    assert user == "habits-app"
    assert token.startswith("habits-cache/?Action=connect&User=habits-app")
    assert config.origin_values == (ORIGIN_SECRET["current"], ORIGIN_SECRET["previous"])
    assert config.origin_source is not None
    assert config.origin_source() == config.origin_values  # read again on rotation


def test_the_key_may_be_json_with_a_secret_key_field(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    arn = put_secret("habits/django-secret-key", {"secret_key": SECRET_KEY})
    configure(monkeypatch, DJANGO_SECRET_KEY_SECRET_ARN=arn)

    assert load_aws_configuration() == AwsConfiguration(secret_key=SECRET_KEY)


@pytest.mark.parametrize("form", ["plain", "json"])
def test_the_vapid_key_comes_from_its_secret(
    aws: None, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    key = "Q" * 43
    value: str | dict[str, Any] = key if form == "plain" else {"private_key": key}
    configure(monkeypatch, VAPID_PRIVATE_KEY_SECRET_ARN=put_secret("habits/vapid", value))

    assert load_aws_configuration() == AwsConfiguration(vapid_private_key=key)


def test_a_vapid_secret_without_a_key_stops_the_start(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    arn = put_secret("habits/vapid", {"other": "x"})
    configure(monkeypatch, VAPID_PRIVATE_KEY_SECRET_ARN=arn)

    assert "VAPID_PRIVATE_KEY_SECRET_ARN" in refusal()


def test_host_port_and_name_may_come_from_the_secret(
    aws: None, monkeypatch: pytest.MonkeyPatch, ca_bundle: str
) -> None:
    secret = {**AURORA_SECRET, "host": "db.internal", "port": 6432, "dbname": "tracker"}
    configure(
        monkeypatch,
        DATABASE_SECRET_ARN=put_secret("rds!cluster-1", secret),
        DATABASE_SSLROOTCERT=ca_bundle,
    )

    database = load_aws_configuration().database

    assert database is not None
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.internal",
        "6432",
        "tracker",
    )


@pytest.mark.parametrize(
    "variable", ["DJANGO_SECRET_KEY_SECRET_ARN", "DATABASE_SECRET_ARN", "ORIGIN_SECRET_ARN"]
)
def test_a_missing_secret_is_named(
    aws: None, monkeypatch: pytest.MonkeyPatch, variable: str, ca_bundle: str
) -> None:
    missing = f"arn:aws:secretsmanager:{REGION}:123456789012:secret:no-such-secret-AbCdEf"
    configure(
        monkeypatch,
        **{variable: missing, "DATABASE_HOST": "db.internal", "DATABASE_SSLROOTCERT": ca_bundle},
    )

    message = refusal()

    assert variable in message
    assert missing in message


def test_a_key_that_is_malformed_json_is_refused(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    malformed = '{"secret_key": "' + SECRET_KEY
    configure(monkeypatch, DJANGO_SECRET_KEY_SECRET_ARN=put_secret("habits/key", malformed))

    message = refusal(SECRET_KEY)

    assert "DJANGO_SECRET_KEY_SECRET_ARN" in message
    assert "secret_key" in message


@pytest.mark.parametrize(
    "value",
    [
        "not json",
        '{"previous": "' + "p" * 40 + '"}',
        '{"current": "too-short"}',
        '["' + "c" * 40 + '"]',
    ],
)
def test_a_malformed_origin_secret_is_refused(
    aws: None, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    configure(monkeypatch, ORIGIN_SECRET_ARN=put_secret("habits/origin", value))

    message = refusal("p" * 40, "c" * 40, "too-short")

    assert "ORIGIN_SECRET_ARN" in message or "origin secret" in message


@pytest.mark.parametrize("missing", ["DATABASE_SSLROOTCERT", "DATABASE_USER", "DATABASE_HOST"])
def test_the_iam_database_needs_its_host_user_and_ca_bundle(
    api_function: None, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    monkeypatch.delenv(missing)

    assert missing in refusal()


def test_a_ca_bundle_that_is_not_there_is_refused(
    api_function: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_SSLROOTCERT", str(tmp_path / "missing.pem"))

    assert "DATABASE_SSLROOTCERT names no file" in refusal()


def test_a_database_secret_that_is_not_json_is_refused(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    malformed = f"username=habits_admin password={DB_PASSWORD}"
    configure(
        monkeypatch,
        DATABASE_SECRET_ARN=put_secret("rds!cluster-2", malformed),
        DATABASE_HOST="db.internal",
    )

    message = refusal(DB_PASSWORD, malformed)

    assert "DATABASE_SECRET_ARN" in message
    assert "not JSON" in message


@pytest.mark.parametrize(
    ("secret", "lacks"),
    [
        ({"username": "habits_admin"}, "password"),
        ({"password": DB_PASSWORD}, "username"),
        ({"username": "", "password": ""}, "username, password"),
        (["habits_admin", DB_PASSWORD], "username, password"),
    ],
)
def test_a_database_secret_without_credentials_is_refused(
    aws: None, monkeypatch: pytest.MonkeyPatch, secret: Any, lacks: str
) -> None:
    configure(
        monkeypatch,
        DATABASE_SECRET_ARN=put_secret("rds!cluster-3", json.dumps(secret)),
        DATABASE_HOST="db.internal",
    )

    message = refusal(DB_PASSWORD)

    assert "DATABASE_SECRET_ARN" in message
    assert message.endswith(f"lacks {lacks}.")


def test_the_database_host_is_required(
    aws: None, monkeypatch: pytest.MonkeyPatch, ca_bundle: str
) -> None:
    configure(
        monkeypatch,
        DATABASE_SECRET_ARN=put_secret("rds!cluster-4", AURORA_SECRET),
        DATABASE_SSLROOTCERT=ca_bundle,
    )

    message = refusal(DB_PASSWORD)

    assert "DATABASE_HOST" in message


def test_a_secret_without_a_secret_string_is_refused(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = boto3.client("secretsmanager", region_name=REGION)
    arn = client.create_secret(Name="habits/binary-key", SecretBinary=SECRET_KEY.encode())["ARN"]
    configure(monkeypatch, DJANGO_SECRET_KEY_SECRET_ARN=arn)

    message = refusal(SECRET_KEY)

    assert "has no SecretString" in message


# --- The production settings, started the way the Lambda starts them ------------------------------

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": SECRET_KEY,
    "DJANGO_ALLOWED_HOSTS": "habits.example.com",
    # Percent-encoded as a URL needs it ('#' would end the URL's netloc).
    "DATABASE_URL": (
        f"postgres://habits_admin:{quote(DB_PASSWORD, safe='')}@db.internal:5432/habits"
    ),
}


def django_setup(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`django.setup()` in a fresh interpreter whose environment holds only `env` and PATH."""
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('configured')"],
        cwd=BACKEND,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(BACKEND), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_start_with_a_complete_environment() -> None:
    result = django_setup(PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "configured"


@pytest.mark.parametrize(
    ("without", "named"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY_SECRET_ARN"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS"),
        ("DATABASE_URL", "DATABASE_SECRET_ARN"),
    ],
)
def test_production_settings_fail_fast_naming_what_is_missing(without: str, named: str) -> None:
    result = django_setup({k: v for k, v in PRODUCTION.items() if k != without})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr
    assert SECRET_KEY not in result.stderr
    assert DB_PASSWORD not in result.stderr


def test_production_settings_refuse_a_short_secret_key() -> None:
    short = "s3cr3t-but-short"
    result = django_setup({**PRODUCTION, "DJANGO_SECRET_KEY": short})

    assert result.returncode != 0
    assert "at least 50" in result.stderr
    assert short not in result.stderr


def test_production_settings_fail_fast_when_secrets_manager_is_unreachable() -> None:
    arn = f"arn:aws:secretsmanager:{REGION}:123456789012:secret:habits-key-AbCdEf"
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = django_setup(
        {
            **env,
            "DJANGO_SECRET_KEY_SECRET_ARN": arn,
            "AWS_ENDPOINT_URL": "http://127.0.0.1:9",  # discard port: nothing listens
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": REGION,
            "AWS_MAX_ATTEMPTS": "1",
        }
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY_SECRET_ARN" in result.stderr
