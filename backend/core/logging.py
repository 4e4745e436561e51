"""Structured logs with structlog: JSON lines in production, readable lines locally.

Django's own loggers go through the same formatter, so every line of a Lambda's log is one JSON
object carrying the request id bound by core.middleware.RequestLogMiddleware. Nothing here logs
bodies, cookies or headers; `redact_secrets` is a last line of defence for keys that look sensitive.
"""

from __future__ import annotations

import functools
import json
import logging
from typing import Any

import structlog

SENSITIVE_KEYS = frozenset(
    {
        "password",
        "secret",
        "secret_key",
        "token",
        "csrftoken",
        "sessionid",
        "cookie",
        "cookies",
        "authorization",
    }
)


def redact_secrets(_logger: Any, _name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key in list(event_dict):
        if key.lower() in SENSITIVE_KEYS:
            event_dict[key] = "[redacted]"
    return event_dict


SHARED_PROCESSORS: list[Any] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    redact_secrets,
]


# What structlog runs on each event (structlog.configure), then the formatter's own processors
# when the lines are JSON; the renderer is one object, so `JSONLineHandler` can tell it is in use.
STRUCTLOG_PROCESSORS: list[Any] = [
    *SHARED_PROCESSORS,
    structlog.processors.format_exc_info,
    structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
]


@functools.cache
def _encoder(**options: Any) -> json.JSONEncoder:
    return json.JSONEncoder(**options)


def _dumps(event_dict: Any, **options: Any) -> str:
    """`json.dumps(event_dict, **options)`, as structlog's JSONRenderer calls it (its options
    include its own `default`), without building a JSONEncoder for every line: one per set of
    options, the same output."""
    return _encoder(**options).encode(event_dict)


JSON_RENDERER = structlog.processors.JSONRenderer(serializer=_dumps)
JSON_FORMATTER_PROCESSORS: list[Any] = [
    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
    structlog.processors.format_exc_info,
    JSON_RENDERER,
]


class JSONLineHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The JSON configuration's handler: a StreamHandler that also writes lines rendered ahead.

    `info` renders an event with the very processors and renderer the configured chain would run
    (structlog's, then the formatter's) and writes it here, without the stdlib's LogRecord, caller
    lookup and record copy, which cost most of the request line's CPU.
    """

    def renders_json(self) -> bool:
        formatter = self.formatter
        return (
            isinstance(formatter, structlog.stdlib.ProcessorFormatter)
            and formatter.processors == JSON_FORMATTER_PROCESSORS
            and formatter.logger is None
            and not self.filters
        )

    def write_line(self, line: str) -> None:
        # StreamHandler.emit, the formatting done already.
        with self.lock:  # type: ignore[union-attr]
            try:
                self.stream.write(line + self.terminator)
                self.flush()
            except RecursionError:
                raise
            except Exception:  # noqa: BLE001 - as logging.Handler: report on stderr, go on
                self.handleError(logging.makeLogRecord({"msg": line}))


def _direct_handlers(logger: logging.Logger, level: int) -> list[JSONLineHandler] | None:
    """The handlers a record of `logger` at `level` would reach, when every one of them is a
    JSONLineHandler rendering the JSON lines (and no filter is on the way); None otherwise."""
    found: list[JSONLineHandler] = []
    current: logging.Logger | None = logger
    if logger.disabled or logger.filters:
        return None
    while current is not None:
        for handler in current.handlers:
            if not (isinstance(handler, JSONLineHandler) and handler.renders_json()):
                return None
            if level >= handler.level:
                found.append(handler)
        if not current.propagate:
            break
        current = current.parent
    # No handler at all: logging's last resort would print the bare message; keep its path.
    return found or None


# The stdlib loggers `info` writes for, by name: logging.getLogger takes the module's lock each
# time, and a Logger, once made, is the same object for the life of the process (dictConfig
# reconfigures it in place).
_loggers: dict[str, logging.Logger] = {}


def info(name: str, event: str, **fields: Any) -> None:
    """`structlog.get_logger(name).info(event, **fields)`, the same line as a result, written
    straight to the handlers while the JSON configuration (logging_config(..., "json")) is the one
    in place; any other (console lines, a test's capture, another handler or processor) takes
    structlog's own path."""
    stdlib = _loggers.get(name)
    if stdlib is None:
        stdlib = _loggers.setdefault(name, logging.getLogger(name))
    if not stdlib.isEnabledFor(logging.INFO):
        return
    handlers = _direct_handlers(stdlib, logging.INFO)
    if handlers is None or structlog.get_config()["processors"] != STRUCTLOG_PROCESSORS:
        structlog.get_logger(name).info(event, **fields)
        return
    event_dict: Any = {**fields, "event": event}
    for processor in STRUCTLOG_PROCESSORS[:-1]:  # the last one hands the dict to the stdlib
        event_dict = processor(stdlib, "info", event_dict)
    line = JSON_RENDERER(stdlib, "info", event_dict)  # the formatter's chain, on this dict
    for handler in handlers:
        handler.write_line(str(line))


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    """A dictConfig for Django's LOGGING setting; also configures structlog itself."""
    json_lines = fmt == "json"
    structlog.configure(
        processors=STRUCTLOG_PROCESSORS,
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "processors": (
                    JSON_FORMATTER_PROCESSORS
                    if json_lines
                    else [
                        structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                        structlog.processors.format_exc_info,
                        structlog.dev.ConsoleRenderer(colors=False),
                    ]
                ),
                "foreign_pre_chain": SHARED_PROCESSORS,
            }
        },
        "handlers": {
            "default": {
                "class": (
                    "core.logging.JSONLineHandler" if json_lines else "logging.StreamHandler"
                ),
                "formatter": "structured",
            }
        },
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            # Request lines come from core.middleware; Django's would repeat them.
            "django.request": {"level": "ERROR"},
            "django.server": {"level": "ERROR"},
            "django.db.backends": {"level": "INFO"},
            # Mangum logs each request again, without the request id.
            "mangum": {"level": "WARNING"},
        },
    }
