"""Structured logs with structlog: JSON lines in production, readable lines locally.

Django's own loggers go through the same formatter, so every line of a Lambda's log is one JSON
object carrying the request id bound by core.middleware.RequestLogMiddleware. Nothing here logs
bodies, cookies or headers; `redact_secrets` is a last line of defence for keys that look sensitive.
"""

from __future__ import annotations

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


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    """A dictConfig for Django's LOGGING setting; also configures structlog itself."""
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            *SHARED_PROCESSORS,
            structlog.processors.format_exc_info,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
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
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    renderer,
                ],
                "foreign_pre_chain": SHARED_PROCESSORS,
            }
        },
        "handlers": {"default": {"class": "logging.StreamHandler", "formatter": "structured"}},
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
