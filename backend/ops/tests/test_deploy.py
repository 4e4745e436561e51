"""`python -m ops.deploy`: S3, CloudFront and the Lambda image update against moto.

The handler's `manage` invocation uses Stubber (moto needs a Docker engine to run an image
function); the smoke test runs against a local HTTP server.
"""

import io
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber
from moto import mock_aws

from ops import aws, deploy

BUCKET = "habits-site"
REPOSITORY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/habits-api"


@pytest.fixture
def mocked() -> Iterator[None]:
    with mock_aws():
        yield


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    files = {
        "index.html": "<!doctype html><script src=/assets/index-3f2a9c.js></script>",
        "assets/index-3f2a9c.js": "console.log(1)",
        "assets/index-77b1e0.css": "body{}",
        "assets/inter-5d1e.woff2": "font",
        "favicon.svg": "<svg/>",
        "manifest.webmanifest": "{}",
        "robots.txt": "User-agent: *",
    }
    for name, content in files.items():
        path = tmp_path / "dist" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return tmp_path / "dist"


def bucket_create(*stale: str) -> Any:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    for key in stale:
        s3.put_object(Bucket=BUCKET, Key=key, Body=b"old")
    return s3


def sync(dist: Path, *extra: str) -> int:
    return deploy.main(["sync-frontend", "--dist", str(dist), "--bucket", BUCKET, *extra])


def test_sync_sets_content_types_and_cache_headers(mocked: None, dist: Path) -> None:
    s3 = bucket_create()

    assert sync(dist) == 0

    def headers(key: str) -> tuple[str, str]:
        head = s3.head_object(Bucket=BUCKET, Key=key)
        return head["ContentType"], head["CacheControl"]

    immutable = "public, max-age=31536000, immutable"
    assert headers("index.html") == ("text/html; charset=utf-8", "no-cache")
    assert headers("assets/index-3f2a9c.js") == ("text/javascript; charset=utf-8", immutable)
    assert headers("assets/index-77b1e0.css") == ("text/css; charset=utf-8", immutable)
    assert headers("assets/inter-5d1e.woff2") == ("font/woff2", immutable)
    assert headers("favicon.svg") == ("image/svg+xml", "no-cache")
    assert headers("manifest.webmanifest") == ("application/manifest+json", "no-cache")
    assert headers("robots.txt") == ("text/plain; charset=utf-8", "no-cache")


def test_sync_uploads_index_html_last() -> None:
    keys = ["index.html", "favicon.svg", "assets/b.js", "assets/a.css"]

    assert sorted(keys, key=deploy.upload_order) == [
        "assets/a.css",
        "assets/b.js",
        "favicon.svg",
        "index.html",
    ]


def test_sync_deletes_stale_files_but_keeps_recent_old_assets(
    mocked: None, dist: Path, capsys: Any
) -> None:
    s3 = bucket_create("old-page.html", "assets/index-0ld.js")

    assert sync(dist) == 0

    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert "old-page.html" not in keys
    assert "assets/index-0ld.js" in keys  # a visitor on the previous release may still load it
    assert "uploaded 7, deleted 1 stale, kept 1 recent old assets" in capsys.readouterr().out


