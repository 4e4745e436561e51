"""A new sign-in address, confirmed from its inbox (accounts.services.email_change)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.apis.common import site_url_of
from accounts.selectors import signed_in_user
from accounts.serializers import EmailAddressField, MailSentOutput, password_field
from accounts.throttling import sign_in_client
from core.fields import TextField
from core.schema import ERROR_RESPONSES, extend_schema

MESSAGE_EMAIL_CHANGE_SENT = _(
    "Check the new address's inbox: your address changes when you open the link we sent there."
)


class EmailChangeApi(APIView):
    class EmailChangeInput(serializers.Serializer[Any]):
        password = password_field(help_text="The current password.")
        new_email = EmailAddressField()

    @extend_schema(
        summary="Change the sign-in address: mails a confirmation link to the new one",
        description=(
            "Needs the current password (throttled like sign-in). The address changes only "
            "when the link is opened; the current address is told at once. The same 202 if "
            "the new address already has an account (its owner is told instead)."
        ),
        request=EmailChangeInput,
        responses={202: MailSentOutput, **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = self.EmailChangeInput(data=request.data)
        data.is_valid(raise_exception=True)
        new_email = data.validated_data["new_email"]
        services.email_change_request(
            user=signed_in_user(request),
            password=data.validated_data["password"],
            new_email=new_email,
            client=sign_in_client(request._request),
            site_url=site_url_of(request._request),
        )
        body = {"email": new_email, "detail": MESSAGE_EMAIL_CHANGE_SENT}
        return Response(body, status=status.HTTP_202_ACCEPTED)


class EmailConfirmApi(APIView):
    permission_classes = [AllowAny]

    class EmailConfirmInput(serializers.Serializer[Any]):
        token = TextField(max_length=1000, help_text="The token after #token= in the link.")

    class EmailConfirmOutput(serializers.Serializer[Any]):
        email = serializers.EmailField(help_text="The account's address from now on.")

    @extend_schema(
        summary="Confirm a new sign-in address from the link sent to it",
        description="Works signed in or not (the link may be opened on another device).",
        request=EmailConfirmInput,
        responses={200: EmailConfirmOutput, **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = self.EmailConfirmInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.email_change_confirm(token=data.validated_data["token"])
        return Response({"email": user.email})
