"""Sign-up through the inbox (accounts.services.signup)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.apis.common import (
    SIGNUP_BROWSER_KEY,
    sign_in,
    signup_browser_secret,
    site_url_of,
)
from accounts.serializers import (
    EmailAddressField,
    MailSentOutput,
    UserOutput,
    new_password_field,
    password_field,
    user_response,
)
from accounts.throttling import sign_in_client
from accounts.time_zones import validate_time_zone
from core.fields import TextField
from core.schema import ERROR_RESPONSES, extend_schema

MESSAGE_SIGNUP_SENT = _("Check your inbox: we sent a link to finish signing up.")


class RegisterApi(APIView):
    permission_classes = [AllowAny]

    class RegisterInput(serializers.Serializer[Any]):
        email = EmailAddressField()
        password = new_password_field()
        time_zone = TextField(
            max_length=64, required=False, default="UTC", validators=[validate_time_zone]
        )

    @extend_schema(
        summary="Sign up: mails a link that makes the account",
        description=(
            "Answers 202 with the same body whether or not the address has an account (its "
            "owner is mailed that someone tried). The account is made by "
            "POST /api/auth/register/confirm/ with the link's token. Throttled per address and "
            "per client."
        ),
        request=RegisterInput,
        responses={202: MailSentOutput, **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = self.RegisterInput(data=request.data)
        data.is_valid(raise_exception=True)
        secret = signup_browser_secret(request._request, create=True) or ""
        services.signup_request(
            **data.validated_data,
            browser_secret=secret,
            client=sign_in_client(request._request),
            site_url=site_url_of(request._request),
        )
        body = {"email": data.validated_data["email"], "detail": MESSAGE_SIGNUP_SENT}
        return Response(body, status=status.HTTP_202_ACCEPTED)


class RegisterConfirmApi(APIView):
    permission_classes = [AllowAny]

    class ConfirmInput(serializers.Serializer[Any]):
        token = TextField(max_length=200, help_text="The token after #token= in the link.")
        password = password_field(
            required=False,
            help_text=(
                "Only when the link is opened in another browser than the one that signed up "
                "(a 400 with errors.password asks for it)."
            ),
        )

    @extend_schema(
        summary="Make the account from the sign-up link, and sign in",
        request=ConfirmInput,
        responses={201: UserOutput, **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = self.ConfirmInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.signup_confirm(
            token=data.validated_data["token"],
            password=data.validated_data.get("password"),
            browser_secret=signup_browser_secret(request._request, create=False),
            client=sign_in_client(request._request),
        )
        sign_in(request._request, user)
        request._request.session.pop(SIGNUP_BROWSER_KEY, None)
        return user_response(user, status.HTTP_201_CREATED)