def test_sync_deletes_old_assets_past_the_grace_period(
    mocked: None, dist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s3 = bucket_create("assets/index-0ld.js")
    next_week = datetime.now(UTC) + timedelta(days=8)
    monkeypatch.setattr(deploy, "utc_now", lambda: next_week)

    assert sync(dist, "--keep-assets-days", "7") == 0

    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert "assets/index-0ld.js" not in keys
    assert "assets/index-3f2a9c.js" in keys


def test_sync_refuses_a_missing_build(mocked: None, tmp_path: Path, capsys: Any) -> None:
    bucket_create()

    assert sync(tmp_path) == 2
    assert "index.html not found" in capsys.readouterr().err


def distribution_create() -> str:
    cloudfront = boto3.client("cloudfront", region_name="us-east-1")
    origin = {"Id": "site", "DomainName": f"{BUCKET}.s3.amazonaws.com"}
    config = {
        "CallerReference": "test",
        "Comment": "",
        "Enabled": True,
        "Origins": {
            "Quantity": 1,
            "Items": [{**origin, "S3OriginConfig": {"OriginAccessIdentity": ""}}],
        },
        "DefaultCacheBehavior": {"TargetOriginId": "site", "ViewerProtocolPolicy": "https-only"},
    }
    return str(cloudfront.create_distribution(DistributionConfig=config)["Distribution"]["Id"])


def invalidated_paths(distribution: str) -> list[list[str]]:
    cloudfront = boto3.client("cloudfront", region_name="us-east-1")
    items = cloudfront.list_invalidations(DistributionId=distribution)["InvalidationList"]["Items"]
    return [
        cloudfront.get_invalidation(DistributionId=distribution, Id=item["Id"])["Invalidation"][
            "InvalidationBatch"
        ]["Paths"]["Items"]
        for item in items
    ]


def test_invalidate_defaults_to_the_entry_points(mocked: None, capsys: Any) -> None:
    distribution = distribution_create()

    assert deploy.main(["invalidate", "--distribution", distribution]) == 0

    assert invalidated_paths(distribution) == [["/index.html", "/"]]
    assert "of /index.html /" in capsys.readouterr().out


def test_invalidate_given_paths(mocked: None) -> None:
    distribution = distribution_create()

    assert deploy.main(["invalidate", "--distribution", distribution, "--paths", "/*"]) == 0

    assert invalidated_paths(distribution) == [["/*"]]


def test_update_lambda_deploys_the_image_and_moves_the_alias(mocked: None, capsys: Any) -> None:
    role = boto3.client("iam").create_role(RoleName="api", AssumeRolePolicyDocument="{}")
    client = boto3.client("lambda", region_name="us-east-1")
    client.create_function(
        FunctionName="habits-api",
        Role=role["Role"]["Arn"],
        PackageType="Image",
        Code={"ImageUri": f"{REPOSITORY}:first"},
        Publish=True,
    )
    client.create_alias(FunctionName="habits-api", Name="live", FunctionVersion="1")

    code = deploy.main(
        ["update-lambda", "--function", "habits-api", "--image-uri", f"{REPOSITORY}:abc123"]
    )

    assert code == 0
    alias = client.get_alias(FunctionName="habits-api", Name="live")
    assert alias["FunctionVersion"] != "1"
    deployed = client.get_function(FunctionName="habits-api", Qualifier=alias["FunctionVersion"])
    assert deployed["Code"]["ImageUri"] == f"{REPOSITORY}:abc123"
    assert f"habits-api:live -> version {alias['FunctionVersion']}" in capsys.readouterr().out


@pytest.fixture
def lambda_stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stubber]:
    client = boto3.client("lambda", region_name="us-east-1")
    monkeypatch.setattr(aws, "client", lambda service, **_: client)
    with Stubber(client) as stubber:
        yield stubber
        stubber.assert_no_pending_responses()


def invoke_returns(stubber: Stubber, payload: str, **extra: Any) -> None:
    body = StreamingBody(io.BytesIO(payload.encode()), len(payload))
    stubber.add_response(
        "invoke",
        {"StatusCode": 200, "Payload": body, **extra},
        {
            "FunctionName": "habits-migrate",
            "Qualifier": "$LATEST",
            "Payload": json.dumps({"manage": "migrate --noinput"}).encode(),
        },
    )


def manage() -> int:
    return deploy.main(
        ["invoke-manage", "--function", "habits-migrate", "--command", "migrate --noinput"]
    )


