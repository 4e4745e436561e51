"""IAM authentication tokens for Aurora PostgreSQL and ElastiCache (Valkey), signed locally.

Both tokens are SigV4-presigned requests built from the function's own credentials: making one is
a computation, never a network call, so the functions need no route to an AWS API to reach their
database and cache (no NAT gateway). Each token is valid for 15 minutes and is needed only to open
a connection, so one is made for each new connection (PostgreSQL) or cached for ten minutes
(Valkey, whose client asks for credentials at every connect).

- Aurora: `rds.generate_db_auth_token` for the database user (AWS documentation, "Connecting to
  your DB cluster using IAM authentication"); the user needs `rds_iam` and the role
  `rds-db:connect`.
- ElastiCache: a presigned GET of `https://<cache name>/?Action=connect&User=<user id>` (plus
  `ResourceType=ServerlessCache` for a serverless cache) for the service `elasticache`, with the
  scheme removed (AWS documentation, "Authenticating with IAM"); the role needs
  `elasticache:Connect` on the cache and the user.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import psycopg
from redis.credentials import CredentialProvider

TOKEN_SECONDS = 900
TOKEN_REUSE_SECONDS = 600

TokenSource = Callable[[], str]


def rds_token_source(*, host: str, port: int, user: str, region: str | None = None) -> TokenSource:
    """A function that returns a fresh Aurora token for `user` at `host:port`."""
    import boto3  # only on this path: local runs never import the AWS SDK

    client = boto3.session.Session().client("rds", region_name=region)

    def token() -> str:
        return str(client.generate_db_auth_token(DBHostname=host, Port=port, DBUsername=user))

    return token


def elasticache_token_source(
    *, cache_name: str, user: str, serverless: bool = True, region: str | None = None
) -> TokenSource:
    """A function that returns a fresh ElastiCache token for `user` on `cache_name`."""
    import boto3
    from botocore.auth import SigV4QueryAuth
    from botocore.awsrequest import AWSRequest

    session = boto3.session.Session(region_name=region)
    signing_region = session.region_name

    def token() -> str:
        query = {"Action": "connect", "User": user}
        if serverless:
            query["ResourceType"] = "ServerlessCache"
        request = AWSRequest(method="GET", url=f"https://{cache_name}/?{urlencode(query)}")
        credentials = session.get_credentials()
        if credentials is None:
            raise RuntimeError("No AWS credentials to sign the ElastiCache token with.")
        SigV4QueryAuth(
            credentials.get_frozen_credentials(), "elasticache", signing_region, TOKEN_SECONDS
        ).add_auth(request)
        return str(request.url).removeprefix("https://")

    return token


class TokenCredentialProvider(CredentialProvider):
    """redis-py credentials: the user and a token, reused for TOKEN_REUSE_SECONDS."""

    def __init__(self, user: str, token_source: TokenSource) -> None:
        self.user = user
        self.token_source = token_source
        self._lock = threading.Lock()
        self._token = ""
        self._made_at = 0.0

    def get_credentials(self) -> tuple[str, str]:
        with self._lock:
            if not self._token or time.monotonic() - self._made_at > TOKEN_REUSE_SECONDS:
                self._token = self.token_source()
                self._made_at = time.monotonic()
            return self.user, self._token


def token_connection_class(token_source: TokenSource) -> type[psycopg.Connection[Any]]:
    """A psycopg connection class that signs in with a fresh token each time it connects.

    Django's connection pool (OPTIONS["pool"]) creates every connection through this class, so a
    connection opened an hour after the cold start still gets a valid token.
    """

    class TokenConnection(psycopg.Connection[Any]):
        @classmethod
        def connect(cls, conninfo: str = "", **kwargs: Any) -> Any:
            kwargs["password"] = token_source()
            return super().connect(conninfo, **kwargs)

    return TokenConnection
