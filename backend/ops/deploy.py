"""Deploy steps the pipelines run (through `make deploy-*`) and operators run for rollbacks.

    python -m ops.deploy migrate        --function MIGRATE_FN --image-uri REPO:SHA [--command C]
    python -m ops.deploy update-lambda  --function API_FN --image-uri REPO:SHA [--alias live]
    python -m ops.deploy invoke-manage  --function MIGRATE_FN --command C [--qualifier Q --region R]
    python -m ops.deploy smoke          --url https://SITE/health/ [--attempts 5]
    python -m ops.deploy sync-frontend  --dist frontend/dist --bucket B [--keep-assets-days 7]
    python -m ops.deploy invalidate     --distribution D [--paths /index.html /]

Release order: `migrate` puts the new image on the migration function and runs the migrations
there (its own 15-minute timeout, statement limits and the master user; C defaults to
"migrate --noinput"); only when they succeed does `update-lambda` move the API's `live` alias to
the new image. A failed migration leaves traffic on the previous version. Management commands never
run in the API function.

Front-end caching: files under `assets/` carry a content hash in their name, so they are cached
for a year as immutable; everything else (`index.html` first of all) is `no-cache`, so browsers
revalidate it and pick up a new release at once. The sync uploads assets first and `index.html`
last, so a new `index.html` never points at a file that is not there yet. Keys that are not in the
new build are deleted, except old `assets/` files younger than --keep-assets-days: a visitor whose
page was loaded before the release still fetches the old hashed chunks lazily.

Exit status: 0 success, 1 the step failed (migration, smoke test), 2 usage or AWS error.
"""

import argparse
import json
import mimetypes
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from botocore.config import Config

from ops import aws

ASSETS_PREFIX = "assets/"
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_REVALIDATE = "no-cache"
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".webp": "image/webp",
}
# A migration may run for minutes: wait for it, and never retry an invocation that may have run.
INVOKE_CONFIG = Config(read_timeout=900, connect_timeout=10, retries={"total_max_attempts": 1})
LATEST = "$LATEST"


def utc_now() -> datetime:
    return datetime.now(UTC)


def lambda_update(args: argparse.Namespace) -> int:
    """Point the function at a new image, publish a version and move the alias to it."""
    client = aws.client("lambda")
    print(f"Updating {args.function} to {args.image_uri}")
    client.update_function_code(FunctionName=args.function, ImageUri=args.image_uri)
    client.get_waiter("function_updated_v2").wait(FunctionName=args.function)
    version = client.publish_version(
        FunctionName=args.function, Description=args.image_uri.rsplit(":", 1)[-1][:256]
    )["Version"]
    client.get_waiter("published_version_active").wait(
        FunctionName=args.function, Qualifier=version
    )
    client.update_alias(FunctionName=args.function, Name=args.alias, FunctionVersion=version)
    print(f"{args.function}:{args.alias} -> version {version} ({args.image_uri})")
    return aws.EXIT_OK


def manage_invoke(args: argparse.Namespace) -> int:
    """Run a management command via the handler: `{"manage": CMD}` -> `{exit_status, output}`."""
    client = aws.client("lambda", region=args.region, config=INVOKE_CONFIG)
    return manage_run(client, args.function, args.qualifier, args.command)


def migrate(args: argparse.Namespace) -> int:
    """Put the image on the migration function, then run the command there ($LATEST)."""
    client = aws.client("lambda", config=INVOKE_CONFIG)
    print(f"Updating {args.function} to {args.image_uri}")
    client.update_function_code(FunctionName=args.function, ImageUri=args.image_uri)
    client.get_waiter("function_updated_v2").wait(FunctionName=args.function)
    return manage_run(client, args.function, LATEST, args.command)


def manage_run(client: Any, function: str, qualifier: str, command: str) -> int:
    print(f"Running '{command}' in {function}:{qualifier}", flush=True)
    response = client.invoke(
        FunctionName=function,
        Qualifier=qualifier,
        Payload=json.dumps({"manage": command}).encode(),
    )
    body = response["Payload"].read().decode("utf-8", "replace")
    if response.get("FunctionError"):
        print(f"the function failed ({response['FunctionError']}):\n{body}", file=sys.stderr)
        return aws.EXIT_FAILED
    try:
        result = json.loads(body)
        exit_status, output = int(result["exit_status"]), str(result.get("output", ""))
    except (ValueError, KeyError, TypeError):
        print(f"unexpected response from the handler:\n{body}", file=sys.stderr)
        return aws.EXIT_FAILED
    print(output)
    if exit_status != 0:
        print(f"'{command}' exited with status {exit_status}", file=sys.stderr)
        return aws.EXIT_FAILED
    return aws.EXIT_OK


def url_smoke(args: argparse.Namespace) -> int:
    """GET the URL until it answers 200, at most --attempts times."""
    for attempt in range(1, args.attempts + 1):
        try:
            # http(s) only: the parser's http_url refuses other schemes
            with urllib.request.urlopen(args.url, timeout=args.timeout) as response:  # noqa: S310
                body = response.read(2000).decode("utf-8", "replace")
                print(f"attempt {attempt}: {response.status} {body}")
                if response.status == 200:
                    return aws.EXIT_OK
        except urllib.error.HTTPError as error:
            print(f"attempt {attempt}: {error.code} {error.read(2000).decode('utf-8', 'replace')}")
        except (urllib.error.URLError, TimeoutError) as error:
            print(f"attempt {attempt}: {error}")
        if attempt < args.attempts:
            time.sleep(args.delay)
    print(f"smoke test failed: {args.url} did not answer 200", file=sys.stderr)
    return aws.EXIT_FAILED


