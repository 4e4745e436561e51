"""The `{"import_job": "<id>"}` event: the asynchronous invocation that runs a queued import."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

import lambda_handler
from factories import make_habit, make_user
from habits.models import Habit, ImportJob
from habits.rules import ImportState
from habits.tests.loop_fixtures import make_zip
from habits.transfers.runner import import_job_start
from lambda_tests.conftest import Invoke
from lambda_tests.events import FakeContext


@pytest.fixture(autouse=True)
def _transfer_dir(settings: Any, tmp_path: Path) -> None:
    settings.IMPORT_BUCKET = ""
    settings.TRANSFER_DIR = str(tmp_path)


@pytest.mark.django_db(transaction=True)
def test_the_event_runs_a_queued_job_once(invoke: Invoke, tmp_path: Path) -> None:
    user = make_user()
    make_habit(user=user, name="Kept")
    content = make_zip({"Habits.csv": "not a Loop file"})
    job = ImportJob.objects.create(user=user, kind="loop", size=len(content))
    path = tmp_path / job.object_key
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    ImportJob.objects.filter(pk=job.pk).update(state=ImportState.QUEUED)

    assert invoke({"import_job": str(job.pk)}) == {"import_job": str(job.pk), "state": "failed"}
    job.refresh_from_db()
    assert job.state == ImportState.FAILED
    assert "Habits.csv" in job.message
    assert list(Habit.objects.filter(user=user).values_list("name", flat=True)) == ["Kept"]
    assert not path.exists()
    # Lambda may deliver an event twice: the second delivery finds nothing queued.
    assert invoke({"import_job": str(job.pk)}) == {"import_job": str(job.pk), "state": None}


@pytest.mark.parametrize("job_id", ["not-a-uuid", None, 12])
def test_an_unusable_job_id_is_an_unsupported_event(job_id: Any) -> None:
    with pytest.raises(lambda_handler.UnsupportedEventError):
        lambda_handler.handler({"import_job": job_id}, FakeContext())


@pytest.mark.django_db(transaction=True)
def test_the_thread_runner_runs_the_job_beside_the_request(settings: Any, tmp_path: Path) -> None:
    """`make run`'s runner: the job ends in a thread of its own, with its own connection."""
    settings.IMPORT_RUNNER = "thread"
    user = make_user()
    content = make_zip({"Habits.csv": "not a Loop file"})
    job = ImportJob.objects.create(user=user, kind="loop", size=len(content))
    path = tmp_path / job.object_key
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    ImportJob.objects.filter(pk=job.pk).update(state=ImportState.QUEUED)

    import_job_start(job=job)

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.state == ImportState.FAILED:
            break
        time.sleep(0.05)
    assert job.state == ImportState.FAILED
    assert "Habits.csv" in job.message


def test_the_handler_answers_the_key_the_runner_sends() -> None:
    from habits.transfers.runner import EVENT_KEY

    assert lambda_handler.IMPORT_JOB == EVENT_KEY
