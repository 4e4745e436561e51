"""Import jobs with the S3 store (moto): the browser's presigned POST, a size cap in its policy,
the job reading the object back, and the asynchronous Lambda invocation that starts a job."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import requests
from botocore.stub import Stubber
from moto import mock_aws

from accounts.models import User
from conftest import ApiClient
from factories import make_habit
from habits import storage
from habits.models import ImportJob
from habits.rules import ImportState
from habits.storage import S3Store
from habits.tests.loop_fixtures import snapshot, unzip
from habits.tests.test_backup import backup
from habits.transfers import runner, services
from habits.zips import MESSAGE_TOO_BIG

pytestmark = pytest.mark.django_db

BUCKET = "habits-test-transfers"
REGION = "eu-west-1"
JOBS_URL = "/api/import/jobs/"


@pytest.fixture
def bucket(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    settings.IMPORT_BUCKET = BUCKET
    settings.IMPORT_BUCKET_REGION = REGION
    with mock_aws():
        storage.s3_client.cache_clear()
        client = storage.s3_client()
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        yield client
    storage.s3_client.cache_clear()


def browser_upload(upload: dict[str, Any], content: bytes) -> requests.Response:
    """What the SPA does with a direct form: the fields, then the file, no cookies."""
    return requests.post(
        upload["url"], data=upload["form_fields"], files={"file": ("f.zip", content)}, timeout=5
    )


def exported(api: ApiClient, url: str = "/api/export/backup/") -> bytes:
    """An export in AWS: the API answers with a link to the file in the bucket."""
    response = api.get(url)
    assert response.status_code == 302
    download = requests.get(response["Location"], timeout=5)
    assert download.status_code == 200
    return download.content


def policy(upload: dict[str, Any]) -> dict[str, Any]:
    return dict(json.loads(base64.b64decode(upload["form_fields"]["policy"])))


def test_the_upload_form_is_a_presigned_post_capped_at_the_declared_size(
    signed_in: ApiClient, user: User, bucket: Any, settings: Any
) -> None:
    created = signed_in.post(JOBS_URL, {"kind": "loop", "size": 1234}, format="json")

    assert created.status_code == 201
    job = created.json()
    upload = job["upload"]
    assert upload["direct"] is True
    assert upload["url"] == f"https://{BUCKET}.s3.{REGION}.amazonaws.com/"
    key = f"imports/{user.pk}/{job['id']}"
    assert upload["form_fields"]["key"] == key
    conditions = policy(upload)["conditions"]
    assert ["content-length-range", 1, 1234] in conditions
    assert {"key": key} in conditions
    assert {"bucket": BUCKET} in conditions
    # The API takes no file itself when the bucket does.
    assert signed_in.post(f"{JOBS_URL}{job['id']}/file/").status_code == 404


def test_a_file_uploaded_to_s3_is_imported_and_deleted(
    signed_in: ApiClient, user: User, bucket: Any
) -> None:
    make_habit(user=user, name="Read")
    before = snapshot(user.pk)
    content = exported(signed_in)
    make_habit(user=user, name="Later")
    job = signed_in.post(JOBS_URL, {"kind": "backup", "size": len(content)}, format="json").json()
    assert browser_upload(job["upload"], content).status_code == 204

    response = signed_in.post(f"{JOBS_URL}{job['id']}/uploaded/")

    assert response.status_code == 202
    assert response.json()["state"] == "done", response.json()
    assert snapshot(user.pk) == before
    assert bucket.list_objects_v2(Bucket=BUCKET, Prefix="imports/").get("KeyCount") == 0


def test_an_object_larger_than_the_policy_allowed_is_refused_and_deleted(
    signed_in: ApiClient, user: User, bucket: Any
) -> None:
    """S3 enforces the policy's range; should an object be larger anyway, the API refuses it."""
    job = signed_in.post(JOBS_URL, {"kind": "loop", "size": 10}, format="json").json()
    bucket.put_object(Bucket=BUCKET, Key=f"imports/{user.pk}/{job['id']}", Body=b"x" * 11)

    response = signed_in.post(f"{JOBS_URL}{job['id']}/uploaded/")

    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [
        services.MESSAGE_LARGER_THAN_DECLARED.format(size=10)
    ]
    assert bucket.list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0
    assert ImportJob.objects.get(pk=job["id"]).state == ImportState.WAITING_UPLOAD