def file_headers(key: str) -> dict[str, str]:
    """Content-Type and Cache-Control of one front-end file."""
    suffix = Path(key).suffix.lower()
    content_type = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(key)[0]
    cache = CACHE_IMMUTABLE if key.startswith(ASSETS_PREFIX) else CACHE_REVALIDATE
    return {"ContentType": content_type or "application/octet-stream", "CacheControl": cache}


def upload_order(key: str) -> tuple[int, str]:
    """Assets first, other files next, index.html last."""
    if key.startswith(ASSETS_PREFIX):
        return (0, key)
    return (2 if key == "index.html" else 1, key)


def bucket_keys(s3: Any, bucket: str) -> dict[str, datetime]:
    keys = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            keys[item["Key"]] = item["LastModified"]
    return keys


def frontend_sync(args: argparse.Namespace) -> int:
    dist = Path(args.dist)
    if not (dist / "index.html").is_file():
        print(f"{dist}/index.html not found: build the front end first", file=sys.stderr)
        return aws.EXIT_ERROR
    s3 = aws.client("s3")
    local = {path.relative_to(dist).as_posix(): path for path in dist.rglob("*") if path.is_file()}
    existing = bucket_keys(s3, args.bucket)
    for key in sorted(local, key=upload_order):
        headers = file_headers(key)
        s3.upload_file(str(local[key]), args.bucket, key, ExtraArgs=headers)
        print(
            f"upload s3://{args.bucket}/{key}  {headers['ContentType']}; {headers['CacheControl']}"
        )
    cutoff = utc_now() - timedelta(days=args.keep_assets_days)
    stale = [
        key
        for key, modified in existing.items()
        if key not in local and (not key.startswith(ASSETS_PREFIX) or modified < cutoff)
    ]
    for start in range(0, len(stale), 1000):
        batch = [{"Key": key} for key in stale[start : start + 1000]]
        s3.delete_objects(Bucket=args.bucket, Delete={"Objects": batch, "Quiet": True})
    kept = len([key for key in existing if key not in local]) - len(stale)
    print(f"uploaded {len(local)}, deleted {len(stale)} stale, kept {kept} recent old assets")
    return aws.EXIT_OK


def distribution_invalidate(args: argparse.Namespace) -> int:
    cloudfront = aws.client("cloudfront")
    invalidation = cloudfront.create_invalidation(
        DistributionId=args.distribution,
        InvalidationBatch={
            "Paths": {"Quantity": len(args.paths), "Items": args.paths},
            "CallerReference": f"deploy-{time.time_ns()}",
        },
    )["Invalidation"]
    print(f"invalidation {invalidation['Id']} of {' '.join(args.paths)}: {invalidation['Status']}")
    if args.wait:
        cloudfront.get_waiter("invalidation_completed").wait(
            DistributionId=args.distribution, Id=invalidation["Id"]
        )
        print("invalidation completed")
    return aws.EXIT_OK


def http_url(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise argparse.ArgumentTypeError(f"not an http(s) URL: {value}")
    return value


def parser_build() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ops.deploy", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="step", required=True)

    release = commands.add_parser(
        "migrate", help="put an image on the migration function and run migrations there"
    )
    release.add_argument("--function", required=True, help="the migration Lambda function")
    release.add_argument("--image-uri", required=True, help="ECR image URI, REPOSITORY_URL:TAG")
    release.add_argument(
        "--command", default="migrate --noinput", help='default "migrate --noinput"'
    )
    release.set_defaults(run=migrate)

    update = commands.add_parser("update-lambda", help="deploy an image: code, version, alias")
    update.add_argument("--function", required=True, help="Lambda function name")
    update.add_argument("--image-uri", required=True, help="ECR image URI, REPOSITORY_URL:TAG")
    update.add_argument("--alias", default="live", help="alias to move (default live)")
    update.set_defaults(run=lambda_update)

    manage = commands.add_parser(
        "invoke-manage", help="run an allowed manage.py command in the migration function"
    )
    manage.add_argument("--function", required=True, help="the migration Lambda function")
    manage.add_argument("--command", required=True, help='e.g. "showmigrations"')
    manage.add_argument(
        "--qualifier", default=LATEST, help="version or alias to invoke (default $LATEST)"
    )
    manage.add_argument("--region", help="the function's region (default: the session's)")
    manage.set_defaults(run=manage_invoke)

    smoke = commands.add_parser("smoke", help="GET a URL until it answers 200")
    smoke.add_argument(
        "--url", required=True, type=http_url, help="e.g. https://habits.example.com/health/"
    )
    smoke.add_argument("--attempts", type=int, default=5, help="tries (default 5)")
    smoke.add_argument("--delay", type=float, default=10, help="seconds between tries (default 10)")
    smoke.add_argument("--timeout", type=float, default=10, help="seconds per request (default 10)")
    smoke.set_defaults(run=url_smoke)

    sync = commands.add_parser("sync-frontend", help="upload the built SPA with cache headers")
    sync.add_argument("--dist", required=True, help="build output, e.g. frontend/dist")
    sync.add_argument("--bucket", required=True, help="the site bucket")
    sync.add_argument(
        "--keep-assets-days", type=float, default=7, help="keep old hashed assets this long"
    )
    sync.set_defaults(run=frontend_sync)

    invalidate = commands.add_parser("invalidate", help="CloudFront invalidation")
    invalidate.add_argument("--distribution", required=True, help="CloudFront distribution id")
    invalidate.add_argument(
        "--paths", nargs="+", default=["/index.html", "/"], help="default: /index.html /"
    )
    invalidate.add_argument("--wait", action="store_true", help="wait until it completes")
    invalidate.set_defaults(run=distribution_invalidate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return aws.cli_main(parser_build(), argv)


if __name__ == "__main__":
    sys.exit(main())
