"""Configuration that lives in AWS: read once per cold start by the production settings.

The names are those of docs/CONTRACT_NOTES.md. Two functions run the same image:

- The API function (`DATABASE_IAM_AUTH=true`) signs in to Aurora as the least-privilege
  application role `DATABASE_USER` with an IAM token made for each new connection, and to Valkey
  as `REDIS_IAM_USER` with an IAM token (config.iam_tokens: both signed locally, no network).
- The migration function (`DATABASE_SECRET_ARN`) signs in as the master user whose credentials
  Aurora keeps in Secrets Manager; it alone creates tables and the application role.

Both verify the database's certificate (`sslmode=verify-full`) against the RDS CA bundle shipped in
the image (`DATABASE_SSLROOTCERT`), and take their limits from `DATABASE_STATEMENT_TIMEOUT_MS`,
`DATABASE_LOCK_TIMEOUT_MS` and `DATABASE_CONNECT_TIMEOUT` (long enough for Aurora to resume from a
pause: AWS documents about 15 seconds, longer after a pause of over a day).

Secrets Manager holds the Django secret key (`DJANGO_SECRET_KEY_SECRET_ARN`: a plain string, or JSON
with a "secret_key" field) and the origin secret (`ORIGIN_SECRET_ARN`: JSON with "current" and,
during a rotation, "previous"): the header values with which CloudFront proves a request came
through it. It also holds the Web Push (VAPID) private key (`VAPID_PRIVATE_KEY_SECRET_ARN`: the
base64url scalar as a plain string, or JSON with a "private_key" field) that signs reminders.

A missing or malformed value stops the cold start with an error naming what is missing; no secret
value is ever part of a message or a log line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_required, env_str, postgres_database

# config.iam_tokens (with psycopg and redis-py behind it) is imported by the two functions that sign
# in with IAM tokens, so settings that use neither do not load those clients at a cold start.

MIN_SECRET_KEY_LENGTH = 50
# Time for Aurora Serverless v2 to resume from 0 ACU: the request that wakes it waits, within API
# Gateway's 30 s integration limit.
AURORA_CONNECT_TIMEOUT_SECONDS = 25


@dataclass(frozen=True)
class AwsConfiguration:
    """What production's settings take from AWS (all None or empty where nothing is read)."""

    secret_key: str | None = None
    database: dict[str, Any] | None = None
    redis: dict[str, Any] | None = None
    """Where the cache is and how to sign in: {"url": ..., "credential_provider": ...}."""
    origin_values: tuple[str, ...] = field(default=())
    origin_source: Callable[[], tuple[str, ...]] | None = None
    """Reads the origin secret's values again (core.middleware.OriginVerifyMiddleware)."""
    vapid_private_key: str | None = None


def load_aws_configuration() -> AwsConfiguration:
    secret_key_arn = env_str("DJANGO_SECRET_KEY_SECRET_ARN")
    database_arn = env_str("DATABASE_SECRET_ARN")
    iam_database = env_bool("DATABASE_IAM_AUTH", False)
    origin_arn = env_str("ORIGIN_SECRET_ARN")
    redis_user = env_str("REDIS_IAM_USER")
    vapid_arn = env_str("VAPID_PRIVATE_KEY_SECRET_ARN")
    if not (
        secret_key_arn or database_arn or iam_database or origin_arn or redis_user or vapid_arn
    ):
        return AwsConfiguration()

    import boto3  # only on this path: local runs never import the AWS SDK
    from botocore.config import Config

    # Over IPv6 to Secrets Manager's dual-stack endpoint (no NAT): a problem shows at once.
    secrets = boto3.session.Session().client(
        "secretsmanager",
        config=Config(connect_timeout=3, read_timeout=5, retries={"max_attempts": 2}),
    )
    database = None
    if iam_database:
        database = _iam_database()
    elif database_arn:
        database = _master_database(secrets, database_arn)
    origin_source: Callable[[], tuple[str, ...]] | None = None
    if origin_arn:
        arn = origin_arn

        def read_origin_secret() -> tuple[str, ...]:
            return _origin_values(secrets, arn)

        origin_source = read_origin_secret
    return AwsConfiguration(
        secret_key=_secret_key(secrets, secret_key_arn) if secret_key_arn else None,
        database=database,
        redis=_redis(redis_user) if redis_user else None,
        origin_values=origin_source() if origin_source is not None else (),
        origin_source=origin_source,
        vapid_private_key=_vapid_private_key(secrets, vapid_arn) if vapid_arn else None,
    )


def _secret_string(client: Any, arn: str, variable: str) -> str:
    try:
        value = client.get_secret_value(SecretId=arn).get("SecretString")
    except Exception as error:  # noqa: BLE001 - any failure stops the cold start, named
        raise ImproperlyConfigured(
            f"Could not read the secret named by {variable} ({arn}): "
            f"{type(error).__name__}: {error}"
        ) from None
    if not value:
        raise ImproperlyConfigured(f"The secret named by {variable} ({arn}) has no SecretString.")
    return str(value)