def test_nothing_uploaded_is_not_queued(signed_in: ApiClient, bucket: Any) -> None:
    job = signed_in.post(JOBS_URL, {"kind": "loop", "size": 10}, format="json").json()

    response = signed_in.post(f"{JOBS_URL}{job['id']}/uploaded/")

    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [services.MESSAGE_NOT_ARRIVED]


def test_the_store_reads_an_object_in_chunks_within_the_limit(bucket: Any) -> None:
    store = S3Store(BUCKET)
    content = bytes(range(256)) * (storage.CHUNK_BYTES // 100)
    bucket.put_object(Bucket=BUCKET, Key="imports/1/a", Body=content)
    copied = io.BytesIO()
    seen: list[int] = []

    assert store.size(key="imports/1/a") == len(content)
    assert store.copy_into(
        key="imports/1/a", file=copied, max_bytes=len(content), progress=seen.append
    ) == len(content)
    assert copied.getvalue() == content
    assert len(seen) > 1
    assert seen[-1] == len(content)

    with pytest.raises(Exception, match=MESSAGE_TOO_BIG.format(limit=len(content) - 1)):
        store.copy_into(
            key="imports/1/a", file=io.BytesIO(), max_bytes=len(content) - 1, progress=seen.append
        )
    assert store.size(key="imports/1/missing") is None


def test_the_lambda_runner_invokes_this_function_asynchronously(
    user: User, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.IMPORT_RUNNER = "lambda"
    settings.IMPORT_FUNCTION_NAME = "habits-api"
    job = ImportJob.objects.create(user=user, kind="loop", size=10, state=ImportState.QUEUED)
    client = boto3.client(
        "lambda", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x"
    )
    monkeypatch.setattr(runner, "lambda_client", lambda: client)
    with Stubber(client) as stub:
        stub.add_response(
            "invoke",
            {"StatusCode": 202},
            {
                "FunctionName": "habits-api",
                "InvocationType": "Event",
                "Payload": json.dumps({"import_job": str(job.pk)}).encode(),
            },
        )
        runner.import_job_start(job=job)
        stub.assert_no_pending_responses()
    job.refresh_from_db()
    assert job.state == ImportState.QUEUED


def test_a_job_whose_invocation_fails_is_failed(
    user: User, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.IMPORT_RUNNER = "lambda"
    settings.IMPORT_FUNCTION_NAME = "habits-api"
    job = ImportJob.objects.create(user=user, kind="loop", size=10, state=ImportState.QUEUED)
    client = boto3.client(
        "lambda", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x"
    )
    monkeypatch.setattr(runner, "lambda_client", lambda: client)
    with Stubber(client) as stub:
        stub.add_client_error("invoke", "TooManyRequestsException", http_status_code=429)
        runner.import_job_start(job=job)
    job.refresh_from_db()
    assert job.state == ImportState.FAILED
    assert job.message == str(services.MESSAGE_FAILED)


def test_an_export_in_aws_is_a_link_to_the_file_in_storage(
    signed_in: ApiClient, user: User, bucket: Any, settings: Any
) -> None:
    make_habit(user=user, name="Read")
    settings.IMPORT_BUCKET = ""
    streamed = backup(signed_in)
    settings.IMPORT_BUCKET = BUCKET

    response = signed_in.get("/api/export/backup/")

    assert response.status_code == 302
    assert response["Cache-Control"] == "no-store"
    link = response["Location"]
    assert link.startswith(f"https://{BUCKET}.s3.{REGION}.amazonaws.com/exports/{user.pk}/")
    download = requests.get(link, timeout=5)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith(
        'attachment; filename="habits-backup-'
    )
    files, expected = unzip(download.content), unzip(streamed)
    assert files.keys() == expected.keys()
    assert files["habits/0001.json"] == expected["habits/0001.json"]


def test_a_loop_export_in_aws_is_a_link_too(signed_in: ApiClient, user: User, bucket: Any) -> None:
    make_habit(user=user, name="Read")

    assert "Habits.csv" in unzip(exported(signed_in, "/api/export/loop/"))
