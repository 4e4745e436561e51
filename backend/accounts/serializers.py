"""What the accounts API reads and writes, shared by its views: the address field that refuses
look-alikes and hands on the canonical form, and the user as the API shows it."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers, status
from rest_framework.response import Response

from accounts.addresses import canonical_email, plain_email_problem
from accounts.models import User
from accounts.passwords import MESSAGE_PASSWORD_TOO_SHORT, PASSWORD_MIN_LENGTH
from accounts.selectors import user_today
from core.fields import TextField

PASSWORD_MAX_LENGTH = 128


class EmailAddressField(serializers.EmailField):
    """An email address, validated as Django does, then canonical (accounts.addresses); refuses
    addresses whose local part is not plain ASCII once look-alikes are mapped."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        address = super().to_internal_value(data)
        problem = plain_email_problem(address)
        if problem is not None:
            raise serializers.ValidationError(problem, code="not_plain")
        return canonical_email(address)


def password_field(**kwargs: Any) -> TextField:
    """A password as typed (never trimmed)."""
    return TextField(max_length=PASSWORD_MAX_LENGTH, trim_whitespace=False, **kwargs)


def new_password_field(**kwargs: Any) -> TextField:
    """A password being chosen: its minimum length is in the schema for the SPA's form; the rest of
    the policy (accounts.passwords) runs in the service."""
    return password_field(
        min_length=PASSWORD_MIN_LENGTH,
        error_messages={"min_length": MESSAGE_PASSWORD_TOO_SHORT},
        help_text=f"At least {PASSWORD_MIN_LENGTH} characters, not a common password.",
        **kwargs,
    )


class UserOutput(serializers.ModelSerializer[User]):
    today = serializers.SerializerMethodField(help_text="The user's current date (their zone).")

    class Meta:
        model = User
        fields = ["id", "email", "time_zone", "day_start_hour", "language", "today"]
        read_only_fields = fields

    def get_today(self, user: User) -> str:
        return user_today(user=user).isoformat()


class MailSentOutput(serializers.Serializer[Any]):
    """The answer of a request that sends mail: the same whatever the address."""

    email = serializers.EmailField(help_text="Where the mail went (the canonical address).")
    detail = serializers.CharField(help_text="What to do next, for a person.")


def user_response(user: User, code: int = status.HTTP_200_OK) -> Response:
    return Response(UserOutput(user).data, status=code)