def _secret_key(client: Any, arn: str) -> str:
    raw = _secret_string(client, arn, "DJANGO_SECRET_KEY_SECRET_ARN").strip()
    if raw.startswith("{"):
        try:
            raw = str(json.loads(raw).get("secret_key", ""))
        except (ValueError, AttributeError):
            raise ImproperlyConfigured(
                "The secret named by DJANGO_SECRET_KEY_SECRET_ARN is neither a plain string nor "
                'JSON with a "secret_key" field.'
            ) from None
    return raw


def _vapid_private_key(client: Any, arn: str) -> str:
    raw = _secret_string(client, arn, "VAPID_PRIVATE_KEY_SECRET_ARN").strip()
    if raw.startswith("{"):
        try:
            raw = str(json.loads(raw).get("private_key", "")).strip()
        except (ValueError, AttributeError):
            raw = ""
    if not raw:
        raise ImproperlyConfigured(
            "The secret named by VAPID_PRIVATE_KEY_SECRET_ARN is neither a plain string nor JSON "
            'with a "private_key" field.'
        )
    return raw


def _ca_bundle() -> str:
    """The RDS CA bundle in the image: with sslmode=verify-full the database's certificate must be
    signed by an RDS CA and name the host we connect to."""
    bundle = env_required("DATABASE_SSLROOTCERT")
    if not Path(bundle).is_file():
        raise ImproperlyConfigured(f"DATABASE_SSLROOTCERT names no file: {bundle}.")
    return bundle


def _connection_limits() -> tuple[int, int | None, int]:
    """(statement timeout ms, lock timeout ms or None, connect timeout s) from the environment."""
    lock = env_str("DATABASE_LOCK_TIMEOUT_MS")
    return (
        env_int("DATABASE_STATEMENT_TIMEOUT_MS", 5000),
        int(lock) if lock else None,
        env_int("DATABASE_CONNECT_TIMEOUT", AURORA_CONNECT_TIMEOUT_SECONDS),
    )


def _aws_postgres(
    *, name: str, user: str, password: str, host: str, port: int, **extra: Any
) -> dict[str, Any]:
    statement_timeout_ms, lock_timeout_ms, connect_timeout = _connection_limits()
    return postgres_database(
        name=name,
        user=user,
        password=password,
        host=host,
        port=port,
        sslmode="verify-full",
        sslrootcert=_ca_bundle(),
        pool_max_size=env_int("DATABASE_POOL_MAX_SIZE", 2),
        statement_timeout_ms=statement_timeout_ms,
        lock_timeout_ms=lock_timeout_ms,
        connect_timeout=connect_timeout,
        **extra,
    )


def _iam_database() -> dict[str, Any]:
    host = env_required("DATABASE_HOST")
    port = env_int("DATABASE_PORT", 5432)
    user = env_required("DATABASE_USER")
    from config.iam_tokens import rds_token_source, token_connection_class

    token = rds_token_source(host=host, port=port, user=user)
    return _aws_postgres(
        name=env_str("DATABASE_NAME") or "habits",
        user=user,
        password="",
        host=host,
        port=port,
        connection_class=token_connection_class(token),
    )


def _master_database(client: Any, arn: str) -> dict[str, Any]:
    raw = _secret_string(client, arn, "DATABASE_SECRET_ARN")
    try:
        secret = json.loads(raw)
    except ValueError:
        raise ImproperlyConfigured(
            "The secret named by DATABASE_SECRET_ARN is not JSON; expected the Aurora-managed "
            'secret with "username" and "password".'
        ) from None
    missing = [
        key
        for key in ("username", "password")
        if not isinstance(secret, dict) or not secret.get(key)
    ]
    if missing:
        raise ImproperlyConfigured(
            f"The secret named by DATABASE_SECRET_ARN lacks {', '.join(missing)}."
        )
    host = env_str("DATABASE_HOST") or secret.get("host")
    if not host:
        raise ImproperlyConfigured("DATABASE_HOST is required with DATABASE_SECRET_ARN.")
    return _aws_postgres(
        name=env_str("DATABASE_NAME") or secret.get("dbname") or "habits",
        user=str(secret["username"]),
        password=str(secret["password"]),
        host=str(host),
        port=env_int("DATABASE_PORT", int(secret.get("port") or 5432)),
    )


def _redis(user: str) -> dict[str, Any]:
    host = env_required("REDIS_HOST")
    port = env_int("REDIS_PORT", 6379)
    from config.iam_tokens import TokenCredentialProvider, elasticache_token_source

    token = elasticache_token_source(cache_name=env_required("REDIS_CACHE_NAME"), user=user)
    return {
        "url": f"rediss://{host}:{port}/0",
        "credential_provider": TokenCredentialProvider(user, token),
    }


def _origin_values(client: Any, arn: str) -> tuple[str, ...]:
    raw = _secret_string(client, arn, "ORIGIN_SECRET_ARN")
    try:
        secret = json.loads(raw)
    except ValueError:
        secret = None
    if not isinstance(secret, dict) or not isinstance(secret.get("current"), str):
        raise ImproperlyConfigured(
            'The secret named by ORIGIN_SECRET_ARN must be JSON with a "current" value.'
        )
    values = [secret["current"], secret.get("previous")]
    accepted = tuple(value for value in values if isinstance(value, str) and len(value) >= 32)
    if not accepted or accepted[0] != secret["current"]:
        raise ImproperlyConfigured(
            "The origin secret's values must be at least 32 characters long."
        )
    return accepted
