"""Non-HTTP events: management commands, the scheduled warm-up, and what is refused."""

from __future__ import annotations

import json
from typing import Any, NoReturn

import pytest
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test.utils import CaptureQueriesContext

import lambda_handler
from lambda_tests.conftest import Invoke
from lambda_tests.events import FakeContext, scheduled_warmup_event


def manage(invoke: Invoke, command: Any) -> dict[str, Any]:
    response = invoke({"manage": command})
    assert set(response) == {"exit_status", "output"}, response
    assert isinstance(response["exit_status"], int)
    assert isinstance(response["output"], str)
    return response


@pytest.mark.django_db(transaction=True)
def test_manage_migrate_migrates_the_database(invoke: Invoke) -> None:
    response = manage(invoke, "migrate --noinput")

    assert response["exit_status"] == 0, response["output"]
    assert "No migrations to apply" in response["output"] or "Applying" in response["output"]


@pytest.mark.django_db(transaction=True)
def test_manage_check_returns_its_output(invoke: Invoke) -> None:
    response = manage(invoke, "check")

    assert response == {
        "exit_status": 0,
        "output": "System check identified no issues (0 silenced).\n",
    }


def test_manage_with_quoted_arguments(invoke: Invoke) -> None:
    response = manage(invoke, "check --tag 'models' --fail-level 'ERROR'")

    assert response["exit_status"] == 0, response["output"]
    assert "System check identified no issues" in response["output"]


@pytest.mark.parametrize(
    "command", ["shell -c 'print(1)'", "dbshell", "flush --noinput", "no_such_command --now"]
)
def test_only_the_allowed_commands_run(invoke: Invoke, command: str) -> None:
    response = manage(invoke, command)

    assert response["exit_status"] == 2
    assert "may not run here (allowed: migrate, check, showmigrations" in response["output"]


def test_the_api_function_runs_no_command_at_all(invoke: Invoke, settings: Any) -> None:
    settings.MANAGE_COMMANDS = []
    response = manage(invoke, "migrate --noinput")

    assert response == {
        "exit_status": 2,
        "output": "Management commands run in the migration function.",
    }


def test_an_unknown_allowed_command_is_an_error_result(invoke: Invoke, settings: Any) -> None:
    settings.MANAGE_COMMANDS = ["no_such_command"]
    response = manage(invoke, "no_such_command --now")

    assert response["exit_status"] != 0
    assert "Unknown command: 'no_such_command'" in response["output"]


def test_bad_arguments_are_an_error_result(invoke: Invoke) -> None:
    response = manage(invoke, "migrate --no-such-option")

    assert response["exit_status"] != 0
    assert "--no-such-option" in response["output"]


@pytest.mark.parametrize("command", ["", "   ", 42, None, ["migrate"], "check 'unbalanced"])
def test_an_unusable_command_line_is_a_usage_error(invoke: Invoke, command: Any) -> None:
    response = manage(invoke, command)

    assert response["exit_status"] == lambda_handler.EXIT_USAGE
    assert response["output"]


@pytest.mark.parametrize(("code", "status"), [(3, 3), (None, 0), ("gave up", 1)])
def test_a_command_that_exits_reports_its_status(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, code: Any, status: int
) -> None:
    def exits(*args: Any, **kwargs: Any) -> NoReturn:
        raise SystemExit(code)

    monkeypatch.setattr(lambda_handler, "call_command", exits)

    response = manage(invoke, "migrate --check")

    assert response["exit_status"] == status
    if isinstance(code, str):
        assert code in response["output"]


def test_a_crashing_command_is_an_error_result(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crashes(*args: Any, **kwargs: Any) -> NoReturn:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(lambda_handler, "call_command", crashes)

    response = manage(invoke, "check")

    assert response == {"exit_status": 1, "output": "ZeroDivisionError: division by zero\n"}


@pytest.mark.django_db
def test_the_warmup_returns_at_once_without_the_database(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_database(self: BaseDatabaseWrapper) -> NoReturn:
        raise AssertionError("the warm-up touched the database")

    with CaptureQueriesContext(connection) as queries:
        monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", no_database)
        response = invoke(scheduled_warmup_event())
        monkeypatch.undo()

    assert response == {"warmup": True}
    assert len(queries) == 0


def test_any_scheduled_event_is_a_warmup(invoke: Invoke) -> None:
    event = {
        "version": "0",
        "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": "123456789012",
        "time": "2026-11-22T08:30:00Z",
        "region": "eu-west-1",
        "resources": ["arn:aws:events:eu-west-1:123456789012:rule/habit-tracker-warmup"],
        "detail": {},
    }

    assert invoke(event) == {"warmup": True}


@pytest.mark.parametrize(
    "event",
    [
        {},
        {"hello": "world"},
        {"source": "aws.s3", "detail-type": "Object Created"},
        {"Records": [{"eventSource": "aws:sqs", "body": "{}"}]},
        {"requestContext": {}},
        [],
        "migrate",
    ],
)
def test_any_other_event_raises_a_clear_error(event: Any) -> None:
    with pytest.raises(lambda_handler.UnsupportedEventError) as error:
        lambda_handler.handler(event, FakeContext())

    assert str(error.value) == lambda_handler.UNSUPPORTED_EVENT
    assert '{"manage": "<command>"}' in str(error.value)


def test_a_direct_call_returns_json_serializable_results() -> None:
    result = lambda_handler.handler({"manage": "no_such_command"}, FakeContext())

    assert json.loads(json.dumps(result)) == result
