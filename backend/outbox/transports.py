"""How a message leaves: one small class per route, chosen by the MAIL_TRANSPORT setting.

- `django`: Django's email backend (EMAIL_BACKEND). Locally that is the console backend, so every
  mail appears in `make run`'s terminal at once; the test suite uses Django's in-memory backend.
- `ses`: Amazon SES's v2 API (SendEmail) over its dual-stack endpoint (email.<region>.api.aws).
  The API function runs in a VPC without a NAT gateway; its subnets route IPv6 to an egress-only
  internet gateway, which reaches the dual-stack endpoint as it reaches Secrets Manager's
  (docs/CONTRACT_NOTES.md, "Mail"). Short timeouts: a slow SES delays one request by seconds at
  most, and the message stays pending for the next relay.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.core.mail import EmailMessage

from outbox.models import Message

if TYPE_CHECKING:
    from mypy_boto3_sesv2 import SESV2Client


class Transport(Protocol):
    def send(self, message: Message) -> None:
        """Hand `message` on; raise on failure (the relay keeps it pending)."""


class DjangoMailTransport:
    def send(self, message: Message) -> None:
        EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.MAIL_FROM,
            to=[message.to],
        ).send(fail_silently=False)


class SesTransport:
    def __init__(self, client: SESV2Client | None = None) -> None:
        self.client = client or ses_client()

    def send(self, message: Message) -> None:
        request: dict[str, Any] = {
            "FromEmailAddress": settings.MAIL_FROM,
            "Destination": {"ToAddresses": [message.to]},
            "Content": {
                "Simple": {
                    "Subject": {"Data": message.subject, "Charset": "UTF-8"},
                    "Body": {"Text": {"Data": message.body, "Charset": "UTF-8"}},
                }
            },
            "EmailTags": [{"Name": "kind", "Value": message.kind}],
        }
        if settings.MAIL_SES_CONFIGURATION_SET:
            request["ConfigurationSetName"] = settings.MAIL_SES_CONFIGURATION_SET
        self.client.send_email(**request)


@cache
def ses_client() -> SESV2Client:
    """One client per process (a Lambda instance keeps it between requests): making one loads
    the service's model, which costs more than a send."""
    import boto3  # only where SES is the transport: local runs never import the AWS SDK
    from botocore.config import Config

    config = Config(
        use_dualstack_endpoint=True,
        connect_timeout=2,
        read_timeout=5,
        retries={"max_attempts": 2, "mode": "standard"},
    )
    return boto3.client("sesv2", region_name=settings.MAIL_SES_REGION or None, config=config)


TRANSPORTS: dict[str, type[DjangoMailTransport] | type[SesTransport]] = {
    "django": DjangoMailTransport,
    "ses": SesTransport,
}


def transport() -> Transport:
    return TRANSPORTS[settings.MAIL_TRANSPORT]()