def code_update_returns(stubber: Stubber) -> None:
    stubber.add_response(
        "update_function_code",
        {"FunctionName": "habits-migrate"},
        {"FunctionName": "habits-migrate", "ImageUri": f"{REPOSITORY}:abc123"},
    )
    stubber.add_response(
        "get_function",
        {"Configuration": {"FunctionName": "habits-migrate", "LastUpdateStatus": "Successful"}},
        {"FunctionName": "habits-migrate"},
    )


def release() -> int:
    return deploy.main(
        ["migrate", "--function", "habits-migrate", "--image-uri", f"{REPOSITORY}:abc123"]
    )


def test_migrate_updates_the_migration_function_then_migrates_there(
    lambda_stub: Stubber, capsys: Any
) -> None:
    code_update_returns(lambda_stub)
    invoke_returns(lambda_stub, json.dumps({"exit_status": 0, "output": "Applied 0042."}))

    assert release() == 0
    out = capsys.readouterr().out
    assert out.index("Updating habits-migrate") < out.index("Running 'migrate --noinput' in")
    assert "Applied 0042." in out


def test_migrate_fails_when_the_migration_fails(lambda_stub: Stubber, capsys: Any) -> None:
    code_update_returns(lambda_stub)
    invoke_returns(lambda_stub, json.dumps({"exit_status": 1, "output": "lock timeout"}))

    assert release() == 1
    assert "exited with status 1" in capsys.readouterr().err


def test_invoke_manage_succeeds_on_exit_status_0(lambda_stub: Stubber, capsys: Any) -> None:
    invoke_returns(lambda_stub, json.dumps({"exit_status": 0, "output": "No migrations to apply."}))

    assert manage() == 0
    assert "No migrations to apply." in capsys.readouterr().out


def test_invoke_manage_fails_on_a_non_zero_exit_status(lambda_stub: Stubber, capsys: Any) -> None:
    invoke_returns(lambda_stub, json.dumps({"exit_status": 1, "output": "relation exists"}))

    assert manage() == 1
    captured = capsys.readouterr()
    assert "relation exists" in captured.out
    assert "exited with status 1" in captured.err


def test_invoke_manage_fails_on_a_function_error(lambda_stub: Stubber, capsys: Any) -> None:
    error = json.dumps({"errorMessage": "Task timed out after 900.00 seconds"})
    invoke_returns(lambda_stub, error, FunctionError="Unhandled")

    assert manage() == 1
    assert "Task timed out" in capsys.readouterr().err


def test_invoke_manage_fails_on_an_unexpected_response(lambda_stub: Stubber, capsys: Any) -> None:
    invoke_returns(lambda_stub, "null")

    assert manage() == 1
    assert "unexpected response" in capsys.readouterr().err


class Health(BaseHTTPRequestHandler):
    statuses: ClassVar[list[int]] = []

    def do_GET(self) -> None:
        status = self.statuses.pop(0) if self.statuses else 200
        body = json.dumps({"status": "ok" if status == 200 else "down"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def health_url() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/health/"
    server.shutdown()


def smoke(url: str, attempts: int) -> int:
    return deploy.main(["smoke", "--url", url, "--attempts", str(attempts), "--delay", "0"])


def test_smoke_retries_until_healthy(health_url: str, capsys: Any) -> None:
    Health.statuses = [503, 502]

    assert smoke(health_url, attempts=3) == 0
    out = capsys.readouterr().out
    assert "attempt 1: 503" in out
    assert 'attempt 3: 200 {"status": "ok"}' in out


def test_smoke_fails_when_never_healthy(health_url: str, capsys: Any) -> None:
    Health.statuses = [503, 503]

    assert smoke(health_url, attempts=2) == 1
    assert "did not answer 200" in capsys.readouterr().err


def test_smoke_refuses_other_schemes(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_info:
        deploy.main(["smoke", "--url", "file:///etc/passwd"])

    assert exit_info.value.code == 2
    assert "not an http(s) URL" in capsys.readouterr().err
