"""AWS Lambda entry point (image CMD `lambda_handler.handler`): Django behind Mangum, plus two
non-HTTP events.

Everything expensive happens at import, once per cold start, where provisioned concurrency and
SnapStart can pre-warm it: Django's setup (settings, and in AWS the secrets read by
config.aws), the apps, the middleware chain and the URLconf with the views it imports. The rare
features' views (imports, exports, reminders, sign-up, recovery, tokens, passkeys) are routed
through core.lazy_views and imported by their first request instead
(lambda_tests/test_cold_path.py).
No database connection is opened here; the first request that needs one opens it.

Events:

- API Gateway HTTP API (payload 2.0, the main path), REST API / payload 1.0, and the other HTTP
  events Mangum recognises: served by Django. `API_BASE_PATH` (settings) is stripped from the path
  when a named stage or a path prefix is used.
- `{"manage": "migrate --noinput"}`: runs that management command, if settings.MANAGE_COMMANDS
  lists it (in AWS only the migration function's list; never shell or dbshell), and returns
  exactly `{"exit_status": int, "output": str}` (ops.deploy parses these two keys). A failure of
  any kind is reported in that object with a non-zero exit status, never raised: the invocation
  itself succeeded, the command did not.
- `{"reminders": "send"}` (EventBridge Scheduler, once a minute): sends the habit reminders that
  are due (habits.reminders.services.reminders_send) and returns
  `{"due": int, "sent": int, "failed": int, "database": bool}`; while the cache says nothing is
  due it returns at once with `"database": false`, without opening a database connection.
- `{"import_job": "<id>"}`: runs that queued import job (habits.transfers.runner sends it with an
  asynchronous invocation of this function, so the import has the function's whole timeout outside
  any HTTP request) and returns `{"import_job": id, "state": ...}`. A job that is not queued (run
  already: Lambda may deliver an event twice) is left alone. The job records its own failure, so
  the invocation succeeds and Lambda does not retry it.
- An EventBridge scheduled event (`"source": "aws.events"`, `"detail-type": "Scheduled Event"`):
  the warm-up ping. Returns `{"warmup": true}` at once, touching neither the database nor Redis.

Anything else raises UnsupportedEventError, so Lambda reports a FunctionError (`Unhandled`) that
shows in the invoker's response and in the function's Errors metric: an event nobody planned for
is a wiring bug to see, not a result to parse.
"""

from __future__ import annotations

import gc

# No garbage collection while the handler is set up: nearly everything the imports and the setup
# allocate (modules, classes, functions, settings, URL patterns) lives as long as the process, so
# the collector's passes over it (about an eighth of a cold start's CPU, measured) would find
# nothing to free. Collection resumes at the end of this module, with what exists then frozen
# (lambda_tests/test_cold_path.py).
gc.disable()

import asyncio
import contextlib
import io
import os
import shlex
import time
import uuid
from collections.abc import Mapping
from typing import Any

# Before Django is imported: the Lambda sets config.settings.production; a local run gets the
# local settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import structlog
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connections
from django.urls import get_resolver
from mangum import Mangum

from core.asgi import get_asgi_application

# get_asgi_application() runs django.setup() (settings, logging, apps) and builds the middleware
# chain; reading url_patterns imports the URLconf and its view modules (all but the lazy ones) now
# rather than on the first request.
application = get_asgi_application()
get_resolver().url_patterns  # noqa: B018 - imported for its side effect, see above

# The reminder sender and the import jobs are imported by the events that need them: the API's
# cold start does not pay for them. The event's key is habits.transfers.runner.EVENT_KEY (a test
# holds the two equal).
IMPORT_JOB = "import_job"

log = structlog.get_logger("lambda_handler")

UNSUPPORTED_EVENT = (
    'Unsupported event: expected an API Gateway HTTP event, {"manage": "<command>"}, '
    '{"reminders": "send"}, {"import_job": "<id>"} or a scheduled warm-up'
)
EXIT_USAGE = 2

# Mangum runs each request with run_until_complete on the thread's current event loop. One loop,
# created here and re-installed before every request, survives code that unsets the current loop
# (asyncio.run does, when it finishes).
_event_loop = asyncio.new_event_loop()
asyncio.set_event_loop(_event_loop)


class UnsupportedEventError(Exception):
    """An event that is neither HTTP, nor a management command, nor a warm-up."""


def http_adapter(api_base_path: str) -> Mangum:
    """Mangum around the Django app; Mangum reads the base path once, here."""
    # Django's stubs type the scope as a dict, Mangum's protocol as a MutableMapping: same object.
    return Mangum(
        application,  # type: ignore[arg-type]
        lifespan="off",
        api_gateway_base_path=api_base_path or "/",
    )


http = http_adapter(settings.API_BASE_PATH)

# The set-up objects move to the collector's permanent generation (gc.freeze): later collections,
# during requests, do not walk them again. Then collection resumes (paused at the top).
gc.freeze()
gc.enable()


def handler(event: Any, context: Any) -> dict[str, Any]:
    return handle(event, context, adapter=http)


