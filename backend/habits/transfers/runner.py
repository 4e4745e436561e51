"""How a queued import job starts, chosen by the IMPORT_RUNNER setting:

- `lambda` (AWS): an asynchronous invocation (InvocationType `Event`) of this same function
  with `{"import_job": "<id>"}`, which `lambda_handler` hands to `import_job_run`. Lambda queues
  the event and answers at once; the import then has the function's whole timeout, outside any
  HTTP request. The call goes to Lambda's dual-stack endpoint (lambda.<region>.api.aws), reached
  like the other AWS APIs over the subnets' IPv6 egress.
- `thread` (`make run`): a daemon thread of this process, with its own database connection.
- `inline` (tests): in the request that queued it.

A runner that cannot start fails the job with a message, so nothing waits forever.
"""

from __future__ import annotations

import json
import threading
from functools import cache
from typing import Any
from uuid import UUID

import structlog
from django.conf import settings
from django.db import connections

from habits.models import ImportJob
from habits.transfers.services import MESSAGE_FAILED, import_job_fail, import_job_run

log = structlog.get_logger(__name__)

EVENT_KEY = "import_job"


def import_job_start(*, job: ImportJob) -> None:
    runner = settings.IMPORT_RUNNER
    if runner == "inline":
        import_job_run(job_id=job.pk)
    elif runner == "thread":
        threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True).start()
    elif runner == "lambda":
        _invoke(job.pk)
    else:
        raise ValueError(f"IMPORT_RUNNER must be inline, thread or lambda, not {runner!r}.")


def _run_in_thread(job_id: UUID) -> None:
    try:
        import_job_run(job_id=job_id)
    finally:
        connections.close_all()  # this thread's connections only


def _invoke(job_id: UUID) -> None:
    try:
        lambda_client().invoke(
            FunctionName=settings.IMPORT_FUNCTION_NAME,
            InvocationType="Event",
            Payload=json.dumps({EVENT_KEY: str(job_id)}).encode(),
        )
    except Exception:
        log.exception("import_job_not_started", job_id=str(job_id))
        import_job_fail(job_id=job_id, message=str(MESSAGE_FAILED))


@cache
def lambda_client() -> Any:
    """One client per process, over the dual-stack endpoint (the function has no NAT)."""
    import boto3  # only in AWS: local runs never import the AWS SDK
    from botocore.config import Config

    config = Config(
        use_dualstack_endpoint=True,
        connect_timeout=2,
        read_timeout=5,
        retries={"max_attempts": 2, "mode": "standard"},
    )
    return boto3.client("lambda", config=config)
