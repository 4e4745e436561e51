"""Where an import's file waits between its upload and its job: one interface, two places, chosen
by the IMPORT_BUCKET setting, so the job's code is the same in both.

- `S3Store` (AWS): the browser uploads straight to the bucket with a presigned POST whose policy
  caps the size (`content-length-range`) and names the one key, valid for IMPORT_UPLOAD_SECONDS. The
  file never crosses API Gateway or Lambda, whose request payload stops at 6 MB (and API Gateway
  base64-encodes a binary body, so about 4.4 MB of file), far below IMPORT_MAX_BYTES. The job reads
  it back in chunks through the VPC's S3 gateway endpoint.
- `LocalStore` (`make run`, tests): files under TRANSFER_DIR through Django's FileSystemStorage; the
  browser posts the file to the API (`accepts_uploads`), within the request size cap.

Exports (S3 only): a response body over 6 MB cannot leave a Lambda either, so in AWS an export is
written to the bucket (`S3Store.publish`) and the browser is sent to a presigned GET; locally the
export is streamed as before.

Reads copy the object in chunks into a file the caller gives (a spooled temporary file: memory up to
a couple of megabytes, disk beyond), counting the bytes and refusing past the limit, so a store that
holds more than the policy allowed still costs bounded memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import IO, Any, Protocol

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage

CHUNK_BYTES = 1024 * 1024
# An export's parts on their way to S3 (multipart's minimum part is 5 MB).
PART_BYTES = 8 * 1024 * 1024

Progress = Callable[[int], None]
"""Called with the bytes copied so far."""


@dataclass(frozen=True, slots=True)
class UploadForm:
    """How the browser sends the file: a multipart POST to `url` with `fields` first, the file
    last (as `file`). `direct`: to the store itself (no cookies, no CSRF token); otherwise to the
    API (signed in, with the CSRF token)."""

    url: str
    fields: dict[str, str]
    direct: bool


class TransferStore(Protocol):
    accepts_uploads: bool
    """True when the API itself takes the file (the local store)."""

    def upload_form(self, *, key: str, max_bytes: int, api_url: str) -> UploadForm: ...

    def save(self, *, key: str, file: IO[bytes]) -> None: ...

    def size(self, *, key: str) -> int | None:
        """The stored object's size, None when it is not there."""

    def copy_into(self, *, key: str, file: IO[bytes], max_bytes: int, progress: Progress) -> int:
        """Copy the object into `file` in chunks; refuse it past `max_bytes`. Returns its size."""

    def delete(self, *, key: str) -> None: ...


def _copy(chunks: Any, file: IO[bytes], max_bytes: int, progress: Progress) -> int:
    copied = 0
    for chunk in chunks:
        copied += len(chunk)
        if copied > max_bytes:
            from habits.zips import MESSAGE_TOO_BIG, refuse  # not at a cold start

            raise refuse(MESSAGE_TOO_BIG.format(limit=max_bytes))
        file.write(chunk)
        progress(copied)
    return copied


class LocalStore:
    accepts_uploads = True

    def __init__(self, location: str) -> None:
        self.storage = FileSystemStorage(location=location)

    def upload_form(self, *, key: str, max_bytes: int, api_url: str) -> UploadForm:
        return UploadForm(url=api_url, fields={}, direct=False)

    def save(self, *, key: str, file: IO[bytes]) -> None:
        if self.storage.exists(key):
            self.storage.delete(key)
        self.storage.save(key, File(file))

    def size(self, *, key: str) -> int | None:
        return self.storage.size(key) if self.storage.exists(key) else None

    def copy_into(self, *, key: str, file: IO[bytes], max_bytes: int, progress: Progress) -> int:
        with self.storage.open(key, "rb") as stored:
            return _copy(iter(lambda: stored.read(CHUNK_BYTES), b""), file, max_bytes, progress)

    def delete(self, *, key: str) -> None:
        self.storage.delete(key)


class S3Store:
    accepts_uploads = False

    def __init__(self, bucket: str, client: Any = None) -> None:
        self.bucket = bucket
        self.client = client or s3_client()

    def upload_form(self, *, key: str, max_bytes: int, api_url: str) -> UploadForm:
        post = self.client.generate_presigned_post(
            Bucket=self.bucket,
            Key=key,
            Conditions=[["content-length-range", 1, max_bytes]],
            ExpiresIn=settings.IMPORT_UPLOAD_SECONDS,
        )
        return UploadForm(url=post["url"], fields=dict(post["fields"]), direct=True)

    def save(self, *, key: str, file: IO[bytes]) -> None:
        raise NotImplementedError("Files reach S3 from the browser, never through the API.")

    def size(self, *, key: str) -> int | None:
        from botocore.exceptions import ClientError

        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return None
            raise
        return int(head["ContentLength"])

    def copy_into(self, *, key: str, file: IO[bytes], max_bytes: int, progress: Progress) -> int:
        body = self.client.get_object(Bucket=self.bucket, Key=key)["Body"]
        try:
            return _copy(body.iter_chunks(CHUNK_BYTES), file, max_bytes, progress)
        finally:
            body.close()

    def delete(self, *, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def publish(self, *, key: str, file: IO[bytes], filename: str) -> str:
        """Store an export (multipart past the first part, so memory stays at a few parts) and
        return a short-lived link that downloads it as `filename`."""
        from boto3.s3.transfer import TransferConfig

        config = TransferConfig(multipart_chunksize=PART_BYTES, max_concurrency=2)
        self.client.upload_fileobj(
            file, self.bucket, key, ExtraArgs={"ContentType": "application/zip"}, Config=config
        )
        return str(
            self.client.generate_presigned_url(
                "get_object",
                Params={
                    "Bucket": self.bucket,
                    "Key": key,
                    "ResponseContentDisposition": f'attachment; filename="{filename}"',
                },
                ExpiresIn=settings.EXPORT_LINK_SECONDS,
            )
        )


@cache
def s3_client() -> Any:
    """One client per process. Regional and virtual-hosted, so a presigned URL names the bucket's
    own region (a browser POST is not redirected, which CORS would refuse)."""
    import boto3  # only where the bucket is used: local runs never import the AWS SDK
    from botocore.config import Config

    config = Config(
        signature_version="s3v4",
        s3={"addressing_style": "virtual"},
        connect_timeout=2,
        read_timeout=10,
        retries={"max_attempts": 3, "mode": "standard"},
    )
    return boto3.client("s3", region_name=settings.IMPORT_BUCKET_REGION or None, config=config)


def transfer_store() -> TransferStore:
    if settings.IMPORT_BUCKET:
        return S3Store(settings.IMPORT_BUCKET)
    return LocalStore(settings.TRANSFER_DIR)


def export_store() -> S3Store | None:
    """Where exports go in AWS; None where they are streamed from the API."""
    return S3Store(settings.IMPORT_BUCKET) if settings.IMPORT_BUCKET else None
