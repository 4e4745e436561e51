"""The session: CSRF cookie, sign in, sign out, the user and their settings, password change,
account deletion."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import ensure_csrf_cookie
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.selectors import signed_in_user
from accounts.serializers import (
    EmailAddressField,
    UserOutput,
    new_password_field,
    password_field,
    user_response,
)
from accounts.throttling import sign_in_client
from accounts.time_zones import validate_time_zone
from core.fields import TextField
from core.schema import ERROR_RESPONSES, OpenApiResponse, extend_schema

MESSAGE_BAD_CREDENTIALS = _("The email address or the password is not correct.")


@method_decorator(ensure_csrf_cookie, name="dispatch")
class CsrfApi(APIView):
    permission_classes = [AllowAny]

    class CsrfOutput(serializers.Serializer[Any]):
        authenticated = serializers.BooleanField(help_text="Whether this browser is signed in.")
        user = UserOutput(
            allow_null=True,
            help_text="The signed-in user, as GET /api/auth/me/ gives it; null when signed out.",
        )

    @extend_schema(
        summary="Set the csrftoken cookie, and say who is signed in",
        description=(
            "A client calls this first: it needs the token for every unsafe request, and learns "
            "without a 401 whether to show the sign-in screen, and who the user is, in one round "
            "trip."
        ),
        responses={200: CsrfOutput},
        tags=["auth"],
    )
    def get(self, request: Request) -> Response:
        if not (request.user and request.user.is_authenticated):
            return Response({"authenticated": False, "user": None})
        return Response({"authenticated": True, "user": UserOutput(signed_in_user(request)).data})


class LoginApi(APIView):
    permission_classes = [AllowAny]

    class LoginInput(serializers.Serializer[Any]):
        email = EmailAddressField()
        password = password_field()
        time_zone = TextField(
            max_length=64,
            required=False,
            validators=[validate_time_zone],
            help_text="The browser's IANA zone; only the local demo account takes it.",
        )

    @extend_schema(
        summary="Sign in (rotates the session key; throttled, see accounts.throttling)",
        request=LoginInput,
        responses={200: UserOutput, **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = self.LoginInput(data=request.data)
        data.is_valid(raise_exception=True)
        email, password = data.validated_data["email"], data.validated_data["password"]
        # The backend checks the password only through the sign-in guard (429 when refused).
        user = authenticate(request._request, email=email, password=password)
        if user is None:
            raise ValidationError({"non_field_errors": [MESSAGE_BAD_CREDENTIALS]})
        login(request._request, user)
        return user_response(
            services.user_signed_in(user=user, time_zone=data.validated_data.get("time_zone"))
        )


class LogoutApi(APIView):
    @extend_schema(
        summary="Sign out (ends this session)",
        request=None,
        responses={204: OpenApiResponse(description="Signed out."), **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeApi(APIView):
    class SettingsInput(serializers.Serializer[Any]):
        time_zone = TextField(max_length=64, required=False, validators=[validate_time_zone])
        day_start_hour = serializers.IntegerField(min_value=0, max_value=23, required=False)
        language = serializers.ChoiceField(
            choices=settings.LANGUAGES,
            required=False,
            help_text="The language of the user's mail and reminders (the SPA shows it too).",
        )

    class DeleteAccountInput(serializers.Serializer[Any]):
        password = password_field()

    @extend_schema(
        summary="The signed-in user", responses={200: UserOutput, **ERROR_RESPONSES}, tags=["auth"]
    )
    def get(self, request: Request) -> Response:
        return user_response(signed_in_user(request))

    @extend_schema(
        summary="Update the user's settings",
        request=SettingsInput,
        responses={200: UserOutput, **ERROR_RESPONSES},
        tags=["auth"],
    )
    def patch(self, request: Request) -> Response:
        data = self.SettingsInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_update_settings(user=signed_in_user(request), **data.validated_data)
        return user_response(user)

    @extend_schema(
        summary="Delete the account and all its data (needs the password)",
        request=DeleteAccountInput,
        responses={204: OpenApiResponse(description="Deleted."), **ERROR_RESPONSES},
        tags=["auth"],
    )
    def delete(self, request: Request) -> Response:
        data = self.DeleteAccountInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.user_delete(
            user=signed_in_user(request),
            password=data.validated_data["password"],
            client=sign_in_client(request._request),
        )
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordApi(APIView):
    class PasswordInput(serializers.Serializer[Any]):
        current_password = password_field()
        new_password = new_password_field()

    @extend_schema(
        summary="Change the password (ends the user's sessions on other devices)",
        request=PasswordInput,
        responses={204: OpenApiResponse(description="Changed."), **ERROR_RESPONSES},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = self.PasswordInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_change_password(
            user=signed_in_user(request),
            client=sign_in_client(request._request),
            **data.validated_data,
        )
        # Other sessions carry the old password's hash and stop authenticating; keep this one.
        # Keep this session (under a new key), end every other one.
        update_session_auth_hash(request._request, user)
        session_key = request._request.session.session_key or ""
        services.user_session_record(user=user, session_key=session_key)
        services.user_sessions_end(user=user, keep=session_key)
        return Response(status=status.HTTP_204_NO_CONTENT)
