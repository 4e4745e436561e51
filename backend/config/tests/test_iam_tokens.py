"""The IAM tokens for Aurora and ElastiCache: their form, and that making one calls nothing."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from config import iam_tokens
from config.iam_tokens import (
    TokenCredentialProvider,
    elasticache_token_source,
    rds_token_source,
)


@pytest.fixture(autouse=True)
def _credentials_and_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    # Any call to an AWS API would fail: nothing listens on the discard port.
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")


def query(token: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(f"https://{token}").query)


def test_an_aurora_token_is_a_presigned_connect_for_the_user_made_without_a_call() -> None:
    token = rds_token_source(
        host="habits.cluster-c9x1.us-east-1.rds.amazonaws.com", port=5432, user="habits_app"
    )()

    assert token.startswith("habits.cluster-c9x1.us-east-1.rds.amazonaws.com:5432/?")
    fields = query(token)
    assert fields["Action"] == ["connect"]
    assert fields["DBUser"] == ["habits_app"]
    assert fields["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert "/us-east-1/rds-db/aws4_request" in fields["X-Amz-Credential"][0]
    assert fields["X-Amz-Expires"] == ["900"]
    assert len(fields["X-Amz-Signature"][0]) == 64


def test_an_elasticache_token_is_a_presigned_connect_for_the_serverless_cache() -> None:
    token = elasticache_token_source(cache_name="habits-cache", user="habits-app")()

    assert token.startswith("habits-cache/?")
    assert not token.startswith("https://")
    fields = query(token)
    assert fields["Action"] == ["connect"]
    assert fields["User"] == ["habits-app"]
    assert fields["ResourceType"] == ["ServerlessCache"]
    assert "/us-east-1/elasticache/aws4_request" in fields["X-Amz-Credential"][0]
    assert fields["X-Amz-Expires"] == ["900"]
    assert len(fields["X-Amz-Signature"][0]) == 64


def test_the_cache_credentials_reuse_a_token_for_ten_minutes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[str] = []

    def source() -> str:
        made.append(f"token-{len(made)}")
        return made[-1]

    provider = TokenCredentialProvider("habits-app", source)
    clock = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])

    assert provider.get_credentials() == ("habits-app", "token-0")
    clock[0] += iam_tokens.TOKEN_REUSE_SECONDS - 1
    assert provider.get_credentials() == ("habits-app", "token-0")
    clock[0] += 2  # past ten minutes, well inside the token's fifteen
    assert provider.get_credentials() == ("habits-app", "token-1")
    assert iam_tokens.TOKEN_REUSE_SECONDS < iam_tokens.TOKEN_SECONDS
