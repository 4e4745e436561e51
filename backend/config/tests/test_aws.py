"""config.aws against moto: what the production settings read from Secrets Manager and SSM
once per cold start, and how a missing or malformed value stops the start without leaking it."""

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
import pytest
from django.core.exceptions import ImproperlyConfigured
from moto import mock_aws

from config.aws import AwsConfiguration, load_aws_configuration

BACKEND = Path(__file__).resolve().parents[2]
REGION = "eu-west-1"
SECRET_KEY = "k3y-" + "Vq8mZ2pL7xR4tW9n" * 4
DB_PASSWORD = "aurora-generated-Pa55w0rd-!#%"
REDIS_URL = "rediss://habits-cache-abc123.serverless.euw1.cache.amazonaws.com:6379/0"
AURORA_SECRET = {
    "engine": "postgres",
    "username": "habits_admin",
    "password": DB_PASSWORD,
}
CONFIG_VARIABLES = (
    "DJANGO_SECRET_KEY_SECRET_ARN",
    "DATABASE_SECRET_ARN",
    "DATABASE_HOST",
    "DATABASE_PORT",
    "DATABASE_NAME",
    "DATABASE_POOL_MAX_SIZE",
    "REDIS_URL_PARAMETER",
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


def put_parameter(name: str, value: str) -> str:
    boto3.client("ssm", region_name=REGION).put_parameter(
        Name=name, Value=value, Type="SecureString"
    )
    return name


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
def all_three(aws: None, monkeypatch: pytest.MonkeyPatch) -> None:
    configure(
        monkeypatch,
        DJANGO_SECRET_KEY_SECRET_ARN=put_secret("habits/django-secret-key", SECRET_KEY),
        DATABASE_SECRET_ARN=put_secret("rds!cluster-3f9c2b1a", AURORA_SECRET),
        DATABASE_HOST="habits.cluster-c9x1.eu-west-1.rds.amazonaws.com",
        DATABASE_PORT="5432",
        DATABASE_NAME="habits",
        REDIS_URL_PARAMETER=put_parameter("/habits/staging/redis-url", REDIS_URL),
    )


def test_nothing_to_read_outside_aws(aws: None) -> None:
    assert load_aws_configuration() == AwsConfiguration()


def test_reads_the_key_the_aurora_secret_and_the_redis_parameter(all_three: None) -> None:
    config = load_aws_configuration()

    assert config.secret_key == SECRET_KEY
    assert config.redis_url == REDIS_URL
    database = config.database
    assert database is not None
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["USER"], database["PASSWORD"]) == ("habits_admin", DB_PASSWORD)
    assert database["HOST"] == "habits.cluster-c9x1.eu-west-1.rds.amazonaws.com"
    assert (database["PORT"], database["NAME"]) == ("5432", "habits")
    assert database["OPTIONS"]["sslmode"] == "require"
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"]["pool"]["max_size"] == 2


def test_the_key_may_be_json_with_a_secret_key_field(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    arn = put_secret("habits/django-secret-key", {"secret_key": SECRET_KEY})
    configure(monkeypatch, DJANGO_SECRET_KEY_SECRET_ARN=arn)

    assert load_aws_configuration() == AwsConfiguration(secret_key=SECRET_KEY)


def test_host_port_and_name_may_come_from_the_secret(
    aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = {**AURORA_SECRET, "host": "db.internal", "port": 6432, "dbname": "tracker"}
    configure(monkeypatch, DATABASE_SECRET_ARN=put_secret("rds!cluster-1", secret))

    database = load_aws_configuration().database

    assert database is not None
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.internal",
        "6432",
        "tracker",
    )


@pytest.mark.parametrize(
    "variable", ["DJANGO_SECRET_KEY_SECRET_ARN", "DATABASE_SECRET_ARN", "REDIS_URL_PARAMETER"]
)
def test_a_missing_secret_or_parameter_is_named(
    aws: None, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    missing = (
        "/habits/staging/no-such-parameter"
        if variable == "REDIS_URL_PARAMETER"
        else f"arn:aws:secretsmanager:{REGION}:123456789012:secret:no-such-secret-AbCdEf"
    )
    configure(monkeypatch, **{variable: missing, "DATABASE_HOST": "db.internal"})

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


def test_a_too_short_key_is_refused(aws: None, monkeypatch: pytest.MonkeyPatch) -> None:
    short = "s3cr3t-but-short"
    configure(monkeypatch, DJANGO_SECRET_KEY_SECRET_ARN=put_secret("habits/key", short))

    message = refusal(short)

    assert "DJANGO_SECRET_KEY_SECRET_ARN" in message
    assert "at least 50 characters" in message


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


def test_the_database_host_is_required(aws: None, monkeypatch: pytest.MonkeyPatch) -> None:
    configure(monkeypatch, DATABASE_SECRET_ARN=put_secret("rds!cluster-4", AURORA_SECRET))

    message = refusal(DB_PASSWORD)

    assert "DATABASE_HOST" in message


@pytest.mark.parametrize(
    "value", ["memcached://cache.internal:11211", "cache.internal:6379", "https://cache/0"]
)
def test_a_redis_parameter_that_is_not_a_redis_url_is_refused(
    aws: None, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    configure(monkeypatch, REDIS_URL_PARAMETER=put_parameter("/habits/redis-url", value))

    message = refusal(value)

    assert "REDIS_URL_PARAMETER" in message
    assert "rediss://" in message


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
