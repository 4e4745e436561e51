"""The one way the operator tools talk to AWS.

Clients come from boto3's default session, so the normal credential chain (environment, profile,
SSO, instance or CodeBuild role) applies, and so does `AWS_ENDPOINT_URL`: boto3 reads it itself, and
nothing here passes an endpoint that would override it. The drill uses that to point at moto.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2


def client(service: str, *, region: str | None = None, config: Config | None = None) -> Any:
    """A boto3 client for `service`; `region` falls back to the session's (AWS_REGION etc.)."""
    return boto3.client(service, region_name=region, config=config)  # type: ignore[call-overload]


def aws_errors_to_exit(command: Callable[[], int]) -> int:
    """Run a command; an AWS or credentials error is printed and becomes exit status 2."""
    try:
        return command()
    except (BotoCoreError, ClientError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR


def cli_main(parser: argparse.ArgumentParser, argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the chosen subcommand (its `run` default)."""
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    return aws_errors_to_exit(lambda: run(args))
