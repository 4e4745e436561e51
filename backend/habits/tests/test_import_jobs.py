"""Import jobs through the API with the local store (no bucket, as in `make run`): create, upload,
run, poll; access per owner; bounded sizes; and a failed import leaves the account exactly as it
was."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, encode_multipart
from django.utils import timezone

from accounts.models import User
from conftest import ApiClient
from factories import make_entry, make_habit
from habits.loop import formats as f
from habits.models import ImportJob
from habits.rules import ImportStage, ImportState
from habits.tests.loop_fixtures import MULTIPART, export, loop_habits_csv, make_zip, snapshot
from habits.tests.test_backup import backup
from habits.transfers import services
from habits.transfers.progress import progress_note
from habits.transfers.selectors import import_job_progress
from habits.zips import MESSAGE_TOO_BIG

pytestmark = pytest.mark.django_db

JOBS_URL = "/api/import/jobs/"


@pytest.fixture(autouse=True)
def transfer_dir(settings: Any, tmp_path: Path) -> Path:
    settings.IMPORT_BUCKET = ""
    settings.TRANSFER_DIR = str(tmp_path)
    return tmp_path


def create(api: ApiClient, *, kind: str, size: int) -> Any:
    return api.post(JOBS_URL, {"kind": kind, "size": size}, format="json")


def send(api: ApiClient, url: str, content: bytes) -> Any:
    body = encode_multipart(BOUNDARY, {"file": SimpleUploadedFile("f.zip", content)})
    return api.post(url, body, content_type=MULTIPART)


def run_import(api: ApiClient, *, kind: str, content: bytes) -> dict[str, Any]:
    """The SPA's steps: create, upload where told, say uploaded, read the job."""
    created = create(api, kind=kind, size=len(content))
    assert created.status_code == 201, created.content
    job = created.json()
    assert job["state"] == "waiting_upload"
    assert job["upload"]["direct"] is False
    assert send(api, job["upload"]["url"], content).status_code == 204
    uploaded = api.post(f"{JOBS_URL}{job['id']}/uploaded/")
    assert uploaded.status_code == 202, uploaded.content
    response = api.get(f"{JOBS_URL}{job['id']}/")
    assert response.status_code == 200
    return dict(response.json())


def some_habits(user: User) -> None:
    today = timezone.localdate()
    for name in ("Read", "Run"):
        habit = make_habit(user=user, name=name)
        for days in range(5):
            make_entry(habit=habit, day=today - timedelta(days=days))


def test_a_backup_restored_through_a_job_gives_the_account_back(
    signed_in: ApiClient, user: User, transfer_dir: Path
) -> None:
    some_habits(user)
    before = snapshot(user.pk)
    content = backup(signed_in)
    make_habit(user=user, name="Added later")

    job = run_import(signed_in, kind="backup", content=content)

    assert job["state"] == "done", job
    assert job["result"] == {
        "habits_restored": 2,
        "entries_restored": 10,
        "habits_replaced": 3,
        "entries_replaced": 10,
    }
    assert job["message"] == ""
    assert job["finished_at"]
    assert snapshot(user.pk) == before
    assert list(transfer_dir.rglob("*.*")) == [], "the file is deleted once read"


def test_a_loop_zip_imports_through_a_job(
    signed_in: ApiClient, user: User, other_user: User
) -> None:
    some_habits(other_user)
    signed_in.force_login(other_user)
    content = export(signed_in)
    signed_in.force_login(user)

    job = run_import(signed_in, kind="loop", content=content)

    assert job["state"] == "done", job
    assert job["result"]["habits_created"] == 2
    assert job["result"]["entries_created"] == 10
    assert [name for name, *_ in snapshot(user.pk)[0]] == ["Read", "Run"]


def test_a_refused_file_fails_the_job_and_changes_nothing(signed_in: ApiClient, user: User) -> None:
    some_habits(user)
    before = snapshot(user.pk)
    content = make_zip({"Habits.csv": loop_habits_csv(["001", "Read", "MAYBE"])})

    job = run_import(signed_in, kind="loop", content=content)

    assert job["state"] == "failed"
    assert "Habits.csv" in job["message"]
    assert job["result"] is None
    assert snapshot(user.pk) == before


