"""Configuration that lives in AWS: read once per cold start by the production settings.

- DJANGO_SECRET_KEY_SECRET_ARN: a Secrets Manager secret whose SecretString is the Django secret key
  (a plain string, or JSON with a "secret_key" field).
- DATABASE_SECRET_ARN: the secret Aurora manages for its master user (JSON with "username" and
  "password"); host, port and name come from DATABASE_HOST, DATABASE_PORT and DATABASE_NAME, because
  Aurora's managed secret carries only the credentials.
- REDIS_URL_PARAMETER: an SSM parameter (SecureString) holding the rediss:// URL.

A missing or malformed value stops the cold start with an error naming what is missing; no secret
value is ever part of a message or a log line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from config.env import env_int, env_str, postgres_database


@dataclass(frozen=True)
class AwsConfiguration:
    secret_key: str | None = None
    database: dict[str, Any] | None = None
    redis_url: str | None = None


def load_aws_configuration() -> AwsConfiguration:
    secret_key_arn = env_str("DJANGO_SECRET_KEY_SECRET_ARN")
    database_arn = env_str("DATABASE_SECRET_ARN")
    redis_parameter = env_str("REDIS_URL_PARAMETER")
    if not (secret_key_arn or database_arn or redis_parameter):
        return AwsConfiguration()

    import boto3  # only on this path: local runs never import the AWS SDK

    session = boto3.session.Session()
    secrets = session.client("secretsmanager") if (secret_key_arn or database_arn) else None
    return AwsConfiguration(
        secret_key=_secret_key(secrets, secret_key_arn) if secret_key_arn else None,
        database=_database(secrets, database_arn) if database_arn else None,
        redis_url=_redis_url(session.client("ssm"), redis_parameter) if redis_parameter else None,
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
    if len(raw) < 50:
        raise ImproperlyConfigured(
            "The secret named by DJANGO_SECRET_KEY_SECRET_ARN is too short: a Django secret key "
            "needs at least 50 characters."
        )
    return raw


def _database(client: Any, arn: str) -> dict[str, Any]:
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
    return postgres_database(
        name=env_str("DATABASE_NAME") or secret.get("dbname") or "habits",
        user=str(secret["username"]),
        password=str(secret["password"]),
        host=str(host),
        port=env_int("DATABASE_PORT", int(secret.get("port") or 5432)),
        sslmode="require",
        pool_max_size=env_int("DATABASE_POOL_MAX_SIZE", 2),
    )


def _redis_url(client: Any, name: str) -> str:
    try:
        value = client.get_parameter(Name=name, WithDecryption=True)["Parameter"]["Value"]
    except Exception as error:  # noqa: BLE001 - any failure stops the cold start, named
        raise ImproperlyConfigured(
            f"Could not read the SSM parameter named by REDIS_URL_PARAMETER ({name}): "
            f"{type(error).__name__}"
        ) from None
    if not str(value).startswith(("rediss://", "redis://")):
        raise ImproperlyConfigured(
            f"The SSM parameter {name} (REDIS_URL_PARAMETER) must hold a rediss:// URL."
        )
    return str(value)
