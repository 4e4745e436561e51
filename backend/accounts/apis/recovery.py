"""Password reset by email (accounts.services.recovery)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.apis.common import sign_in, site_url_of
from accounts.serializers import (
    EmailAddressField,
    MailSentOutput,
    UserOutput,
    new_password_field,
    user_response,
)
from accounts.throttling import sign_in_client
from core.fields import TextField
from core.schema import ERROR_RESPONSES, extend_schema

MESSAGE_RESET_SENT = _("Check your inbox: we sent a link to choose a new password.")


class PasswordResetApi(APIView):
    permission_classes = [AllowAny]

    class ResetInput(serializers.Serializer[Any]):
        email = EmailAddressField()

    @extend_schema(
        summary="Forgot password: mails a link to choose a new one",
        description=(
            "Answers 202 with the same body whether or not the address has an account. "
            "Throttled per address and per client."
        ),
        request=ResetInput,
        responses={202: MailSentOutput, **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = self.ResetInput(data=request.data)
        data.is_valid(raise_exception=True)
        email = data.validated_data["email"]
        services.password_reset_request(
            email=email,
            client=sign_in_client(request._request),
            site_url=site_url_of(request._request),
        )
        body = {"email": email, "detail": MESSAGE_RESET_SENT}
        return Response(body, status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmApi(APIView):
    permission_classes = [AllowAny]

    class ResetConfirmInput(serializers.Serializer[Any]):
        token = TextField(max_length=200, help_text="The token after #token= in the link.")
        new_password = new_password_field()

    @extend_schema(
        summary="Choose a new password from the emailed link; ends every session, signs in here",
        request=ResetConfirmInput,
        responses={200: UserOutput, **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = self.ResetConfirmInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.password_reset_confirm(
            **data.validated_data, client=sign_in_client(request._request)
        )
        sign_in(request._request, user)
        return user_response(user)
