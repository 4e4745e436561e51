"""Passkeys: add one (signed in, with the password), list and remove them, sign in with one
(accounts.services.passkeys). Each ceremony is two requests: options, then the browser's answer."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.apis.common import challenge_keep, challenge_take, sign_in, site_url_of
from accounts.models import Passkey
from accounts.selectors import passkey_list, signed_in_user
from accounts.serializers import UserOutput, password_field, user_response
from accounts.throttling import sign_in_client
from core.fields import TextField
from core.schema import ERROR_RESPONSES, extend_schema

MESSAGE_CEREMONY_EXPIRED = _("This passkey request has expired or was already used. Start again.")
REGISTER, AUTHENTICATE = "register", "authenticate"

CREDENTIAL_HELP = (
    "The PublicKeyCredential the browser returned, as JSON (PublicKeyCredential.toJSON(), or "
    "@simplewebauthn/browser's result)."
)


class PasskeyOutput(serializers.ModelSerializer[Passkey]):
    class Meta:
        model = Passkey
        fields = ["id", "name", "created_at", "last_used_at"]
        read_only_fields = fields


class PasskeyOptionsOutput(serializers.Serializer[Any]):
    publicKey = serializers.DictField(
        help_text=(
            "PublicKeyCredentialCreationOptionsJSON or ...RequestOptionsJSON, for "
            "PublicKeyCredential.parseCreationOptionsFromJSON() / parseRequestOptionsFromJSON() "
            "(or @simplewebauthn/browser's startRegistration / startAuthentication)."
        )
    )


def _expired() -> serializers.ValidationError:
    return serializers.ValidationError({"credential": [MESSAGE_CEREMONY_EXPIRED]})


class PasskeyListApi(APIView):
    @extend_schema(
        summary="The signed-in user's passkeys",
        responses={200: PasskeyOutput(many=True), **ERROR_RESPONSES},
        tags=["passkeys"],
    )
    def get(self, request: Request) -> Response:
        passkeys = passkey_list(user=signed_in_user(request))
        return Response(PasskeyOutput(passkeys, many=True).data)


class PasskeyDetailApi(APIView):
    @extend_schema(
        summary="Remove a passkey",
        responses={204: OpenApiResponse(description="Removed."), **ERROR_RESPONSES},
        tags=["passkeys"],
    )
    def delete(self, request: Request, passkey_id: int) -> Response:
        services.passkey_delete(user=signed_in_user(request), passkey_id=passkey_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasskeyRegisterOptionsApi(APIView):
    class PasskeyRegisterOptionsInput(serializers.Serializer[Any]):
        password = password_field(help_text="The current password: adding a passkey needs it.")

    @extend_schema(
        summary="Start adding a passkey: the options for navigator.credentials.create()",
        description="Needs the current password (throttled like sign-in).",
        request=PasskeyRegisterOptionsInput,
        responses={200: PasskeyOptionsOutput, **ERROR_RESPONSES},
        tags=["passkeys"],
    )
    def post(self, request: Request) -> Response:
        data = self.PasskeyRegisterOptionsInput(data=request.data)
        data.is_valid(raise_exception=True)
        ceremony = services.passkey_registration_options(
            user=signed_in_user(request),
            password=data.validated_data["password"],
            client=sign_in_client(request._request),
        )
        challenge_keep(request._request, purpose=REGISTER, challenge=ceremony.challenge)
        return Response({"publicKey": ceremony.options})


class PasskeyRegisterApi(APIView):
    class PasskeyRegisterInput(serializers.Serializer[Any]):
        name = TextField(max_length=64, help_text="A name the person will recognise it by.")
        credential = serializers.DictField(help_text=CREDENTIAL_HELP)

    @extend_schema(
        summary="Finish adding a passkey with the browser's answer",
        request=PasskeyRegisterInput,
        responses={201: PasskeyOutput, **ERROR_RESPONSES},
        tags=["passkeys"],
    )
    def post(self, request: Request) -> Response:
        data = self.PasskeyRegisterInput(data=request.data)
        data.is_valid(raise_exception=True)
        challenge = challenge_take(request._request, purpose=REGISTER)
        if challenge is None:
            raise _expired()
        passkey = services.passkey_register(
            user=signed_in_user(request),
            name=data.validated_data["name"],
            credential=data.validated_data["credential"],
            challenge=challenge,
            site_url=site_url_of(request._request),
        )
        return Response(PasskeyOutput(passkey).data, status=status.HTTP_201_CREATED)


class PasskeyAuthenticateOptionsApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Start signing in with a passkey: the options for navigator.credentials.get()",
        request=None,
        responses={200: PasskeyOptionsOutput, **ERROR_RESPONSES},
        tags=["passkeys"],
    )
    def post(self, request: Request) -> Response:
        ceremony = services.passkey_authentication_options()
        challenge_keep(request._request, purpose=AUTHENTICATE, challenge=ceremony.challenge)
        return Response({"publicKey": ceremony.options})


class PasskeyAuthenticateApi(APIView):
    permission_classes = [AllowAny]

    class PasskeyAuthenticateInput(serializers.Serializer[Any]):
        credential = serializers.DictField(help_text=CREDENTIAL_HELP)

    @extend_schema(
        summary="Sign in with the browser's passkey answer (throttled like a password)",
        request=PasskeyAuthenticateInput,
        responses={200: UserOutput, **ERROR_RESPONSES},
        tags=["passkeys"],
    )
    def post(self, request: Request) -> Response:
        data = self.PasskeyAuthenticateInput(data=request.data)
        data.is_valid(raise_exception=True)
        challenge = challenge_take(request._request, purpose=AUTHENTICATE)
        if challenge is None:
            raise _expired()
        user = services.passkey_authenticate(
            credential=data.validated_data["credential"],
            challenge=challenge,
            client=sign_in_client(request._request),
        )
        sign_in(request._request, user)
        return user_response(user)
