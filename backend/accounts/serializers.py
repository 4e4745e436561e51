"""What the accounts API reads and writes, shared by its views: the address field that refuses
look-alikes and hands on the canonical form, and the user as the API shows it."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers, status
from rest_framework.response import Response

from accounts.addresses import canonical_email, plain_email_problem
from accounts.models import User
from accounts.selectors import user_today


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


class UserOutput(serializers.ModelSerializer[User]):
    today = serializers.SerializerMethodField(help_text="The user's current date (their zone).")

    class Meta:
        model = User
        fields = ["id", "email", "time_zone", "day_start_hour", "today"]
        read_only_fields = fields

    def get_today(self, user: User) -> str:
        return user_today(user=user).isoformat()


def user_response(user: User, code: int = status.HTTP_200_OK) -> Response:
    return Response(UserOutput(user).data, status=code)