def test_a_failure_inside_the_transaction_changes_nothing(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The restore has deleted the account's habits when saving its entries breaks: all of it is
    rolled back."""
    some_habits(user)
    content = backup(signed_in)
    make_habit(user=user, name="Only here")
    before = snapshot(user.pk)

    def broken(*, job_id: UUID, stage: ImportStage, done: int, total: int) -> None:
        if stage == ImportStage.SAVE and done:
            raise ConnectionError("the cache went away")

    monkeypatch.setattr(services, "progress_note", broken)
    job = run_import(signed_in, kind="backup", content=content)

    assert job["state"] == "failed"
    assert job["message"] == services.MESSAGE_FAILED
    assert snapshot(user.pk) == before


def test_a_habit_kind_conflict_fails_with_the_readers_message(
    signed_in: ApiClient, user: User
) -> None:
    habit = make_habit(user=user, name="Read")
    make_entry(habit=habit, day=timezone.localdate())
    before = snapshot(user.pk)
    row = [
        "001",
        "Read",
        "NUMERICAL",
        "",
        "",
        "1",
        "1",
        "#7CB342",
        "pages",
        "AT_LEAST",
        "10",
        "false",
    ]
    content = make_zip({"Habits.csv": loop_habits_csv(row)})

    job = run_import(signed_in, kind="loop", content=content)

    assert job["state"] == "failed"
    assert f.PROBLEM_KIND_LOCKED.format(name="Read") in job["message"]
    assert snapshot(user.pk) == before


def test_another_users_job_is_not_found(signed_in: ApiClient, user: User, other_user: User) -> None:
    theirs = ImportJob.objects.create(user=other_user, kind="backup", size=100)

    for response in (
        signed_in.get(f"{JOBS_URL}{theirs.pk}/"),
        send(signed_in, f"{JOBS_URL}{theirs.pk}/file/", b"PK"),
        signed_in.post(f"{JOBS_URL}{theirs.pk}/uploaded/"),
    ):
        assert response.status_code == 404, response.content
    theirs.refresh_from_db()
    assert theirs.state == ImportState.WAITING_UPLOAD


def test_jobs_need_a_signed_in_user(api: ApiClient, other_user: User) -> None:
    theirs = ImportJob.objects.create(user=other_user, kind="backup", size=100)
    assert create(api, kind="backup", size=10).status_code in {401, 403}
    assert api.get(f"{JOBS_URL}{theirs.pk}/").status_code in {401, 403}


def test_a_file_over_the_limit_is_refused_before_any_upload(
    signed_in: ApiClient, settings: Any
) -> None:
    response = create(signed_in, kind="loop", size=settings.IMPORT_MAX_BYTES + 1)

    assert response.status_code == 400
    assert "size" in response.json()["errors"]
    assert not ImportJob.objects.exists()


def test_an_upload_larger_than_announced_is_refused(signed_in: ApiClient) -> None:
    job = create(signed_in, kind="loop", size=10).json()

    response = send(signed_in, job["upload"]["url"], b"x" * 11)

    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [
        services.MESSAGE_LARGER_THAN_DECLARED.format(size=10)
    ]
    assert signed_in.post(f"{JOBS_URL}{job['id']}/uploaded/").json()["errors"]["file"] == [
        services.MESSAGE_NOT_ARRIVED
    ]


def test_a_body_over_the_announced_size_is_refused_before_it_is_read(
    signed_in: ApiClient, settings: Any
) -> None:
    job = create(signed_in, kind="loop", size=10).json()
    content = b"x" * (settings.MULTIPART_OVERHEAD_BYTES + 100)

    response = send(signed_in, job["upload"]["url"], content)

    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [MESSAGE_TOO_BIG.format(limit=10)]


def test_one_import_at_a_time(signed_in: ApiClient, user: User) -> None:
    ImportJob.objects.create(user=user, kind="loop", size=10, state=ImportState.RUNNING)

    response = create(signed_in, kind="backup", size=10)

    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [services.MESSAGE_ALREADY_RUNNING]


def test_a_lost_job_is_failed_and_no_longer_blocks(
    signed_in: ApiClient, user: User, settings: Any
) -> None:
    lost = ImportJob.objects.create(user=user, kind="loop", size=10, state=ImportState.RUNNING)
    long_ago = timezone.now() - timedelta(seconds=settings.IMPORT_JOB_STALE_SECONDS + 1)
    ImportJob.objects.filter(pk=lost.pk).update(updated_at=long_ago)

    assert create(signed_in, kind="backup", size=10).status_code == 201
    lost.refresh_from_db()
    assert lost.state == ImportState.FAILED
    assert lost.message == str(services.MESSAGE_LOST)


def test_a_new_job_replaces_one_still_waiting_for_its_file(
    signed_in: ApiClient, transfer_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    first = create(signed_in, kind="loop", size=10).json()
    assert send(signed_in, first["upload"]["url"], b"0123456789").status_code == 204

    with django_capture_on_commit_callbacks(execute=True):
        create(signed_in, kind="loop", size=10)

    replaced = signed_in.get(f"{JOBS_URL}{first['id']}/").json()
    assert replaced["state"] == "failed"
    assert replaced["message"] == services.MESSAGE_REPLACED
    assert [path for path in transfer_dir.rglob("*") if path.is_file()] == []
    assert signed_in.post(f"{JOBS_URL}{first['id']}/uploaded/").status_code == 400


def test_old_jobs_expire(signed_in: ApiClient, user: User, settings: Any) -> None:
    old = ImportJob.objects.create(user=user, kind="loop", size=10, state=ImportState.DONE)
    long_ago = timezone.now() - timedelta(days=settings.IMPORT_JOB_KEEP_DAYS + 1)
    ImportJob.objects.filter(pk=old.pk).update(created_at=long_ago)
    for _ in range(services.MAX_JOBS_PER_USER + 5):
        ImportJob.objects.create(user=user, kind="loop", size=10, state=ImportState.FAILED)

    create(signed_in, kind="loop", size=10)

    assert not ImportJob.objects.filter(pk=old.pk).exists()
    assert ImportJob.objects.filter(user=user).count() == services.MAX_JOBS_PER_USER


def test_a_job_runs_once(signed_in: ApiClient, user: User) -> None:
    some_habits(user)
    content = backup(signed_in)
    job = run_import(signed_in, kind="backup", content=content)

    assert services.import_job_run(job_id=UUID(job["id"])) is None
    assert signed_in.post(f"{JOBS_URL}{job['id']}/uploaded/").status_code == 400


def test_a_running_job_shows_its_progress(user: User) -> None:
    job = ImportJob.objects.create(user=user, kind="loop", size=10, state=ImportState.RUNNING)
    assert import_job_progress(job=job).stage == ImportStage.FETCH

    progress_note(job_id=job.pk, stage=ImportStage.SAVE, done=2000, total=5000)

    progress = import_job_progress(job=job)
    assert (progress.stage, progress.done, progress.total) == (ImportStage.SAVE, 2000, 5000)


def test_the_job_reports_each_stage_while_it_runs(
    signed_in: ApiClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    some_habits(user)
    content = backup(signed_in)
    seen: list[tuple[str, int, int]] = []

    def note(*, job_id: UUID, stage: ImportStage, done: int, total: int) -> None:
        seen.append((str(stage), done, total))
        progress_note(job_id=job_id, stage=stage, done=done, total=total)

    monkeypatch.setattr(services, "progress_note", note)
    run_import(signed_in, kind="backup", content=content)

    assert seen[0] == ("fetch", 0, len(content))
    assert ("fetch", len(content), len(content)) in seen
    assert ("check", 0, 0) in seen
    assert seen[-1] == ("save", 10, 10)
