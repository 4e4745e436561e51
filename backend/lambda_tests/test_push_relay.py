"""backend/push_relay.py: the relay outside the VPC, against a local push endpoint."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import pytest
from django.test import override_settings

import push_relay
from conftest import ApiClient
from factories import make_habit
from habits.reminders.services import reminders_send
from habits.reminders.tests.push_endpoint import Browser, PushEndpoint
from habits.reminders.tests.test_sender import remind_soon, subscribe
from habits.reminding import push
from habits.reminding.webpush import Vapid


@pytest.fixture
def allow_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUSH_RELAY_ALLOW_HTTP", "true")
    monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)


def event(endpoint: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "endpoint": endpoint,
        "headers": {"TTL": "60", "Content-Encoding": "aes128gcm"},
        "body_b64": base64.b64encode(b"sealed").decode(),
    }
    body.update(overrides)
    return body


def test_the_relay_posts_the_ready_request_and_returns_the_status(
    allow_http: None, push_endpoint: PushEndpoint
) -> None:
    assert push_relay.handler(event(push_endpoint.url("/a")), None) == {"status": 201}
    [received] = push_endpoint.received
    assert (received.path, received.body, received.headers["ttl"]) == ("/a", b"sealed", "60")
    push_endpoint.status_for["/gone"] = 410
    assert push_relay.handler(event(push_endpoint.url("/gone")), None) == {"status": 410}
    # A redirect is not followed (it could lead anywhere): its status is the answer.
    push_endpoint.status_for["/moved"] = 307
    assert push_relay.handler(event(push_endpoint.url("/moved")), None) == {"status": 307}
    assert [r.path for r in push_endpoint.received] == ["/a", "/gone", "/moved"]


@pytest.mark.parametrize(
    "bad",
    [
        event("http://updates.push.services.mozilla.com/wpush/v2/x"),  # not https
        event("https://evil.example/wpush"),  # not a push service
        event("https://googleapis.com.evil.example/fcm"),
        event("https://169.254.169.254/latest/meta-data"),
        event("https://fcm.googleapis.com/x", headers={"Host": "internal"}),
        event("https://fcm.googleapis.com/x", headers={"TTL": "1\r\nX: y"}),
        event("https://fcm.googleapis.com/x", body_b64="not base64!"),
        event("https://fcm.googleapis.com/x", body_b64=base64.b64encode(b"x" * 4097).decode()),
        "not an object",
    ],
)
def test_the_relay_refuses_anything_but_a_push(bad: Any) -> None:
    with pytest.raises(push_relay.RefusedError):
        push_relay.handler(bad, None)


def test_the_http_test_flag_is_ignored_inside_lambda(
    allow_http: None, monkeypatch: pytest.MonkeyPatch, push_endpoint: PushEndpoint
) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "push-relay")
    with pytest.raises(push_relay.RefusedError):
        push_relay.handler(event(push_endpoint.url("/a")), None)
    assert push_endpoint.received == []


class RelayLambda:
    """boto3's Lambda client as the sender uses it, invoking push_relay.handler in-process."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def invoke(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        answer = push_relay.handler(json.loads(kwargs["Payload"]), None)
        return {"StatusCode": 200, "Payload": io.BytesIO(json.dumps(answer).encode())}


@pytest.mark.django_db
def test_the_sender_hands_its_pushes_to_the_relay_function(
    signed_in: ApiClient,
    midday_user: Any,
    vapid: Vapid,
    push_endpoint: PushEndpoint,
    allow_http: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    relay = RelayLambda()
    monkeypatch.setattr(push, "_lambda_client", lambda: relay)
    habit = make_habit(user=midday_user)
    browser: Browser = subscribe(signed_in, push_endpoint)
    instant = remind_soon(signed_in, habit)
    with override_settings(PUSH_RELAY_FUNCTION="push-relay"):
        result = reminders_send(now=instant)
    assert (result.sent, result.failed) == (1, 0)
    [call] = relay.calls
    assert (call["FunctionName"], call["InvocationType"]) == ("push-relay", "RequestResponse")
    message = push_endpoint.message(push_endpoint.received[0], browser, public_key=vapid.public_key)
    assert message["habit"] == habit.pk
