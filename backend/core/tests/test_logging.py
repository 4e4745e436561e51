"""core.logging.info: the request line written straight to the JSON handler, the same line as
structlog's own path, which still serves every other configuration."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
import structlog
from django.conf import settings

from core import logging as structured_logging
from core.logging import JSONLineHandler, logging_config

NAME = "core.request"
FIELDS: dict[str, Any] = {
    "method": "GET",
    "path": "/api/habits/",
    "status": 200,
    "duration_ms": 1.5,
    "user_id": 7,
}


@pytest.fixture
def configure() -> Iterator[Any]:
    """Install logging_config(level, fmt) writing to a buffer; the settings' logging after."""

    def install(fmt: str = "json", level: str = "INFO") -> io.StringIO:
        config = logging_config(level, fmt)
        stream = io.StringIO()
        config["handlers"]["default"]["stream"] = stream
        logging.config.dictConfig(config)
        return stream

    structlog.contextvars.clear_contextvars()
    yield install
    structlog.contextvars.clear_contextvars()
    logging.config.dictConfig(settings.LOGGING)
    logging_config(settings.LOG_LEVEL, settings.LOG_FORMAT)


def lines(stream: io.StringIO) -> list[str]:
    return stream.getvalue().splitlines()


def without_timestamp(line: str) -> list[tuple[str, Any]]:
    """The line's fields in their order, the timestamp's value left out (it differs by call)."""
    fields = json.loads(line)
    assert fields["timestamp"].endswith("Z")
    return [(key, None if key == "timestamp" else value) for key, value in fields.items()]


def test_the_line_is_structlogs_own_field_for_field_and_in_order(configure: Any) -> None:
    stream = configure("json")
    # A context variable with a sensitive name: redacted on both paths.
    structlog.contextvars.bind_contextvars(request_id="r-1", token="not for logs")

    structured_logging.info(NAME, "request", **FIELDS)
    structlog.get_logger(NAME).info("request", **FIELDS)

    direct, through_structlog = lines(stream)
    assert without_timestamp(direct) == without_timestamp(through_structlog)
    assert json.loads(direct) | {"timestamp": None} == {
        **FIELDS,
        "event": "request",
        "request_id": "r-1",
        "token": "[redacted]",
        "level": "info",
        "logger": NAME,
        "timestamp": None,
    }


def test_under_the_json_configuration_no_log_record_is_made(
    configure: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = configure("json")
    made: list[logging.LogRecord] = []
    make_record = logging.Logger.makeRecord

    def counting(self: logging.Logger, *args: Any, **kwargs: Any) -> logging.LogRecord:
        made.append(record := make_record(self, *args, **kwargs))
        return record

    monkeypatch.setattr(logging.Logger, "makeRecord", counting)

    structured_logging.info(NAME, "request", **FIELDS)

    assert made == []
    assert len(lines(stream)) == 1
    assert isinstance(logging.getLogger().handlers[0], JSONLineHandler)


def test_another_handler_on_the_way_gets_the_record_through_logging(configure: Any) -> None:
    stream = configure("json")
    other = io.StringIO()
    handler = logging.StreamHandler(other)
    logging.getLogger(NAME).addHandler(handler)
    try:
        structured_logging.info(NAME, "request", **FIELDS)
    finally:
        logging.getLogger(NAME).removeHandler(handler)

    assert json.loads(lines(stream)[0])["path"] == "/api/habits/"
    assert len(lines(other)) == 1  # a plain handler: the record's message, one line


def test_levels_still_decide(configure: Any) -> None:
    stream = configure("json", level="WARNING")
    structured_logging.info(NAME, "request", **FIELDS)
    assert lines(stream) == []

    stream = configure("json")
    logging.getLogger().handlers[0].setLevel(logging.ERROR)
    structured_logging.info(NAME, "request", **FIELDS)
    assert lines(stream) == []


def test_a_handler_filter_sends_the_record_through_logging(configure: Any) -> None:
    stream = configure("json")
    handler = logging.getLogger().handlers[0]
    seen: list[logging.LogRecord] = []

    def keep(record: logging.LogRecord) -> bool:
        seen.append(record)
        return True

    handler.addFilter(keep)
    structured_logging.info(NAME, "request", **FIELDS)

    assert len(seen) == 1
    assert json.loads(lines(stream)[0])["event"] == "request"


def test_console_lines_take_structlogs_path(configure: Any) -> None:
    stream = configure("console")
    structlog.contextvars.bind_contextvars(request_id="r-2")

    structured_logging.info(NAME, "request", **FIELDS)

    (line,) = lines(stream)
    assert "request" in line
    assert "path=/api/habits/" in line
    assert "request_id=r-2" in line


def test_a_write_that_fails_is_reported_not_raised(
    configure: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure("json")
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, JSONLineHandler)
    reported: list[logging.LogRecord | None] = []
    monkeypatch.setattr(handler, "handleError", reported.append)
    monkeypatch.setattr(handler, "stream", None)  # .write fails

    structured_logging.info(NAME, "request", **FIELDS)

    assert len(reported) == 1


def masked(line: str) -> str:
    """The line with its timestamp's value blanked: the rest must match byte for byte."""
    timestamp = json.loads(line)["timestamp"]
    return line.replace(timestamp, "T")


def test_the_line_is_structlogs_own_byte_for_byte(configure: Any) -> None:
    stream = configure("json")
    structlog.contextvars.bind_contextvars(request_id="r-3")
    fields = {
        "method": "GET",
        "path": '/api/h\u00e9bits/"\\\n',  # escaped as structlog's JSON escapes it (ASCII)
        "status": 404,
        "duration_ms": 0.125,
        "user_id": None,
    }

    structured_logging.info(NAME, "request", **fields)
    structlog.get_logger(NAME).info("request", **fields)

    direct, through_structlog = lines(stream)
    assert masked(direct) == masked(through_structlog)
    assert '"path": "/api/h\\u00e9bits/\\"\\\\\\n"' in direct
    # and the JSON is what a stock json.dumps writes (JSON_RENDERER keeps one encoder per options)
    assert direct == json.dumps(json.loads(direct))


def test_an_exc_info_field_is_rendered_as_structlog_renders_it(configure: Any) -> None:
    stream = configure("json")
    try:
        raise ValueError("boom")
    except ValueError as error:
        structured_logging.info(NAME, "failed", exc_info=error)
        structlog.get_logger(NAME).info("failed", exc_info=error)

    direct, through_structlog = lines(stream)
    assert masked(direct) == masked(through_structlog)
    assert "ValueError: boom" in json.loads(direct)["exception"]


def test_the_request_line_never_resolves_the_user_itself(rf: Any) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.utils.functional import SimpleLazyObject

    from core.middleware import resolved_user, resolved_user_id

    request = rf.get("/api/habits/")
    resolved: list[int] = []

    def load() -> AnonymousUser:
        resolved.append(1)
        return AnonymousUser()

    request.user = SimpleLazyObject(load)
    assert resolved_user_id(request) is None
    assert resolved == []  # reading the id did not load the user

    user = resolved_user(request)
    assert type(user) is AnonymousUser  # the object itself, not the lazy proxy
    assert resolved_user(request) is user
    assert resolved == [1]  # loaded once
    assert resolved_user_id(request) is None  # anonymous: no id