def handle(event: Any, context: Any, *, adapter: Mangum) -> dict[str, Any]:
    if not isinstance(event, Mapping):
        raise UnsupportedEventError(UNSUPPORTED_EVENT)
    if "manage" in event:
        return manage(event["manage"], request_id=getattr(context, "aws_request_id", None))
    if event.get("reminders") == "send":
        return send_reminders(request_id=getattr(context, "aws_request_id", None))
    if IMPORT_JOB in event:
        return import_job(event[IMPORT_JOB])
    if is_warmup(event):
        return {"warmup": True}
    if is_http(event, context, adapter):
        asyncio.set_event_loop(_event_loop)
        response = adapter(dict(event), context)
        if http_method(event) == "HEAD":
            # Stripping a HEAD response's body is the server's job under ASGI; Mangum is the server.
            response["body"] = ""
            response["isBase64Encoded"] = False
        return response
    raise UnsupportedEventError(UNSUPPORTED_EVENT)


def is_warmup(event: Mapping[str, Any]) -> bool:
    return event.get("source") == "aws.events" and event.get("detail-type") == "Scheduled Event"


def is_http(event: Mapping[str, Any], context: Any, adapter: Mangum) -> bool:
    try:
        adapter.infer(dict(event), context)
    except (RuntimeError, KeyError, TypeError, AttributeError):
        return False
    return True


def http_method(event: Mapping[str, Any]) -> str:
    """The method of a payload 2.0 event, or of a payload 1.0 / REST API event."""
    http = event.get("requestContext", {}).get("http", {})
    return str(http.get("method") or event.get("httpMethod") or "").upper()


def import_job(job_id: Any) -> dict[str, Any]:
    """Run one queued import job; see the module docstring."""
    try:
        from habits.transfers.services import import_job_run

        job = import_job_run(job_id=uuid.UUID(str(job_id)))
    except ValueError as error:
        raise UnsupportedEventError(UNSUPPORTED_EVENT) from error
    finally:
        connections.close_all()
    return {IMPORT_JOB: str(job_id), "state": job.state if job else None}


def manage(command_line: Any, *, request_id: str | None = None) -> dict[str, Any]:
    """Run one management command; `{"exit_status": 0, "output": ...}` on success."""
    if not isinstance(command_line, str) or not command_line.strip():
        return result(EXIT_USAGE, 'The "manage" value must be a command line such as "check".')
    try:
        name, *arguments = shlex.split(command_line)
    except ValueError as error:
        return result(EXIT_USAGE, f"Could not parse the command line: {error}.")
    if not settings.MANAGE_COMMANDS:
        log.warning("manage_refused", command=name[:64])
        return result(EXIT_USAGE, "Management commands run in the migration function.")
    if name not in settings.MANAGE_COMMANDS:
        allowed = ", ".join(settings.MANAGE_COMMANDS)
        log.warning("manage_refused", command=name[:64])
        return result(EXIT_USAGE, f"{name!r} may not run here (allowed: {allowed}).")

    structlog.contextvars.bind_contextvars(request_id=request_id)
    started = time.perf_counter()
    output = io.StringIO()
    try:
        # call_command's own stdout/stderr take what commands write through self.stdout; the
        # redirects take what they print (shell -c, some third-party commands).
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            call_command(name, *arguments, stdout=output, stderr=output)
        exit_status = 0
    except SystemExit as error:  # `migrate --check` and friends exit with a status
        exit_status = (
            error.code if isinstance(error.code, int) else (0 if error.code is None else 1)
        )
        if isinstance(error.code, str):
            output.write(f"{error.code}\n")
    except CommandError as error:  # unknown command, bad arguments, a command's own refusal
        exit_status = error.returncode or 1
        output.write(f"CommandError: {error}\n")
    except Exception as error:  # reported to the caller, see the module docstring
        exit_status = 1
        output.write(f"{type(error).__name__}: {error}\n")
        log.exception("manage_failed", command=name)
    finally:
        connections.close_all()
    # Only the command's name: its arguments may carry values that do not belong in logs.
    log.info(
        "manage",
        command=name,
        exit_status=exit_status,
        duration_ms=round((time.perf_counter() - started) * 1000, 2),
    )
    structlog.contextvars.clear_contextvars()
    return result(exit_status, output.getvalue())


def send_reminders(*, request_id: str | None = None) -> dict[str, Any]:
    """The scheduled reminder run: its counts. A failure raises (the schedule's retry and the
    function's Errors metric see it); a reminder claimed before the failure is not sent twice."""
    structlog.contextvars.bind_contextvars(request_id=request_id)
    started = time.perf_counter()
    try:
        from habits.reminders.services import reminders_send

        sent = reminders_send().as_dict()
    finally:
        connections.close_all()
    log.info("reminders", duration_ms=round((time.perf_counter() - started) * 1000, 2), **sent)
    structlog.contextvars.clear_contextvars()
    return sent


def result(exit_status: int, output: str) -> dict[str, Any]:
    return {"exit_status": exit_status, "output": output}
