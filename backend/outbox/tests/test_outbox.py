"""The outbox: mail exists if and only if the change that causes it commits, leaves after the
commit, survives a failed send for a later relay, and reaches SES through its dual-stack
endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from moto import mock_aws
from moto.core.models import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from config.tests.test_settings import PRODUCTION_ENV, manage
from outbox import services, transports
from outbox.models import Message
from outbox.services import MAX_ATTEMPTS, mail_queue, mail_relay

pytestmark = pytest.mark.django_db


def queue(**overrides: Any) -> Message:
    fields = {
        "to": "ana@example.org",
        "subject": "Reset your password",
        "body": "Open https://habits.example.com/password/reset#token=abc to choose one.",
        "kind": "password_reset",
    }
    return mail_queue(**(fields | overrides))


class Refusing:
    def send(self, message: Message) -> None:
        raise ConnectionError("SES unreachable")


def test_mail_is_written_with_the_change_and_sent_after_the_commit(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        queue()
        assert mail.outbox == []  # not before the commit
    assert len(callbacks) == 1
    assert [(sent.to, sent.subject) for sent in mail.outbox] == [
        (["ana@example.org"], "Reset your password")
    ]
    assert Message.objects.get().sent_at is not None


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks: Any) -> None:
    def failing_change() -> None:
        with transaction.atomic():
            queue()
            raise RuntimeError("the change failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        failing_change()
    assert not Message.objects.exists()
    assert mail.outbox == []


def test_a_failed_send_keeps_the_message_for_the_next_relay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    message = queue()
    monkeypatch.setattr(services, "transport", Refusing)
    assert mail_relay() == services.RelayResult(sent=0, failed=1)
    message.refresh_from_db()
    assert message.sent_at is None
    assert message.attempts == 1
    assert message.last_error == "ConnectionError: SES unreachable"
    assert message.next_attempt_at > timezone.now()
    assert mail_relay() == services.RelayResult(sent=0, failed=0)  # not due yet

    monkeypatch.undo()
    Message.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    queue(to="bo@example.org")  # the next mail-producing change relays both
    assert mail_relay() == services.RelayResult(sent=2, failed=0)
    assert sorted(sent.to[0] for sent in mail.outbox) == ["ana@example.org", "bo@example.org"]


def test_a_message_another_relay_holds_is_left_to_it() -> None:
    message = queue()
    Message.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() + services.LEASE)
    assert mail_relay().sent == 0
    assert mail.outbox == []


def test_the_relay_gives_up_after_its_last_attempt(monkeypatch: pytest.MonkeyPatch) -> None:
    message = queue()
    Message.objects.filter(pk=message.pk).update(attempts=MAX_ATTEMPTS)
    assert mail_relay() == services.RelayResult(sent=0, failed=0)


@override_settings(OUTBOX_KEEP_SENT=False)
def test_sent_messages_and_their_links_are_not_kept_in_production() -> None:
    queue()
    mail_relay()
    assert not Message.objects.exists()
    assert len(mail.outbox) == 1


def test_the_relay_command_sends_what_is_due(capsys: pytest.CaptureFixture[str]) -> None:
    queue()
    call_command("mail_relay")
    assert "1 sent, 0 failed" in capsys.readouterr().out


# --- SES ------------------------------------------------------------------------------------------


@pytest.fixture
def ses(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        # moto answers on the IPv4 endpoint; production's dual-stack one is checked below.
        client = boto3.client("sesv2", region_name="us-east-1")
        client.create_email_identity(EmailIdentity="habits.example.com")
        yield client


@override_settings(
    MAIL_FROM="Habit Tracker <no-reply@habits.example.com>",
    MAIL_SES_CONFIGURATION_SET=None,
)
def test_ses_sends_the_message_as_text_from_the_verified_identity(ses: Any) -> None:
    message = queue()
    transports.SesTransport(client=ses).send(message)
    (sent,) = ses_backends[DEFAULT_ACCOUNT_ID]["us-east-1"].sent_messages
    assert sent.source == "Habit Tracker <no-reply@habits.example.com>"
    assert sent.destinations == {"ToAddresses": ["ana@example.org"]}
    assert (sent.subject, sent.body) == (message.subject, message.body)


@override_settings(MAIL_FROM="no-reply@unverified.example", MAIL_SES_CONFIGURATION_SET="habits")
def test_a_refusal_by_ses_keeps_the_message_pending(
    ses: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ses.create_configuration_set(ConfigurationSetName="habits")
    monkeypatch.setattr(services, "transport", lambda: transports.SesTransport(client=ses))
    message = queue()
    assert mail_relay() == services.RelayResult(sent=0, failed=1)
    message.refresh_from_db()
    assert message.sent_at is None
    assert "MessageRejected" in message.last_error


@override_settings(MAIL_SES_REGION="us-east-1", MAIL_TRANSPORT="ses")
def test_the_ses_client_uses_the_dual_stack_endpoint() -> None:
    transports.ses_client.cache_clear()
    try:
        route = transports.transport()
        assert isinstance(route, transports.SesTransport)
        assert route.client.meta.endpoint_url == "https://email.us-east-1.api.aws"
    finally:
        transports.ses_client.cache_clear()


# --- The local mail page --------------------------------------------------------------------------


def test_the_local_mail_page_lists_messages_with_their_links(api: Any) -> None:
    queue(to="ana@example.org")
    queue(to="bo@example.org", body="Nothing to click.")
    everything = api.get("/api/dev/mail/").json()
    assert [message["to"] for message in everything] == ["bo@example.org", "ana@example.org"]
    (ana,) = api.get("/api/dev/mail/?to=ANA@example.org").json()
    assert ana["links"] == ["https://habits.example.com/password/reset#token=abc"]
    assert ana["kind"] == "password_reset"


DEV_PAGE = (
    "from django.conf import settings\n"
    "from django.urls import resolve\n"
    "print('page:', settings.DEV_MAIL_PAGE, resolve('/api/dev/mail/').func.__name__)"
)


def test_production_never_mounts_the_mail_page() -> None:
    result = manage("shell", "-c", DEV_PAGE, env={**PRODUCTION_ENV, "DEV_MAIL_PAGE": "true"})
    assert "page: False json_not_found" in result.stdout, result.stderr
